import CSQLite
import Foundation

/// Answers searches against one index: match with FTS5 at notice level, filter, re-rank the best
/// candidates with legal boosts, then pinpoint paragraphs for the page shown.
public final class SearchEngine {
    let db: Database
    let tokenizer: FTS5Tokenizer
    public var weights = RankingWeights()

    let scorer: NoticeScorer
    /// One tokenizer instance and heading cache per pinpointing worker (an instance is not shared
    /// between threads).
    let pinpointTokenizers: [FTS5Tokenizer]
    let headingCaches: [Pinpointer.HeadingCache]
    /// Provisions read back from their canonical spelling, by spelling (a few hundred at most).
    var parsedProvisions: [String: Provision] = [:]
    /// Read on the first search that needs them (every text search re-ranks with them).
    private var loadedColumns: NoticeColumns?
    private var loadedCitations: CitedCases?
    func citedCases() throws -> CitedCases {
        if let c = loadedCitations { return c }
        let c = CitedCases(db)
        loadedCitations = c
        return c
    }
    func columns() throws -> NoticeColumns {
        if let c = loadedColumns { return c }
        let c = try NoticeColumns(db)
        loadedColumns = c
        return c
    }

    /// Opens the index at `databasePath`; `reads: .copied` for an engine that answers one search and
    /// exits (see `IndexReads`).
    public init(databasePath: String, reads: IndexReads = .memoryMapped) throws {
        let db = try IndexDatabase.openForReading(databasePath, reads: reads)
        self.db = db
        let tokenizer = try FTS5Tokenizer(db)
        self.tokenizer = tokenizer
        scorer = try NoticeScorer(db)
        let workers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        pinpointTokenizers = try [tokenizer] + (1..<workers).map { _ in try FTS5Tokenizer(db) }
        headingCaches = (0..<workers).map { _ in Pinpointer.HeadingCache() }
    }

    /// Number of notices in the index.
    public func noticeCount() throws -> Int { try db.int("SELECT count(*) FROM notices") ?? 0 }

    /// One read transaction per search: every statement sees the same snapshot of the index, and the
    /// file is locked once rather than once per statement.
    public func search(_ query: Query, limit: Int = 10, facets wantFacets: Bool = false) throws -> SearchResponse {
        try search(query, options: SearchOptions(limit: limit, facets: wantFacets))
    }

    /// Seconds of SQL one search may take before it is stopped with a reason (`QueryDeadline`); 0 for
    /// no limit. Searches of 25,000 notices take a few milliseconds to 0.3 s; the costliest phrase and NEAR
    /// queries the parser lets through about 0.5–0.7 s of CPU (bench machine, 2 cores).
    public var timeBudget = 0.6

    public func search(_ query: Query, options: SearchOptions) throws -> SearchResponse {
        try db.reading {
            try refreshIfIndexChanged()
            return try QueryDeadline.run(db, seconds: timeBudget) { try searchInSnapshot(query, options) }
        }
    }

    /// Every notice satisfying the whole query, in `sort` order (relevance: best first; filters only or no
    /// query at all: newest first), each read with every paragraph and its findings. For `export`: the
    /// strict matches of a search, streamed one notice at a time.
    public func forEachMatch(_ query: Query?, sort: ResultSort, _ body: (NoticeRecord) throws -> Void) throws {
        let ids: [Int64] = try db.reading {
            try refreshIfIndexChanged()
            guard let query else {
                return try FilterBrowse.ids(nil, sort: sort == .relevance ? .oldest : sort, offset: 0, limit: Int.max, db: db)
            }
            let filter = try FilterSQL(query.filters, db: db)
            if query.root == nil {
                return try filter.map { try FilterBrowse.ids($0, sort: sort, offset: 0, limit: Int.max, db: db) } ?? []
            }
            let scored = try strictMatches(query, filter: filter)
            return try order(scored, query: query, sort: sort, keep: scored.count).map(\.0)
        }
        let reader = NoticeReader(db: db)
        for id in ids {
            if let r = try reader.fullRecord(id: id) { try body(r) }
        }
    }

    /// Written forms of stems already looked up for suggestions (nil inside: none found).
    var surfaceWords: [String: String?] = [:]

    /// Prefix terms already expanded on this index, by the word as typed (see `PrefixExpansion`).
    var prefixCache: [String: PrefixExpansion] = [:]

    /// `PRAGMA data_version` at the last search (lengths and columns are read inside searches).
    private var dataVersion: Int?

    /// An engine kept open across a nightly run must not rank with the notice lengths and columns of
    /// the index it first opened: SQLite bumps `data_version` whenever another connection commits.
    private func refreshIfIndexChanged() throws {
        let version = try db.int("PRAGMA data_version")
        if let dataVersion, dataVersion != version {
            scorer.forgetLengths()
            loadedColumns = nil
            loadedCitations = nil
            prefixCache.removeAll()
        }
        dataVersion = version
    }

    /// Notices satisfying the whole query (text and filters), with their text scores.
    private func strictMatches(_ query: Query, filter: FilterSQL?) throws -> [(id: Int64, text: Double)] {
        if filter?.matchesNothing == true { return [] }
        if let root = query.root { return try match(root, filter: filter) }
        if let filter { return try filter.ids(db).map { ($0, 0) } }
        return []
    }

    private func searchInSnapshot(_ query: Query, _ options: SearchOptions) throws -> SearchResponse {
        let limit = max(0, options.limit), offset = max(0, options.offset)
        let end = offset.addingReportingOverflow(limit).overflow ? Int.max : offset + limit
        let filter = try FilterSQL(query.filters, db: db)
        if query.root == nil, let filter { return try browse(query, filter: filter, options) }
        let scored = try strictMatches(query, filter: filter)
        var response = SearchResponse(query: query.text, total: scored.count, results: [], facets: nil, suggestions: [:])
        response.offset = offset
        response.filterSummary = query.filters.summary
        if options.facets { response.facets = try facets(for: scored.map(\.id)) }
        if let root = query.root {
            if scored.isEmpty { response.absent = try absentTerms(of: root) }
            response.suggestions = try suggestions(for: root)
            response.correctedQuery = Self.corrected(query.text, with: response.suggestions)
        }
        let strictPage = Array(try order(scored, query: query, sort: options.sort, keep: end).dropFirst(offset).prefix(limit))

        // The strict matches end before the page does: notices with some of the words may follow, apart.
        var partialPage: [(Int64, Double)] = []
        var lacking: [Int64: [String]] = [:]
        if scored.count < end, limit > 0, filter?.matchesNothing != true, let root = query.root, let relaxed = Self.relaxed(root) {
            let strictIDs = Set(scored.map(\.id))
            let partial = try match(relaxed, filter: filter).filter { !strictIDs.contains($0.id) }
            response.partialTotal = partial.count
            let skip = max(0, offset - scored.count)
            let room = end - max(offset, scored.count)
            partialPage = Array(try order(partial, query: query, sort: options.sort, keep: skip + room).dropFirst(skip).prefix(room))
            lacking = try missingTerms(of: partialPage.map(\.0), root: root)
        }
        response.results = try records(strictPage, query: query)
        response.partial = try records(partialPage, query: query).map { r in
            var r = r
            r.missing = lacking[r.rowID] ?? []
            return r
        }
        return response
    }
}
