import Foundation

extension SearchEngine {
    /// For every word of the query with no hits, up to three words of the index close to it in spelling,
    /// most common first among equally close ones. Suggestions are whole words as notices write them
    /// (never the index's stems), and never the word itself.
    func suggestions(for root: QueryNode) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        var words: [String] = []
        for t in root.positiveTerms {
            switch t {
            case let .word(w, false): words.append(w)
            case let .phrase(ws): words += ws
            default: break
            }
        }
        var seen = Set<String>()
        var looked = 0
        for w in words where w.count >= 4 && w.count <= 40 && w.contains(where: \.isLetter) && seen.insert(w.lowercased()).inserted {
            // A query of many unknown words is noise, not typos: the first few are enough to help.
            guard looked < Self.maxSuggestedWords else { break }
            guard let stem = try tokenizer.stems(w).first else { continue }
            if try db.int("SELECT doc FROM notice_vocab WHERE term = ?", [stem]) != nil { continue }
            looked += 1
            let first = String(stem.prefix(1))
            let candidates = try db.rows("""
                SELECT term, doc FROM notice_vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
                """, [first, first + "\u{10FFFF}", stem.count - 2, stem.count + 2]) { ($0.string(0) ?? "", $0.int(1)) }
            let close = candidates
                .map { (term: $0.0, docs: $0.1, d: EditDistance.between($0.0, stem, limit: 2)) }
                .filter { $0.d <= 2 && !$0.term.hasPrefix("syn") && !$0.term.hasPrefix("sec") && !$0.term.hasPrefix("reg") }
                .sorted { ($0.d, -$0.docs) < ($1.d, -$1.docs) }
                .prefix(8)
            let typed = w.lowercased()
            var found: [(word: String, d: Int, docs: Int)] = []
            for c in close {
                guard let word = try surfaceWord(of: c.term), word != typed else { continue }
                let d = EditDistance.between(word, typed, limit: 3)
                if d <= 3, !found.contains(where: { $0.word == word }) { found.append((word, d, c.docs)) }
            }
            let best = found.sorted { ($0.d, -$0.docs) < ($1.d, -$1.docs) }.prefix(3).map(\.word)
            if !best.isEmpty { out[w] = Array(best) }
        }
        return out
    }

    /// How many unknown words of one query get suggestions.
    static let maxSuggestedWords = 5

    /// The commonest written form (lower case) of an indexed stem in the first notices holding it:
    /// "vexati" → "vexatious". Nil when no notice text shows it.
    func surfaceWord(of stem: String) throws -> String? {
        if let known = surfaceWords[stem] { return known }
        let word = try findSurfaceWord(of: stem)
        if surfaceWords.count > 10_000 { surfaceWords.removeAll() }
        surfaceWords[stem] = .some(word)
        return word
    }

    private func findSurfaceWord(of stem: String) throws -> String? {
        // Only stems the tokenizer reads back unchanged can be looked up with MATCH.
        guard try tokenizer.stems(stem) == [stem] else { return nil }
        let needle = Array(stem.utf8.prefix(4))
        let ids = try db.rows("SELECT rowid FROM notice_fts WHERE notice_fts MATCH ? LIMIT 3", [MatchBuilder.quote(stem)]) { $0.int64(0) }
        let want = Array(stem.utf8)
        var counts: [String: Int] = [:]
        for id in ids {
            for p in try StoredParagraphs.read(db, notice: id) where Pinpointer.containsIgnoringASCIICase(p.text, needle) {
                let tokens = try tokenizer.tokenList(p.text)
                let utf8 = Array(p.text.utf8)
                for i in 0..<tokens.count where tokens.matches(i, want) {
                    let r = tokens.ranges[i]
                    guard r.lowerBound >= 0, r.upperBound <= utf8.count else { continue }
                    let word = String(decoding: utf8[r], as: UTF8.self).lowercased()
                    if word.allSatisfy({ $0.isLetter || $0 == "-" }) { counts[word, default: 0] += 1 }
                }
            }
            if counts.values.reduce(0, +) >= 5 { break }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// `text` with each word that has a suggestion replaced by its first one, as a query to run next.
    static func corrected(_ text: String, with suggestions: [String: [String]]) -> String? {
        guard !suggestions.isEmpty else { return nil }
        var out = ""
        var word = ""
        func flush() {
            if let s = suggestions[word.lowercased()]?.first { out += s } else { out += word }
            word = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out == text ? nil : out
    }
}

/// Levenshtein distance with an early exit past `limit`.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            var rowMin = cur[0]
            for j in stride(from: 1, through: y.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            prev = cur
        }
        return x.isEmpty ? y.count : prev[y.count]
    }
}
