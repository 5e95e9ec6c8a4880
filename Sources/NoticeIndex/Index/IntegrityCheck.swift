import CSQLite

/// FTS5's own consistency check of the full-text index, run by `search index` before it writes: a
/// damaged FTS index otherwise goes unnoticed by indexing and fails every query. (`PRAGMA
/// integrity_check` does not look inside FTS5 tables.) Cost: see README, "Guarantees".
enum IntegrityCheck {
    /// Nil when the FTS index is sound; otherwise what is wrong, for the note that announces a rebuild.
    static func problem(_ db: Database) -> String? {
        do {
            try db.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('integrity-check', 0)")
            return nil
        } catch let NoticeIndexError.sqlite(code, _, _) where code & 0xff == SQLITE_CORRUPT {
            return "its full-text index failed FTS5's integrity check"
        } catch {
            return nil
        }
    }
}
