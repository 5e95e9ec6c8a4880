import ArgumentParser
import Foundation
import NoticeIndex

enum OutcomeArgument: String, ExpressibleByArgument, CaseIterable {
    case upheld, partlyUpheld = "partly-upheld", notUpheld = "not-upheld"
    var outcome: Outcome { Outcome(slug: rawValue)! }
}

enum LawArgument: String, ExpressibleByArgument, CaseIterable {
    case foia, eir
    var law: Law { self == .foia ? .foia : .eir }
}

extension Search {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Ranked notices for QUERY (the default command).",
            discussion: """
                Query language: words (all required), "phrases", OR, -word or NOT word, (grouping), word*,
                a NEAR/5 b or "a b"~5, and fields provision:31(3) authority:"Home Office" outcome:upheld
                law:eir cites:Savic year:2019..2023. Provisions are understood in any spelling:
                section 31(3), s.31(3), s31(3), 31(3), reg 12(4)(b), EIR 12.4.b.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: "What to look for, e.g. \"section 31(3) NCND\".")
        var query: [String] = []

        @Option(help: "How many notices to show.")
        var limit = 10

        @Option(help: "Provision relied on, e.g. 31(3), s.31(3), section 31, reg 12(4)(b) (repeatable).")
        var provision: [String] = []

        @Option(help: "Public authority, by name or alias (MPS, Home Office).")
        var authority: String?

        @Option(help: "Outcome: upheld, partly-upheld or not-upheld.")
        var outcome: OutcomeArgument?

        @Option(help: "foia or eir.")
        var law: LawArgument?

        @Option(help: "Cited case: party name, neutral citation or appeal number (repeatable).")
        var cites: [String] = []

        @Option(help: "Notices dated on or after (YYYY or YYYY-MM-DD).")
        var since: String?

        @Option(help: "Notices dated on or before (YYYY or YYYY-MM-DD).")
        var until: String?

        @Flag(help: "Counts by provision, authority, outcome and year over all matches.")
        var facets = false

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
            for p in provision where ProvisionSpelling.parse(p) == nil {
                throw ValidationError("--provision '\(p)' is not a FOIA section or EIR regulation (try 31(3), s.31(3) or reg 12(4)(b))")
            }
            for d in [since, until].compactMap({ $0 }) {
                do { _ = try QueryFilters.date(d, upper: false) } catch { throw ValidationError("\(error)") }
            }
        }

        func run() throws {
            var filters = QueryFilters()
            filters.provisions = provision.compactMap(ProvisionSpelling.parse)
            filters.authorities = authority.map { [$0] } ?? []
            filters.outcome = outcome?.outcome
            filters.law = law?.law
            filters.cites = cites
            let text = query.joined(separator: " ")
            let response: SearchResponse = try guarded {
                filters.since = try since.map { try QueryFilters.date($0, upper: false) }
                filters.until = try until.map { try QueryFilters.date($0, upper: true) }
                let parsed = try QueryParser.parse(text, filters: filters)
                let engine = try openEngine()
                return try engine.search(parsed, limit: limit, facets: facets)
            }
            if common.json {
                try printJSON(response)
            } else {
                TerminalOutput().printResults(response, limit: limit)
            }
            if response.total == 0 { throw ExitCode(1) }
        }

        /// Opens the index; the library decides when the default one is built first (zero set-up).
        func openEngine() throws -> SearchEngine {
            let (path, isDefault) = common.database
            return try ZeroSetUp.engine(databasePath: path, isDefault: isDefault, corpus: DefaultPaths.bundledCorpus()) {
                warn("search: \($0)")
            }
        }
    }
}
