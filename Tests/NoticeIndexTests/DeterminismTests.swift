import XCTest
@testable import NoticeIndex

/// The same files give the same database content: the same export, byte for byte, whatever the
/// number of workers and the order they finish in, and case names chosen by a rule, not by a race.
final class DeterminismTests: FolderTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
    }

    /// The seed notice citing the Tribunal's EA/2018/0164 under `name` (copies share one reference).
    func writeCiting(_ name: String, as file: String) throws {
        let seed = try String(contentsOf: TestSupport.seed, encoding: .utf8)
        let at = try XCTUnwrap(seed.range(of: "\n27. ")).upperBound
        let text = seed[..<at] + "The Tribunal in \(name) (EA/2018/0164) considered the same exemption. " + seed[at...]
        try text.write(to: notices.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    func caseName(_ db: String) throws -> String? {
        try Database(path: db).rows("SELECT name FROM cases WHERE key = 'EA/2018/0164'") { $0.string(0) }.first ?? nil
    }

    let long = "Privacy International v Information Commissioner and Metropolitan Police Service"
    let short = "Privacy International v the ICO & MPS"

    func testACaseIsNamedAsMostOfItsCitingNoticesNameItAndRenamedWhenTheyChange() throws {
        try writeCiting(long, as: "a.txt")       // written first
        try writeCiting(short, as: "b.txt")
        try writeCiting(short, as: "c.txt")
        _ = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(try caseName(db), short, "two notices of three name it so")

        for f in ["b.txt", "c.txt"] { try FileManager.default.removeItem(at: notices.appendingPathComponent(f)) }
        _ = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(try caseName(db), long, "recomputed when the citing notices change")

        try writeCiting(short, as: "d.txt")
        _ = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(try caseName(db), long, "a tie goes to the first name in binary order")
    }

    func testTheSameFilesGiveTheSameExportWhateverTheWorkers() throws {
        try FaultSupport.copyCorpus(12, into: notices)
        for (i, name) in [long, short, short, long, short].enumerated() { try writeCiting(name, as: "cite-\(i).txt") }
        var exports: [String] = []
        for workers in [1, 2, 4] {
            let db = dir.appendingPathComponent("w\(workers).sqlite").path
            var options = IndexOptions()
            options.workers = workers
            options.firstBuildBatchSize = 3
            _ = try Indexer.run(paths: [notices.path], database: db, options: options)
            let r = try TestSupport.run(["export", "--db", db])
            XCTAssertEqual(r.code, 0, r.err)
            exports.append(r.out)
        }
        XCTAssertFalse(exports[0].isEmpty)
        XCTAssertTrue(exports.allSatisfy { $0 == exports[0] }, "exports differ between worker counts")
    }
}
