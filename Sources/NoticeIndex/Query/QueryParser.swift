import Foundation

/// Parses the query language into a `Query`:
///
///     section 31(3) NCND                  both required (provision and synonym group)
///     "manifestly unreasonable" OR vexatious
///     Dransfield -"costs limit"           exclusion
///     (police OR constabulary) bodycam*   grouping, prefix
///     police NEAR/5 bodycam, "police bodycam"~5
///     provision:31(3) authority:"Home Office" outcome:upheld law:eir cites:Savic year:2019..2023
///
/// Malformed input throws `.query` naming the problem and its position; nothing reaches SQLite unparsed.
public enum QueryParser {
    /// Limits that keep every query answerable in well under a second on a large index: past them the
    /// query is refused with the reason (exit 64), never sent to FTS5 or SQLite as a giant expression.
    /// Words in all (phrase words included; a phrase's words are each matched).
    public static let maxTerms = 64
    /// Words in one phrase.
    public static let maxPhraseWords = 32
    /// Characters of query text.
    public static let maxQueryCharacters = 2_000
    /// Nesting of ( ) groups.
    public static let maxDepth = 16
    /// Filter values (provisions, authorities, cited cases, findings, sectors, outcome, law, dates).
    public static let maxFilterValues = 32
    /// Letters before `*` in a prefix term, and prefix terms per query.
    public static let minPrefixLetters = 3
    public static let maxPrefixTerms = 4
    /// Top-level terms up to which notices with only some of them are looked for (each is matched on
    /// its own to say what a partial match lacks).
    public static let maxPartialTerms = 12
    /// Characters of one filter value (`--authority`, `--cites`).
    public static let maxValueCharacters = 200

    public static func parse(_ text: String, filters: QueryFilters = QueryFilters()) throws -> Query {
        guard text.count <= maxQueryCharacters else {
            throw NoticeIndexError.query("query too long: \(text.count) characters (at most \(maxQueryCharacters)); shorten it", position: nil)
        }
        // Ligatures and full-width letters are folded as the indexer folds notice text.
        let folded = CompatibilityFolding.fold(text)
        let tokens = try QueryLexer.tokenize(folded)
        var filters = filters
        var rest: [PositionedToken] = []
        for t in tokens {
            if case let .field(name, value) = t.token {
                try apply(field: name, value: value, position: t.position, to: &filters)
            } else {
                rest.append(t)
            }
        }
        filters = try checked(filters)
        var parser = Parser(tokens: rest)
        let root = try parser.parseQuery()
        if let root {
            let count = root.positiveTerms.count
            let words = root.positiveTerms.reduce(0) { n, t in
                switch t {
                case let .phrase(ws), let .reference(ws, _): return n + ws.count
                default: return n + 1
                }
            }
            if count > maxTerms || words > maxTerms {
                throw NoticeIndexError.query("query too long: \(max(count, words)) words (at most \(maxTerms)); shorten it", position: nil)
            }
            if count == 0 {
                throw NoticeIndexError.query("a query cannot only exclude: add a term to look for", position: 1)
            }
        } else if filters.isEmpty {
            throw NoticeIndexError.query("nothing to search for: the query has no words (only symbols or operators)", position: nil)
        }
        return Query(text: text, root: root, filters: filters)
    }

    /// Filters without repeats, within the limits: each value is one clause of one SQL statement, and a
    /// long `LIKE` pattern is refused by SQLite itself.
    /// A filter that holds one value, set again to another (`--outcome upheld` and `outcome:not-upheld`,
    /// two `year:`): which was meant cannot be known, so it is refused rather than the last winning.
    static func once(_ name: String, _ existing: String?, _ new: String, _ position: Int?) throws {
        guard let existing, existing != new else { return }
        throw NoticeIndexError.query("\(name) is given twice (\(existing) and \(new)): give it once", position: position)
    }

    static func checked(_ f: QueryFilters) throws -> QueryFilters {
        var f = f
        if let since = f.since, let until = f.until, since > until {
            throw NoticeIndexError.usage("the start date \(since) is after the end date \(until): no notice can be dated between them")
        }
        func unique<T: Hashable>(_ xs: [T]) -> [T] { var seen = Set<T>(); return xs.filter { seen.insert($0).inserted } }
        f.provisions = unique(f.provisions)
        f.authorities = unique(f.authorities.map(CompatibilityFolding.fold))
        f.cites = unique(f.cites.map(CompatibilityFolding.fold))
        f.findings = unique(f.findings)
        f.sectors = unique(f.sectors)
        for v in f.authorities + f.cites where v.count > maxValueCharacters {
            throw NoticeIndexError.usage("a filter value of \(v.count) characters is too long (at most \(maxValueCharacters))")
        }
        if f.valueCount > maxFilterValues {
            throw NoticeIndexError.usage("too many filters: \(f.valueCount) values (at most \(maxFilterValues))")
        }
        return f
    }

    static func apply(field: String, value: String, position: Int, to filters: inout QueryFilters) throws {
        switch field {
        case "provision":
            guard let p = ProvisionFinder.parse(query: value) else {
                throw NoticeIndexError.query("provision:\(value) is not a FOIA section or EIR regulation (try 31(3) or reg 12(4)(b))", position: position)
            }
            filters.provisions.append(p)
        case "authority":
            filters.authorities.append(value)
        case "outcome":
            guard let o = Outcome(slug: value) else {
                throw NoticeIndexError.query("outcome:\(value) is not an outcome (use upheld, partly-upheld or not-upheld)", position: position)
            }
            try once("outcome", filters.outcome.map(\.slug), o.slug, position)
            filters.outcome = o
        case "law":
            guard let l = Law(rawValue: value.uppercased()) ?? (value.lowercased() == "foi" ? .foia : nil) else {
                throw NoticeIndexError.query("law:\(value) is not a law (use foia or eir)", position: position)
            }
            try once("law", filters.law.map { $0.rawValue.lowercased() }, l.rawValue.lowercased(), position)
            filters.law = l
        case "cites":
            filters.cites.append(value)
        case "finding":
            do { filters.findings.append(try FindingFilter.parse(value)) } catch let NoticeIndexError.usage(message) {
                throw NoticeIndexError.query(message, position: position)
            }
        case "sector":
            let v = value.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            guard let sector = Sector(rawValue: v) else {
                throw NoticeIndexError.query("sector:\(value) is not a sector (use \(Sector.allCases.map { $0.rawValue.replacingOccurrences(of: " ", with: "-") }.joined(separator: ", ")))", position: position)
            }
            filters.sectors.append(sector)
        case "year":
            let bounds = value.components(separatedBy: "..")
            var since: String?, until: String?
            do {
                if bounds.count == 1 {
                    since = try QueryFilters.date(bounds[0], upper: false)
                    until = try QueryFilters.date(bounds[0], upper: true)
                } else if bounds.count == 2 {
                    if !bounds[0].isEmpty { since = try QueryFilters.date(bounds[0], upper: false) }
                    if !bounds[1].isEmpty { until = try QueryFilters.date(bounds[1], upper: true) }
                } else {
                    throw NoticeIndexError.usage("")
                }
            } catch {
                throw NoticeIndexError.query("year:\(value) is not a year or range (use 2019 or 2019..2023)", position: position)
            }
            if let since { try once("the start date (--since or year:)", filters.since, since, position) }
            if let until { try once("the end date (--until or year:)", filters.until, until, position) }
            filters.since = since ?? filters.since
            filters.until = until ?? filters.until
        default:
            break
        }
    }

    /// Recursive descent over the tokens; OR binds loosest, then AND (explicit or implied), then NOT/-.
    struct Parser {
        var tokens: [PositionedToken]
        var i = 0
        /// Current ( ) nesting, capped at `maxDepth`: each level is a recursion here and in FTS5.
        var depth = 0
        var prefixTerms = 0

        mutating func parseQuery() throws -> QueryNode? {
            guard !tokens.isEmpty else { return nil }
            let node = try parseOr()
            if i < tokens.count {
                let t = tokens[i]
                if t.token == .close {
                    throw NoticeIndexError.query("unmatched ): no ( before it", position: t.position)
                }
                throw NoticeIndexError.query("unexpected \(describe(t.token))", position: t.position)
            }
            return node
        }

        func describe(_ t: QueryToken) -> String {
            switch t {
            case .and: return "AND"
            case .or: return "OR"
            case .not: return "NOT"
            case .near: return "NEAR"
            case .open: return "("
            case .close: return ")"
            case .minus: return "-"
            default: return "term"
            }
        }

        var atEnd: Bool { i >= tokens.count }
        var position: Int? { atEnd ? nil : tokens[i].position }

        mutating func parseOr() throws -> QueryNode {
            var items = [try parseAnd()]
            while !atEnd, tokens[i].token == .or {
                let opPos = tokens[i].position
                i += 1
                guard !atEnd, startsOperand(tokens[i].token) else {
                    throw NoticeIndexError.query("OR needs a term on each side", position: opPos)
                }
                items.append(try parseAnd())
            }
            items = Self.unique(items)
            return items.count == 1 ? items[0] : .or(items)
        }

        /// Nodes without repeats, first occurrence kept: `the the the …` or `a OR a OR a` asks once, and
        /// FTS5 would otherwise walk the same positions once per copy.
        static func unique(_ items: [QueryNode]) -> [QueryNode] {
            var out: [QueryNode] = []
            for n in items where !out.contains(n) { out.append(n) }
            return out
        }

        func startsOperand(_ t: QueryToken) -> Bool {
            switch t {
            case .word, .phrase, .provision, .reference, .open, .not, .minus: return true
            default: return false
            }
        }

        mutating func parseAnd() throws -> QueryNode {
            var items: [QueryNode] = []
            while !atEnd {
                let t = tokens[i]
                if t.token == .and {
                    guard !items.isEmpty else { throw NoticeIndexError.query("AND needs a term on each side", position: t.position) }
                    i += 1
                    guard !atEnd, startsOperand(tokens[i].token) else {
                        throw NoticeIndexError.query("AND needs a term on each side", position: t.position)
                    }
                    continue
                }
                guard startsOperand(t.token) else {
                    if case .near = t.token { throw NoticeIndexError.query("NEAR needs a word or phrase on each side", position: t.position) }
                    break
                }
                items.append(try parseUnary())
            }
            guard !items.isEmpty else {
                if let p = position, tokens[i].token == .or {
                    throw NoticeIndexError.query("OR needs a term on each side", position: p)
                }
                if let p = position, tokens[i].token == .close {
                    throw NoticeIndexError.query("empty ( ) or unmatched )", position: p)
                }
                throw NoticeIndexError.query("nothing to search for", position: position)
            }
            let merged = Self.unique(Self.mergeSynonyms(items))
            return merged.count == 1 ? merged[0] : .and(merged)
        }

        mutating func parseUnary() throws -> QueryNode {
            let t = tokens[i]
            if t.token == .not || t.token == .minus {
                i += 1
                guard !atEnd, startsOperand(tokens[i].token), tokens[i].token != .not, tokens[i].token != .minus else {
                    throw NoticeIndexError.query("\(t.token == .not ? "NOT" : "-") must be followed by a term to exclude", position: t.position)
                }
                return .not(try parsePrimary())
            }
            var node = try parsePrimary()
            while !atEnd, case let .near(distance) = tokens[i].token {
                let nearPos = tokens[i].position
                i += 1
                guard !atEnd, case let .term(right) = try parsePrimary() else {
                    throw NoticeIndexError.query("NEAR needs a word or phrase on each side", position: nearPos)
                }
                // `a NEAR/5 b NEAR/5 c` is one group: all three within 5 words.
                switch node {
                case let .term(left):
                    node = .near([left, right], distance: distance)
                case let .near(terms, d) where d == distance:
                    node = .near(terms + [right], distance: distance)
                case .near:
                    throw NoticeIndexError.query("one NEAR group takes one distance (NEAR/\(distance) here differs)", position: nearPos)
                default:
                    throw NoticeIndexError.query("NEAR needs a word or phrase on each side", position: nearPos)
                }
            }
            return node
        }

        mutating func parsePrimary() throws -> QueryNode {
            let t = tokens[i]
            i += 1
            switch t.token {
            case let .word(w, prefix):
                if prefix {
                    // FTS5 expands a prefix into every indexed word that starts with it: `a*` is most
                    // of the vocabulary, and a few of them took seconds on a large index.
                    prefixTerms += 1
                    guard w.count >= QueryParser.minPrefixLetters else {
                        throw NoticeIndexError.query("\(w)* is too short a prefix: give at least \(QueryParser.minPrefixLetters) letters before *", position: t.position)
                    }
                    guard prefixTerms <= QueryParser.maxPrefixTerms else {
                        throw NoticeIndexError.query("too many prefix terms (word*): at most \(QueryParser.maxPrefixTerms)", position: t.position)
                    }
                }
                if !prefix, let token = Synonyms.token(forPhrase: w) { return .term(.synonym(token: token, written: w)) }
                return .term(.word(w, prefix: prefix))
            case let .phrase(words, proximity):
                guard !words.isEmpty else { throw NoticeIndexError.query("empty quotes: put words inside them", position: t.position) }
                guard words.count <= QueryParser.maxPhraseWords else {
                    throw NoticeIndexError.query("phrase too long: \(words.count) words (at most \(QueryParser.maxPhraseWords))", position: t.position)
                }
                if let proximity {
                    return .near(words.map { .word($0, prefix: false) }, distance: proximity)
                }
                if let token = Synonyms.token(forPhrase: words.joined(separator: " ")) {
                    return .term(.synonym(token: token, written: words.joined(separator: " ")))
                }
                return .term(words.count == 1 ? .word(words[0], prefix: false) : .phrase(words))
            case let .provision(p, _):
                return .term(.provision(p))
            case let .reference(words, written):
                guard !words.isEmpty else { throw NoticeIndexError.query("nothing to search for in \(Printable.escaped(written))", position: t.position) }
                return .term(words.count == 1 ? .word(words[0], prefix: false) : .reference(words, written: written))
            case .open:
                guard !atEnd else { throw NoticeIndexError.query("unclosed (: add the closing )", position: t.position) }
                if tokens[i].token == .close { throw NoticeIndexError.query("empty ( ): put terms inside", position: t.position) }
                depth += 1
                defer { depth -= 1 }
                guard depth <= QueryParser.maxDepth else {
                    throw NoticeIndexError.query("too many nested ( ): at most \(QueryParser.maxDepth) levels", position: t.position)
                }
                let inner = try parseOr()
                guard !atEnd, tokens[i].token == .close else {
                    throw NoticeIndexError.query("unclosed (: add the closing )", position: t.position)
                }
                i += 1
                return inner
            default:
                throw NoticeIndexError.query("unexpected \(describe(t.token))", position: t.position)
            }
        }

        /// Joins runs of plain words that spell a synonym form ("neither confirm nor deny" typed without
        /// quotes) into the group's term, so both spellings search the same thing.
        static func mergeSynonyms(_ items: [QueryNode]) -> [QueryNode] {
            var out: [QueryNode] = []
            var k = 0
            while k < items.count {
                var run: [String] = []
                var m = k
                while m < items.count, case let .term(.word(w, false)) = items[m], run.count < Synonyms.longestForm {
                    run.append(w); m += 1
                }
                if run.count >= 2, let match = Synonyms.match(run[...]), match.length >= 2 {
                    out.append(.term(.synonym(token: match.token, written: run.prefix(match.length).joined(separator: " "))))
                    k += match.length
                } else {
                    out.append(items[k]); k += 1
                }
            }
            return out
        }
    }
}
