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
        guard rest.allSatisfy({ Bytes.isSpace($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x29 || $0 == 0x5D }) else { return nil }
        return id.key
    }

    /// Distinctive lowercased words of party names (see the type's documentation).
    public static func nameTokens(_ name: String) -> [String] {
        var cleaned = withoutFootnoteMarkers(name)
        var out: [String] = []
        for seg in cleaned.withUTF8(asciiPartySegments) ?? partySegments(cleaned) where !seg.isEmpty {
            let norm = AuthorityNormalizer.normalize(seg)
            let words = norm.split(separator: " ").map(withoutEdgeDigits)
            if AuthorityAliases.keys[norm] != nil || words.contains(where: bodyWords.contains) { continue }
            for w in words where w.count >= 3 && !stopWords.contains(w) && !out.contains(w) { out.append(w) }
        }
        return out
    }

    /// The names of a name's parties: split at ` v ` and ` vs `, then at `&`, ` and ` and commas, trimmed.
    static func partySegments(_ name: String) -> [String] {
        name.components(separatedBy: " v ").flatMap { $0.components(separatedBy: " vs ") }.flatMap { party in
            party.replacingOccurrences(of: "&", with: ",").replacingOccurrences(of: " and ", with: ",")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// `partySegments` on the bytes of an ASCII name (nil otherwise), with the same left-to-right,
    /// non-overlapping splits: every case name of every notice goes through here at index time, and the
    /// Foundation string calls made it a visible share of analysis.
    static func asciiPartySegments(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
        let v: [UInt8] = Array(" v ".utf8), vs: [UInt8] = Array(" vs ".utf8), and: [UInt8] = Array(" and ".utf8)
        var out: [String] = []
        for party in pieces(b[...], at: v).flatMap({ pieces($0, at: vs) }) {
            // `&` and ` and ` become commas, as in `partySegments`.
            var commas: [UInt8] = []
            var i = party.startIndex
            while i < party.endIndex {
                if party[i] == 0x26 { commas.append(0x2C); i += 1
                } else if party[i...].starts(with: and) { commas.append(0x2C); i += and.count
                } else { commas.append(party[i]); i += 1 }
            }
            for seg in commas.split(separator: 0x2C) {
                var lo = seg.startIndex, hi = seg.endIndex
                while lo < hi, seg[lo] == 0x20 || seg[lo] == 0x09 { lo += 1 }
                while hi > lo, seg[hi - 1] == 0x20 || seg[hi - 1] == 0x09 { hi -= 1 }
                out.append(String(decoding: seg[lo..<hi], as: UTF8.self))
            }
        }
        return out
    }

    /// `b` cut at each occurrence of `separator`, left to right, empty pieces kept (as `components(separatedBy:)`).
    private static func pieces(_ b: Slice<UnsafeBufferPointer<UInt8>>, at separator: [UInt8]) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var out: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var start = b.startIndex, i = b.startIndex
        while i < b.endIndex {
            if b[i...].starts(with: separator) {
                out.append(b[start..<i])
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(b[start..<b.endIndex])
        return out
    }

    /// A word without leading and trailing decimal digits; ASCII words (nearly all) without Foundation.
    private static func withoutEdgeDigits(_ word: Substring) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return String(word).trimmingCharacters(in: .decimalDigits) }
        let u = word.utf8
        guard let lo = u.firstIndex(where: { !Bytes.isDigit($0) }), let hi = u.lastIndex(where: { !Bytes.isDigit($0) }) else { return "" }
        return String(word[lo...hi])
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
