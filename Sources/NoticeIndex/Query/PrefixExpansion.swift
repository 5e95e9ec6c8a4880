import Foundation

/// What a prefix term such as `vexatio*` has to match: every notice holding a word that begins with the
/// letters typed.
///
/// The index stores porter stems, and FTS5 matches a prefix against stems: `vexatious` is stored as
/// `vexati`, shorter than `vexatio`, so FTS5's own `"vexatio" *` finds nothing; and when the typed
/// letters are themselves cut by the stemmer (`regulations*` → `regul*`) FTS5's prefix also takes in
/// words that do not begin with them (`regular`). So a prefix is matched as:
/// - FTS5's prefix on the stems that begin with the letters, when the stemmer leaves the letters as
///   typed (and only in the text columns: the `terms` column holds provision and synonym tokens);
/// - the stems of the words that begin with the letters but are stored shorter or differently
///   (`vexatious` → `vexati`, `information` → `inform`), each as one such word: generated from the
///   letters and the word endings English adds, kept only when the stem is in the index;
/// - the synonym groups one of whose one-word forms begins with the letters (`bodycam*` → the
///   `bodycam` group, so also "body worn video"), as the typed word itself would.
/// A stem stands for all the words that share it, as everywhere in this index (`exemptio*` matches
/// "exempt" as `exemption` does).
struct PrefixExpansion: Equatable, Sendable {
    /// Whether FTS5's own prefix query on the typed letters is part of the match.
    var usesPrefix: Bool
    /// Whole words, one per further stem (the stem is what matches).
    var words: [String]
    /// Synonym group tokens.
    var synonyms: [String]

    /// Further stems at most (a handful in practice: a word has few derived forms cut short).
    static let maxWords = 48

    /// English word endings, inflections and derivations, as written: the letters typed are completed
    /// with each (or with the rest of one they already end in) to find the words they begin.
    static let endings: [String] = [
        "s", "es", "ies", "ied", "ed", "ing", "ly", "y", "e", "er", "ers", "est",
        "ion", "ions", "ional", "ionally", "ation", "ations", "ational", "ative", "atively", "ator", "ators", "atory",
        "ate", "ated", "ates", "ating", "ity", "ities", "ive", "ively", "iveness", "ous", "ously", "ousness",
        "ious", "iously", "iousness", "al", "ally", "ality", "alities", "ance", "ances", "ancy", "ence", "ences",
        "ency", "ent", "ently", "ant", "ants", "ment", "ments", "ement", "able", "ably", "ability", "ible", "ibly",
        "ibility", "ic", "ical", "ically", "icity", "ism", "isms", "ist", "ists", "ise", "ised", "ises", "ising",
        "isation", "isations", "ize", "ized", "izes", "izing", "ization", "izations", "ful", "fully", "fulness",
        "ness", "less", "lessly", "logy", "logical", "ure", "ures", "ery", "ory", "ary",
    ]

    /// The words beginning with `letters` that the endings make: `letters` itself, `letters` + each
    /// ending, and where `letters` already ends with the start of an ending, the rest of it
    /// (`vexatio` + "us" from "ious").
    static func completions(of letters: String) -> [String] {
        var out = [letters]
        var seen: Set<String> = [letters]
        for e in endings {
            for cut in 0..<e.count where letters.hasSuffix(String(e.prefix(cut))) {
                let word = letters + e.dropFirst(cut)
                if seen.insert(word).inserted { out.append(word) }
            }
        }
        return out
    }

    /// The letters as the index folds them (lower case, no diacritics), unstemmed.
    static func folded(_ letters: String) -> String {
        letters.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Synonym groups with a one-word form that begins with `letters`.
    static func synonymTokens(_ letters: String) -> [String] {
        Synonyms.groups.filter { g in g.forms.contains { !$0.contains(" ") && $0.hasPrefix(letters) } }.map(\.token)
    }

    /// The expansion of the prefix `typed` on this index. `indexed` says whether a stem is in the index.
    static func of(_ typed: String, tokenizer: FTS5Tokenizer, indexed: (String) throws -> Bool,
                   stemsStartingWith: (String) throws -> [String]) throws -> PrefixExpansion {
        let letters = folded(typed)
        let synonyms = synonymTokens(letters)
        let own = try tokenizer.stems(typed)
        // Letters the tokenizer splits (digits and letters, hyphens): FTS5's prefix as before.
        guard own.count == 1, letters.allSatisfy(\.isLetter) else { return PrefixExpansion(usesPrefix: true, words: [], synonyms: synonyms) }
        let usesPrefix = own[0] == letters
        var candidates = completions(of: letters)
        if !usesPrefix {
            // The stems that begin with the letters, each written as a word the stemmer reads back to it.
            for stem in try stemsStartingWith(letters) {
                candidates += [stem, stem + "e", stem + "s", stem + "y", stem + "ed", stem + "ion"]
            }
        }
        let stems = try tokenizer.stems(candidates.joined(separator: " "))
        guard stems.count == candidates.count else { return PrefixExpansion(usesPrefix: true, words: [], synonyms: synonyms) }
        var words: [String] = []
        var taken = Set<String>()
        for (word, stem) in zip(candidates, stems) where words.count < maxWords {
            // A stem beginning with the letters FTS5's prefix already matches; a generated word whose stem
            // does not begin with the letters it must begin with was cut into them (vexatious → vexati).
            if usesPrefix && stem.hasPrefix(letters) { continue }
            if !usesPrefix && !word.hasPrefix(letters) { continue }
            guard taken.insert(stem).inserted, try indexed(stem) else { continue }
            words.append(word)
        }
        return PrefixExpansion(usesPrefix: usesPrefix, words: words, synonyms: synonyms)
    }
}

extension SearchEngine {
    /// The expansion of every prefix term of `root`, by the word as typed (empty without prefixes).
    func prefixExpansions(for root: QueryNode?) throws -> [String: PrefixExpansion] {
        var out: [String: PrefixExpansion] = [:]
        func terms(_ n: QueryNode) -> [QueryTerm] {
            switch n {
            case let .term(t): return [t]
            case let .and(xs), let .or(xs): return xs.flatMap(terms)
            case let .not(x): return terms(x)
            case let .near(ts, _): return ts
            }
        }
        for case let .word(w, true) in root.map(terms) ?? [] where out[w] == nil {
            if let known = prefixCache[w] { out[w] = known; continue }
            let e = try PrefixExpansion.of(w, tokenizer: tokenizer, indexed: isIndexed, stemsStartingWith: { letters in
                try db.rows("SELECT term FROM term_stats WHERE term >= ? AND term < ? LIMIT 200",
                            [letters, letters + "\u{10FFFF}"]) { $0.string(0) ?? "" }
            })
            if prefixCache.count > 1_000 { prefixCache.removeAll() }
            prefixCache[w] = e
            out[w] = e
        }
        return out
    }

    /// Whether a stem occurs in the index: `term_stats` holds those in two notices or more; a stem in one
    /// notice (or added since the counts) is looked up in the vocabulary, which is quick for a rare term.
    private func isIndexed(_ stem: String) throws -> Bool {
        if try db.int("SELECT 1 FROM term_stats WHERE term = ?", [stem]) != nil { return true }
        return try db.int("SELECT 1 FROM notice_vocab WHERE term = ? LIMIT 1", [stem]) != nil
    }
}
