/// Turns a query tree into an FTS5 MATCH expression. Every term is emitted as a quoted string, so no
/// user text is ever read by FTS5 as syntax; provisions and synonym groups become the index's tokens.
///
///     section 31(3) NCND        →  ("sec31x3" AND "synncnd")
///     Dransfield -"costs limit" →  ("dransfield" NOT "costs limit")
enum MatchBuilder {
    /// Prefix terms are matched as `prefixes` says, by the word as typed (see `PrefixExpansion`); one
    /// without an entry is FTS5's own prefix query.
    static func expression(_ node: QueryNode) -> String { expression(node, prefixes: [:]) }

    static func expression(_ node: QueryNode, prefixes: [String: PrefixExpansion]) -> String {
        let expression = { (n: QueryNode) in Self.expression(n, prefixes: prefixes) }
        let term = { (t: QueryTerm) in Self.term(t, prefixes: prefixes) }
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
        case let .near(allTerms, distance):
            // FTS5 drops a phrase without tokens from a NEAR group (and from its phrase numbering, which
            // the ranking function relies on): leave such terms out here.
            let withTokens = allTerms.filter(hasWordCharacter)
            let terms = withTokens.isEmpty ? allTerms : withTokens
            let alternatives = terms.compactMap { nearAlternatives($0, prefixes: prefixes) }
            guard alternatives.count == terms.count, alternatives.count >= 2 else {
                return "(" + terms.map(term).joined(separator: " AND ") + ")"
            }
            // A synonym's group token lives in the `terms` column, away from the body words it is to be
            // near: each of its written forms is tried where the words are, one NEAR group per choice.
            var groups: [[String]] = [[]]
            for options in alternatives {
                groups = groups.flatMap { g in options.map { g + [$0] } }
                guard groups.count <= maxNearGroups else { return "(" + terms.map(term).joined(separator: " AND ") + ")" }
            }
            let near = groups.map { "NEAR(" + $0.joined(separator: " ") + ", \(distance))" }
            return near.count == 1 ? near[0] : "(" + near.joined(separator: " OR ") + ")"
        }
    }

    /// An expression that matches no row: FTS5 has no standalone NOT.
    static func nothing(_ expr: String) -> String { "(\(expr) NOT \(expr))" }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text columns: a prefix typed is of words, not of the provision and synonym tokens that the
    /// `terms` column holds (`sec*` must not match every notice citing a section).
    static let textColumns = "{heading decision body}"

    static func term(_ t: QueryTerm, prefixes: [String: PrefixExpansion] = [:]) -> String {
        switch t {
        case let .word(w, true):
            guard let e = prefixes[w] else { return quote(w) + " *" }
            let parts = (e.usesPrefix ? [textColumns + " : " + quote(w) + " *"] : []) + e.words.map(quote) + e.synonyms.map(quote)
            if parts.isEmpty { return nothing(quote(w)) }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
        case let .word(w, false): return quote(w)
        case let .phrase(ws), let .reference(ws, _): return quote(ws.joined(separator: " "))
        case let .provision(p): return quote(p.indexToken)
        case let .synonym(token, _): return quote(token)
        }
    }

    /// Whether FTS5's tokenizer can find a token in the term (a letter or digit).
    static func hasWordCharacter(_ t: QueryTerm) -> Bool {
        switch t {
        case let .word(w, _): return w.contains { $0.isLetter || $0.isNumber }
        case let .phrase(ws), let .reference(ws, _): return ws.contains { $0.contains { $0.isLetter || $0.isNumber } }
        case .provision, .synonym: return true
        }
    }

    /// NEAR groups one NEAR of synonym terms may expand to (beyond it the terms are only all required).
    static let maxNearGroups = 150

    /// The phrases a NEAR term may be: a word or phrase itself; a synonym each of its written forms, as
    /// the body text has them; a prefix FTS5's prefix phrase and the words of its expansion.
    static func nearAlternatives(_ t: QueryTerm, prefixes: [String: PrefixExpansion] = [:]) -> [String]? {
        switch t {
        case let .word(w, false): return [quote(w)]
        case let .word(w, true):
            guard let e = prefixes[w] else { return [quote(w) + " *"] }
            let forms = e.synonyms.flatMap { token in Synonyms.groups.first { $0.token == token }?.forms ?? [] }
            let all = (e.usesPrefix ? [quote(w) + " *"] : []) + (e.words + forms).map(quote)
            return all.isEmpty ? nil : all
        case let .phrase(ws), let .reference(ws, _): return [quote(ws.joined(separator: " "))]
        case let .provision(p): return [quote(p.indexToken)]
        case let .synonym(token, _):
            let forms = Synonyms.groups.first { $0.token == token }?.forms ?? []
            return forms.isEmpty ? [quote(token)] : forms.map(quote)
        }
    }

    /// One phrase of a MATCH expression: FTS5 numbers phrases in the order they appear in the text.
    struct Phrase: Equatable {
        var text: String
        var prefix: Bool
    }

    /// The phrases of an expression this builder wrote (every phrase a quoted string, `*` after a prefix).
    static func phrases(in expression: String) -> [Phrase] {
        var out: [Phrase] = []
        let chars = Array(expression.utf8)
        var i = 0
        while i < chars.count {
            guard chars[i] == UInt8(ascii: "\"") else { i += 1; continue }
            var text: [UInt8] = []
            i += 1
            while i < chars.count {
                if chars[i] == UInt8(ascii: "\"") {
                    if i + 1 < chars.count, chars[i + 1] == UInt8(ascii: "\"") { text.append(chars[i]); i += 2; continue }
                    break
                }
                text.append(chars[i])
                i += 1
            }
            i += 1
            var j = i
            while j < chars.count, chars[j] == UInt8(ascii: " ") { j += 1 }
            let prefix = j < chars.count && chars[j] == UInt8(ascii: "*")
            out.append(Phrase(text: String(decoding: text, as: UTF8.self), prefix: prefix))
        }
        return out
    }
}
