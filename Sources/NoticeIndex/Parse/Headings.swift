/// Recognises the unnumbered headings of a decision notice and says at which level they sit.
///
/// Level 1 is a known section heading (`Reasons for decision`, `Other matters`, pre-2011 `The Request`...).
/// Level 2 is a provision heading (`Section 31 - Law enforcement`) or another sub-heading. Level 3 is a
/// public-interest or position sub-heading, which nests under a provision heading (see `StructureParser`).
/// Matching is case-insensitive and ignores trailing punctuation and curly-vs-straight apostrophes.
enum HeadingKind: Equatable {
    case topLevel
    case provision
    case publicInterest
    case subheading
}

/// Which layout a known top-level heading belongs to.
enum HeadingEra {
    case modern, legacy, both
}

enum Headings {
    /// The longest text, in UTF-8 bytes, that can be a heading. Real headings, long provision titles
    /// included ("Section 40(2) - third party personal data"), are well under this; a longer line is body
    /// text. Every heading test (one line, two joined lines, a title run into a sentence) uses this one
    /// bound, so a line never counts as a heading for one of them and not for another.
    static let maxLength = 120

    /// Known top-level headings (lower case, straight apostrophes), with the layout they point to.
    static let topLevel: [String: HeadingEra] = [
        "decision (including any steps ordered)": .modern,
        "decision (including any steps)": .modern,
        "request and response": .modern,
        "reasons for decision": .modern,
        "reasons for the decision": .modern,
        "decision": .both,
        "background": .both,
        "scope of the case": .both,
        "other matters": .both,
        "procedural matters": .both,
        "right of appeal": .both,
        "annex": .both,
        "annex a": .both,
        "appendix": .both,
        "appendix a": .both,
        "legal framework": .both,
        "summary": .legacy,
        "the commissioner's role": .legacy,
        "the request": .legacy,
        "the requests": .legacy,
        "the complaint": .legacy,
        "the investigation": .legacy,
        "chronology": .legacy,
        "analysis": .legacy,
        "findings of fact": .legacy,
        "exemptions": .legacy,
        "exceptions": .legacy,
        "procedural requirements": .legacy,
        "substantive procedural matters": .legacy,
        "substantive procedural requirements": .legacy,
        "the decision": .legacy,
        "steps required": .legacy,
        "failure to comply": .legacy,
        "legal annex": .legacy,
        "relevant statutory obligations": .legacy,
    ]

    /// Public-interest sub-headings that are common enough to split out of a notice squashed onto one line.
    static let knownPublicInterest: [String] = [
        "public interest test",
        "the public interest test",
        "public interest arguments in favour of disclosure",
        "public interest arguments in favour of maintaining the exemption",
        "public interest arguments in favour of maintaining the exception",
        "public interest arguments in favour of confirmation or denial",
        "public interest balancing test",
        "balance of the public interest",
        "the balance of the public interest",
        "balance of the public interest arguments",
    ]

    /// Lower-case, straight-apostrophe, single-spaced form of a heading, trailing punctuation removed.
    static func key(_ text: String) -> String {
        var t = text
        return t.withUTF8(keyBytes) ?? keyUnicode(text)
    }

    /// `key` on the bytes of a heading that is ASCII apart from curly quotes and en or em dashes (nil for
    /// any other non-ASCII byte). The structure parser asks for the key of every short block, several
    /// times (classification, era, sign-off), and building it scalar by scalar cost ~25k instructions a
    /// call; provision headings (`Section 31 – Law enforcement`) often hold a dash. Same rules: lower case,
    /// backtick and ‘ ’ → apostrophe, “ ” → straight quote, – — → hyphen, runs of spaces and tabs → one
    /// space (none leading), trailing `.:;,- ` removed.
    static func keyBytes(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var space = false
        var i = 0
        while i < b.count {
            let c = b[i]
            i += 1
            switch c {
            case 0x60: out.append(0x27); space = false
            case 0x20, 0x09:
                if !space && !out.isEmpty { out.append(0x20) }
                space = true
            case 0xE2:
                guard i + 1 < b.count, b[i] == 0x80 else { return nil }
                switch b[i + 1] {
                case 0x98, 0x99: out.append(0x27)  // ‘ ’
                case 0x9C, 0x9D: out.append(0x22)  // “ ”
                case 0x93, 0x94: out.append(0x2D)  // – —
                default: return nil
                }
                space = false
                i += 2
            case 0x80...: return nil
            default: out.append(Bytes.isUpper(c) ? c | 0x20 : c); space = false
            }
        }
        while let last = out.last, last == 0x2E || last == 0x3A || last == 0x3B || last == 0x2C || last == 0x2D || last == 0x20 {
            out.removeLast()
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func keyUnicode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for ch in text.lowercased().unicodeScalars {
            switch ch {
            case "\u{2019}", "\u{2018}", "`": out.unicodeScalars.append("'"); space = false
            case "\u{201C}", "\u{201D}": out.unicodeScalars.append("\""); space = false
            case "\u{2013}", "\u{2014}": out.unicodeScalars.append("-"); space = false
            case " ", "\t":
                if !space && !out.isEmpty { out.unicodeScalars.append(" ") }
                space = true
            default: out.unicodeScalars.append(ch); space = false
            }
        }
        while let last = out.last, ".:;,- ".contains(last) { out.removeLast() }
        return out
    }

    /// What kind of heading `text` is, or nil for ordinary text. `beforeParagraph` says whether a numbered
    /// paragraph follows directly; generic sub-headings are only believed then, because short unpunctuated
    /// lines inside quoted letters ("Yours faithfully", a name) would otherwise pass for headings.
    static func classify(_ text: String, beforeParagraph: Bool) -> HeadingKind? {
        let bytes = text.utf8.count
        guard bytes >= 3, bytes <= maxLength else { return nil }
        let k = key(text)
        if topLevel[k] != nil { return .topLevel }
        guard shapeIsHeading(text) else { return nil }
        if isProvision(k) {
            // A quoted statute line ("Section 31(1)(a) the prevention of crime") has no dash and runs on.
            let titled = k.contains(" - ") || k.contains("- ") || k.split(separator: " ").count <= 4
            if beforeParagraph || titled { return .provision }
            return nil
        }
        guard isTitleLike(text) else { return nil }
        if isPublicInterest(k) { return .publicInterest }
        return beforeParagraph ? .subheading : nil
    }

    /// The era of a top-level heading, if `text` is one.
    static func era(_ text: String) -> HeadingEra? { topLevel[key(text)] }

    /// `Section 31 - Law enforcement`, `Section 31- Law enforcement`, `Regulation 12(4)(b) – manifestly
    /// unreasonable`, `Section 40(2) – personal information`, `Sections 24 and 31`, `s.40(2)`.
    static func isProvision(_ k: String) -> Bool {
        var rest = Substring(k)
        for p in ["foia ", "eir ", "the "] where rest.hasPrefix(p) { rest = rest.dropFirst(p.count) }
        for p in ["sections ", "section ", "regulations ", "regulation ", "reg. ", "reg ", "s. ", "s.", "s "] where rest.hasPrefix(p) {
            let after = rest.dropFirst(p.count)
            return after.first.map { $0.isASCII && $0.isNumber } ?? false
        }
        return false
    }

    /// Public-interest and position sub-headings, and question headings ("Is the exemption engaged?").
    static func isPublicInterest(_ k: String) -> Bool {
        let prefixes = ["public interest", "the public interest", "balance of", "the balance of", "balancing",
                        "the balancing", "weighing the public interest", "arguments in favour", "arguments against",
                        "factors in favour", "factors against", "the public interest test"]
        if prefixes.contains(where: { k.hasPrefix($0) }) { return true }
        if k == "conclusion" || k == "conclusions" || k.hasSuffix("?") { return true }
        let words = k.split(separator: " ").count
        if words <= 6, k.contains("'s ") || k.contains("s' ") {
            for s in [" position", " view", " views", " arguments", " submissions", " response"] where k.hasSuffix(s) { return true }
        }
        return false
    }

    /// Short, not a sentence: no final period, comma, colon or dash; at most 16 words.
    private static func shapeIsHeading(_ text: String) -> Bool {
        withASCII(text, shapeIsHeadingASCII) ?? shapeIsHeadingUnicode(text)
    }

    /// `shapeIsHeading` on Characters, for any text (`TwinPathTests` compares it with the ASCII path).
    static func shapeIsHeadingUnicode(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        if ".,;:-\u{2013}\u{2014}".unicodeScalars.contains(last) { return false }
        return text.split(separator: " ").count <= 16
    }

    /// Title-like: starts with a capital, contains lower case, at most one comma, no e-mail/URL, not a label
    /// (`Tel: …`) and not a letter's sign-off.
    static func isTitleLike(_ text: String) -> Bool {
        if let fast = withASCII(text, isTitleLikeASCII) { return fast && !isSignOff(text) && !hasLetterPrefix(text) }
        return isTitleLikeUnicode(text)
    }

    /// `isTitleLike` on Characters, for any text (`TwinPathTests` compares it with the ASCII path).
    static func isTitleLikeUnicode(_ text: String) -> Bool {
        guard shapeIsHeadingUnicode(text), let first = text.unicodeScalars.first, first.isASCII,
              first.properties.isUppercase else { return false }
        guard text.unicodeScalars.contains(where: { $0.properties.isLowercase }) else { return false }
        if text.contains("@") || text.contains("http") || text.contains("www.") { return false }
        if text.filter({ $0 == "," }).count > 1 { return false }
        if let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count < 3 { return false }
        if isSignOff(text) { return false }
        return !hasLetterPrefix(text)
    }

    /// `Dear …`, `Signed`, `Dated …`: lines of a letter or signature block.
    static func hasLetterPrefix(_ text: String) -> Bool {
        let k = key(text)
        return ["dear ", "signed", "dated "].contains { k.hasPrefix($0) }
    }

    // MARK: - ASCII fast paths
    //
    // The structure parser classifies every short block; the Character-level `split`, `filter` and
    // Foundation `contains` above cost tens of thousands of instructions per block. For ASCII text (one
    // byte per Character, no combining marks) the same tests on bytes give the same answers.

    /// `body(bytes)` when `text` is ASCII, else nil.
    private static func withASCII(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        var t = text
        return t.withUTF8 { b in b.allSatisfy { $0 < 0x80 } ? body(b) : nil }
    }

    /// Number of non-empty runs between spaces (what `split(separator: " ").count` gives).
    private static func wordCount(_ b: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Int {
        var n = 0, inWord = false
        for i in 0..<end {
            if b[i] == Bytes.space { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    static func shapeIsHeadingASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = b.last else { return false }
        if last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x2D { return false }
        return wordCount(b, upTo: b.count) <= 16
    }

    /// `isTitleLike` up to, not including, the sign-off and letter-prefix tests.
    static func isTitleLikeASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard shapeIsHeadingASCII(b), let first = b.first, Bytes.isUpper(first) else { return false }
        guard b.contains(where: Bytes.isLower) else { return false }
        if b.contains(0x40) || contains(b, "http") || contains(b, "www.") { return false }  // @
        if b.lazy.filter({ $0 == 0x2C }).count > 1 { return false }
        if let colon = b.firstIndex(of: 0x3A), wordCount(b, upTo: colon) < 3 { return false }
        return true
    }

    private static func contains(_ b: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount, p = needle.utf8Start
        guard b.count >= n else { return false }
        outer: for i in 0...(b.count - n) {
            for k in 0..<n where b[i + k] != p[k] { continue outer }
            return true
        }
        return false
    }

    /// A letter's closing line: `Yours faithfully`, `Kind regards`.
    static func isSignOff(_ text: String) -> Bool {
        let k = key(text)
        return ["yours ", "kind regards", "regards", "best regards", "best wishes", "many thanks", "thank you"]
            .contains { k.hasPrefix($0) }
    }

    // MARK: - Byte-level suffix matching for the one-line splitter

    /// Known headings as lower-case bytes, longest first, so "Decision (including…)" wins over "Decision".
    static let knownSuffixes: [[UInt8]] = {
        var all = Array(topLevel.keys) + knownPublicInterest
        all += all.filter { $0.contains("'") }.map { $0.replacingOccurrences(of: "'", with: "\u{2019}") }
        return all.map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }()

    /// If `s[r]` ends with a known heading that starts with a capital letter at a word boundary, its range.
    static func knownHeadingSuffix(_ s: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var end = r.upperBound
        while end > r.lowerBound && s[end - 1] == Bytes.space { end -= 1 }
        for h in knownSuffixes where h.count <= end - r.lowerBound {
            let start = end - h.count
            guard Bytes.isUpper(s[start]), start == r.lowerBound || s[start - 1] == Bytes.space else { continue }
            if Bytes.matchesIgnoringCase(s, start, h, end: end) { return start..<end }
        }
        return nil
    }
}
