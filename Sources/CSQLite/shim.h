#ifndef NOTICEINDEX_CSQLITE_SHIM_H
#define NOTICEINDEX_CSQLITE_SHIM_H
#include <sqlite3.h>
/* zlib: paragraph text is stored in the sqlar format (zlib streams), which the sqlite3 shell's
   sqlar_uncompress() reads, so the index file stays readable with stock tools. */
#include <zlib.h>

/// SQLITE_TRANSIENT is a macro cast Swift cannot import.
static inline sqlite3_destructor_type noticeindex_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_db_config is variadic, so Swift cannot call it directly.
static inline int noticeindex_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}
#endif
