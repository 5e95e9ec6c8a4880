/// Turns a query tree into an FTS5 MATCH expression. Every term is emitted as a quoted string, so no
/// user text is ever read by FTS5 as syntax; provisions and synonym groups become the index's tokens.
///
///     section 31(3) NCND        →  ("sec31x3" AND "synncnd")
///     Dransfield -"costs limit" →  ("dransfield" NOT "costs limit")
enum MatchBuilder {
    static func expression(_ node: QueryNode) -> String {
        switch node {
        case let .term(t):
            return term(t)
        case let .and(items):
            let positives = items.filter { if case .not = $0 { return false } else { return true } }
            let negatives = items.compactMap { n -> QueryNode? in if case let .not(inner) = n { return inner } else { return nil } }
            guard !positives.isEmpty else { return nothing("(" + items.map(expression).joined(separator: " OR ") + ")") }
            var expr = positives.count == 1 ? expression(positives[0]) : "(" + positives.map(expression).joined(separator: " AND ") + ")"
            for n in negatives { expr = "(\(expr) NOT \(expression(n)))" }
            return expr
        case let .or(items):
            return "(" + items.map(expression).joined(separator: " OR ") + ")"
        case let .not(inner):
            // A lone NOT is rejected by the parser; reaching here means "NOT x" inside OR, which FTS5
            // cannot express on its own. Match nothing for it rather than everything.
            return nothing(expression(inner))
        case let .near(terms, distance):
            let phrases = terms.compactMap(nearPhrase)
            guard phrases.count == terms.count, phrases.count >= 2 else {
                return "(" + terms.map(term).joined(separator: " AND ") + ")"
            }
            return "NEAR(" + phrases.joined(separator: " ") + ", \(distance))"
        }
    }

    /// An expression that matches no row: FTS5 has no standalone NOT.
    static func nothing(_ expr: String) -> String { "(\(expr) NOT \(expr))" }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func term(_ t: QueryTerm) -> String {
        switch t {
        case let .word(w, prefix): return quote(w) + (prefix ? " *" : "")
        case let .phrase(ws): return quote(ws.joined(separator: " "))
        case let .provision(p): return quote(p.indexToken)
        case let .synonym(token, _): return quote(token)
        }
    }

    /// NEAR takes phrases only (no prefix terms inside): words and phrases qualify.
    static func nearPhrase(_ t: QueryTerm) -> String? {
        switch t {
        case let .word(w, false): return quote(w)
        case let .phrase(ws): return quote(ws.joined(separator: " "))
        case let .provision(p): return quote(p.indexToken)
        case let .synonym(token, _): return quote(token)
        default: return nil
        }
    }
}
