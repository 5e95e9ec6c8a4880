import XCTest
@testable import NoticeIndex

/// The ranking function, its statistics and the in-memory columns agree with what SQLite and FTS5
/// compute directly on the bundled corpus.
final class RankingFunctionTests: XCTestCase {
    var engine: SearchEngine!

    override func setUpWithError() throws {
        engine = try SearchEngine(databasePath: TestSupport.corpusIndex)
    }

    /// FTS5's own bm25 with the same column weights, as the reference.
    func bm25(_ expression: String) throws -> [Int64: Double] {
        let w = engine.weights
        let rows = try engine.db.rows(
            "SELECT rowid, -bm25(notice_fts, \(w.heading), \(w.decision), \(w.body), \(w.terms)) FROM notice_fts WHERE notice_fts MATCH ?",
            [expression]) { ($0.int64(0), $0.double(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    func testScoresEqualFTS5Bm25ForWordsProvisionsAndSynonymTokens() throws {
        let queries = ["vexatious", "information", "section 31(3)", "NCND", "section 40(2) legitimate interests",
                       "vexatious OR manifestly", "costs limit -vexatious", "Dransfield burden",
                       "information NEAR/10 request", "public NEAR/3 interest NEAR/3 test"]
        for text in queries {
            let root = try XCTUnwrap(try QueryParser.parse(text).root, text)
            let expression = MatchBuilder.expression(root)
            let ours = Dictionary(uniqueKeysWithValues: try engine.match(root, filter: nil).map { ($0.id, $0.text) })
            let reference = try bm25(expression)
            XCTAssertFalse(reference.isEmpty, "\(text) matches something")
            XCTAssertEqual(Set(ours.keys), Set(reference.keys), "\(text): the same notices")
            for (id, score) in reference {
                XCTAssertEqual(ours[id] ?? .nan, score, accuracy: 1e-9 * max(1, abs(score)), "\(text): notice \(id)")
            }
        }
    }

    func testANarrowFirstSearchSeeksItsRowsLengthsOthersReadThemAllAndAllScoreAsBm25() throws {
        // Words in exactly two notices (term_stats keeps terms in two or more), and words in most.
        let total = try XCTUnwrap(try engine.db.int("SELECT count(*) FROM notices"))
        // (Stems the tokenizer reads back unchanged, so that the word searched for is the term counted.)
        func words(_ sql: String, _ values: [SQLBindable?] = []) throws -> [String] {
            Array(try engine.db.rows(sql, values) { $0.string(0) ?? "" }.filter { (try? engine.tokenizer.stems($0)) == [$0] }.prefix(3))
        }
        let rare = try words("SELECT term FROM term_stats WHERE docs = 2 AND term GLOB '[a-z][a-z][a-z][a-z]*' LIMIT 200")
        let common = try words("SELECT term FROM term_stats WHERE docs > ? AND term GLOB '[a-z][a-z][a-z][a-z]*' LIMIT 200", [total / 2])
        XCTAssertEqual(rare.count, 3)
        XCTAssertEqual(common.count, 3)
        for (term, broad) in rare.map({ ($0, false) }) + common.map({ ($0, true) }) {
            // A fresh engine each time: its first search decides whether every length is read.
            let fresh = try SearchEngine(databasePath: TestSupport.corpusIndex)
            let root = QueryNode.term(.word(term, prefix: false))
            let ours = Dictionary(uniqueKeysWithValues: try fresh.match(root, filter: nil).map { ($0.id, $0.text) })
            XCTAssertEqual(fresh.scorer.hasEveryLength, broad, term)
            // A second search means a long-lived engine: it reads every length once, whatever the query.
            let again = Dictionary(uniqueKeysWithValues: try fresh.match(root, filter: nil).map { ($0.id, $0.text) })
            XCTAssertTrue(fresh.scorer.hasEveryLength, term)
            XCTAssertEqual(again, ours, term)
            let reference = try bm25(MatchBuilder.expression(root))
            XCTAssertEqual(ours.count, broad ? reference.count : 2, term)
            XCTAssertEqual(Set(ours.keys), Set(reference.keys), term)
            for (id, score) in reference {
                XCTAssertEqual(ours[id] ?? .nan, score, accuracy: 1e-9 * max(1, abs(score)), "\(term): notice \(id)")
            }
        }
    }

    func testAPhraseScoresInTheSameOrderAsBm25() throws {
        // A lone phrase: its document frequency only scales every score, so the order is bm25's.
        for text in ["\"public interest test\"", "\"balance of probabilities\""] {
            let root = try XCTUnwrap(try QueryParser.parse(text).root)
            let ours = try engine.match(root, filter: nil).sorted { ($0.text, $1.id) > ($1.text, $0.id) }.map(\.id)
            let reference = try bm25(MatchBuilder.expression(root)).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            XCTAssertFalse(reference.isEmpty, text)
            XCTAssertEqual(ours, reference, text)
        }
    }

    func testFiltersLeaveOnlyAllowedNoticesWithUnchangedScores() throws {
        var f = QueryFilters()
        f.law = .eir
        let root = try XCTUnwrap(try QueryParser.parse("information").root)
        let filter = try XCTUnwrap(try FilterSQL(f, db: engine.db))
        let allowed = Set(try filter.ids(engine.db))
        let all = Dictionary(uniqueKeysWithValues: try engine.match(root, filter: nil).map { ($0.id, $0.text) })
        let filtered = try engine.match(root, filter: filter)
        XCTAssertFalse(filtered.isEmpty)
        XCTAssertEqual(Set(filtered.map(\.id)), allowed.intersection(all.keys))
        for hit in filtered { XCTAssertEqual(hit.text, all[hit.id]) }
    }

    func testTermStatisticsHoldEveryTermInTwoOrMoreNotices() throws {
        // The paragraph barrier is no word (FTSDocument.barrier): left out.
        let vocab = try engine.db.rows("SELECT term, doc FROM notice_vocab WHERE doc >= 2 AND term <> ?", [FTSDocument.barrier]) { ($0.string(0) ?? "", $0.int(1)) }
        let stats = try engine.db.rows("SELECT term, docs FROM term_stats") { ($0.string(0) ?? "", $0.int(1)) }
        XCTAssertFalse(vocab.isEmpty)
        XCTAssertEqual(stats.map(\.0), vocab.map(\.0))
        XCTAssertEqual(stats.map(\.1), vocab.map(\.1))
    }

    func testPhrasesAreReadBackFromTheExpressionInFTS5Order() {
        let cases: [(String, [MatchBuilder.Phrase])] = [
            ("(\"sec31x3\" AND \"synncnd\")", [.init(text: "sec31x3", prefix: false), .init(text: "synncnd", prefix: false)]),
            ("(\"disclos\" * NOT \"say \"\"no\"\"\")", [.init(text: "disclos", prefix: true), .init(text: "say \"no\"", prefix: false)]),
            ("NEAR(\"public interest\" \"test\", 5)", [.init(text: "public interest", prefix: false), .init(text: "test", prefix: false)]),
        ]
        for (expression, expected) in cases { XCTAssertEqual(MatchBuilder.phrases(in: expression), expected, expression) }
    }

    func testFacetsFromColumnsEqualSQLCounts() throws {
        let r = try engine.search(try QueryParser.parse("information"), limit: 5, facets: true)
        let facets = try XCTUnwrap(r.facets)
        let root = try XCTUnwrap(try QueryParser.parse("information").root)
        let list = "(" + (try engine.match(root, filter: nil)).map { String($0.id) }.joined(separator: ",") + ")"
        let outcomes = try engine.db.rows("SELECT coalesce(outcome, 'unknown'), count(*) FROM notices WHERE id IN \(list) GROUP BY 1") {
            ($0.string(0) ?? "", $0.int(1))
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: facets.outcomes.map { ($0.0, $0.1) }), Dictionary(uniqueKeysWithValues: outcomes))
        let years = try engine.db.rows("SELECT coalesce(year, 'unknown'), count(*) FROM notices WHERE id IN \(list) GROUP BY 1") {
            ($0.isNull(0) ? "unknown" : String($0.int(0)), $0.int(1))
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: facets.years.map { ($0.0, $0.1) }), Dictionary(uniqueKeysWithValues: years))
        var provisions: [String: Int] = [:]
        for p in try engine.db.rows("SELECT provisions FROM notices WHERE id IN \(list)", [], { $0.string(0) ?? "" }) {
            for item in p.split(separator: " ") { provisions[String(item), default: 0] += 1 }
        }
        for (name, count) in facets.provisions { XCTAssertEqual(provisions[name], count, name) }
        XCTAssertEqual(facets.provisions.count, min(30, provisions.count))
    }

    func testNeedlesAreFoundInOnePassWhateverTheirCase() {
        let set = NeedleSet([Array("neit".utf8), Array("ncnd".utf8), Array("31".utf8)])
        let table: [(String, Bool)] = [
            ("The MPS would Neither confirm nor deny.", true),
            ("It gave an NCND response.", true),
            ("Section 31 applies.", true),
            ("Nothing relevant here.", false),
            ("", false),
        ]
        for (text, expected) in table { XCTAssertEqual(set.occurs(in: text), expected, text) }
        XCTAssertFalse(NeedleSet([]).occurs(in: "anything"))
        let single = NeedleSet([Array("5".utf8)])
        XCTAssertTrue(single.occurs(in: "section 5 applies"))
        XCTAssertTrue(single.occurs(in: "5"), "at the very end of the text")
        XCTAssertFalse(single.occurs(in: "section six applies"))
    }

    func testFilterOnlySearchesListNewestFirst() throws {
        var f = QueryFilters()
        f.law = .foia
        let r = try engine.search(try QueryParser.parse("", filters: f), limit: 100)
        XCTAssertGreaterThan(r.results.count, 5)
        let dates = r.results.map { $0.date ?? "" }
        XCTAssertEqual(dates, dates.sorted(by: >))
        XCTAssertEqual(r.total, try engine.db.int("SELECT count(*) FROM notices WHERE law = ?", [Law.foia.rawValue]))
    }
}
