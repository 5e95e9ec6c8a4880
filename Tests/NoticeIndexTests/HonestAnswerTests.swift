import XCTest
@testable import NoticeIndex

/// Issue 12, items 1–3: the answer counts only notices that satisfy the whole query; partial matches come
/// apart and say what they lack; phrases match headings; a quoted provision is the provision; did-you-mean
/// offers whole words.
final class HonestAnswerTests: XCTestCase {
    var db: String { TestSupport.corpusIndex }

    func json(_ args: [String], code expected: Int32? = nil) throws -> [String: Any] {
        let r = try TestSupport.run(args + ["--db", db, "--json"])
        if let expected { XCTAssertEqual(r.code, expected, "\(args): \(r.err)") }
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out + r.err)
    }

    func ids(_ top: [String: Any], _ key: String = "results") -> [String] {
        ((top[key] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    func testAWordNoNoticeHasLeavesNoMatchesAndExitsOneEvenWithPartials() throws {
        let top = try json(["police zzqqxx"], code: 1)
        XCTAssertEqual(top["total"] as? Int, 0)
        XCTAssertEqual(ids(top), [])
        let partial = try XCTUnwrap(top["partial"] as? [[String: Any]])
        XCTAssertFalse(partial.isEmpty, "notices with 'police' follow, apart")
        XCTAssertGreaterThan(top["partial_total"] as? Int ?? 0, 0)
        for p in partial { XCTAssertEqual(p["missing"] as? [String], ["zzqqxx"]) }

        let plain = try TestSupport.run(["police zzqqxx", "--db", db])
        XCTAssertEqual(plain.code, 1)
        XCTAssertTrue(plain.out.contains("No notices match \"police zzqqxx\""), plain.out)
        XCTAssertTrue(plain.out.contains("only some of the words (missing: zzqqxx)"), plain.out)
    }

    func testStrictResultsAllHoldTheProvisionAndPartialsNameIt() throws {
        let top = try json(["section 31(3) NCND", "--limit", "20"], code: 0)
        let strict = try XCTUnwrap(top["results"] as? [[String: Any]])
        XCTAssertEqual(strict.count, top["total"] as? Int)
        let withProvision = Set(ids(try json(["section 31(3)", "--limit", "100"])))
        for r in strict { XCTAssertTrue(withProvision.contains(r["id"] as? String ?? ""), "\(r["id"] ?? "") lacks s31(3)") }
        for p in try XCTUnwrap(top["partial"] as? [[String: Any]]) {
            XCTAssertFalse((p["missing"] as? [String] ?? []).isEmpty)
        }
    }

    func testTotalAndFacetsDoNotDependOnLimit() throws {
        let answers = try [1, 5, 200].map { try json(["\"public interest\"", "--limit", "\($0)", "--facets"]) }
        let totals = answers.map { $0["total"] as? Int }
        XCTAssertEqual(Set(totals.map { $0 ?? -1 }).count, 1, "\(totals)")
        let facets = answers.map { ($0["facets"] as? [String: Any]).map { NSDictionary(dictionary: $0) } }
        XCTAssertEqual(facets[0], facets[1])
        XCTAssertEqual(facets[1], facets[2])
    }

    func testANumberNoProvisionHasMatchesNothing() throws {
        XCTAssertEqual(try json(["s.99999(1)"], code: 1)["total"] as? Int, 0)
    }

    /// A legal reference typed as one thing is never split into words that match, or half-match, alone.
    func testAReferenceNoNoticeHoldsMatchesNothingAndIsNamedAsAbsent() throws {
        for reference in ["s.99999(1)", "reg 99(9)(z)", "EA/2099/9999", "[2099] UKUT 9999 (AAC)", "s.9999"] {
            let top = try json([reference], code: 1)
            XCTAssertEqual(top["total"] as? Int, 0, reference)
            XCTAssertEqual(ids(top, "partial"), [], "\(reference): no notice holds a fragment of it as a partial match")
            XCTAssertEqual(top["absent"] as? [String], [reference])
            let plain = try TestSupport.run([reference, "--db", db])
            XCTAssertTrue(plain.out.contains("\"\(reference)\" appears in no notice."), plain.out)

            // Beside a word notices hold, the partial matches lack the whole reference, and mark none of it.
            let beside = try json(["vexatious " + reference], code: 1)
            let partial = try XCTUnwrap(beside["partial"] as? [[String: Any]])
            XCTAssertFalse(partial.isEmpty, reference)
            for p in partial {
                XCTAssertEqual(p["missing"] as? [String], [reference])
                let snippets = ((p["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["snippet"] as? String }
                for fragment in ["[s]", "[1]", "[reg]", "[9]", "[EA]", "[UKUT]"] {
                    XCTAssertFalse(snippets.contains { $0.contains(fragment) }, "\(reference): \(fragment) marked in \(snippets)")
                }
            }
        }
    }

    func testAReferenceNoticesCiteFindsThem() throws {
        let cited = try json(["[2016] UKUT 535 (AAC)"], code: 0)
        XCTAssertEqual(cited["absent"] as? [String], nil)
        for r in try XCTUnwrap(cited["results"] as? [[String: Any]]) {
            let snippets = ((r["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["snippet"] as? String }
            XCTAssertTrue(snippets.contains { $0.contains("[[2016] UKUT 535 (AAC") }, "\(snippets)")
        }
    }

    func testAnUnknownFieldIsAUsageErrorNamingIt() throws {
        let r = try TestSupport.run(["vexatious colour:blue", "--db", db])
        XCTAssertEqual(r.code, 64)
        XCTAssertTrue(r.err.contains("colour:"), r.err)
        let police = try json(["sector:police", "--limit", "50"], code: 0)
        XCTAssertFalse(ids(police).isEmpty)
        for r in try XCTUnwrap(police["results"] as? [[String: Any]]) { XCTAssertEqual(r["sector"] as? String, "police") }
    }

    func testCountsReadAsEnglishAndFiltersOnlyMissesNameTheFilters() throws {
        let one = try TestSupport.run(["--authority", "Kent Police", "--db", db])
        XCTAssertEqual(one.code, 0, one.err)
        XCTAssertTrue(one.out.contains("1 notice matches;"), one.out)
        let none = try TestSupport.run(["--authority", "Kent Police", "--law", "eir", "--db", db])
        XCTAssertEqual(none.code, 1)
        XCTAssertFalse(none.out.contains("No notices match \"\""), none.out)
        XCTAssertTrue(none.out.contains("--law eir"), none.out)
    }

    func testAPhraseThatIsAHeadingFindsItsNotice() throws {
        // Kent's notice has "Public interest test" only as a heading.
        XCTAssertTrue(ids(try json(["\"public interest test\"", "--limit", "100"])).contains("FS50471234"))
        // Every bundled notice that has the words in a row, as a heading (with or without paragraphs of its
        // own, e.g. straight above "The public interest in favour of disclosure") or in the text, is found.
        let results = try XCTUnwrap(try json(["\"public interest test\"", "--limit", "100"])["results"] as? [[String: Any]])
        let found = Set(results.compactMap { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } })
        let having = try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path).filter { name in
            guard name.hasSuffix(".txt") else { return false }
            let text = try String(contentsOf: TestSupport.corpus.appendingPathComponent(name), encoding: .utf8)
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("public interest test")
        }
        XCTAssertGreaterThan(having.count, 10)
        XCTAssertEqual(Set(having).subtracting(found), [], "notices with the phrase that the phrase search misses")
    }

    func testAQuotedProvisionIsTheProvisionAndIsMarkedWhole() throws {
        for spelling in ["s.31(3)", "section 31(3)"] {
            let quoted = try json(["\"\(spelling)\"", "--limit", "100"], code: 0)
            XCTAssertEqual(quoted["total"] as? Int, try json([spelling, "--limit", "100"])["total"] as? Int, spelling)
        }
        // Every mark is a whole citation: "[s.31(3)]", never "[s.31(3]" with the bracket outside.
        let results = try XCTUnwrap(try json(["\"s.31(3)\"", "--limit", "100"])["results"] as? [[String: Any]])
        let snippets = results.flatMap { ($0["paragraphs"] as? [[String: Any]]) ?? [] }.compactMap { $0["snippet"] as? String }
        let marks = snippets.flatMap { s in s.split(separator: "[").dropFirst().compactMap { $0.split(separator: "]", maxSplits: 1).first } }
        XCTAssertFalse(marks.isEmpty)
        for m in marks where m.contains("31") { XCTAssertTrue(m.hasSuffix(")"), "mark '\(m)' cuts the citation") }
    }

    func testDidYouMeanOffersWholeIndexedWordsNeverTheWordItself() throws {
        let corpusText = try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path)
            .filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOf: TestSupport.corpus.appendingPathComponent($0), encoding: .utf8).lowercased() }
            .joined(separator: "\n")
        let words = Set(Synonyms.wordsOf(corpusText))
        let cases: [(typed: String, first: String?)] = [
            ("vexatous", "vexatious"), ("vexatius", "vexatious"), ("requets", "request"), ("manifestley", "manifestly"),
        ]
        for c in cases {
            let top = try json([c.typed], code: 1)
            let offered = try XCTUnwrap((top["suggestions"] as? [String: [String]])?[c.typed], "\(c.typed): \(top)")
            XCTAssertEqual(offered.first, c.first, c.typed)
            XCTAssertFalse(offered.contains(c.typed), "\(c.typed) offered itself")
            for w in offered { XCTAssertTrue(words.contains(w), "\(w) (for \(c.typed)) is not a word of the corpus") }
            XCTAssertEqual(top["corrected_query"] as? String, c.first)
        }
        // Shown on the terminal too, also when another word of the query has hits.
        let plain = try TestSupport.run(["manifestley unreasonable", "--db", db])
        XCTAssertTrue(plain.out.contains("manifestley → manifestly"), plain.out)
    }

    func testBodycamFindsBodyWornVideo() throws {
        XCTAssertGreaterThan(try json(["bodycam"], code: 0)["total"] as? Int ?? 0, 0)
    }
}
