import Foundation

/// Case-law citations.
///
/// - `canonicalKey(forCitation:)`: any written form of a neutral citation or appeal/file number → its key
///   (rules on `CaseCitations`).
/// - `nameTokens(_:)`: the distinctive words of party names, for matching a user's `--cites Dransfield`
///   against a case's name: lowercased words of the parties, footnote markers removed, minus generic words
///   (`information`, `commissioner`, `council`, `ico`, `the`, `and`, `v`, ...) and minus whole parties that
///   are public bodies (`Devon County Council`, `Cabinet Office`, `MPS`). `nameTokens("Information
///   Commissioner v Devon County Council & Dransfield")` = `["dransfield"]`.
/// - `matches(_:query:)`: whether a case answers a `--cites` query (key, alias, or every name token).
public enum CaseLaw {
    /// The canonical key if `text` is a neutral citation or appeal/file number in any written form
    /// (`2016 UKUT 535 AAC` → `[2016] UKUT 535 (AAC)`, `EA-2018-0164` → `EA/2018/0164`), else nil.
    public static func canonicalKey(forCitation text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "[]()"))))
        let b = Array(t.utf8)
        let ids = CaseCitations.identifiers(in: b)
        guard ids.count == 1, let id = ids.first, id.range.lowerBound == 0 else { return nil }
        let rest = b[id.range.upperBound...]
        guard rest.allSatisfy({ TextBytes.isSpace($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x29 || $0 == 0x5D }) else { return nil }
        return id.key
    }

    /// Distinctive lowercased words of party names (see the type's documentation).
    public static func nameTokens(_ name: String) -> [String] {
        let cleaned = withoutFootnoteMarkers(name)
        let parties = cleaned.components(separatedBy: " v ").flatMap { $0.components(separatedBy: " vs ") }
        var out: [String] = []
        for party in parties {
            let segments = party.replacingOccurrences(of: "&", with: ",").replacingOccurrences(of: " and ", with: ",")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for seg in segments where !seg.isEmpty {
                let norm = AuthorityNormalizer.normalize(seg)
                let words = norm.split(separator: " ").map { String($0).trimmingCharacters(in: .decimalDigits) }
                if AuthorityAliases.keys[norm] != nil || words.contains(where: bodyWords.contains) { continue }
                for w in words where w.count >= 3 && !stopWords.contains(w) && !out.contains(w) { out.append(w) }
            }
        }
        return out
    }

    /// Whether `c` answers a user's `--cites` query: its key or an alias equals the query's canonical key,
    /// or every distinctive word of the query is among the case name's distinctive words.
    public static func matches(_ c: CaseReference, query: String) -> Bool {
        if let k = canonicalKey(forCitation: query) { return c.key == k || c.aliases.contains(k) }
        let q = nameTokens(query)
        guard !q.isEmpty else { return false }
        let have = Set((c.name.map(nameTokens) ?? []) + c.citations.flatMap(nameTokens))
        return q.allSatisfy(have.contains)
    }

    /// `text` without superscript footnote markers (`Savic¹`). Party names are nearly always ASCII, which
    /// cannot hold a marker, so those skip the per-Character filter.
    static func withoutFootnoteMarkers(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.filter { !"¹²³⁴⁵⁶⁷⁸⁹⁰".contains($0) }
    }

    static let stopWords: Set<String> = ["information", "commissioner", "commissioners", "council", "ico", "the", "and", "v",
                                         "vs", "of", "for", "in", "on", "ltd", "limited", "plc", "mr", "mrs", "ms", "dr", "others",
                                         "anor", "ors", "another", "parte", "ex", "case", "tribunal", "upper", "first", "tier"]
    static let bodyWords: Set<String> = ["council", "county", "borough", "police", "constabulary", "office", "department",
                                         "ministry", "trust", "university", "college", "commission", "agency", "authority",
                                         "service", "executive", "government", "secretary", "court", "corporation", "board",
                                         "nhs", "school", "treasury", "hmrc", "ico", "attorney", "cabinet", "commissioner",
                                         "commissioners", "parliament", "house", "bbc", "mps", "metropolis", "regulator"]
}
