import XCTest
@testable import NoticeIndex

/// Filters-only searches are counted, ordered and paged in SQL (`FilterBrowse`). Their answers must be
/// those the notices' stored fields give when filtered and sorted here in Swift: the same total, the same
/// notices in the same order on every page (undated last; one date in index order), every result
/// scoring 0, and facets counting every match.
final class FilterBrowseTests: XCTestCase {
    /// The stored fields a filter tests, read straight from the tables.
    struct Stored {
        var id: Int64
        var date: String?
        var law: String?
        var outcome: String?
        var authority: String?
        var authorityKey: String?
        var relied: Set<String>
        var cases: Set<Int64>
        var findings: [(provision: String, finding: String)]
    }

    /// One index for the whole class: corpus notices copied three times each with dates drawn from a
    /// small pool (so many notices share a date), plus notices with no date at all.
    static let index: (db: String, stored: [Stored]) = {
        let tmp = FileManager.default.temporaryDirectory
        // Indexes left by earlier test processes that have exited.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("noticeindex-browse-") {
            if let pid = Int32(name.dropFirst("noticeindex-browse-".count)), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
        let dir = tmp.appendingPathComponent("noticeindex-browse-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: dir)
        let folder = dir.appendingPathComponent("notices")
        try! writeNotices(into: folder)
        let db = dir.appendingPathComponent("index.sqlite").path
        _ = try! Indexer.run(paths: [folder.path], database: db)
        return (db, try! readStored(db))
    }()

    static let datePool = ["14 May 2013", "2 March 2016", "2 March 2016", "30 June 2019", "1 January 2020",
                           "8 February 2024", "8 February 2024", "12 December 2021", "27 September 2012"]

    static func writeNotices(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let texts = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
            .map { try String(contentsOf: $0, encoding: .utf8) }
        let dateLine = try NSRegularExpression(pattern: "Date: [0-9]{1,2}(st|nd|rd|th)? [A-Z][a-z]+ [0-9]{4}")
        var random = SeededGenerator(seed: 14)
        for copy in 0..<3 {
            for (k, text) in texts.enumerated() {
                var t = text
                // The first copy keeps its own date; the others draw one from the pool.
                if copy > 0, let m = dateLine.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)), let r = Range(m.range, in: t) {
                    t.replaceSubrange(r, with: "Date: " + datePool[Int(random.next() % UInt64(datePool.count))])
                }
                t += "\n\n\(900 + copy). Marker paragraph browsecopy\(copy) for the filter tests.\n"
                try t.write(to: folder.appendingPathComponent(String(format: "c\(copy)-%02d.txt", k)), atomically: false, encoding: .utf8)
            }
        }
        for (k, u) in undated.enumerated() {
            try u.write(to: folder.appendingPathComponent("undated-\(k).txt"), atomically: false, encoding: .utf8)
        }
    }

    /// Notices with no date anywhere in them, of both laws and several authorities, some citing Savic.
    static let undated: [String] = [
        ("FS50990001", "Freedom of Information Act 2000 (FOIA)", "Commissioner of Police of the Metropolis", "section 31(3)", "was entitled", true),
        ("FS50990002", "Freedom of Information Act 2000 (FOIA)", "Home Office", "section 40(2)", "was not entitled", false),
        ("FER0990003", "Environmental Information Regulations 2004 (EIR)", "Bristol City Council", "regulation 12(4)(b)", "was entitled", true),
        ("FS50990004", "Freedom of Information Act 2000 (FOIA)", "Commissioner of Police of the Metropolis", "section 31(3)", "was not entitled", true),
        ("FER0990005", "Environmental Information Regulations 2004 (EIR)", "Cornwall Council", "regulation 12(5)(e)", "was entitled", true),
    ].map { ref, law, authority, provision, entitled, savic in
        """
        Reference: \(ref)

        \(law)
        Decision notice

        Public Authority: \(authority)

        Decision (including any steps ordered)

        1. The complainant requested information from the public authority. The public authority refused the request, citing \(provision).

        2. The Commissioner's decision is that the public authority \(entitled) to rely on \(provision) to refuse the request.

        Reasons for decision

        3. \(savic ? "In Savic v Information Commissioner [2016] UKUT 535 (AAC) the Upper Tribunal considered neither confirm nor deny responses." : "The Commissioner has considered the arguments of both parties.")

        4. The Commissioner has decided that the public authority \(entitled) to rely on \(provision).
        """
    }

    static func readStored(_ path: String) throws -> [Stored] {
        let db = try Database(path: path, readOnly: true, create: false)
        var relied: [Int64: Set<String>] = [:], cases: [Int64: Set<Int64>] = [:]
        var findings: [Int64: [(provision: String, finding: String)]] = [:]
        for (id, p) in try db.rows("SELECT notice_id, provision FROM provision_index WHERE relied = 1", [], { ($0.int64(0), $0.string(1) ?? "") }) {
            relied[id, default: []].insert(p)
        }
        for (id, c) in try db.rows("SELECT notice_id, case_id FROM citations", [], { ($0.int64(0), $0.int64(1)) }) { cases[id, default: []].insert(c) }
        for (id, p, f) in try db.rows("SELECT notice_id, provision, finding FROM findings", [], { ($0.int64(0), $0.string(1) ?? "", $0.string(2) ?? "") }) {
            findings[id, default: []].append((provision: p, finding: f))
        }
        return try db.rows("SELECT id, date, law, outcome, authority, authority_key FROM notices", []) { s -> Stored in
            let id = s.int64(0)
            return Stored(id: id, date: s.string(1), law: s.string(2), outcome: s.string(3), authority: s.string(4), authorityKey: s.string(5),
                          relied: relied[id] ?? [], cases: cases[id] ?? [], findings: findings[id] ?? [])
        }
    }

    /// Ids of the case(s) whose name holds `party`, read from the cases table.
    static func caseIDs(named party: String) throws -> Set<Int64> {
        let db = try Database(path: index.db, readOnly: true, create: false)
        return Set(try db.rows("SELECT id FROM cases WHERE name LIKE ?", ["%" + party + "%"]) { $0.int64(0) })
    }

    /// The expected order: newest (and relevance) later dates first, oldest earlier first; undated
    /// notices last in both; one date (and the undated) by ascending id.
    static func ordered(_ notices: [Stored], _ sort: ResultSort) -> [Int64] {
        notices.sorted { a, b in
            switch (a.date, b.date) {
            case (nil, nil): return a.id < b.id
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): return x != y ? (sort == .oldest ? x < y : x > y) : a.id < b.id
            }
        }.map(\.id)
    }

    struct FilterCase {
        var name: String
        var filters: QueryFilters
        var keeps: (Stored) -> Bool
    }

    /// Filters of every kind, alone and combined, including some that match nothing.
    static func filterCases() throws -> [FilterCase] {
        func make(_ name: String, _ set: (inout QueryFilters) throws -> Void, _ keeps: @escaping (Stored) -> Bool) rethrows -> FilterCase {
            var f = QueryFilters()
            try set(&f)
            return FilterCase(name: name, filters: f, keeps: keeps)
        }
        let savic = try caseIDs(named: "Savic")
        let mpsKey = AuthorityNormalizer.key(forQuery: "MPS")
        let since2020 = try QueryFilters.date("2020", upper: false), until2015 = try QueryFilters.date("2015", upper: true)
        let s31x3 = try XCTUnwrap(ProvisionFinder.parse(query: "31(3)")), s40x2 = try XCTUnwrap(ProvisionFinder.parse(query: "s.40(2)"))
        let finding = try FindingFilter.parse("14=not-upheld")
        return try [
            make("law foia", { $0.law = .foia }) { $0.law == "FOIA" },
            make("law eir", { $0.law = .eir }) { $0.law == "EIR" },
            make("outcome upheld", { $0.outcome = .upheld }) { $0.outcome == "upheld" },
            make("outcome not upheld since 2020", { $0.outcome = .notUpheld; $0.since = since2020 }) {
                $0.outcome == "not upheld" && ($0.date ?? "") >= since2020
            },
            make("until 2015", { $0.until = until2015 }) { $0.date.map { $0 <= until2015 } ?? false },
            make("2016 to 2020", { $0.since = try QueryFilters.date("2016", upper: false); $0.until = try QueryFilters.date("2020", upper: true) }) {
                $0.date.map { $0 >= "2016-01-01" && $0 <= "2020-12-31" } ?? false
            },
            make("provision 31(3)", { $0.provisions = [s31x3] }) { $0.relied.contains(s31x3.canonical) },
            make("provision 31(3) authority MPS", { $0.provisions = [s31x3]; $0.authorities = ["MPS"] }) {
                $0.relied.contains(s31x3.canonical) && $0.authorityKey == mpsKey
            },
            make("provision 40(2) law foia", { $0.provisions = [s40x2]; $0.law = .foia }) { $0.relied.contains(s40x2.canonical) && $0.law == "FOIA" },
            make("authority MPS", { $0.authorities = ["MPS"] }) { $0.authorityKey == mpsKey },
            make("authority MPS since 2016", { $0.authorities = ["MPS"]; $0.since = try QueryFilters.date("2016", upper: false) }) {
                $0.authorityKey == mpsKey && $0.date.map { $0 >= "2016-01-01" } ?? false
            },
            // A name that is no known authority's: its key, or the name as written within the authority's.
            make("authority named Cornwall", { $0.authorities = ["Cornwall"] }) { n in
                XCTAssertFalse(FilterSQL.isKnownAuthority("Cornwall"))
                return n.authorityKey == AuthorityNormalizer.key(forQuery: "Cornwall") || (n.authority ?? "").lowercased().contains("cornwall")
            },
            make("cites Savic", { $0.cites = ["Savic"] }) { !$0.cases.isDisjoint(with: savic) },
            make("cites Savic law eir", { $0.cites = ["Savic"]; $0.law = .eir }) { !$0.cases.isDisjoint(with: savic) && $0.law == "EIR" },
            make("finding 14 not upheld", { $0.findings = [finding] }) { n in
                n.findings.contains { $0.finding == "not upheld" && ($0.provision == "s14" || $0.provision.hasPrefix("s14(")) }
            },
            make("nothing: eir upheld after 2099", { $0.law = .eir; $0.outcome = .upheld; $0.since = "2099-01-01" }) { _ in false },
            make("nothing: cites an unknown case", { $0.cites = ["Zzyzxquon"] }) { _ in false },
        ]
    }

    func testAFiltersOnlySearchPagesItsMatchesInTheStoredFieldsOrder() throws {
        let engine = try SearchEngine(databasePath: Self.index.db)
        let stored = Self.index.stored
        for c in try Self.filterCases() {
            let matching = stored.filter(c.keeps)
            let q = try QueryParser.parse("", filters: c.filters)
            XCTAssertNil(q.root, c.name)
            for sort in ResultSort.allCases {
                let expected = Self.ordered(matching, sort)
                let n = expected.count
                // First page, a middle page, one straddling the end, past the end, empty and everything.
                for (offset, limit) in [(0, 10), (3, 4), (max(0, n - 2), 5), (n, 10), (n + 5, 10), (0, 0), (0, 500)] {
                    let r = try engine.search(q, options: SearchOptions(limit: limit, offset: offset, sort: sort))
                    let label = "\(c.name), \(sort), offset \(offset), limit \(limit)"
                    XCTAssertEqual(r.total, n, label)
                    XCTAssertEqual(r.offset, offset, label)
                    XCTAssertEqual(r.results.map(\.rowID), Array(expected.dropFirst(offset).prefix(limit)), label)
                    XCTAssertTrue(r.results.allSatisfy { $0.score == 0 }, label)
                    XCTAssertTrue(r.partial.isEmpty, label)
                }
            }
        }
    }

    /// A page of a filter that lists ids is the same whether read by seeking those ids or by scanning the
    /// notices in date order (which the search picks by how dense the matches are).
    func testAPageIsTheSameReadByIDsOrInDateOrder() throws {
        let engine = try SearchEngine(databasePath: Self.index.db)
        for c in try Self.filterCases() {
            let filter = try XCTUnwrap(try FilterSQL(c.filters, db: engine.db), c.name)
            let expected = Self.index.stored.filter(c.keeps)
            for sort in ResultSort.allCases {
                for (offset, limit) in [(0, 10), (5, 3), (expected.count - 1, 10), (0, 500)] where offset >= 0 {
                    let want = Array(Self.ordered(expected, sort).dropFirst(offset).prefix(limit))
                    for inDateOrder in [false, true] {
                        let got = try FilterBrowse.ids(filter, sort: sort, offset: offset, limit: limit, inDateOrder: inDateOrder, db: engine.db)
                        XCTAssertEqual(got, want, "\(c.name), \(sort), offset \(offset), limit \(limit), in date order: \(inDateOrder)")
                    }
                }
            }
        }
        // Dense matches scan in date order for a first page; sparse ones, or a deep page, seek their ids.
        var f = QueryFilters()
        f.cites = ["Savic"]
        let savic = try XCTUnwrap(try FilterSQL(f, db: engine.db))
        let n = try XCTUnwrap(try engine.db.int("SELECT max(id) FROM notices"))
        XCTAssertTrue(try FilterBrowse.scansInDateOrder(savic, sort: .newest, end: 10, total: n / 2, db: engine.db))
        XCTAssertFalse(try FilterBrowse.scansInDateOrder(savic, sort: .newest, end: n, total: 3, db: engine.db))
        XCTAssertFalse(try FilterBrowse.scansInDateOrder(savic, sort: .oldest, end: 10, total: n / 2, db: engine.db))
    }

    func testTheGeneratedIndexHasWhatTheOrderTestsNeed() throws {
        let stored = Self.index.stored
        let dates = Dictionary(grouping: stored.compactMap(\.date), by: { $0 })
        XCTAssertGreaterThan(dates.values.filter { $0.count > 1 }.count, 3, "several dates shared by many notices")
        XCTAssertGreaterThanOrEqual(stored.filter { $0.date == nil }.count, 3, "undated notices")
        for c in try Self.filterCases() where !c.name.hasPrefix("nothing") {
            XCTAssertGreaterThan(stored.filter(c.keeps).count, 1, "\(c.name) matches more than one notice")
        }
        XCTAssertGreaterThan(stored.filter { $0.law == "EIR" }.count, 10, "enough EIR notices to page through")
    }

    /// Paging one notice at a time through notices sharing dates lists each match once, in order.
    func testPagesOfOneNoticeNeitherRepeatNorSkipNoticesOfOneDate() throws {
        let engine = try SearchEngine(databasePath: Self.index.db)
        var f = QueryFilters()
        f.law = .foia
        let q = try QueryParser.parse("", filters: f)
        for sort in ResultSort.allCases {
            let total = try engine.search(q, options: SearchOptions(limit: 0, sort: sort)).total
            var seen: [Int64] = []
            for offset in 0..<(total + 1) {
                seen += try engine.search(q, options: SearchOptions(limit: 1, offset: offset, sort: sort)).results.map(\.rowID)
            }
            XCTAssertEqual(seen, Self.ordered(Self.index.stored.filter { $0.law == "FOIA" }, sort), "\(sort)")
        }
    }

    func testExportListsAFiltersOnlySearchAndEverythingInTheStoredFieldsOrder() throws {
        let engine = try SearchEngine(databasePath: Self.index.db)
        for c in try Self.filterCases() {
            let q = try QueryParser.parse("", filters: c.filters)
            for sort in ResultSort.allCases {
                var ids: [Int64] = []
                try engine.forEachMatch(q, sort: sort) { ids.append($0.rowID) }
                XCTAssertEqual(ids, Self.ordered(Self.index.stored.filter(c.keeps), sort), "\(c.name), \(sort)")
            }
        }
        // No query at all: every notice, oldest first unless newest is asked for.
        for (sort, order) in [(ResultSort.relevance, ResultSort.oldest), (.oldest, .oldest), (.newest, .newest)] {
            var ids: [Int64] = []
            try engine.forEachMatch(nil, sort: sort) { ids.append($0.rowID) }
            XCTAssertEqual(ids, Self.ordered(Self.index.stored, order), "\(sort)")
        }
    }

    /// Facets count every match of the filters, whatever the page, as the in-memory table counts them
    /// (names of authorities spelled several ways included); no match gives empty facets.
    func testFacetsOfAFiltersOnlySearchCountEveryMatchAsTheTableDoes() throws {
        let engine = try SearchEngine(databasePath: Self.index.db)
        let table = try SearchEngine(databasePath: Self.index.db)
        let columns = try table.columns()
        for c in try Self.filterCases() {
            let q = try QueryParser.parse("", filters: c.filters)
            let ids = Self.index.stored.filter(c.keeps).map(\.id)
            let reference = table.facetsFromTable(ids, columns)
            for (offset, limit) in [(0, 10), (ids.count + 3, 10), (0, 0)] {
                let r = try engine.search(q, options: SearchOptions(limit: limit, offset: offset, facets: true))
                let label = "\(c.name), offset \(offset), limit \(limit)"
                XCTAssertEqual(r.facets, reference, label)
                XCTAssertEqual(r.facets?.yearsByOutcome, reference.yearsByOutcome, label)
                XCTAssertEqual(r.facets?.years.reduce(0) { $0 + $1.1 }, ids.count, "\(label): a year for every match")
            }
        }
        XCTAssertFalse(try engine.columns().isFullyRead, "facets of a few hundred matches read those notices only")
    }

    /// The two ways of reading facets (the matches' own columns, the whole table in memory) agree on
    /// every set: the whole index, slices of it, none, and an id with no notice.
    func testFacetsReadNoticeByNoticeEqualTheTablesForEverySubset() throws {
        let engine = try SearchEngine(databasePath: Self.index.db)
        let columns = try engine.columns()
        let all = Self.index.stored.map(\.id).sorted()
        let subsets = [all, Array(all.prefix(7)), Array(all.suffix(20)), stride(from: 0, to: all.count, by: 3).map { all[$0] }, [], [all.last! + 100]]
        for (k, ids) in subsets.enumerated() {
            let read = try engine.facetsReadingEach(ids), table = engine.facetsFromTable(ids, columns)
            XCTAssertEqual(read, table, "subset \(k)")
            XCTAssertEqual(read.yearsByOutcome, table.yearsByOutcome, "subset \(k)")
        }
        XCTAssertGreaterThan(try engine.db.int("SELECT count(DISTINCT authority) - count(DISTINCT authority_key) FROM notices WHERE authority_key IS NOT NULL") ?? 0, 0,
                             "some authority is spelled two ways under one key")
    }
}
