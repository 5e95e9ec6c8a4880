import Foundation
import NoticeIndex

/// The questions the pages and the API ask the index, each answered with the library's own types (the
/// ones the CLI prints with `--json`), so both front ends give the same answers.
struct SearchService: Sendable {
    let pool: EnginePool

    /// A search page: the response for the page asked, plus (for the HTML page only) the matches per
    /// year and outcome for the chart.
    func search(_ p: SearchParameters) throws -> SearchResponse {
        let query = try p.query()
        guard p.sort == nil || p.sort == "relevance", p.findings.isEmpty else {
            throw ServerError.badRequest("sort and finding need an index and library that support them (search --sort, --finding)")
        }
        return try pool.withEngine { engine in
            // The library pages from the top; the page at `offset` is the tail of a longer one.
            var r = try engine.search(query, limit: p.offset + p.limit, facets: p.facets)
            r.results = Array(r.results.dropFirst(p.offset))
            return r
        }
    }

    /// Matches per year, split by outcome, for the chart: one facet count per outcome over the same
    /// query, so the bars add up to the year facet.
    func yearsByOutcome(_ p: SearchParameters) throws -> [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        guard p.outcome == nil else {
            var q = p
            q.limit = 0
            q.offset = 0
            q.facets = true
            for (year, n) in try search(q).facets?.years ?? [] { out[year, default: [:]][p.outcome!] = n }
            return out
        }
        for outcome in ["upheld", "partly-upheld", "not-upheld"] {
            var q = p
            q.outcome = outcome
            q.limit = 0
            q.offset = 0
            q.facets = true
            for (year, n) in try search(q).facets?.years ?? [] { out[year, default: [:]][outcome] = n }
        }
        return out
    }

    /// One notice with every paragraph; nil when the index has no such notice.
    func notice(_ id: String) throws -> NoticeRecord? {
        try pool.withEngine { try $0.show(id) }
    }

    /// Most-cited cases first.
    func cases(limit: Int) throws -> [CitedCase] {
        try pool.withEngine { try $0.cases(limit: limit) }
    }

    /// One case by its canonical key (as `cases` lists it); nil when unknown.
    func citedCase(_ key: String) throws -> CitedCase? {
        try pool.withEngine { try $0.cases(limit: 100_000).first { $0.key == key } }
    }
}

/// The library's one JSON encoding (`JSONOutput`), which the CLI's `--json` uses too, so API bodies are
/// byte for byte what the CLI prints.
enum JSONBody {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONOutput.data(value)
    }

    /// The value as the CLI prints it: the JSON and a newline.
    static func line<T: Encodable>(_ value: T) throws -> Data {
        var data = try encode(value)
        data.append(0x0A)
        return data
    }
}
