import XCTest
@testable import NoticeIndex

/// Issue 12, item 6: oversized and odd input is refused with a reason (exit 64), never with SQLite's own
/// words; Unicode compatibility forms are folded; control characters never reach a terminal or a CSV.
final class QueryLimitTests: XCTestCase {
    var db: String { TestSupport.corpusIndex }

    func testOversizedInputIsRefusedWithAReason() throws {
        let phrase = "\"" + Array(repeating: "public interest", count: 7_500).joined(separator: " ") + "\""
        let cases: [(args: [String], says: String)] = [
            ([phrase], "too long"),
            ([Array(repeating: "provision:31(3)", count: 1_000).joined(separator: " ")], "too long"),
            (Array(repeating: ["--provision", "31(3)"], count: 1_000).flatMap { $0 }, "too many arguments"),
            (Array(repeating: ["--provision", "31(3)"], count: 100).flatMap { $0 }, ""),  // repeats are one filter
            (["--authority", String(repeating: "Kent Police ", count: 9_000)], "too long"),
            (["--cites", String(repeating: "Dransfield ", count: 9_000)], "too long"),
            // Every filter option counts against the same limit of filter values.
            ((1...40).flatMap { ["--authority", "Authority \($0)"] }, "too many filters"),
            ((1...40).flatMap { ["--cites", "Case \($0)"] }, "too many filters"),
            (["show", String(repeating: "FS5047", count: 17_000)], "too long"),
            ([String(repeating: "(", count: 40) + "police" + String(repeating: ")", count: 40)], "nested"),
            ([(1...70).map { "police\($0)" }.joined(separator: " ")], "too long"),
            (["\"" + Array(repeating: "police", count: 40).joined(separator: " ") + "\""], "phrase too long"),
            (["a* b* c* d* e* f* g* h* i*"], "too short a prefix"),
            (["comm* publ* info* requ* auth*"], "too many prefix terms"),
        ]
        for c in cases {
            let started = Date()
            let r = try TestSupport.run(c.args + ["--db", db])
            let label = String(c.args.joined(separator: " ").prefix(60))
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, label)
            for raw in ["SQLite", "LIKE or GLOB", "Expression tree", "Missing value"] { XCTAssertFalse(r.err.contains(raw), "\(label): \(r.err)") }
            if c.says.isEmpty {
                XCTAssertNotEqual(r.code, 2, "\(label): \(r.err)")  // repeats collapse to one filter
            } else {
                XCTAssertEqual(r.code, 64, "\(label): \(r.err)")
                XCTAssertTrue(r.err.contains(c.says), "\(label): \(r.err)")
            }
        }
    }

    /// What the parser's limits let through but the index makes costly is stopped with a reason.
    func testAStatementPastTheTimeBudgetIsStoppedWithAReason() throws {
        let database = try IndexDatabase.openForReading(db)
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        let started = Date()
        XCTAssertThrowsError(try QueryDeadline.run(database, seconds: 0.05) { try database.int(endless) }) { error in
            guard case let NoticeIndexError.query(message, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("too costly"), message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        // The handler is gone afterwards: an ordinary statement runs.
        XCTAssertEqual(try database.int("SELECT 1"), 1)
    }

    func testRepeatedTermsAreAskedOnce() throws {
        let cases: [(typed: String, same: String)] = [
            (Array(repeating: "the", count: 64).joined(separator: " "), "the"),
            (Array(repeating: "\"public interest\"", count: 30).joined(separator: " OR "), "\"public interest\""),
            ("police police (police OR police)", "police"),
        ]
        for c in cases {
            XCTAssertEqual(try QueryParser.parse(c.typed).root, try QueryParser.parse(c.same).root, c.typed)
        }
    }

    func testDatesAndLimitsAreValidated() throws {
        let cases: [(args: [String], code: Int32, says: String)] = [
            (["--since", "2020-02-30"], 64, "2020-02 has 29 days"),
            (["--until", "2019-02-29"], 64, "28 days"),
            (["--since", "2020-02-29"], 0, ""),
            (["--since", "2021-04-31"], 64, "30 days"),
            // Any real calendar date is a date: a far bound is asked, not refused.
            (["--until", "9999-12-31"], 0, ""),
            (["--since", "9999-12-31"], 1, ""),
            (["--since", "0001-01"], 0, ""),
            (["--since", "2020-13"], 64, "use YYYY, YYYY-MM or YYYY-MM-DD"),
            (["--until", "20x0"], 64, "use YYYY, YYYY-MM or YYYY-MM-DD"),
            (["commissioner", "--limit", "-1"], 64, "--limit must be 0 or more"),
            (["commissioner", "--offset", "-5"], 64, "--offset must be 0 or more"),
        ]
        for c in cases {
            let r = try TestSupport.run(c.args + ["--db", db])
            XCTAssertEqual(r.code, c.code, "\(c.args): \(r.err)")
            if !c.says.isEmpty { XCTAssertTrue(r.err.contains(c.says), "\(c.args): \(r.err)") }
        }
    }

    /// Ligatures from PDF text layers and full-width letters are the letters they stand for.
    func testCompatibilityFormsAreFoldedInNoticesAndQueries() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let text = try String(contentsOf: TestSupport.seed, encoding: .utf8)
            .replacingOccurrences(of: "confidential", with: "conﬁdential")
        XCTAssertTrue(text.contains("conﬁdential"))
        try text.write(to: dir.appendingPathComponent("ligature.txt"), atomically: true, encoding: .utf8)
        let dbPath = dir.appendingPathComponent("i.sqlite").path
        XCTAssertEqual(try TestSupport.run(["index", dir.path, "--db", dbPath, "--quiet"]).code, 0)
        for q in ["confidential", "conﬁdential", "ｃｏｎｆｉｄｅｎｔｉａｌ"] {
            let r = try TestSupport.run([q, "--db", dbPath, "--json"])
            XCTAssertEqual(r.code, 0, "\(q): \(r.out) \(r.err)")
        }
    }

    func testControlCharactersInFileNamesNeverReachTheOutput() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let name = "mps\u{1B}]0;owned\u{07}\u{1B}[2J.txt"
        try FileManager.default.copyItem(at: TestSupport.seed, to: dir.appendingPathComponent(name))
        let dbPath = dir.appendingPathComponent("i.sqlite").path
        let index = try TestSupport.run(["index", dir.path, "--db", dbPath])
        XCTAssertEqual(index.code, 0, index.err)
        let outputs = [
            try TestSupport.run(["commissioner", "--db", dbPath]),
            try TestSupport.run(["show", "seed-notice-2024-02-08-mps", "--db", dbPath]),
            try TestSupport.run(["export", "--format", "csv", "--db", dbPath]),
            try TestSupport.run(["show", "no\u{1B}[2Jsuch", "--db", dbPath]),
        ]
        for r in outputs {
            XCTAssertFalse(r.out.contains("\u{1B}") || r.err.contains("\u{1B}") || r.out.contains("\u{07}"), r.out + r.err)
        }
        XCTAssertTrue(outputs[0].out.contains("mps\\x1b]0;owned"), outputs[0].out)
        // JSON keeps the name exactly (its encoder escapes the control characters itself).
        let json = try TestSupport.run(["commissioner", "--db", dbPath, "--json"])
        let file = (((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["results"] as? [[String: Any]])?.first?["file"] as? String)
        XCTAssertEqual(file.map { ($0 as NSString).lastPathComponent }, name)
    }
}
