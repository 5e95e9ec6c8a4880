/// A leaf of a query: what has to be found in a notice.
public enum QueryTerm: Sendable, Equatable, CustomStringConvertible {
    /// One word; `prefix` for `word*`.
    case word(String, prefix: Bool)
    /// Words in this order.
    case phrase([String])
    /// A provision: `section 31(3)`, `s.31(3)`, `31(3)` all become `.provision(s31(3))`.
    case provision(Provision)
    /// A synonym group: `NCND` and "neither confirm nor deny" both become the group's token.
    case synonym(token: String, written: String)
    /// A legal reference typed as one thing that is no provision the tool knows (`s.99999(1)`,
    /// `EA/2019/0123`, `[2016] UKUT 535 (AAC)`): its words next to each other, as a phrase, so that no
    /// notice matches, or half-matches, on a fragment of it (`s`, `1`).
    case reference([String], written: String)

    public var description: String {
        switch self {
        case let .word(w, prefix): return prefix ? w + "*" : w
        case let .phrase(ws): return "\"" + ws.joined(separator: " ") + "\""
        case let .provision(p): return p.canonical
        case let .synonym(_, written): return written
        case let .reference(_, written): return written
        }
    }
}

/// A parsed query: a tree of terms with AND/OR/NOT/NEAR.
public indirect enum QueryNode: Sendable, Equatable, CustomStringConvertible {
    case term(QueryTerm)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
    case near([QueryTerm], distance: Int)

    /// The node as query text again (`"public interest" s31(3)`), for naming what a partial match lacks.
    public var description: String {
        switch self {
        case let .term(t): return t.description
        case let .and(xs): return xs.map { x in if case .or = x { return "(\(x))" } else { return x.description } }.joined(separator: " ")
        case let .or(xs): return xs.map(\.description).joined(separator: " OR ")
        case let .not(x): return "-" + x.description
        case let .near(ts, d): return ts.map(\.description).joined(separator: " NEAR/\(d) ")
        }
    }

    /// Every term that counts toward a match (not those under NOT), for pinpointing and snippets.
    public var positiveTerms: [QueryTerm] {
        switch self {
        case let .term(t): return [t]
        case let .and(xs), let .or(xs): return xs.flatMap(\.positiveTerms)
        case .not: return []
        case let .near(ts, _): return ts
        }
    }
}

/// A finding filter: notices whose decision on `provision` (or a provision within it) was `finding`
/// (`--finding 14(1)=not-upheld`, `finding:14(1)=upheld`).
public struct FindingFilter: Sendable, Equatable, Hashable {
    public var provision: Provision
    public var finding: Outcome

    public init(provision: Provision, finding: Outcome) {
        self.provision = provision
        self.finding = finding
    }

    /// Parses `P=OUTCOME`: `14(1)=not-upheld`, `s.31(3)=upheld`, `reg 12(4)(b)=not upheld`.
    public static func parse(_ text: String) throws -> FindingFilter {
        let usage = NoticeIndexError.usage(
            "finding '\(Printable.escaped(String(text.prefix(80))))' is not PROVISION=OUTCOME (as in 14(1)=not-upheld or s.31(3)=upheld)")
        guard let eq = text.lastIndex(of: "=") else { throw usage }
        let left = String(text[..<eq]), right = String(text[text.index(after: eq)...])
        guard let p = ProvisionFinder.parse(query: left) else { throw usage }
        guard let o = Outcome(slug: right.trimmingCharacters(in: .whitespaces)) else {
            throw NoticeIndexError.usage("finding '\(Printable.escaped(String(text.prefix(80))))': '\(Printable.escaped(String(right.prefix(40))))' is not upheld, partly-upheld or not-upheld")
        }
        return FindingFilter(provision: p, finding: o)
    }

    /// As typed back to the tool: `s14(1)=not-upheld`.
    public var description: String { provision.canonical + "=" + finding.slug }
}

/// Restrictions from options (`--provision`) or field prefixes (`provision:31(3)`); all must hold.
public struct QueryFilters: Sendable, Equatable {
    public var provisions: [Provision] = []
    public var authorities: [String] = []
    public var outcome: Outcome?
    public var law: Law?
    public var cites: [String] = []
    /// ISO dates, inclusive.
    public var since: String?
    public var until: String?
    /// Per-provision findings (`--finding`, `finding:`).
    public var findings: [FindingFilter] = []
    /// Public-sector family of the authority (`sector:police`).
    public var sectors: [Sector] = []

    public init() {}

    public var isEmpty: Bool {
        provisions.isEmpty && authorities.isEmpty && outcome == nil && law == nil && cites.isEmpty && since == nil && until == nil
            && findings.isEmpty && sectors.isEmpty
    }

    /// How many values the filters hold: each becomes a clause of one SQL statement, so there is a cap.
    public var valueCount: Int {
        provisions.count + authorities.count + cites.count + findings.count + sectors.count
            + (outcome == nil ? 0 : 1) + (law == nil ? 0 : 1) + (since == nil ? 0 : 1) + (until == nil ? 0 : 1)
    }

    /// The filters as a person would type them, for "No notices match …" when there is no query text.
    public var summary: String {
        var parts: [String] = provisions.map { "--provision \($0.canonical)" }
        parts += authorities.map { "--authority \"\($0)\"" }
        if let outcome { parts.append("--outcome \(outcome.slug)") }
        if let law { parts.append("--law \(law.rawValue.lowercased())") }
        parts += cites.map { "--cites \"\($0)\"" }
        parts += findings.map { "--finding \($0.description)" }
        parts += sectors.map { "sector:\($0.rawValue.replacingOccurrences(of: " ", with: "-"))" }
        if let since { parts.append("--since \(since)") }
        if let until { parts.append("--until \(until)") }
        return parts.joined(separator: " ")
    }

    /// Parses `YYYY` or `YYYY-MM-DD` (and `YYYY-MM`) into the inclusive bound it means; a day must exist
    /// in its month (2020-02-30 is refused, 2024-02-29 accepted).
    public static func date(_ text: String, upper: Bool) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func bad() -> NoticeIndexError { .usage("'\(Printable.escaped(String(text.prefix(40))))' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") }
        guard (1...3).contains(parts.count), parts[0].count == 4, parts[0].allSatisfy(\.isASCII),
              let year = Int(parts[0]), (1...9999).contains(year) else { throw bad() }  // any real calendar year: a far bound is a real question
        if parts.count == 1 { return upper ? "\(parts[0])-12-31" : "\(parts[0])-01-01" }
        guard parts[1].count == 2, parts[1].allSatisfy(\.isASCII), let month = Int(parts[1]), (1...12).contains(month) else { throw bad() }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if parts.count == 2 { return upper ? "\(parts[0])-\(parts[1])-\(days)" : "\(parts[0])-\(parts[1])-01" }
        guard parts[2].count == 2, parts[2].allSatisfy(\.isASCII), let day = Int(parts[2]), (1...days).contains(day) else {
            if parts[2].count == 2, let day = Int(parts[2]), day > days, day <= 31 {
                throw NoticeIndexError.usage("'\(t)' is not a date: \(parts[0])-\(parts[1]) has \(days) days")
            }
            throw bad()
        }
        return t
    }
}

/// What the user asked: the text tree (nil for a filters-only search) and the filters.
public struct Query: Sendable, Equatable {
    public var text: String
    public var root: QueryNode?
    public var filters: QueryFilters

    public init(text: String, root: QueryNode?, filters: QueryFilters) {
        self.text = text
        self.root = root
        self.filters = filters
    }
}

import Foundation
