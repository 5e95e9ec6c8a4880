import XCTest
@testable import NoticeIndex

/// The per-notice columns read lazily (one notice at a time for re-ranking, the whole table for
/// facets) give the same values and the same rankings as the whole table read up front.
final class NoticeColumnsTests: XCTestCase {
    func openEngine() throws -> SearchEngine { try SearchEngine(databasePath: TestSupport.corpusIndex) }

    func testValuesLookedUpOneNoticeAtATimeEqualTheWholeTable() throws {
        let engine = try openEngine()
        let ids = try engine.db.rows("SELECT id FROM notices ORDER BY id") { $0.int64(0) }
        XCTAssertGreaterThan(ids.count, 20)
        let lazy = try NoticeColumns(engine.db)
        let whole = try NoticeColumns(engine.db)
        _ = whole.all
        XCTAssertTrue(whole.isFullyRead)
        // Ids past the end and before the start read as absent, as the table reads them.
        for id in ids + [-1, (ids.max() ?? 0) + 1] {
            XCTAssertEqual(lazy.dateKey(of: id), whole.dateKey(of: id), "notice \(id)")
            XCTAssertEqual(lazy.authorityKey(of: id), whole.authorityKey(of: id), "notice \(id)")
            XCTAssertEqual(lazy.outcome(of: id), whole.outcome(of: id), "notice \(id)")
        }
        XCTAssertFalse(lazy.isFullyRead, "point lookups alone do not read the table")
        for id in ids + [-1, (ids.max() ?? 0) + 1] { XCTAssertEqual(lazy.has(id), whole.has(id), "notice \(id)") }
        // And the values are the database's.
        let outcomes = try engine.db.rows("SELECT id, outcome FROM notices") { ($0.int64(0), $0.string(1)) }
        for (id, outcome) in outcomes { XCTAssertEqual(lazy.outcome(of: id), outcome, "notice \(id)") }
        XCTAssertTrue(outcomes.contains { $0.1 != nil }, "the corpus has outcomes to compare")
    }

    func testCitedCasesLookedUpOneNoticeAtATimeEqualTheWholeTable() throws {
        let engine = try openEngine()
        let ids = try engine.db.rows("SELECT id FROM notices ORDER BY id") { $0.int64(0) }
        let lazy = CitedCases(engine.db), whole = CitedCases(engine.db)
        whole.pointLookupLimit = 0
        for id in ids + [-1, (ids.max() ?? 0) + 1] {
            let expected = Set(try engine.db.rows("SELECT case_id FROM citations WHERE notice_id = ?", [id]) { $0.int64(0) })
            XCTAssertEqual(Set(lazy.of(id)), expected, "notice \(id)")
            XCTAssertEqual(Set(whole.of(id)), expected, "notice \(id)")
        }
        XCTAssertTrue(ids.contains { !lazy.of($0).isEmpty }, "the corpus cites cases")
        XCTAssertFalse(lazy.isFullyRead, "point lookups alone do not read the table")
        XCTAssertTrue(whole.isFullyRead)
        // A search naming a case boosts its candidates from point lookups, ranking as with the table.
        let fresh = try openEngine(), read = try openEngine()
        try read.citedCases().pointLookupLimit = 0  // its first lookup reads the whole table
        let q = try QueryParser.parse("Dransfield vexatious")
        let a = try fresh.search(q, limit: 10), b = try read.search(q, limit: 10)
        XCTAssertFalse(a.results.isEmpty)
        XCTAssertEqual(a.results.map(\.file), b.results.map(\.file))
        XCTAssertEqual(a.results.map(\.score), b.results.map(\.score))
        XCTAssertFalse(try fresh.citedCases().isFullyRead)
        XCTAssertTrue(try read.citedCases().isFullyRead)
    }

    func testManyPointLookupsSwitchToReadingTheWholeTable() throws {
        let engine = try openEngine()
        let columns = try NoticeColumns(engine.db)
        columns.pointLookupLimit = 5
        let ids = try engine.db.rows("SELECT id FROM notices ORDER BY id LIMIT 8") { $0.int64(0) }
        let expected = try engine.db.rows("SELECT date FROM notices ORDER BY id LIMIT 8") { $0.string(0) ?? "" }
        for (id, date) in zip(ids, expected) {
            XCTAssertEqual(columns.dateKey(of: id), Int32(date.replacingOccurrences(of: "-", with: "")) ?? 0, "notice \(id)")
        }
        XCTAssertTrue(columns.isFullyRead)
    }

    func testATextSearchReadsOnlyItsCandidatesAndRanksAsWithTheWholeTable() throws {
        let queries = ["section 31(3) NCND", "vexatious", "Dransfield", "information", "section 40(2) legitimate interests"]
        let lazy = try openEngine(), whole = try openEngine()
        _ = try whole.columns().all
        for text in queries {
            let q = try QueryParser.parse(text)
            let a = try lazy.search(q, limit: 10), b = try whole.search(q, limit: 10)
            XCTAssertFalse(a.results.isEmpty, text)
            XCTAssertEqual(a.results.map(\.file), b.results.map(\.file), text)
            XCTAssertEqual(a.results.map(\.score), b.results.map(\.score), text)
            XCTAssertFalse(try lazy.columns().isFullyRead, "\(text): re-ranking looked up its candidates only")
        }
        // A filters-only search orders by date, newest first, with either.
        var f = QueryFilters()
        f.law = .foia
        let a = try lazy.search(try QueryParser.parse("", filters: f), limit: 10), b = try whole.search(try QueryParser.parse("", filters: f), limit: 10)
        XCTAssertEqual(a.results.map(\.file), b.results.map(\.file))
        // Facets count every match: over a few matches by reading just those notices, as the table counts.
        let faceted = try lazy.search(try QueryParser.parse("information"), limit: 10, facets: true)
        let reference = try whole.search(try QueryParser.parse("information"), limit: 10, facets: true)
        XCTAssertLessThanOrEqual(faceted.total, SearchEngine.facetPointReadLimit)
        XCTAssertFalse(try lazy.columns().isFullyRead, "facets of a few matches read those notices only")
        XCTAssertEqual(faceted.facets, reference.facets)
        XCTAssertEqual(faceted.facets?.yearsByOutcome, reference.facets?.yearsByOutcome)
        XCTAssertFalse(faceted.facets?.provisions.isEmpty ?? true)
    }
}
