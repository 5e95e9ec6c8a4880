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
        return try pool.withEngine { try $0.search(query, options: p.options) }
    }

    /// One notice with every paragraph; nil when the index has no such notice.
    func notice(_ id: String) throws -> NoticeRecord? {
        try pool.withEngine { try $0.show(id) }
    }

    /// Most-cited cases first; with `matching`, those whose name or citation holds it (`cases NAME`).
    func cases(limit: Int, matching: String? = nil) throws -> CasesResponse {
        try pool.withEngine { try $0.caseList(limit: limit, matching: matching) }
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
