import CSQLite
import Foundation

/// FTS5's own consistency check of the full-text index, run by `search index` before it writes: a
/// damaged FTS index otherwise goes unnoticed by indexing and fails every query. (`PRAGMA
/// integrity_check` does not look inside FTS5 tables.)
///
/// Cost: it reads the whole FTS index, 1.1 s at 5,000 generated notices (77 MB index; so ~5.5 s at
/// 25k), against 0.16 s for a no-change run at 25k. So it runs when the last check is older than
/// `interval` (a nightly run checks every night; runs every few minutes do not pay for it each time),
/// and the time of the last good check is kept in `meta`. A reader that meets a damaged index is told
/// to rebuild it in the meantime.
enum IntegrityCheck {
    static let key = "fts_checked"
    static let interval: TimeInterval = 20 * 3600

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

    /// Runs the check if it is due, recording a good result. Nil when sound (or not due).
    static func problemIfDue(_ db: Database, now: Date = Date()) throws -> String? {
        if case let .text(last)? = try db.scalar("SELECT value FROM meta WHERE key = ?", [key]),
           let seconds = Double(last), now.timeIntervalSince1970 - seconds < interval {
            return nil
        }
        if let problem = problem(db) { return problem }
        try markChecked(db, now: now)
        return nil
    }

    static func markChecked(_ db: Database, now: Date = Date()) throws {
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", [key, String(Int(now.timeIntervalSince1970))])
    }
}
