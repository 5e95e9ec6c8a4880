import Foundation
import NoticeIndex

/// A search as the web page and the API take it: the CLI's option names as query parameters
/// (`q`, `provision`, `authority`, `outcome`, `law`, `cites`, `finding`, `since`, `until`, `sort`,
/// `offset`, `limit`, and `facets` for the API). Parsing is strict: every malformed value is a 400 that
/// names the parameter, checked before the index is touched.
struct SearchParameters: Sendable, Equatable {
    var q = ""
    var provisions: [String] = []
    var authorities: [String] = []
    var outcome: String?
    var law: String?
    var cites: [String] = []
    var findings: [String] = []
    var since: String?
    var until: String?
    var sort: String?
    var offset = 0
    var limit = 10
    var facets = false

    /// Pages are at most this long (a bigger list is an export).
    static let maxLimit = 100
    /// Paging stops here; deeper lists are an export.
    static let maxOffset = 10_000
    static let names: Set<String> = ["q", "provision", "authority", "outcome", "law", "cites", "finding", "since", "until",
                                     "sort", "offset", "limit", "facets"]

    init() {}

    init(_ qs: QueryString, defaultLimit: Int = 10) throws {
        if let unknown = qs.names.subtracting(Self.names).sorted().first {
            throw ServerError.badRequest("unknown parameter '\(unknown)'; known: \(Self.names.sorted().joined(separator: ", "))")
        }
        q = try qs.single("q") ?? ""
        provisions = qs.all("provision")
        for p in provisions where ProvisionFinder.parse(query: p) == nil {
            throw ServerError.badRequest("provision '\(p)' is not a FOIA section or EIR regulation (try 31(3), s.31(3) or reg 12(4)(b))")
        }
        authorities = qs.all("authority")
        outcome = try qs.single("outcome").flatMap(Self.nonEmpty)
        if let o = outcome, Self.outcome(o) == nil {
            throw ServerError.badRequest("outcome '\(o)' is not one of upheld, partly-upheld, not-upheld")
        }
        law = try qs.single("law").flatMap(Self.nonEmpty)
        if let l = law, Self.law(l) == nil { throw ServerError.badRequest("law '\(l)' is not foia or eir") }
        cites = qs.all("cites")
        findings = qs.all("finding")
        for f in findings {
            do { _ = try FindingFilter.parse(f) } catch { throw ServerError.badRequest("\(error)") }
        }
        since = try qs.single("since").flatMap(Self.nonEmpty)
        until = try qs.single("until").flatMap(Self.nonEmpty)
        for (name, d) in [("since", since), ("until", until)] {
            guard let d else { continue }
            do { _ = try QueryFilters.date(d, upper: name == "until") } catch {
                throw ServerError.badRequest("\(name): \(error)")
            }
        }
        sort = try qs.single("sort").flatMap(Self.nonEmpty)
        if let s = sort, ResultSort(rawValue: s) == nil {
            throw ServerError.badRequest("sort '\(s)' is not one of relevance, newest, oldest")
        }
        offset = try Self.integer(qs.single("offset"), name: "offset", default: 0, range: 0...Self.maxOffset)
        limit = try Self.integer(qs.single("limit"), name: "limit", default: defaultLimit, range: 0...Self.maxLimit)
        if let f = try qs.single("facets") {
            guard let b = ["": true, "1": true, "true": true, "0": false, "false": false][f] else {
                throw ServerError.badRequest("facets '\(f)' is not true or false")
            }
            facets = b
        }
    }

    private static func nonEmpty(_ s: String) -> String? {
        s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s
    }

    private static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw ServerError.badRequest("\(name) '\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// `upheld`, `partly-upheld`, `not-upheld`, or the printed forms (`not upheld`).
    static func outcome(_ text: String) -> Outcome? {
        Outcome(slug: text.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-"))
    }

    /// `foia`/`eir` in any case, and `foi`, as the CLI's `--law` takes them.
    static func law(_ text: String) -> Law? {
        let v = text.trimmingCharacters(in: .whitespaces).uppercased()
        return Law(rawValue: v) ?? (v == "FOI" ? .foia : nil)
    }

    /// Whether any filter is set (the search page shows the filter box open then).
    var hasFilters: Bool {
        !provisions.isEmpty || !authorities.isEmpty || outcome != nil || law != nil || !cites.isEmpty || !findings.isEmpty
            || since != nil || until != nil
    }

    /// The library's query for these parameters: the same parsing as `search QUERY --options`.
    func query() throws -> Query {
        var filters = QueryFilters()
        filters.provisions = provisions.compactMap { ProvisionFinder.parse(query: $0) }
        filters.authorities = authorities
        filters.outcome = outcome.flatMap(Self.outcome)
        filters.law = law.flatMap(Self.law)
        filters.cites = cites
        filters.findings = try findings.map(FindingFilter.parse)
        filters.since = try since.map { try QueryFilters.date($0, upper: false) }
        filters.until = try until.map { try QueryFilters.date($0, upper: true) }
        return try QueryParser.parse(q, filters: filters)
    }

    /// The page asked for, as the library takes it.
    var options: SearchOptions {
        SearchOptions(limit: limit, offset: offset, sort: sort.flatMap(ResultSort.init(rawValue:)) ?? .relevance, facets: facets)
    }

    /// These parameters as query-string pairs, in a fixed order, for links that keep the search.
    func pairs(includePaging: Bool = true) -> [(String, String)] {
        var out: [(String, String)] = []
        if !q.isEmpty { out.append(("q", q)) }
        for p in provisions { out.append(("provision", p)) }
        for a in authorities { out.append(("authority", a)) }
        if let outcome { out.append(("outcome", outcome)) }
        if let law { out.append(("law", law)) }
        for c in cites { out.append(("cites", c)) }
        for f in findings { out.append(("finding", f)) }
        if let since { out.append(("since", since)) }
        if let until { out.append(("until", until)) }
        if let sort { out.append(("sort", sort)) }
        if includePaging {
            if offset > 0 { out.append(("offset", String(offset))) }
            if limit != 10 { out.append(("limit", String(limit))) }
        }
        return out
    }

    /// The CLI arguments that ask the same question (`search` + these, `--json`), for tests and docs.
    var cliArguments: [String] {
        var out: [String] = q.isEmpty ? [] : [q]
        for p in provisions { out += ["--provision", p] }
        for a in authorities { out += ["--authority", a] }
        if let outcome { out += ["--outcome", outcome] }
        if let law { out += ["--law", law] }
        for c in cites { out += ["--cites", c] }
        for f in findings { out += ["--finding", f] }
        if let since { out += ["--since", since] }
        if let until { out += ["--until", until] }
        if let sort { out += ["--sort", sort] }
        if offset > 0 { out += ["--offset", String(offset)] }
        out += ["--limit", String(limit)]
        if facets { out.append("--facets") }
        return out
    }
}
