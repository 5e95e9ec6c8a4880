import CSQLite
import Foundation

/// The checks `search index` runs before it writes, so that damage is repaired (by a rebuild beside)
/// instead of being carried forward: a run that finds an index sound but leaves queries failing would
/// say "0 new, 34 unchanged" over a broken file.
///
/// - SQLite's `quick_check` reads every page and b-tree of the file once. Measured (SQLite's own C code,
///   2-core machine, `noticeindex-bench generate --seed 1`): 2,500 notices (39 MB) 0.07–0.09 s warm,
///   0.27 s cold; 25,000 notices (367 MB) 0.6 s warm, 1.7 s cold. Against a no-change run of 0.16 s at
///   25k, every run would cost 4–10× more; so it runs on every run of an index up to `everyRunBytes`
///   (≈ 0.1 s warm), and with the FTS check below for larger ones.
/// - FTS5's `integrity-check` looks inside the full-text index, which `quick_check` does not: 1.1 s at
///   5,000 notices (77 MB; so ~5.5 s at 25k). It runs when the last good check is older than `interval`
///   (a nightly run checks every night; runs every few minutes do not pay for it each time); the time
///   of the last good check is kept in `meta`.
///
/// Between checks, a run that meets damage anyway (SQLITE_CORRUPT or NOTADB on any read or write)
/// rebuilds beside (`IndexRun.execute`), and a reader that meets it is told the index is damaged.
enum IntegrityCheck {
    static let key = "fts_checked"
    static let interval: TimeInterval = 20 * 3600
    /// Indexes up to this size get `quick_check` on every run (≈ 0.2 s at most).
    static let everyRunBytes = 64 << 20

    /// Nil when the FTS index is sound; otherwise what is wrong, for the note that announces a rebuild.
    static func problem(_ db: Database) -> String? {
        do {
            try db.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('integrity-check', 0)")
            return nil
        } catch let error as NoticeIndexError where error.isDamage {
            return "its full-text index failed FTS5's integrity check"
        } catch {
            return nil
        }
    }

    /// Nil when SQLite's `quick_check` finds every page sound; otherwise what it found.
    static func pageProblem(_ db: Database) -> String? {
        do {
            let verdict = try db.rows("PRAGMA quick_check(1)") { $0.string(0) ?? "" }
            return verdict == ["ok"] ? nil : "SQLite's quick_check found damaged pages"
        } catch let error as NoticeIndexError where error.isDamage {
            return "SQLite's quick_check cannot read all of it"
        } catch {
            return nil
        }
    }

    /// Runs the checks that are due for an index file of `fileSize` bytes, recording a good result.
    /// Nil when sound (or nothing was due).
    static func problemIfDue(_ db: Database, fileSize: Int, everyRunBytes: Int = everyRunBytes,
                             now: Date = Date()) throws -> String? {
        if fileSize <= everyRunBytes, let problem = pageProblem(db) { return problem }
        if case let .text(last)? = try db.scalar("SELECT value FROM meta WHERE key = ?", [key]),
           let seconds = Double(last), now.timeIntervalSince1970 - seconds < interval {
            return nil
        }
        if fileSize > everyRunBytes, let problem = pageProblem(db) { return problem }
        if let problem = problem(db) { return problem }
        try markChecked(db, now: now)
        return nil
    }

    static func markChecked(_ db: Database, now: Date = Date()) throws {
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", [key, String(Int(now.timeIntervalSince1970))])
    }
}
