import XCTest
@testable import NoticeIndex

/// A `search index` run killed with SIGKILL at any moment leaves the previous index queryable, and the
/// next run completes the job with the same result as a clean build.
final class CrashSafetyTests: XCTestCase {
    func testKilledIndexRunsLeaveAQueryableIndexThatTheNextRunCompletes() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let notices = dir.appendingPathComponent("notices")
        try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
        let sources = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        let texts = try sources.map { try String(contentsOf: $0, encoding: .utf8) }
        let copies = 240
        for i in 0..<copies {
            // Each copy gets a word of its own so the notices are distinct documents.
            let text = texts[i % texts.count] + "\n\(i + 1000). Marker paragraph uniqueword\(i) for the crash test.\n"
            try text.write(to: notices.appendingPathComponent(String(format: "copy-%04d.txt", i)), atomically: false, encoding: .utf8)
        }
        let db = dir.appendingPathComponent("index.sqlite").path
        let binary = TestSupport.productsDirectory.appendingPathComponent("search").path

        var rng = SeededGenerator(seed: 7)
        var killedMidRun = 0
        for round in 0..<4 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["index", "--db", db, "--quiet", notices.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 80_000...600_000, using: &rng))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidRun += 1
            }
            process.waitUntilExit()
            // After every kill: the index opens, answers, and its FTS structure is intact.
            if FileManager.default.fileExists(atPath: db), let engine = try? SearchEngine(databasePath: db) {
                _ = try engine.search(try QueryParser.parse("commissioner"))
                try Database(path: db).execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('integrity-check', 1)")
            } else {
                XCTAssertEqual(round, 0, "only a run killed before its first commit may leave no index")
            }
        }
        XCTAssertGreaterThan(killedMidRun, 0, "at least one run was killed mid-way")

        let finish = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertTrue(finish.failed.isEmpty, "\(finish.failed)")
        let clean = dir.appendingPathComponent("clean.sqlite").path
        _ = try Indexer.run(paths: [notices.path], database: clean)

        let resumed = try SearchEngine(databasePath: db)
        let fresh = try SearchEngine(databasePath: clean)
        XCTAssertEqual(try resumed.noticeCount(), copies)
        XCTAssertEqual(try fresh.noticeCount(), copies)
        for q in ["commissioner", "uniqueword17", "\"public interest\"", "information OR request"] {
            let a = try resumed.search(try QueryParser.parse(q), limit: copies)
            let b = try fresh.search(try QueryParser.parse(q), limit: copies)
            XCTAssertEqual(a.total, b.total, q)
            XCTAssertEqual(Set(a.results.map(\.id)), Set(b.results.map(\.id)), q)
        }
        try Database(path: db).execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('integrity-check', 1)")
    }
}
