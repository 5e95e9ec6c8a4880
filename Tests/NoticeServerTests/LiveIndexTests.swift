import Foundation
import XCTest
@testable import NoticeIndex
@testable import NoticeServer

/// The server over an index that changes under it: consistent answers while a reindex runs, the new
/// index without a restart (in-place commits and a file renamed over the old), and servers over copies
/// answering alike (nothing held in the server).
final class LiveIndexTests: XCTestCase {
    /// A notice that exists only in the newer index.
    static let addedNotice = """
        Freedom of Information Act 2000 (FOIA)
        Decision notice

        Date: 9 September 2025

        Public Authority: Northmoor Fire and Rescue Service

        Decision (including any steps ordered)

        1. The complainant asked for the inspection reports on the zeppelinhangar fire station. The Commissioner's decision is that the service was entitled to rely on section 38(1) of FOIA. He does not require any steps.

        Reasons for decision

        2. The Commissioner accepts that disclosure of the zeppelinhangar reports would be likely to endanger the health and safety of firefighters.

        """

    func testReindexRunningMeanwhileGivesWholeAnswersThenTheNewIndex() async throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let db = try ServerTestSupport.copyIndex(ServerTestSupport.sharedIndex, to: dir)
        let server = try await RunningServer.start(database: db, test: self)
        let before = try await server.object("/api/search?q=police")["total"] as? Int
        let notFound = try await server.get("/api/search?q=zeppelinhangar").json() as? [String: Any]
        XCTAssertEqual(notFound?["total"] as? Int, 0)

        let extra = dir.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try Self.addedNotice.write(to: extra.appendingPathComponent("2025-09-09-northmoor.txt"), atomically: true, encoding: .utf8)
        // A full rebuild (one transaction) while requests keep coming.
        let done = DoneFlag()
        let reindex = Task.detached {
            defer { done.set() }
            return try Indexer.run(paths: [TestSupport.corpus.path, extra.path], database: db, options: IndexOptions(rebuild: true))
        }
        var statuses: [Int] = []
        var totals: Set<Int> = []
        while !done.isSet || statuses.isEmpty {
            let reply = try await server.get("/api/search?q=police")
            statuses.append(reply.status)
            if let t = (try? reply.json() as? [String: Any])?["total"] as? Int { totals.insert(t) }
        }
        _ = try await reindex.value
        XCTAssertEqual(Set(statuses), [200], "every request answered during the reindex")
        XCTAssertEqual(totals, [try XCTUnwrap(before)], "the police notices did not change; no request saw a half-built index")
        let found = try await server.get("/api/search?q=zeppelinhangar").json() as? [String: Any]
        XCTAssertEqual(found?["total"] as? Int, 1, "the new notice is served without a restart")
    }

    final class DoneFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    func testAnIndexRenamedOverTheServedFileIsPickedUp() async throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let db = try ServerTestSupport.copyIndex(ServerTestSupport.sharedIndex, to: dir)
        let server = try await RunningServer.start(database: db, test: self)
        let markup = try await server.object("/api/search?q=pwned")["total"] as? Int
        XCTAssertEqual(markup, 1, "the served index holds the notice with markup")

        // The nightly job builds a new file beside the old one and renames it over.
        let extra = dir.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try Self.addedNotice.write(to: extra.appendingPathComponent("2025-09-09-northmoor.txt"), atomically: true, encoding: .utf8)
        let fresh = dir.appendingPathComponent("fresh.sqlite").path
        _ = try Indexer.run(paths: [TestSupport.corpus.path, extra.path], database: fresh)
        try Self.checkpoint(fresh)
        XCTAssertEqual(rename(fresh, db), 0)

        let gone = try await server.object("/api/search?q=pwned")["total"] as? Int
        XCTAssertEqual(gone, 0, "the new file has no notice with markup")
        let found = try await server.get("/api/search?q=zeppelinhangar").json() as? [String: Any]
        XCTAssertEqual(found?["total"] as? Int, 1)
        let page = try await server.get("/notices/FS50648213")
        XCTAssertEqual(page.status, 200)
    }

    /// Folds the WAL into the main file, as a job shipping one file does before the rename.
    static func checkpoint(_ path: String) throws {
        let db = try Database(path: path, create: false)
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    func testTwoServersOverTwoCopiesAnswerAlike() async throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let a = try ServerTestSupport.copyIndex(ServerTestSupport.sharedIndex, to: dir, name: "a.sqlite")
        let b = try ServerTestSupport.copyIndex(ServerTestSupport.sharedIndex, to: dir, name: "b.sqlite")
        let one = try await RunningServer.start(database: a, test: self)
        let two = try await RunningServer.start(database: b, test: self)
        XCTAssertNotEqual(one.port, two.port)
        // A client moved between servers mid-session (as a load balancer may do) sees one collection.
        for path in ["/api/search?q=section+31(3)+NCND&facets=1", "/api/search?q=public+interest&offset=5&limit=5",
                     "/api/notices/FS50648213", "/api/cases", "/search?q=vexatious", "/notices/FS50648213?q=NCND", "/cases"] {
            let x = try await one.get(path), y = try await two.get(path)
            XCTAssertEqual(x.status, 200, path)
            if path.hasPrefix("/api/") {
                XCTAssertEqual(try x.body.jsonObject(), try y.body.jsonObject(), path)
            } else {
                XCTAssertEqual(x.text, y.text, path)
            }
        }
    }
}
