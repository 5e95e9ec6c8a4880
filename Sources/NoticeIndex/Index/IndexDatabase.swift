import CSQLite
import Foundation

/// Opening a NoticeIndex database: creating the schema, checking its version, and turning "not a
/// database" or "corrupt" into a message that names the file and the way out (`--rebuild`).
public enum IndexDatabase {
    /// Opens an existing index for reading. Throws `.database` if it is missing, corrupt or of another schema.
    public static func openForReading(_ path: String) throws -> Database {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NoticeIndexError.database(path: path, reason: "no index here yet; build one with `search index PATH`")
        }
        let db = try Database(path: path, create: false)
        try check(db, allowEmpty: false)
        // Memory-mapped reads skip a copy per page; queries read many pages of the FTS index.
        try db.execute("PRAGMA mmap_size = 1073741824")
        return db
    }

    /// Opens (creating if needed) an index for writing, with the schema in place.
    /// A database of an older schema is reported unless `rebuilding`, in which case it is wiped.
    public static func openForWriting(_ path: String, rebuilding: Bool) throws -> Database {
        let db = try Database(path: path)
        do {
            try check(db, allowEmpty: true)
        } catch NoticeIndexError.database where rebuilding {
            try db.execute(dropAll)
        }
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF")
        if try db.userVersion == 0 {
            try db.transaction {
                try db.execute(Schema.create)
                try db.execute("PRAGMA user_version = \(Schema.version)")
            }
        }
        return db
    }

    /// Validates that `db` is a NoticeIndex database of this version.
    static func check(_ db: Database, allowEmpty: Bool) throws {
        let version: Int
        do {
            version = try db.userVersion
            _ = try db.int("SELECT count(*) FROM sqlite_schema")
        } catch let NoticeIndexError.sqlite(code, _, _) where code & 0xff == SQLITE_NOTADB || code & 0xff == SQLITE_CORRUPT {
            throw NoticeIndexError.database(
                path: db.path, reason: "not a NoticeIndex database (corrupt, or not SQLite); rebuild it with `search index --rebuild PATH`")
        }
        if version == 0 {
            let tables = try db.int("SELECT count(*) FROM sqlite_schema") ?? 0
            if tables == 0 && allowEmpty { return }
            if tables == 0 {
                throw NoticeIndexError.database(path: db.path, reason: "empty database; build the index with `search index PATH`")
            }
            throw NoticeIndexError.database(path: db.path, reason: "not a NoticeIndex database; use another --db path or `search index --rebuild PATH`")
        }
        if version != Schema.version {
            let older = version < Schema.version ? "an older" : "a newer"
            throw NoticeIndexError.database(
                path: db.path,
                reason: "built by \(older) version of NoticeIndex (schema \(version); this one uses \(Schema.version)); "
                    + "rebuild it with `search index --rebuild PATH`")
        }
    }

    /// Drops every table, for a rebuild over a database of another schema.
    static let dropAll = """
        PRAGMA writable_schema = OFF;
        DROP TABLE IF EXISTS notice_vocab; DROP TABLE IF EXISTS notice_fts;
        DROP TABLE IF EXISTS citations; DROP TABLE IF EXISTS case_forms; DROP TABLE IF EXISTS cases;
        DROP TABLE IF EXISTS findings; DROP TABLE IF EXISTS provision_mentions; DROP TABLE IF EXISTS provision_index;
        DROP VIEW IF EXISTS paragraphs; DROP TABLE IF EXISTS paragraphs; DROP TABLE IF EXISTS notice_text; DROP TABLE IF EXISTS headings; DROP TABLE IF EXISTS notices; DROP TABLE IF EXISTS files;
        DROP TABLE IF EXISTS term_stats; DROP TABLE IF EXISTS meta; PRAGMA user_version = 0;
        """

    /// Whether the file at `path` can't be used at all (not SQLite, corrupt header), so a rebuild
    /// has to start from a new file.
    static func isUnusable(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        guard let db = try? Database(path: path, create: false) else { return true }
        do {
            _ = try db.int("SELECT count(*) FROM sqlite_schema")
            return false
        } catch {
            return true
        }
    }

    /// The folders earlier runs indexed (kept in `meta`), whatever the schema version; empty if none.
    public static func storedRoots(_ path: String) -> [String] {
        guard FileManager.default.fileExists(atPath: path), let db = try? Database(path: path, create: false),
              case let .text(roots)? = try? db.scalar("SELECT value FROM meta WHERE key = 'roots'") else { return [] }
        return roots.split(separator: "\n").map(String.init)
    }

    /// Removes a database file and its WAL companions.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
