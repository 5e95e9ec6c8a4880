import XCTest
@testable import NoticeIndex

/// Issue 12, item 5: sorting, paging, exporting a search, findings and case names, citation lines, the
/// printed forms of outcomes and laws, authority aliases.
final class ListWorkflowTests: XCTestCase {
    var db: String { TestSupport.corpusIndex }

    func json(_ args: [String], code expected: Int32? = 0) throws -> [String: Any] {
        let r = try TestSupport.run(args + ["--db", db, "--json"])
        if let expected { XCTAssertEqual(r.code, expected, "\(args): \(r.err)") }
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out + r.err)
    }

    func results(_ top: [String: Any]) -> [[String: Any]] { (top["results"] as? [[String: Any]]) ?? [] }

    func testSortByDateBothWays() throws {
        let newest = results(try json(["commissioner", "--sort", "newest", "--limit", "50"])).compactMap { $0["date"] as? String }
        XCTAssertGreaterThan(newest.count, 5)
        XCTAssertEqual(newest, newest.sorted(by: >))
        let oldest = results(try json(["commissioner", "--sort", "oldest", "--limit", "50"])).compactMap { $0["date"] as? String }
        XCTAssertEqual(oldest, oldest.sorted())
    }

    func testOffsetPagesThroughTheSameOrder() throws {
        let all = results(try json(["information", "--limit", "12"])).compactMap { $0["id"] as? String }
        let page = try json(["information", "--limit", "4", "--offset", "8"])
        XCTAssertEqual(page["offset"] as? Int, 8)
        XCTAssertEqual(results(page).compactMap { $0["id"] as? String }, Array(all[8..<12]))
    }

    func testExportHoldsExactlyTheStrictMatches() throws {
        let search = try json(["vexatious", "--law", "foia", "--limit", "500"])
        let r = try TestSupport.run(["export", "vexatious", "--law", "foia", "--db", db])
        XCTAssertEqual(r.code, 0, r.err)
        let exported = r.out.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        XCTAssertEqual(Set(exported), Set(results(search).compactMap { $0["id"] as? String }))
        XCTAssertEqual(exported.count, search["total"] as? Int)
    }

    func testCSVHasFindingsAndCaseNames() throws {
        let r = try TestSupport.run(["export", "--format", "csv", "--cites", "Dransfield", "--db", db])
        XCTAssertEqual(r.code, 0, r.err)
        let lines = r.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].split(separator: ",").map(String.init)
        XCTAssertTrue(header.contains("findings") && header.contains("case_names"), lines[0])
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.contains("Dransfield") }, r.out)
        XCTAssertTrue(lines.dropFirst().contains { $0.range(of: #"s\d+(\(\w+\))*=(upheld|not upheld|partly upheld)"#, options: .regularExpression) != nil }, r.out)
    }

    func testCasesFilterByName() throws {
        let top = try json(["cases", "Dransfield"])
        let cases = try XCTUnwrap(top["cases"] as? [[String: Any]])
        XCTAssertFalse(cases.isEmpty)
        for c in cases { XCTAssertTrue((c["name"] as? String ?? "").contains("Dransfield"), "\(c)") }
        // The Upper Tribunal's decision and the Court of Appeal's both.
        XCTAssertEqual(Set(cases.compactMap { $0["key"] as? String }), ["[2012] UKUT 440 (AAC)", "[2015] EWCA Civ 454"])
        XCTAssertEqual(try TestSupport.run(["cases", "Zzyzx", "--db", db]).code, 1)
        // The exit code says whether cases match, not whether the page shows any: --limit 0 asks for the count.
        let counted = try json(["cases", "Dransfield", "--limit", "0"])
        XCTAssertEqual(counted["total"] as? Int, 2)
        XCTAssertEqual((counted["cases"] as? [Any])?.count, 0)
        XCTAssertEqual(try TestSupport.run(["cases", "Zzyzx", "--limit", "0", "--db", db]).code, 1)
    }

    func testCasesSayHowManyThereAreWhenTheListIsCut() throws {
        let all = try json(["cases", "--limit", "1000"])
        let total = try XCTUnwrap(all["total"] as? Int)
        XCTAssertEqual((all["cases"] as? [Any])?.count, total, "an uncut list shows every case")
        XCTAssertGreaterThan(total, 3)
        let cut = try json(["cases", "--limit", "3"])
        XCTAssertEqual((cut["cases"] as? [Any])?.count, 3)
        XCTAssertEqual(cut["total"] as? Int, total, "total counts every cited case, not the page")
        let terminal = try TestSupport.run(["cases", "--limit", "3", "--db", db])
        XCTAssertTrue(terminal.out.contains("showing 3 of \(total) cases"), terminal.out)
    }

    func testFindingFilterKeepsNoticesWithThatFinding() throws {
        for args in [["--finding", "14(1)=not-upheld"], ["finding:s.14(1)=not-upheld"], ["--finding", "section 14=not upheld"]] {
            let found = results(try json(args + ["--limit", "50"]))
            XCTAssertFalse(found.isEmpty, "\(args)")
            for r in found {
                let show = try json(["show", r["id"] as? String ?? ""])
                let findings = (show["findings"] as? [[String: Any]]) ?? []
                XCTAssertTrue(findings.contains { ($0["provision"] as? String ?? "").hasPrefix("s14") && $0["finding"] as? String == "not upheld" },
                              "\(args): \(r["id"] ?? "") \(findings)")
            }
        }
        XCTAssertEqual(try TestSupport.run(["--finding", "14(1)", "--db", db]).code, 64)
    }

    func testOutcomeAndLawAcceptThePrintedForms() throws {
        for args in [["--outcome", "not upheld"], ["--outcome", "Partly Upheld"], ["--law", "FOIA"], ["--law", "EIR"]] {
            let r = try TestSupport.run(args + ["--db", db])
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
        }
    }

    func testCitationLinePerResultAndParagraph() throws {
        let kent = try XCTUnwrap(results(try json(["speed camera housings", "--limit", "3"])).first { $0["id"] as? String == "FS50471234" })
        XCTAssertEqual(kent["citation"] as? String, "Chief Constable of Kent Police, ICO decision notice FS50471234, 14 May 2013")
        for p in (kent["paragraphs"] as? [[String: Any]]) ?? [] {
            XCTAssertEqual(p["citation"] as? String, "Chief Constable of Kent Police, ICO decision notice FS50471234, 14 May 2013, para \(p["number"] as? Int ?? -1)")
        }
        let shown = try TestSupport.run(["show", "FS50471234", "--para", "2", "--db", db])
        XCTAssertTrue(shown.out.contains("citation: Chief Constable of Kent Police, ICO decision notice FS50471234, 14 May 2013, para 2"), shown.out)
    }

    func testAuthorityShortForms() throws {
        let cases: [(alias: String, authority: String)] = [("EA", "Environment Agency"), ("WYP", "Chief Constable of West Yorkshire Police")]
        for c in cases {
            let found = results(try json(["--authority", c.alias, "--limit", "50"]))
            XCTAssertFalse(found.isEmpty, c.alias)
            for r in found { XCTAssertEqual(r["authority"] as? String, c.authority, c.alias) }
        }
    }
}
