import XCTest

/// `search WORDS... [--json] [--db PATH] [--limit N]` is read without the argument parser (the plain
/// path, for start-up time). These tests run the binary both ways (`NOTICE_INDEX_CLI_PATH`) and pin that
/// the plain path answers byte for byte as the parser does, and that it leaves everything else to the
/// parser.
final class PlainQueryPathTests: XCTestCase {
    var db: String { TestSupport.corpusIndex }

    /// Runs `search` with the corpus index as the default database, so that no row can reach (and
    /// build) the user's own.
    func run(_ args: [String], path: String?, environment: [String: String] = [:]) throws -> (code: Int32, out: Data, err: String) {
        var env = ["NOTICE_INDEX_DB": db]
        env.merge(environment) { $1 }
        env["NOTICE_INDEX_CLI_PATH"] = path ?? ""
        return try TestSupport.runForData(args, environment: env)
    }

    func assertSame(_ args: [String], _ paths: (String?, String), environment: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try run(args, path: paths.0, environment: environment)
        let b = try run(args, path: paths.1, environment: environment)
        let shown = "\(args) \(paths.0 ?? "default") vs \(paths.1)"
        XCTAssertEqual(a.code, b.code, shown, file: file, line: line)
        XCTAssertEqual(a.out, b.out, shown, file: file, line: line)
        XCTAssertEqual(a.err, b.err, shown, file: file, line: line)
    }

    func testThePlainPathAnswersAsTheParserDoes() throws {
        let missing = try TestSupport.temporaryDirectory(self).appendingPathComponent("none.sqlite").path
        // (arguments, the exit code both give): results, no results, a malformed query, each output form.
        let table: [([String], Int32)] = [
            (["section 31(3) NCND", "--json", "--db", db], 0),
            (["section", "31(3)", "NCND", "--db", db, "--json"], 0),
            (["--json", "--db", db, "Dransfield", "vexatious", "--limit", "3"], 0),
            (["reg 12(4)(b)", "--db=\(db)", "--limit=1", "--json"], 0),
            (["s.40(2)", "--limit", "0", "--json", "--db", db], 0),
            (["information", "--limit", "500", "--json", "--db", db], 0),
            (["police", "--limit", "007", "--db", db], 0),
            (["commissioner", "--db", db], 0),
            (["zzyzxnotaword", "--json", "--db", db], 1),
            (["zzyzxnotaword", "--db", db], 1),
            (["\"unbalanced", "--json", "--db", db], 64),
            (["(", "--db", db], 64),
            (["commissioner", "--json", "--db", missing], 2),
            (["commissioner", "--db", "~/no-such-dir-noticeindex/x.sqlite"], 2),
            (["commissioner", "--db=\(missing)=b"], 2),
            (["police", "--db", "index"], 2),
            (["finding:14(1)=not-upheld", "--db", db, "--json"], 0),
            ([String(repeating: "a", count: 2_001), "--db", db], 64),
        ]
        for (args, code) in table {
            try assertSame(args, ("parser", "plain"))
            XCTAssertEqual(try run(args, path: "plain").code, code, "\(args)")
        }
        // The default database comes from the environment the same way on both paths.
        try assertSame(["police", "--json"], ("parser", "plain"))
        try assertSame(["police", "--json"], ("parser", "plain"), environment: ["NOTICE_INDEX_DB": missing])
    }

    func testThePlainPathDeclinesWhatItDoesNotFullyRecognise() throws {
        let scratch = try TestSupport.temporaryDirectory(self).appendingPathComponent("scratch.sqlite").path
        // (arguments, whether running them through the parser is read-only and repeatable, so the default
        // path's answer can be compared with the parser's)
        let declined: [([String], compare: Bool)] = [
            (["vexatious", "--facets", "--db", db], true),
            (["vexatious", "--provision", "14(1)", "--db", db], true),
            (["vexatious", "--limit", "-3", "--db", db], true),
            (["vexatious", "--limit", "+3", "--db", db], true),
            (["vexatious", "--limit", "three", "--db", db], true),
            (["vexatious", "--limit", "501", "--db", db], true),
            (["vexatious", "--limit=", "--db", db], true),
            (["vexatious", "--db", db, "--limit"], true),
            (["vexatious", "--json", "--json", "--db", db], true),
            (["vexatious", "--json=yes", "--db", db], true),
            (["vexatious", "--db", "--json"], true),
            (["vexatious", "--db", db, "--", "--limit"], true),
            (["-vexatious", "--db", db], true),
            (["-", "--db", db], true),
            (["", "--db", db], true),
            (["--json", "--db", db], true),
            (["-h"], true), (["--help"], true), (["--version"], true),
            (["vexatious", "help"], true),
            (["query", "vexatious", "--db", db], true),
            (["show", "seed-notice-2024-02-08-mps", "--db", db], true),
            (["police", "cases", "--db", db], true),
            (["export", "zzyzxnotaword", "--db", db], true),
            // These would write an index or start a server: only the plain path's refusal is checked.
            (["index", "--db", scratch], false),
            (["serve", "--db", scratch], false),
        ]
        for (args, compare) in declined {
            let plain = try run(args, path: "plain")
            XCTAssertEqual(plain.code, 70, "\(args) was taken by the plain path")
            XCTAssertTrue(plain.err.contains("declines"), "\(args): \(plain.err)")
            XCTAssertTrue(plain.out.isEmpty, "\(args)")
            // Declined, the default path is the parser's.
            if compare { try assertSame(args, (nil, "parser")) }
        }
    }
}
