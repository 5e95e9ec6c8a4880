import XCTest
@testable import NoticeIndex

/// An index's file holds its data, not the pages FTS5's segment merges and removed notices left free:
/// a bulk load used to leave 15 % of the file free at 25k notices and 27 % at 250k.
final class FreePagesTests: FolderTestCase {
    private func pages(_ path: String) throws -> (free: Int, total: Int, autoVacuum: Int) {
        let db = try Database(path: path, readOnly: true, create: false)
        return (try db.int("PRAGMA freelist_count") ?? -1, try db.int("PRAGMA page_count") ?? -1,
                try db.int("PRAGMA auto_vacuum") ?? -1)
    }

    private func assertTight(_ path: String, _ when: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let p = try pages(path)
        XCTAssertLessThanOrEqual(Double(p.free), Double(p.total) * WriteSession.reclaimFreeShare,
                                 "\(when): \(p.free) of \(p.total) pages free", file: file, line: line)
    }

    func testAFirstBuildMakesAnIndexThatCanGiveBackPagesAndEndsTight() throws {
        try FaultSupport.writeCopies(240, into: notices)
        var options = IndexOptions()
        options.firstBuildBatchSize = 8   // 30 commits: many FTS5 segments, merged as the load goes
        _ = try Indexer.run(paths: [notices.path], database: db, options: options)
        XCTAssertEqual(try pages(db).autoVacuum, 2, "a new index is made with incremental auto-vacuum")
        try assertTight(db, "after the first build")
    }

    /// The first commit to a new file already carries the NoticeIndex mark, auto-vacuum and the schema,
    /// so a run killed at any moment leaves either an empty file or one provably ours. (Setting
    /// auto-vacuum in its own statement committed an unmarked first page: a killed rebuild then left a
    /// `.rebuilding` file the next run refused as someone else's.) SQLite counts commits in the header.
    func testANewIndexFileIsWrittenMarkedInItsFirstCommit() throws {
        let db = try IndexDatabase.openForWriting(self.db)
        XCTAssertEqual(try db.int("PRAGMA auto_vacuum"), 2)
        let header = try XCTUnwrap(IndexFile.firstBytes(self.db, count: 100))
        let commits = header[24..<28].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(commits, 1, "the file was created in one commit")
        XCTAssertEqual(IndexFile.classify(self.db), .noticeIndex(version: Schema.version))
    }

    func testRemovingNoticesGivesTheirPagesBack() throws {
        try FaultSupport.writeCopies(160, into: notices)
        _ = try Indexer.run(paths: [notices.path], database: db, options: IndexOptions())
        let before = try pages(db)
        for i in 0..<120 { try FileManager.default.removeItem(at: notices.appendingPathComponent(String(format: "copy-%04d.txt", i))) }
        let summary = try Indexer.run(paths: [notices.path], database: db, options: IndexOptions(allowRemovals: true))
        XCTAssertEqual(summary.removed, 120)
        let after = try pages(db)
        // Not to a quarter: FTS5 records deletions in new segments until a merge drops them.
        XCTAssertLessThan(Double(after.total), Double(before.total) * 0.7, "the file shrinks with its notices")
        try assertTight(db, "after removing three quarters of the notices")
        let kept = try TestSupport.run(["show", "copy-0150", "--db", db])
        XCTAssertEqual(kept.code, 0, kept.err)
    }

    func testAnIndexMadeWithoutAutoVacuumIsLeftAsItWasAndStillUpdates() throws {
        try FaultSupport.writeCopies(60, into: notices)
        _ = try Indexer.run(paths: [notices.path], database: db, options: IndexOptions())
        let old = try Database(path: db)
        try old.execute("PRAGMA auto_vacuum = NONE; VACUUM")   // as every index made before this change
        for i in 0..<40 { try FileManager.default.removeItem(at: notices.appendingPathComponent(String(format: "copy-%04d.txt", i))) }
        let summary = try Indexer.run(paths: [notices.path], database: db, options: IndexOptions(allowRemovals: true))
        XCTAssertEqual(summary.removed, 40)
        XCTAssertEqual(try pages(db).autoVacuum, 0)
        let kept = try TestSupport.run(["show", "copy-0050", "--db", db])
        XCTAssertEqual(kept.code, 0, kept.err)
    }
}
