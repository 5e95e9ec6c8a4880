import XCTest
@testable import NoticeIndex

/// Whatever a user types, the answer is results, no results, or one line explaining the query —
/// never an SQLite message and never a crash.
final class HostileQueryTests: XCTestCase {
    static let fragments = [
        "\"", "\"\"", "(", ")", "()", "-", "--", "*", "**", ":", "^", "+", "~", "~3", "NEAR", "NEAR/", "NEAR/2", "NEAR(",
        "AND", "OR", "NOT", "and", "or", "not", "'", "’", "“", "”", "\\", ";", "'; DROP TABLE notices; --", "%", "_",
        "section", "s.", "s", "31(3)", "s.31(3)", "(3)", "31(", "reg", "12(4)(b)", "EIR 12.4.b", "12.4.", "provision:",
        "provision:31(3)", "provision:x", "authority:", "authority:\"Home", "outcome:", "outcome:upheld", "law:eir",
        "year:", "year:2019..", "year:..", "cites:", "cites:Savic", "foo:bar", "NCND", "police", "bodycam", "vexatious",
        "public interest test", "\u{0}", "\u{7}", "😀", "👩‍⚖️", "é", "日本", "\u{202E}", "\t", "\n", "{", "}", "[", "]",
        "col:", "rowid", "rank", "MATCH", "bm25(", "x*", "*x", "a-b", "-a", "a-", "\"a b\"~", "\"a b\"~9", "0", "9999999999",
    ]

    func testTenThousandGeneratedQueriesNeverLeakSQLite() throws {
        let engine = try SearchEngine(databasePath: TestSupport.corpusIndex)
        var rng = SeededGenerator(seed: 20_261_127)
        var answered = 0, explained = 0
        for n in 0..<10_000 {
            let count = Int.random(in: 1...8, using: &rng)
            var q = (0..<count).map { _ in Self.fragments.randomElement(using: &rng)! }
                .joined(separator: Bool.random(using: &rng) ? " " : "")
            if n % 500 == 0 { q = String(repeating: q + " ", count: 600) }  // very long input
            do {
                let parsed = try QueryParser.parse(q)
                _ = try engine.search(parsed, limit: 3, facets: n % 50 == 0)
                answered += 1
            } catch let e as NoticeIndexError {
                guard case .query = e else { return XCTFail("query \(q.debugDescription) failed at runtime: \(e)") }
                let text = e.description
                XCTAssertFalse(text.lowercased().contains("fts5"), "\(q.debugDescription): \(text)")
                XCTAssertFalse(text.contains("SQL"), "\(q.debugDescription): \(text)")
                XCTAssertFalse(text.contains("\n"), "one line: \(q.debugDescription)")
                explained += 1
            }
        }
        XCTAssertEqual(answered + explained, 10_000)
        XCTAssertGreaterThan(answered, 1_000, "the generator should also produce valid queries")
        XCTAssertGreaterThan(explained, 1_000, "the generator should also produce malformed queries")
    }
}

/// The same generator through the real binary: exit code and stderr, as users and scripts see them.
final class HostileCLIQueryTests: XCTestCase {
    func testGeneratedQueriesThroughTheCLIExitCleanlyWithOneLineErrors() throws {
        var rng = SeededGenerator(seed: 99)
        for n in 0..<300 {
            let count = Int.random(in: 1...6, using: &rng)
            var q = (0..<count).map { _ in HostileQueryTests.fragments.randomElement(using: &rng)! }.joined(separator: " ")
            q = q.replacingOccurrences(of: "\u{0}", with: "")  // argv cannot carry NUL
            if n % 100 == 0 { q = String(repeating: q + " ", count: 400) }
            let r = try TestSupport.run(["--db", TestSupport.corpusIndex, "--", q])
            XCTAssertTrue([0, 1, 64].contains(r.code), "\(q.debugDescription): exit \(r.code) \(r.err)")
            XCTAssertFalse(r.err.lowercased().contains("fts5"), "\(q.debugDescription): \(r.err)")
            XCTAssertFalse(r.err.contains("SQL"), "\(q.debugDescription): \(r.err)")
            if r.code == 64 {
                XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)")
            }
        }
    }
}
