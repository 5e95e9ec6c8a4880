/// A piece of snippet text, marked when it matched the query.
public struct SnippetSegment: Sendable, Equatable {
    public var text: String
    public var marked: Bool
}

/// One pinpointed paragraph of a result.
public struct ParagraphHit: Sendable, Equatable, Encodable {
    public var number: Int
    public var heading: String
    /// The snippet with matches marked as `[…]`; a whole citation is marked once (`[s.31(3)]`).
    public var snippet: String
    /// The same snippet as segments, for terminals that mark in bold instead.
    public var segments: [SnippetSegment]
    /// A line to paste: "Kent Police, ICO decision notice FS50471234, 14 May 2013, para 24".
    public var citation: String = ""

    enum CodingKeys: String, CodingKey { case number, heading, snippet, citation }
}

/// A case as shown with a notice: canonical key, name, and the forms this notice wrote it in.
public struct CaseSummary: Sendable, Equatable, Codable {
    public var key: String
    public var name: String?
    public var citations: [String]

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)  // null, not absent, when unknown
        try c.encode(citations, forKey: .citations)
    }
}

/// A finding on one provision.
/// `paragraph` (the ¶ number) and `start`/`end` (UTF-8 byte offsets into that paragraph's text) point at the
/// clause the finding was read from; null when the finding came from no one clause.
public struct FindingSummary: Sendable, Equatable, Codable {
    public var provision: String
    public var finding: String
    public var paragraph: Int?
    public var start: Int?
    public var end: Int?

    public init(provision: String, finding: String, paragraph: Int? = nil, start: Int? = nil, end: Int? = nil) {
        self.provision = provision
        self.finding = finding
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provision, forKey: .provision)
        try c.encode(finding, forKey: .finding)
        try c.encode(paragraph, forKey: .paragraph)  // null, not absent
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

/// A full paragraph, for `show`.
public struct ParagraphText: Sendable, Equatable, Codable {
    public var number: Int
    public var heading: String
    public var text: String
}

/// One notice in results, `show` and `export`. Optional scalars encode as null, per the CLI contract.
public struct NoticeRecord: Sendable, Equatable, Encodable {
    public var id: String
    public var reference: String?
    public var file: String
    public var date: String?
    public var authority: String?
    public var law: String?
    public var outcome: String?
    public var provisions: [String]
    public var cases: [CaseSummary]
    /// Search only.
    public var score: Double?
    /// Search: best paragraphs. Show/export: every paragraph (in `fullParagraphs`).
    public var paragraphs: [ParagraphHit]
    public var fullParagraphs: [ParagraphText]?
    public var findings: [FindingSummary]?
    /// Show/export: what the parser could not make sense of (`paragraph numbers skip from 14 to 16`).
    public var warnings: [String]? = nil
    /// A line to paste: "Kent Police, ICO decision notice FS50471234, 14 May 2013".
    public var citation: String = ""
    /// Partial matches only: the query's terms this notice lacks.
    public var missing: [String]?
    /// `notices.id`, for the engine's own bookkeeping (not encoded).
    var rowID: Int64 = 0
    /// Extras beyond the contract, for people and scripts.
    public var authorityKey: String?
    public var sector: String?
    public var layout: String?

    enum CodingKeys: String, CodingKey {
        case id, reference, file, date, authority, law, outcome, provisions, cases, score, paragraphs, findings, warnings
        case authorityKey = "authority_key", sector, layout
        case citation, missing
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(reference, forKey: .reference)
        try c.encode(file, forKey: .file)
        try c.encode(date, forKey: .date)
        try c.encode(authority, forKey: .authority)
        try c.encode(law, forKey: .law)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(provisions, forKey: .provisions)
        try c.encode(cases, forKey: .cases)
        if let score { try c.encode((score * 1000).rounded() / 1000, forKey: .score) }
        if let fullParagraphs {
            try c.encode(fullParagraphs, forKey: .paragraphs)
        } else {
            try c.encode(paragraphs, forKey: .paragraphs)
        }
        if let findings { try c.encode(findings, forKey: .findings) }
        if let warnings { try c.encode(warnings, forKey: .warnings) }
        try c.encode(authorityKey, forKey: .authorityKey)
        try c.encode(sector, forKey: .sector)
        try c.encode(layout, forKey: .layout)
        try c.encode(citation, forKey: .citation)
        if let missing { try c.encode(missing, forKey: .missing) }
    }
}

/// Counts over the whole match set, not just the page shown.
public struct Facets: Sendable, Equatable, Encodable {
    public var provisions: [(String, Int)]
    public var authorities: [(String, Int)]
    public var outcomes: [(String, Int)]
    public var years: [(String, Int)]
    /// Matches per year and outcome (`["2019": ["not upheld": 12, …]]`), for charts; not in the JSON.
    public var yearsByOutcome: [String: [String: Int]] = [:]

    public static func == (a: Facets, b: Facets) -> Bool {
        func eq(_ x: [(String, Int)], _ y: [(String, Int)]) -> Bool { x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1) }
        return eq(a.provisions, b.provisions) && eq(a.authorities, b.authorities) && eq(a.outcomes, b.outcomes) && eq(a.years, b.years)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (name, values) in [("provisions", provisions), ("authorities", authorities), ("outcomes", outcomes), ("years", years)] {
            var inner = c.nestedContainer(keyedBy: Key.self, forKey: Key(name))
            for (k, v) in values { try inner.encode(v, forKey: Key(k)) }
        }
    }
}

/// How results are ordered: by relevance (filters-only searches: newest first), or by date.
public enum ResultSort: String, Sendable, CaseIterable, Codable {
    case relevance, newest, oldest
}

/// What page of the answer to return.
public struct SearchOptions: Sendable, Equatable {
    /// The most notices one page may show: each is read, decompressed and pinpointed (1,000 took about a
    /// second on the bench machine). `export` streams every match.
    public static let maxLimit = 500

    public var limit: Int
    public var offset: Int
    public var sort: ResultSort
    public var facets: Bool

    public init(limit: Int = 10, offset: Int = 0, sort: ResultSort = .relevance, facets: Bool = false) {
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.facets = facets
    }
}

/// The answer to a search.
///
/// Strict is the answer: `total`, `results`, `facets` (and the CLI's exit code) count only notices that
/// satisfy the whole query. When the strict matches end before the page does, notices with only some of
/// the query's words follow in `partial` (each naming what it lacks in `missing`); `partialTotal` counts
/// them all.
public struct SearchResponse: Sendable, Equatable, Encodable {
    public var query: String
    public var total: Int
    public var offset: Int = 0
    public var results: [NoticeRecord]
    public var partial: [NoticeRecord] = []
    public var partialTotal = 0
    public var facets: Facets?
    /// "Did you mean" suggestions for words with no hits, whole indexed words, best first.
    public var suggestions: [String: [String]]
    /// The query with each such word replaced by its first suggestion; nil when there is none.
    public var correctedQuery: String?
    /// With no strict match: the query's required terms, as written, that no notice in the index holds
    /// at all (`s.99999(1)`), whatever the filters; the reason nothing matches.
    public var absent: [String] = []
    /// The filters as options, for a filters-only search ("--provision s31(3) --outcome not-upheld").
    public var filterSummary = ""

    public init(query: String, total: Int, results: [NoticeRecord], facets: Facets?, suggestions: [String: [String]]) {
        self.query = query
        self.total = total
        self.results = results
        self.facets = facets
        self.suggestions = suggestions
    }

    enum CodingKeys: String, CodingKey {
        case query, total, offset, results, partial, partialTotal = "partial_total", facets, suggestions
        case correctedQuery = "corrected_query", absent
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encode(offset, forKey: .offset)
        try c.encode(results, forKey: .results)
        try c.encode(partial, forKey: .partial)
        try c.encode(partialTotal, forKey: .partialTotal)
        if let facets { try c.encode(facets, forKey: .facets) }
        if !suggestions.isEmpty { try c.encode(suggestions, forKey: .suggestions) }
        if let correctedQuery { try c.encode(correctedQuery, forKey: .correctedQuery) }
        if !absent.isEmpty { try c.encode(absent, forKey: .absent) }
    }
}
