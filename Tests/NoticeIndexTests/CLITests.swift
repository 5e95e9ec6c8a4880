import XCTest
@testable import NoticeIndex

/// The `search` binary against the CLI contract: JSON shapes, exit codes, zero set-up.
final class CLITests: XCTestCase {
    var db: String { TestSupport.corpusIndex }

    func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any], text)
    }

    func testQueryJSONHasTheContractShape() throws {
        let r = try TestSupport.run(["section 31(3) NCND", "--db", db, "--json", "--facets"])
        XCTAssertEqual(r.code, 0, r.err)
        let top = try json(r.out)
        XCTAssertEqual(top["query"] as? String, "section 31(3) NCND")
        XCTAssertNotNil(top["total"] as? Int)
        XCTAssertNotNil(top["facets"] as? [String: Any])
        let results = try XCTUnwrap(top["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty)
        for result in results {
            for key in ["id", "reference", "file", "date", "authority", "law", "outcome", "provisions", "cases", "score", "paragraphs"] {
                XCTAssertTrue(result.keys.contains(key), "result lacks \(key)")
            }
            let paragraphs = try XCTUnwrap(result["paragraphs"] as? [[String: Any]])
            for p in paragraphs {
                XCTAssertNotNil(p["number"] as? Int)
                XCTAssertNotNil(p["heading"] as? String)
                XCTAssertNotNil(p["snippet"] as? String)
            }
        }
        let facets = try XCTUnwrap(top["facets"] as? [String: Any])
        for key in ["provisions", "authorities", "outcomes", "years"] { XCTAssertNotNil(facets[key] as? [String: Int], key) }
    }

    func testFacetsAppearOnlyWhenAsked() throws {
        let r = try TestSupport.run(["commissioner", "--db", db, "--json"])
        XCTAssertNil(try json(r.out)["facets"])
    }

    func testShowJSONHasEveryParagraphAndFindings() throws {
        let r = try TestSupport.run(["show", "seed-notice-2024-02-08-mps", "--db", db, "--json"])
        XCTAssertEqual(r.code, 0, r.err)
        let notice = try json(r.out)
        XCTAssertNil(notice["score"], "show has no score")
        let paragraphs = try XCTUnwrap(notice["paragraphs"] as? [[String: Any]])
        XCTAssertGreaterThan(paragraphs.count, 1)
        for p in paragraphs { XCTAssertNotNil(p["text"] as? String) }
        let findings = try XCTUnwrap(notice["findings"] as? [[String: Any]])
        XCTAssertFalse(findings.isEmpty)
        for f in findings {
            // each finding points at the clause it was read from: ¶ number and byte offsets into its text
            let number = try XCTUnwrap(f["paragraph"] as? Int, "\(f)")
            let start = try XCTUnwrap(f["start"] as? Int), end = try XCTUnwrap(f["end"] as? Int)
            let text = try XCTUnwrap(paragraphs.first { $0["number"] as? Int == number }?["text"] as? String)
            XCTAssertTrue(0 <= start && start < end && end <= text.utf8.count, "\(f)")
            let provision = try XCTUnwrap(f["provision"] as? String)
            XCTAssertNotNil(f["finding"] as? String)
            XCTAssertFalse(provision.isEmpty)
        }

        let one = try TestSupport.run(["show", "seed-notice-2024-02-08-mps", "--para", "1", "--db", db, "--json"])
        XCTAssertEqual((try json(one.out)["paragraphs"] as? [Any])?.count, 1)
    }

    func testParseWarningsAreCountedInTheSummaryAndListedByShow() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        // paragraph 3 is missing: the parser warns about the skip
        let text = """
            Reference: IC-400777-HBQD

            Freedom of Information Act 2000 (FOIA) Decision notice

            Date: 4 April 2025

            Public Authority: Borough Council

            Decision (including any steps ordered)

            1. The complainant asked the council for its parking enforcement contract.

            2. The Commissioner's decision is that the council was entitled to rely on section 43(2) of FOIA.

            4. The Commissioner does not require any steps.
            """
        try text.write(to: dir.appendingPathComponent("skip.txt"), atomically: true, encoding: .utf8)
        let dbPath = dir.appendingPathComponent("w.sqlite").path
        let r = try TestSupport.run(["index", "--db", dbPath, dir.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("1 with parse warnings"), r.out)
        let show = try TestSupport.run(["show", "IC-400777-HBQD", "--db", dbPath, "--json"])
        let warnings = try XCTUnwrap(try json(show.out)["warnings"] as? [String])
        XCTAssertTrue(warnings.contains { $0.contains("skip from 2 to 4") }, "\(warnings)")
    }

    func testIndexJSONReportsCounts() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        try FileManager.default.copyItem(at: TestSupport.seed, to: dir.appendingPathComponent("seed.txt"))
        let dbPath = dir.appendingPathComponent("i.sqlite").path
        let r = try TestSupport.run(["index", "--db", dbPath, "--json", dir.path])
        XCTAssertEqual(r.code, 0, r.err)
        let report = try json(r.out)
        XCTAssertEqual(report["new"] as? Int, 1)
        for key in ["changed", "removed", "unchanged", "seconds"] { XCTAssertNotNil(report[key], key) }
        XCTAssertEqual((report["failed"] as? [Any])?.count, 0)

        let plain = try TestSupport.run(["index", "--db", dbPath, dir.path])
        XCTAssertTrue(plain.out.hasPrefix("indexed 0 new, 0 changed, 0 removed, 1 unchanged, 0 failed in "), plain.out)
        XCTAssertEqual(plain.out.split(separator: "\n").count, 1, "one summary line")
    }

    func testExitCodesFollowTheContract() throws {
        let cases: [([String], Int32)] = [
            (["commissioner"], 0),                                   // results
            (["zzyzxnotaword"], 1),                                  // ran fine, nothing found
            (["\"unbalanced"], 64),                                  // malformed query
            (["("], 64),
            (["commissioner", "--limit", "-3"], 64),                 // bad option value
            (["commissioner", "--outcome", "maybe"], 64),
            (["commissioner", "--since", "2019-13"], 64),
            (["commissioner", "--provision", "banana"], 64),
            (["show", "FS00000000"], 1),                             // no such notice
        ]
        for (args, code) in cases {
            let r = try TestSupport.run(args + ["--db", db])
            XCTAssertEqual(r.code, code, "\(args): \(r.err)")
            XCTAssertFalse(r.err.contains("fts5"), "\(args): \(r.err)")
        }
        let missing = try TestSupport.run(["commissioner", "--db", "/nonexistent/dir/index.sqlite"])
        XCTAssertEqual(missing.code, 2, "unreadable database is a runtime failure")
        XCTAssertTrue(missing.err.contains("/nonexistent/dir/index.sqlite"), missing.err)
    }

    /// An empty `--authority` is a usage error, as `authority:""` is in the query: it used to become
    /// `LIKE '%%'` and match every notice with an authority, the filter silently dropped.
    func testAnEmptyAuthorityOrCaseIsAUsageError() throws {
        let table: [(args: [String], option: String)] = [
            (["--authority", ""], "--authority"),
            (["--authority", "  "], "--authority"),
            (["--authority", "", "--law", "eir"], "--authority"),
            (["vexatious", "--authority", ""], "--authority"),
            (["--authority", "MPS", "--authority", " "], "--authority"),
            (["export", "--authority", ""], "--authority"),
            (["--cites", ""], "--cites"),
            (["public interest", "--cites", " "], "--cites"),
            (["--cites", "Savic", "--cites", ""], "--cites"),
            (["export", "--cites", ""], "--cites"),
        ]
        for (args, option) in table {
            let r = try TestSupport.run(args + ["--db", db])
            XCTAssertEqual(r.code, 64, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains("\(option) needs a value"), "\(args): \(r.err)")
            XCTAssertTrue(r.out.isEmpty, "\(args): \(r.out)")
        }
    }

    /// A single-value option given twice is a usage error naming it: which of the two was meant cannot
    /// be known. Repeatable filters stay repeatable.
    func testASingleValueOptionGivenTwiceIsAUsageErrorNamingIt() throws {
        let table: [(args: [String], option: String)] = [
            (["vexatious", "--limit", "5", "--limit", "10"], "--limit"),
            (["vexatious", "--since", "2019", "--since=2020"], "--since"),
            (["vexatious", "--until", "2022", "--until", "2023"], "--until"),
            (["vexatious", "--sort", "newest", "--sort", "oldest"], "--sort"),
            (["--outcome", "upheld", "--outcome", "not-upheld"], "--outcome"),
            (["--law", "foia", "--law", "eir"], "--law"),
            (["vexatious", "--offset", "0", "--offset", "10"], "--offset"),
            (["vexatious", "--db", "elsewhere.sqlite"], "--db"),
            (["show", "FS50471234", "--para", "3", "--para", "4"], "--para"),
            (["export", "vexatious", "--format", "csv", "--format", "jsonl"], "--format"),
            (["cases", "--limit", "1", "--limit", "2"], "--limit"),
        ]
        for row in table {
            let r = try TestSupport.run(row.args + ["--db", db])
            XCTAssertEqual(r.code, 64, "\(row.args): \(r.err)")
            XCTAssertTrue(r.err.contains("\(row.option) is given more than once"), "\(row.args): \(r.err)")
            XCTAssertTrue(r.out.isEmpty, r.out)
        }
        for repeatable in [["--provision", "31(3)", "--provision", "14(1)"], ["vexatious", "--authority", "council", "--authority", "borough"],
                           ["vexatious", "--", "--limit", "--limit"]] {
            XCTAssertNotEqual(try TestSupport.run(repeatable + ["--db", db]).code, 64, "\(repeatable)")
        }
    }

    func testTerminalOutputIsPlainWhenPiped() throws {
        let r = try TestSupport.run(["commissioner", "--db", db, "--limit", "2"])
        XCTAssertFalse(r.out.contains("\u{1B}["), "no escape codes when not a terminal")
        XCTAssertTrue(r.out.contains("¶"), r.out)
    }

    func testZeroSetUpIndexesTheBundledCorpusOnFirstUse() throws {
        let home = try TestSupport.temporaryDirectory(self)
        var env = ["XDG_DATA_HOME": home.path, "HOME": home.path]
        env["NOTICE_INDEX_DB"] = ""
        let r = try TestSupport.run(["commissioner", "--limit", "1"], environment: env, cwd: TestSupport.packageRoot)
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.err.contains("indexing the bundled corpus"), r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("noticeindex/index.sqlite").path))
        let again = try TestSupport.run(["commissioner", "--limit", "1"], environment: env, cwd: TestSupport.packageRoot)
        XCTAssertFalse(again.err.contains("indexing"), "second run uses the index: \(again.err)")

        // An index made by an older version is rebuilt, not misread.
        try Database(path: home.appendingPathComponent("noticeindex/index.sqlite").path).execute("PRAGMA user_version = 1")
        let upgraded = try TestSupport.run(["commissioner", "--limit", "1"], environment: env, cwd: TestSupport.packageRoot)
        XCTAssertEqual(upgraded.code, 0, upgraded.err)
        XCTAssertTrue(upgraded.err.contains("rebuilding"), upgraded.err)
    }

    func testExportStreamsEveryNotice() throws {
        let count = try SearchEngine(databasePath: db).noticeCount()
        let jsonl = try TestSupport.run(["export", "--db", db])
        XCTAssertEqual(jsonl.code, 0)
        let lines = jsonl.out.split(separator: "\n")
        XCTAssertEqual(lines.count, count)
        for line in lines { XCTAssertNotNil(try json(String(line))["paragraphs"]) }
        let csv = try TestSupport.run(["export", "--format", "csv", "--db", db])
        XCTAssertEqual(csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, count + 1, "header + one row per notice")
    }
}
