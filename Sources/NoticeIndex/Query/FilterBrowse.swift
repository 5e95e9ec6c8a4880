/// Searches with filters and no query words (`search --law eir`, `--cites Savic --sort oldest`),
/// answered in SQL: the total is a `count(*)` and the page an ordered `LIMIT/OFFSET`, both over a
/// covering index (`from`), so no notice's values are read into Swift but the page's.
///
/// Why: the matches used to be listed in Swift, each one's date looked up to sort them, and past a few
/// hundred matches that read every notice's columns (`NoticeColumnTable`); at 25k notices that was most
/// of such a search's CPU (issue 14).
///
/// The orders are those a filters-only search has always had (filters give no score to rank by):
/// - relevance and newest: later dates first; undated notices last;
/// - oldest: earlier dates first; undated notices last;
/// - in both, notices of one date (and the undated) by ascending row id, i.e. in the order they were
///   first indexed: a stable tie-break, so pages never overlap or skip.
enum FilterBrowse {
    /// The ORDER BY of each sort. Newest is the order the browse-order indexes (… date DESC, id …) are
    /// stored in, so a page is read in order and stops at its end. Oldest puts the undated last
    /// explicitly, as SQLite sorts NULL first in an ascending order; SQLite then keeps only the
    /// offset and page's worth of matches while it sorts (a top-N sort).
    static func orderBy(_ sort: ResultSort) -> String {
        switch sort {
        case .relevance, .newest: return "ORDER BY date DESC, id"
        case .oldest: return "ORDER BY date IS NULL, date, id"
        }
    }

    /// Which covering index a search reads, named because the indexes have no statistics to choose by
    /// (an equality on `outcome` looks selective; then every match's wide row was read for its date).
    /// Each index below holds its notices newest first with every column a filter tests, so a count
    /// reads a range and a page stops at its last notice:
    /// - a known authority (`--authority MPS`, with any other filter): `notices_authority`;
    /// - filters that list ids (a provision, finding or cited case): each id sought in `notices_columns`
    ///   and the matches sorted, unless `inDateOrder` (see `scansInDateOrder`);
    /// - a law or an outcome: `notices_law`, `notices_outcome`;
    /// - anything else (dates, a sector, an authority by name): `notices_browse`.
    static func from(_ filter: FilterSQL?, inDateOrder: Bool = false) -> String {
        let index: String
        switch filter {
        case let f? where f.namesKnownAuthority: index = "notices_authority"
        case let f? where f.listsIDs && !inDateOrder: index = "notices_columns"
        case let f? where f.filtersLaw: index = "notices_law"
        case let f? where f.filtersOutcome: index = "notices_outcome"
        default: index = "notices_browse"
        }
        return "FROM notices INDEXED BY " + index
    }

    /// Whether a newest-first page of a filter that lists ids is cheaper read by scanning notices in date
    /// order (`notices_browse`, or a law's or outcome's index), testing each against the ids, than by
    /// seeking and sorting every match: so when the matches are dense enough that the page's end is
    /// expected within twice as many notices as there are matches (`--cites Savic`, 5,018 of 25k
    /// notices: 1 ms against 4.5 ms of SQL).
    static func scansInDateOrder(_ filter: FilterSQL?, sort: ResultSort, end: Int, total: Int, db: Database) throws -> Bool {
        guard filter?.listsIDs == true, filter?.namesKnownAuthority == false, sort != .oldest, total > 0 else { return false }
        let notices = try db.int("SELECT max(id) FROM notices") ?? 0
        return Double(end) * Double(notices) <= 2 * Double(total) * Double(total)
    }

    /// How many notices satisfy `filter` (every notice when nil).
    static func count(_ filter: FilterSQL?, db: Database) throws -> Int {
        if filter?.matchesNothing == true { return 0 }
        return try db.int("SELECT count(*) " + from(filter) + whereClause(filter), filter?.values ?? []) ?? 0
    }

    /// The ids of the notices satisfying `filter` (every notice when nil) in `sort` order, `limit` of
    /// them from `offset` (negative values read as 0; an offset past the end gives none), read from the
    /// index `from` names (the same ids either way: the ORDER BY decides).
    static func ids(_ filter: FilterSQL?, sort: ResultSort, offset: Int, limit: Int, inDateOrder: Bool = false, db: Database) throws -> [Int64] {
        if filter?.matchesNothing == true || limit <= 0 { return [] }
        let sql = "SELECT id " + from(filter, inDateOrder: inDateOrder) + whereClause(filter) + " " + orderBy(sort) + " LIMIT ? OFFSET ?"
        let page: [SQLBindable?] = [limit, max(0, offset)]
        return try db.rows(sql, (filter?.values ?? []) + page) { $0.int64(0) }
    }

    /// The ids of every notice satisfying `filter`, in no particular order (for facets).
    static func all(_ filter: FilterSQL, db: Database) throws -> [Int64] {
        if filter.matchesNothing { return [] }
        return try db.rows("SELECT id " + from(filter) + whereClause(filter), filter.values) { $0.int64(0) }
    }

    private static func whereClause(_ filter: FilterSQL?) -> String {
        guard let filter else { return "" }
        return " WHERE " + filter.conditions
    }
}

extension SearchEngine {
    /// A filters-only search (`query.root` is nil): its total, facets and one page, with the response
    /// fields a text search would give it (no suggestions, no partial matches: there are no words).
    func browse(_ query: Query, filter: FilterSQL, _ options: SearchOptions) throws -> SearchResponse {
        let limit = max(0, options.limit), offset = max(0, options.offset)
        let total = try FilterBrowse.count(filter, db: db)
        var response = SearchResponse(query: query.text, total: total, results: [], facets: nil, suggestions: [:])
        response.offset = offset
        response.filterSummary = query.filters.summary
        if options.facets { response.facets = try facets(for: try FilterBrowse.all(filter, db: db)) }
        let end = offset.addingReportingOverflow(limit).overflow ? Int.max : offset + limit
        let inDateOrder = try FilterBrowse.scansInDateOrder(filter, sort: options.sort, end: end, total: total, db: db)
        let page = try FilterBrowse.ids(filter, sort: options.sort, offset: offset, limit: limit, inDateOrder: inDateOrder, db: db)
        // Filters give no text score: every result scores 0, as ranked searches' filters-only results always have.
        response.results = try records(page.map { ($0, 0.0) }, query: query)
        return response
    }
}
