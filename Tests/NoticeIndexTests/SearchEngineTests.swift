import XCTest
@testable import NoticeIndex

/// Query options, field prefixes, legal normalisation, facets and snippets, on the bundled corpus.
final class SearchEngineTests: XCTestCase {
    static let seed = "seed-notice-2024-02-08-mps"
    var engine: SearchEngine!

    override func setUpWithError() throws {
        engine = try SearchEngine(databasePath: TestSupport.corpusIndex)
    }

    func ids(_ text: String, filters: QueryFilters = QueryFilters(), limit: Int = 50) throws -> [String] {
        try engine.search(try QueryParser.parse(text, filters: filters), limit: limit).results.map(\.id)
    }

    func testTheFourSpellingsOfASubsectionFindTheSameNotices() throws {
        let spellings = ["section 31(3)", "s.31(3)", "s 31 (3)", "31(3)", "s31(3)"]
        let expected = try ids(spellings[0])
        XCTAssertTrue(expected.contains(Self.seed))
        for s in spellings.dropFirst() { XCTAssertEqual(try ids(s), expected, s) }
    }

    func testNCNDAndItsLongFormFindTheSameNotices() throws {
        let a = try ids("NCND"), b = try ids("\"neither confirm nor deny\"")
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(Set(a), Set(b))
    }

    /// A synonym's group token is stored apart from the body words, so NEAR tests its written forms
    /// where the words are: every form finds what the long form finds, a subset of the words anywhere,
    /// and the snippet marks the form.
    func testNearWithASynonymIsTestedOnItsWrittenForms() throws {
        let cases: [(near: [String], anywhere: String, marked: String)] = [
            (["\"neither confirm nor deny\" NEAR/5 holding", "NCND NEAR/5 holding"], "NCND holding", "[neither"),
            (["\"public interest test\" NEAR/5 commissioner", "PIT NEAR/5 commissioner"], "PIT commissioner", "[public"),
            (["footage NEAR/5 bodycam", "footage NEAR/5 BWV"], "footage bodycam", "[footage"),
        ]
        for c in cases {
            let anywhere = Set(try ids(c.anywhere, limit: 500))
            let first = try ids(c.near[0], limit: 500)
            XCTAssertFalse(first.isEmpty, c.near[0])
            XCTAssertTrue(Set(first).isSubset(of: anywhere), c.near[0])
            for q in c.near.dropFirst() { XCTAssertEqual(Set(try ids(q, limit: 500)), Set(first), q) }
            let top = try XCTUnwrap(try engine.search(try QueryParser.parse(c.near[0]), limit: 1).results.first)
            XCTAssertTrue(top.paragraphs.contains { $0.snippet.lowercased().contains(c.marked) }, "\(c.near[0]): \(top.paragraphs.map(\.snippet))")
        }
    }

    func testAWholeSectionFindsEverySubsection() throws {
        let section = Set(try ids("section 31"))
        for sub in ["31(1)(a)", "31(3)"] { XCTAssertTrue(Set(try ids(sub)).isSubset(of: section), sub) }
    }

    func testSeedIsPinpointedToItsSection31ParagraphWithTheCitationMarkedWhole() throws {
        let r = try engine.search(try QueryParser.parse("section 31(3) NCND"), limit: 10)
        let seed = try XCTUnwrap(r.results.first { $0.id == Self.seed })
        let p56 = try XCTUnwrap(seed.paragraphs.first { $0.number == 56 }, "¶56 among the pinpointed paragraphs")
        XCTAssertEqual(p56.heading, "Reasons for decision › Section 31 - Law enforcement")
        XCTAssertTrue(p56.snippet.contains("[Section 31(3)]"), p56.snippet)
    }

    func testFiltersCombineWithEachOtherAndWorkWithoutText() throws {
        var f = QueryFilters()
        f.provisions = [ProvisionFinder.parse(query: "31(3)")!]
        f.authorities = ["MPS"]
        f.outcome = .notUpheld
        let r = try engine.search(try QueryParser.parse("", filters: f), limit: 50)
        XCTAssertEqual(r.results.map(\.id), [Self.seed], "only the MPS notice relying on 31(3), not upheld")
        XCTAssertFalse(r.results[0].paragraphs.isEmpty, "filters alone still pinpoint the provision's paragraphs")

        var kent = f
        kent.authorities = ["Kent Police"]
        XCTAssertEqual(try engine.search(try QueryParser.parse("", filters: kent)).results.map(\.id), ["FS50471234"])
        var none = f
        none.outcome = .upheld
        XCTAssertEqual(try engine.search(try QueryParser.parse("", filters: none)).total, 0)
    }

    func testFieldPrefixesMatchTheOptions() throws {
        var f = QueryFilters()
        f.provisions = [ProvisionFinder.parse(query: "40(2)")!]
        f.law = .foia
        f.since = "2019-01-01"
        f.until = "2023-12-31"
        let viaOptions = try ids("personal", filters: f)
        let viaPrefixes = try ids("personal provision:40(2) law:foia year:2019..2023")
        XCTAssertFalse(viaOptions.isEmpty)
        XCTAssertEqual(viaOptions, viaPrefixes)
        for id in viaOptions {
            let r = try XCTUnwrap(engine.show(id))
            XCTAssertTrue(("2019-01-01"..."2023-12-31").contains(r.date ?? ""), "\(id) \(r.date ?? "nil")")
            XCTAssertEqual(r.law, "FOIA")
        }
    }

    func testCitesAcceptsPartyNamesNeutralCitationsAndAppealNumbers() throws {
        for cite in ["Savic", "[2016] UKUT 535 (AAC)", "2016 UKUT 535 AAC", "EA/2018/0164", "EA-2018-0164"] {
            var f = QueryFilters()
            f.cites = [cite]
            let found = try engine.search(try QueryParser.parse("", filters: f), limit: 50).results.map(\.id)
            XCTAssertTrue(found.contains(Self.seed), "\(cite): \(found)")
        }
        var f = QueryFilters()
        f.cites = ["Dransfield"]
        let dransfield = try engine.search(try QueryParser.parse("", filters: f), limit: 50).results.map(\.id)
        XCTAssertFalse(dransfield.isEmpty)
        XCTAssertFalse(dransfield.contains(Self.seed), "the seed does not cite Dransfield")
    }

    func testAPagePinpointedInParallelEqualsEachNoticePinpointedAlone() throws {
        for text in ["section 31(3) NCND", "vexatious", "\"public interest test\"", "Dransfield"] {
            let query = try QueryParser.parse(text)
            let page = try engine.search(query, limit: 10).results
            XCTAssertGreaterThan(page.count, 1, text)
            let alone = try Pinpointer(tokenizer: try FTS5Tokenizer(engine.db), terms: query.root?.positiveTerms ?? [], filterProvisions: [])
            for r in page {
                let id = try XCTUnwrap(try engine.db.int("SELECT id FROM notices WHERE uid = ?", [r.id]))
                let paragraphs = try StoredParagraphs.read(engine.db, notice: Int64(id)).map {
                    Pinpointer.Paragraph(seq: $0.seq, number: $0.number, heading: $0.heading, text: $0.text)
                }
                var parsed: [String: Provision] = [:]
                let mentions = try NoticeReader(db: engine.db).provisionMentions(of: Int64(id), parsed: &parsed)
                let expected = try alone.best(paragraphs, limit: 3, mentions: mentions)
                XCTAssertEqual(r.paragraphs.map(\.number), expected.map(\.number), "\(text): \(r.id)")
                XCTAssertEqual(r.paragraphs.map(\.snippet), expected.map(\.snippet), "\(text): \(r.id)")
            }
        }
    }

    func testFacetsCountTheWholeMatchSetNotThePage() throws {
        let r = try engine.search(try QueryParser.parse("commissioner"), limit: 1, facets: true)
        let facets = try XCTUnwrap(r.facets)
        XCTAssertEqual(r.results.count, 1)
        XCTAssertEqual(facets.outcomes.map(\.1).reduce(0, +), r.total, "every match is counted")
        XCTAssertEqual(facets.years.map(\.1).reduce(0, +), r.total)
        XCTAssertTrue(facets.provisions.contains { $0.0 == "s31(3)" })
    }

    func testRelyingOnAProvisionRanksAboveMentioningIt() throws {
        // The seed relies on 40(5); notices that only mention section 40 in passing come after it.
        let r = try engine.search(try QueryParser.parse("section 40(5)"), limit: 20)
        let relied = r.results.filter { $0.provisions.contains { $0.hasPrefix("s40(5)") } }.map(\.id)
        let firstOther = r.results.firstIndex { !$0.provisions.contains { $0.hasPrefix("s40(5)") } }
        if let firstOther, let lastRelied = r.results.lastIndex(where: { relied.contains($0.id) }) {
            XCTAssertLessThan(lastRelied, firstOther)
        }
        XCTAssertTrue(relied.contains(Self.seed))
    }

    func testMisspelledWordsGetSuggestions() throws {
        let r = try engine.search(try QueryParser.parse("vexacious"))
        XCTAssertEqual(r.total, 0)
        XCTAssertTrue(r.suggestions["vexacious"]?.contains { $0.hasPrefix("vexati") } ?? false, "\(r.suggestions)")
    }

    func testNaturalLanguageQueriesFallBackToSomeOfTheWords() throws {
        // No notice has "zebras"; those with "footage" follow apart, and the answer stays "no match".
        let r = try engine.search(try QueryParser.parse("zebras footage"), limit: 10)
        XCTAssertEqual(r.total, 0)
        XCTAssertTrue(r.results.isEmpty)
        XCTAssertGreaterThan(r.partialTotal, 0)
        XCTAssertFalse(r.partial.isEmpty)
        XCTAssertTrue(r.partial.allSatisfy { $0.missing == ["zebras"] })
    }

    func testShowFindsANoticeByAnySpellingOfItsReference() throws {
        for ref in ["FS50471234", "fs50471234", "2013-05-14-fs50471234-kent-police.txt", "2013-05-14-fs50471234-kent-police"] {
            XCTAssertEqual(try engine.show(ref)?.id, "FS50471234", ref)
        }
        XCTAssertEqual(try engine.show("IC 248461-C8Q1")?.reference, "IC-248461-C8Q1")
        XCTAssertEqual(try engine.show("FER733405")?.reference, "FER0733405", "FER numbers are zero-padded as when indexed")
        XCTAssertEqual(try engine.show("fer 0733405")?.reference, "FER0733405")
        XCTAssertNil(try engine.show("FS00000000"))
    }

    func testCasesAreCountedAcrossNotices() throws {
        let cases = try engine.cases(limit: 50)
        let savic = try XCTUnwrap(cases.first { $0.key == "[2016] UKUT 535 (AAC)" })
        XCTAssertGreaterThanOrEqual(savic.count, 3)
        XCTAssertTrue(savic.notices.contains(Self.seed))
        XCTAssertEqual(cases.map(\.count), cases.map(\.count).sorted(by: >), "most cited first")
    }
}

final class TopCandidatesTests: XCTestCase {
    func testTopKEqualsTheHeadOfAFullSort() {
        var rng = SeededGenerator(seed: 42)
        for n in [0, 1, 5, 199, 200, 401, 5_000] {
            let scored = (0..<n).map { (id: Int64($0), text: Double(Int.random(in: 0..<1_000_000, using: &rng))) }
            let expected = scored.sorted { $0.text > $1.text }.prefix(200).map(\.text)
            XCTAssertEqual(SearchEngine.top(scored, 200).map(\.text), Array(expected), "n = \(n)")
        }
    }
}
