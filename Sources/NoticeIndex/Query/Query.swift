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

    public var description: String {
        switch self {
        case let .word(w, prefix): return prefix ? w + "*" : w
        case let .phrase(ws): return "\"" + ws.joined(separator: " ") + "\""
        case let .provision(p): return p.canonical
        case let .synonym(_, written): return written
        }
    }
}

/// A parsed query: a tree of terms with AND/OR/NOT/NEAR.
public indirect enum QueryNode: Sendable, Equatable {
    case term(QueryTerm)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
    case near([QueryTerm], distance: Int)

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

    public init() {}

    public var isEmpty: Bool {
        provisions.isEmpty && authorities.isEmpty && outcome == nil && law == nil && cites.isEmpty && since == nil && until == nil
    }

    /// Parses `YYYY` or `YYYY-MM-DD` (and `YYYY-MM`) into the inclusive bound it means.
    public static func date(_ text: String, upper: Bool) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func bad() -> NoticeIndexError { .usage("'\(text)' is not a date: use YYYY or YYYY-MM-DD") }
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1900...2999).contains(year) else { throw bad() }
        if parts.count == 1 { return upper ? "\(parts[0])-12-31" : "\(parts[0])-01-01" }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { throw bad() }
        if parts.count == 2 { return upper ? "\(parts[0])-\(parts[1])-31" : "\(parts[0])-\(parts[1])-01" }
        guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { throw bad() }
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
