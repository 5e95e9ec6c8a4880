import ArgumentParser
import Foundation
import NoticeIndex

/// `--outcome`: the slugs (`not-upheld`) and the forms results print (`"not upheld"`, `Not Upheld`).
struct OutcomeArgument: ExpressibleByArgument {
    var outcome: Outcome
    init?(argument: String) {
        guard let o = Outcome(slug: argument.trimmingCharacters(in: .whitespaces)) else { return nil }
        outcome = o
    }
    static var allValueStrings: [String] { Outcome.allCases.map(\.slug) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// `--law`: `foia`/`eir` in any case (results print `FOIA`), and `foi`.
struct LawArgument: ExpressibleByArgument {
    var law: Law
    init?(argument: String) {
        let v = argument.trimmingCharacters(in: .whitespaces).uppercased()
        guard let l = Law(rawValue: v) ?? (v == "FOI" ? .foia : nil) else { return nil }
        law = l
    }
    static var allValueStrings: [String] { ["foia", "eir"] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

extension ResultSort: ExpressibleByArgument {}

/// The query and its filters, shared by the default command and `export`.
struct QueryArguments: ParsableArguments {
    @Argument(help: "What to look for, e.g. \"section 31(3) NCND\".")
    var query: [String] = []

    @Option(help: "Provision relied on, e.g. 31(3), s.31(3), section 31, reg 12(4)(b) (repeatable).")
    var provision: [String] = []

    /// Repeatable like the other filters (each must match), so a repeat is counted against the 32-value
    /// limit instead of silently replacing the one before it.
    @Option(help: "Public authority, by name or alias (MPS, Home Office, EA, WYP) (repeatable).")
    var authority: [String] = []

    @Option(help: "Outcome: upheld, partly-upheld or not-upheld (\"not upheld\" as printed also works).")
    var outcome: OutcomeArgument?

    @Option(help: "foia or eir.")
    var law: LawArgument?

    @Option(help: "Cited case: party name, neutral citation or appeal number (repeatable).")
    var cites: [String] = []

    @Option(help: "Finding on a provision, PROVISION=OUTCOME, e.g. 14(1)=not-upheld (repeatable).")
    var finding: [String] = []

    @Option(help: "Notices dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Notices dated on or before (YYYY, YYYY-MM or YYYY-MM-DD).")
    var until: String?

    @Option(help: "Order: relevance (default; filters alone: newest first), newest or oldest.")
    var sort: ResultSort = .relevance

    /// Arguments past this length are refused before anything else reads them.
    static let maxArgumentCharacters = 2_000

    func validate() throws {
        for p in provision where ProvisionFinder.parse(query: p) == nil {
            throw ValidationError("--provision '\(Printable.escaped(String(p.prefix(80))))' is not a FOIA section or EIR regulation (try 31(3), s.31(3) or reg 12(4)(b))")
        }
        // As `authority:""` and `cites:""` in the query: an empty authority would match every notice's
        // name (LIKE '%%'), an empty case none, and neither is what was meant.
        for a in authority where a.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--authority needs a value, as in --authority \"Home Office\" or --authority MPS")
        }
        for c in cites where c.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--cites needs a value, as in --cites Savic or --cites EA/2018/0164")
        }
        for d in [since, until].compactMap({ $0 }) {
            do { _ = try QueryFilters.date(d, upper: false) } catch { throw ValidationError("\(error)") }
        }
        for f in finding {
            do { _ = try FindingFilter.parse(f) } catch { throw ValidationError("--finding: \(error)") }
        }
    }

    var text: String { query.joined(separator: " ") }

    /// Whether anything at all was asked (export with nothing exports everything).
    var isEmpty: Bool {
        query.isEmpty && provision.isEmpty && authority.isEmpty && outcome == nil && law == nil && cites.isEmpty
            && finding.isEmpty && since == nil && until == nil
    }

    /// The same values as plain ones, for `QueryTerms.parsed`.
    var terms: QueryTerms {
        QueryTerms(words: query, provision: provision, authority: authority, outcome: outcome?.outcome, law: law?.law,
                   cites: cites, finding: finding, since: since, until: until)
    }

    func parsed() throws -> NoticeIndex.Query { try terms.parsed() }
}

/// A query's text and filters as plain values: what `QueryArguments` holds once the argument parser has
/// read it, and what the plain path (`PlainQuery`) builds itself, so both make the query the same way.
struct QueryTerms {
    var words: [String] = []
    var provision: [String] = []
    var authority: [String] = []
    var outcome: Outcome?
    var law: Law?
    var cites: [String] = []
    var finding: [String] = []
    var since: String?
    var until: String?

    func parsed() throws -> NoticeIndex.Query {
        // Refused here, inside `guarded`, so the reason is one line like every other query error.
        for a in words + provision + cites + finding + authority + [since, until].compactMap({ $0 }) where a.count > QueryArguments.maxArgumentCharacters {
            throw NoticeIndexError.usage("an argument of \(a.count) characters is too long (at most \(QueryArguments.maxArgumentCharacters))")
        }
        var filters = QueryFilters()
        filters.provisions = provision.compactMap { ProvisionFinder.parse(query: $0) }
        filters.authorities = authority
        filters.outcome = outcome
        filters.law = law
        filters.cites = cites
        filters.findings = try finding.map(FindingFilter.parse)
        filters.since = try since.map { try QueryFilters.date($0, upper: false) }
        filters.until = try until.map { try QueryFilters.date($0, upper: true) }
        return try QueryParser.parse(words.joined(separator: " "), filters: filters)
    }
}

extension Search {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Ranked notices for QUERY (the default command).",
            discussion: """
                Query language: words (all required), "phrases", OR, -word or NOT word, (grouping), word*,
                a NEAR/5 b or "a b"~5, and fields provision:31(3) authority:"Home Office" outcome:upheld
                law:eir cites:Savic finding:14(1)=not-upheld sector:police year:2019..2023. Provisions are understood in any spelling:
                section 31(3), s.31(3), s31(3), 31(3), reg 12(4)(b), EIR 12.4.b.
                """)

        @OptionGroup var common: CommonOptions

        @OptionGroup var arguments: QueryArguments

        // Unconditional: `--limit -1` is a value to refuse with a reason, not a missing value.
        @Option(parsing: .unconditional, help: "How many notices to show.")
        var limit = 10

        @Option(parsing: .unconditional, help: "Skip this many notices first (for paging).")
        var offset = 0

        @Flag(help: "Counts by provision, authority, outcome and year over all matches.")
        var facets = false

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must be 0 or more (got \(limit))") }
            guard limit <= SearchOptions.maxLimit else {
                throw ValidationError("--limit must be at most \(SearchOptions.maxLimit) (page with --offset, or use export for every match)")
            }
            guard offset >= 0 else { throw ValidationError("--offset must be 0 or more (got \(offset))") }
            guard offset <= 1_000_000 else { throw ValidationError("--offset must be at most 1000000") }
        }

        func run() throws {
            try QueryRun(db: common.db, json: common.json, terms: arguments.terms,
                         options: SearchOptions(limit: limit, offset: offset, sort: arguments.sort, facets: facets)).run()
        }
    }
}

/// The default command's work from plain values, validated already: the argument parser's `Query` and
/// the plain path (`PlainQuery`) both end here, so the two cannot answer differently.
struct QueryRun {
    var db: String?
    var json: Bool
    var terms: QueryTerms
    var options: SearchOptions

    func run() throws {
        let response: SearchResponse = try guarded {
            let parsed = try terms.parsed()
            let engine = try openEngine()
            return try engine.search(parsed, options: options)
        }
        if json {
            try printJSON(response)
        } else {
            TerminalOutput().printResults(response)
            try flushOut()
        }
        if response.total == 0 { throw ExitCode(1) }
    }

    /// Opens the index; the library decides when the default one is built first (zero set-up). This
    /// process answers one search, so pages are read, not mapped (`IndexReads.copied`); the bundled
    /// corpus is only looked for when the default index is used, the only one zero set-up builds.
    func openEngine() throws -> SearchEngine {
        let (path, isDefault) = CommonOptions.database(db)
        return try ZeroSetUp.engine(databasePath: path, isDefault: isDefault, corpus: isDefault ? DefaultPaths.bundledCorpus() : nil,
                                    reads: .copied) {
            warn("search: \($0)")
        }
    }
}
