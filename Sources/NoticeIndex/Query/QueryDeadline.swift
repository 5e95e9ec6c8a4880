import CSQLite
import Foundation

/// A time budget for one search's SQL: a query that would run past it is stopped by SQLite itself and
/// answered with a reason (exit 64) instead of minutes of work.
///
/// Most costly queries are refused by the parser's limits before they run; what is left is what only
/// the index knows, such as phrases and NEAR groups of words in every notice (`"of the" "in the" …`).
/// SQLite calls the progress handler every few thousand virtual-machine steps, including between the
/// rows FTS5 hands over, so the stop comes within milliseconds of the deadline.
enum QueryDeadline {
    /// SQLITE_INTERRUPT, in the primary result code.
    static let interrupted: Int32 = 9

    static let message = "the query is too costly to answer within a second on this index (phrases or NEAR groups of words most notices hold); use rarer words, fewer phrases, or a filter"

    private final class Box {
        let deadline: UInt64
        init(_ deadline: UInt64) { self.deadline = deadline }
    }

    /// CPU time of the calling thread, in nanoseconds. CPU time, not wall time: on a loaded machine (a
    /// test run, a nightly reindex beside the web server) a query waiting for a core is not a costly one.
    static func threadCPUNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Runs `body` with `seconds` of SQL time (CPU time of this thread, where SQLite runs); an
    /// interrupted statement becomes a `.query` error.
    static func run<T>(_ db: Database, seconds: Double, _ body: () throws -> T) throws -> T {
        guard seconds > 0, seconds.isFinite else { return try body() }
        let box = Unmanaged.passRetained(Box(threadCPUNanoseconds() + UInt64(seconds * 1e9)))
        sqlite3_progress_handler(db.handle, 4_000, { context in
            guard let context else { return 0 }
            return QueryDeadline.threadCPUNanoseconds() > Unmanaged<Box>.fromOpaque(context).takeUnretainedValue().deadline ? 1 : 0
        }, box.toOpaque())
        defer {
            sqlite3_progress_handler(db.handle, 0, nil, nil)
            box.release()
        }
        do {
            return try body()
        } catch let NoticeIndexError.sqlite(code, _, _) where code & 0xFF == interrupted {
            throw NoticeIndexError.query(message, position: nil)
        }
    }
}
