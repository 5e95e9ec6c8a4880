/// Finds a notice date in free text and returns it as ISO `yyyy-MM-dd`.
///
/// Accepts `8 February 2024`, `27th September 2012`, `27 Sept 2012`, `February 8, 2024`,
/// `27th day of September 2012` (older signatures), `27/09/2012` and `27.09.2012` (day first, as in the UK),
/// and `2012-09-27`. Impossible dates (31 February) are rejected. Works on tokens, no regex.
enum DateParser {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The first date in `text`, as `yyyy-MM-dd`.
    static func firstDate(in text: String) -> String? {
        let tokens = tokenize(text)
        var i = 0
        while i < tokens.count {
            if let d = date(at: i, tokens) { return d }
            i += 1
        }
        return nil
    }

    private struct Token {
        var word: String   // lower case letters or digits
        var isNumber: Bool
        var separatorAfter: Character?
    }

    /// Splits into runs of letters or digits ("27th" → "27", "th"), remembering the punctuation after each.
    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var cur = ""
        var curIsNumber = false
        var sep: Character?
        for ch in text.lowercased() {
            let isDigit = ch.isASCII && ch.isNumber
            if isDigit || ch.isLetter {
                if !cur.isEmpty && isDigit == curIsNumber && sep == nil {
                    cur.append(ch)
                    continue
                }
                if !cur.isEmpty { tokens.append(Token(word: cur, isNumber: curIsNumber, separatorAfter: sep)) }
                if tokens.count > 400 { return tokens }
                cur = String(ch)
                curIsNumber = isDigit
                sep = nil
            } else if !cur.isEmpty, sep == nil || sep == " " {
                sep = ch
            }
        }
        if !cur.isEmpty { tokens.append(Token(word: cur, isNumber: curIsNumber, separatorAfter: sep)) }
        return tokens
    }

    private static func date(at i: Int, _ t: [Token]) -> String? {
        func num(_ k: Int) -> Int? { k < t.count && t[k].isNumber && t[k].word.count <= 4 ? Int(t[k].word) : nil }
        func month(_ k: Int) -> Int? { k < t.count ? months[t[k].word] : nil }
        func isOrdinal(_ k: Int) -> Bool { k < t.count && ["st", "nd", "rd", "th"].contains(t[k].word) }
        guard let first = num(i) else {
            // February 8, 2024 / February 8th 2024
            if let m = month(i), let d = num(i + 1) {
                let y = isOrdinal(i + 2) ? num(i + 3) : num(i + 2)
                if let y { return iso(y, m, d) }
            }
            return nil
        }
        var k = i + 1
        if isOrdinal(k) { k += 1 }
        // 27th day of September 2012
        if k + 1 < t.count, t[k].word == "day", t[k + 1].word == "of" { k += 2 }
        if let m = month(k), let y = num(k + 1) { return iso(y, m, first) }
        // 2012-09-27
        if t[i].word.count == 4, let m = num(i + 1), let d = num(i + 2), t[i].separatorAfter == "-" { return iso(first, m, d) }
        // 27/09/2012, 27.09.2012, 27-09-2012
        if let sep = t[i].separatorAfter, "/.-".contains(sep), let m = num(i + 1), t[i + 1].separatorAfter == sep,
           let y = num(i + 2), t[i + 2].word.count == 4 {
            return iso(y, m, first)
        }
        return nil
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1990...2100).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
