import XCTest
@testable import NoticeIndex

/// Symbolic links and hard links in the folders given to `search index`: a loop ends at once and is
/// reported once, and a notice reached by several paths is indexed once, under the same path every run.
final class LinkWalkTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try TestSupport.temporaryDirectory(self)
    }

    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func add(_ s: String) { lock.lock(); stored.append(s); lock.unlock() }
        var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    /// Indexes `roots` into `db` with the library, returning the report and the notes it printed.
    func index(_ roots: [URL], into db: String) throws -> (IndexReport, [String]) {
        let notes = Notes()
        var options = IndexOptions()
        options.note = { notes.add($0) }
        let report = try Indexer.run(paths: roots.map(\.path), database: db, options: options)
        return (report, notes.lines)
    }

    func files(in db: String) throws -> [String] {
        try Database(path: db, readOnly: true, create: false).rows("SELECT file FROM notices ORDER BY file") { $0.string(0) ?? "" }
    }

    func link(_ at: URL, to target: String) throws {
        try FileManager.default.createDirectory(at: at.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: at.path, withDestinationPath: target)
    }

    func testLinkLoopsEndAtOnceAndEachIsReportedOnceAsSkipped() throws {
        let cases: [(name: String, links: [(at: String, to: String)])] = [
            ("a link to the parent", [("x/back", "../")]),
            ("two loops", [("d/back", "../"), ("self", ".")]),
            ("a loop three folders down", [("a/b/c/top", "../../..")]),
        ]
        for (n, c) in cases.enumerated() {
            let root = dir.appendingPathComponent("loop\(n)")
            let copies = try FaultSupport.copyCorpus(2, into: root)
            for l in c.links { try link(root.appendingPathComponent(l.at), to: l.to) }
            let db = dir.appendingPathComponent("loop\(n).sqlite").path
            let started = Date()
            let (report, notes) = try index([root], into: db)
            XCTAssertLessThan(Date().timeIntervalSince(started), 30, "\(c.name): the walk ends")
            XCTAssertEqual(report.new, 2, c.name)
            XCTAssertEqual(report.failed, [], c.name)
            XCTAssertEqual(try files(in: db), copies.map { FileWalker.absolutePath($0.path) }.sorted(), "\(c.name): under their own paths")
            for l in c.links {
                let said = notes.filter { $0.hasPrefix(root.appendingPathComponent(l.at).path + ":") }
                XCTAssertEqual(said.count, 1, "\(c.name): \(notes)")
                XCTAssertTrue(said.first?.contains("loop") ?? false, "\(c.name): \(notes)")
            }
            XCTAssertEqual(notes.count, c.links.count, "\(c.name): nothing else reported: \(notes)")
        }
    }

    /// The path kept: one without links before one through a link, then the smallest; and the same
    /// path on the next run, which changes nothing.
    func testANoticeReachedByManyPathsIsIndexedOnceUnderItsPlainPath() throws {
        let text = try String(contentsOf: TestSupport.seed, encoding: .utf8)
        let cases: [(name: String, make: (URL) throws -> Void, kept: String, others: [String])] = [
            ("a link to a file, named to sort first", { root in
                try text.write(to: root.appendingPathComponent("z-real.txt"), atomically: true, encoding: .utf8)
                try self.link(root.appendingPathComponent("a-link.txt"), to: "z-real.txt")
            }, "z-real.txt", ["a-link.txt"]),
            ("a hard link", { root in
                try text.write(to: root.appendingPathComponent("z-name.txt"), atomically: true, encoding: .utf8)
                try FileManager.default.linkItem(at: root.appendingPathComponent("z-name.txt"), to: root.appendingPathComponent("a-name.txt"))
            }, "a-name.txt", ["z-name.txt"]),
            ("a link to a folder, named to sort first", { root in
                try FileManager.default.createDirectory(at: root.appendingPathComponent("z-folder"), withIntermediateDirectories: true)
                try text.write(to: root.appendingPathComponent("z-folder/notice.txt"), atomically: true, encoding: .utf8)
                try self.link(root.appendingPathComponent("a-folder"), to: "z-folder")
            }, "z-folder/notice.txt", ["a-folder"]),
            ("a link to a notice outside the roots (followed, filed under the link)", { root in
                let outside = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-elsewhere.txt")
                try text.write(to: outside, atomically: true, encoding: .utf8)
                try self.link(root.appendingPathComponent("linked.txt"), to: outside.path)
            }, "linked.txt", []),
        ]
        for (n, c) in cases.enumerated() {
            let root = dir.appendingPathComponent("many\(n)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try c.make(root)
            let db = dir.appendingPathComponent("many\(n).sqlite").path
            let (first, notes) = try index([root], into: db)
            XCTAssertEqual(first.new, 1, c.name)
            XCTAssertEqual(first.failed, [], c.name)
            XCTAssertEqual(try files(in: db), [root.appendingPathComponent(c.kept).path], c.name)
            for other in c.others {
                XCTAssertTrue(notes.contains { $0.hasPrefix(root.appendingPathComponent(other).path + ":") && $0.contains("skipped") }, "\(c.name): \(notes)")
            }
            let (again, _) = try index([root], into: db)
            XCTAssertEqual([again.new, again.changed, again.removed, again.unchanged], [0, 0, 0, 1], "\(c.name): the same path next run")
        }
    }

    func testALinkedFolderHeldByAnotherRootIsIndexedUnderThatRoot() throws {
        let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
        let copies = try FaultSupport.copyCorpus(2, into: second)
        try link(first.appendingPathComponent("shared"), to: second.path)
        let db = dir.appendingPathComponent("roots.sqlite").path
        let (report, _) = try index([first, second], into: db)
        XCTAssertEqual(report.new, 2)
        XCTAssertEqual(try files(in: db), copies.map(\.path).sorted())
        // The link goes: nothing is removed, the notices were never filed under it.
        try FileManager.default.removeItem(at: first.appendingPathComponent("shared"))
        let (after, _) = try index([first, second], into: db)
        XCTAssertEqual([after.removed, after.unchanged], [0, 2])
    }

    /// Notices filed under a link's path until their folder moves inside the root: they are filed anew
    /// under the plain path, and the run does not stop as if they had been deleted.
    func testNoticesRefiledUnderTheirPlainPathAreNotTakenForRemovals() throws {
        let root = dir.appendingPathComponent("root"), elsewhere = dir.appendingPathComponent("elsewhere")
        try FaultSupport.copyCorpus(6, into: elsewhere)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try link(root.appendingPathComponent("a-link"), to: elsewhere.path)
        let db = dir.appendingPathComponent("refiled.sqlite").path
        XCTAssertEqual(try index([root], into: db).0.new, 6)
        try FileManager.default.moveItem(at: elsewhere, to: root.appendingPathComponent("z-real"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("a-link"))
        try link(root.appendingPathComponent("a-link"), to: "z-real")
        let (report, _) = try index([root], into: db)
        XCTAssertEqual([report.new, report.removed], [6, 6])
        XCTAssertTrue(try files(in: db).allSatisfy { $0.hasPrefix(root.appendingPathComponent("z-real").path + "/") })
    }

    func testTheSameNoticeCopiedIntoSeveralFoldersUnderOneNameIsKeptOncePerCopy() throws {
        let root = dir.appendingPathComponent("copies")
        for folder in ["2019", "2020", "2021", "archive"] {
            try FaultSupport.copyCorpus(1, into: root.appendingPathComponent(folder))
        }
        let db = dir.appendingPathComponent("copies.sqlite").path
        let (report, _) = try index([root], into: db)
        XCTAssertEqual(report.new, 4)
        XCTAssertEqual(report.failed, [])
        let ids = try Database(path: db, readOnly: true, create: false).rows("SELECT uid FROM notices ORDER BY file") { $0.string(0) ?? "" }
        XCTAssertEqual(Set(ids).count, 4, "\(ids)")
        // Rebuilt, every copy keeps its id.
        _ = try Indexer.run(paths: [root.path], database: db, options: IndexOptions(rebuild: true))
        XCTAssertEqual(try Database(path: db, readOnly: true, create: false).rows("SELECT uid FROM notices ORDER BY file") { $0.string(0) ?? "" }, ids)
    }
}
