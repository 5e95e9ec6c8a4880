import XCTest
@testable import NoticeIndex

/// A `search index` run killed with SIGKILL at any moment leaves the previous index queryable (or, during
/// a first build, says so), and the next run completes the job with the same database content as a
/// clean build: `export` byte for byte.
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
            // After every kill: the index opens, answers, and its FTS structure is intact; or, while the
            // first build is unfinished, readers are told so in one line (never a partial answer).
            do {
                let engine = try SearchEngine(databasePath: db)
                _ = try engine.search(try QueryParser.parse("commissioner"))
                try Database(path: db).execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('integrity-check', 1)")
            } catch let NoticeIndexError.beingBuilt(_, done, total, running) {
                XCTAssertFalse(running, "round \(round): no run holds the lock after the kill")
                XCTAssertLessThanOrEqual(done, total)
                let reader = try TestSupport.run(["commissioner", "--db", db])
                XCTAssertEqual(reader.code, 2)
                XCTAssertTrue(reader.err.contains("interrupted") && reader.err.contains("search index"), reader.err)
            } catch NoticeIndexError.database(_, let reason) where reason.contains("no index here yet") {
                XCTAssertEqual(round, 0, "only a run killed before it created the file may leave no index")
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

        // The same database content: every notice, its paragraphs, findings and case names.
        for format in ["jsonl", "csv"] {
            let a = try TestSupport.run(["export", "--format", format, "--db", db])
            let b = try TestSupport.run(["export", "--format", format, "--db", clean])
            XCTAssertEqual(a.code, 0, a.err)
            XCTAssertFalse(a.out.isEmpty)
            XCTAssertTrue(a.out == b.out, "\(format) export of the killed-and-resumed index differs from a clean build")
        }
    }
}
