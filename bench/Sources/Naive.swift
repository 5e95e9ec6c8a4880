import CSQLite
import Foundation
import NoticeIndex

/// The naive FTS5 baseline: the same paragraphs NoticeIndex's parser yields, one row each in a plain
/// `fts5(notice UNINDEXED, heading, text)` table with the built-in `porter unicode61` tokenizer,
/// inserted by one thread in batched transactions; queries are `MATCH ? ORDER BY rank LIMIT 10`.
final class NaiveFTS {
    let db: OpaquePointer

    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let handle else {
            throw BenchError.failed("cannot open \(path)")
        }
        db = handle
    }

    deinit { sqlite3_close_v2(db) }

    static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let m = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw BenchError.failed("naive: \(m) in \(sql)")
        }
    }

    func prepare(_ sql: String) throws -> OpaquePointer {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw BenchError.failed("naive: \(String(cString: sqlite3_errmsg(db))) in \(sql)")
        }
        return stmt
    }

    func bind(_ stmt: OpaquePointer, _ i: Int32, _ text: String) {
        var s = text
        _ = s.withUTF8 { buf in
            // An empty buffer has no base address, which would bind NULL.
            if buf.isEmpty {
                sqlite3_bind_text(stmt, i, "", 0, noticeindex_transient())
            } else {
                buf.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(stmt, i, $0.baseAddress, Int32($0.count), noticeindex_transient()) }
            }
        }
    }

    struct IndexResult: Codable {
        var files = 0
        var paragraphs = 0
        var bytes = 0
        var seconds = 0.0
        var peakRSSKB = 0
        var cpuSeconds: Double? = nil
    }

    /// Indexes every .txt file under `corpus`, `batch` files per transaction.
    static func index(corpus: String, database: String, batch: Int = 64) throws -> IndexResult {
        let started = Date()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let naive = try NaiveFTS(path: database)
        try naive.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        try naive.exec("CREATE VIRTUAL TABLE naive USING fts5(notice UNINDEXED, heading, text, tokenize = 'porter unicode61')")
        let insert = try naive.prepare("INSERT INTO naive(notice, heading, text) VALUES(?1, ?2, ?3)")
        defer { sqlite3_finalize(insert) }
        var result = IndexResult()
        let files = try corpusFiles(corpus)
        for start in stride(from: 0, to: files.count, by: batch) {
            try naive.exec("BEGIN")
            for file in files[start..<min(files.count, start + batch)] {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                result.bytes += data.count
                let text = String(decoding: data, as: UTF8.self)
                let notice = NoticeParser.parse(text, fileName: file)
                let name = (file as NSString).lastPathComponent
                for p in notice.paragraphs {
                    naive.bind(insert, 1, name)
                    naive.bind(insert, 2, p.heading)
                    naive.bind(insert, 3, p.text)
                    guard sqlite3_step(insert) == SQLITE_DONE else {
                        throw BenchError.failed("naive insert: \(String(cString: sqlite3_errmsg(naive.db)))")
                    }
                    sqlite3_reset(insert)
                    result.paragraphs += 1
                }
                result.files += 1
            }
            try naive.exec("COMMIT")
        }
        try naive.exec("PRAGMA wal_checkpoint(TRUNCATE)")
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Runs one MATCH expression: rows as a user would see them (notice, heading, snippet).
    func search(_ stmt: OpaquePointer, _ match: String) throws -> Int {
        sqlite3_reset(stmt)
        bind(stmt, 1, match)
        var rows = 0
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw BenchError.failed("naive MATCH \(match): \(String(cString: sqlite3_errmsg(db)))") }
            _ = sqlite3_column_bytes(stmt, 0)
            _ = sqlite3_column_bytes(stmt, 1)
            _ = sqlite3_column_bytes(stmt, 2)
            rows += 1
        }
        return rows
    }

    static let querySQL = "SELECT notice, heading, snippet(naive, 2, '[', ']', '…', 12) FROM naive WHERE naive MATCH ?1 ORDER BY rank LIMIT 10"
}

/// The notice files of a corpus, sorted, as both indexers see them.
func corpusFiles(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir)
        .filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".txt") }
        .sorted()
        .map { (dir as NSString).appendingPathComponent($0) }
}

/// User + system CPU seconds of this process so far (every thread).
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

/// Peak resident set size of this process so far (VmHWM), in KB.
func peakRSSKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}
