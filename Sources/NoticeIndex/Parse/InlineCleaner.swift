/// Cleans one line of extracted notice text: removes PDF artefacts that sit inside or on a line.
///
/// What it does, and why each is safe:
/// - Footnote bodies (`² https://…`, `5https://…`, `⁷ https://…`) are lifted out into `footnotes`: a line that
///   starts with a superscript digit, or with 1–2 digits glued to (or one space before) `http`/`www.`, is a
///   footnote body, not prose. Inside a line (a notice squashed onto one line) only a superscript or glued
///   digits directly before a URL count, and only the URL token is taken.
/// - Footnote markers glued to words (`Savic⁵ v`, `attack.²`) are dropped so the word is clean for search.
///   Superscripts are always markers except `m²`/`km³` after a number. Plain digits count only right after
///   a sentence-final period of a real word (`attack.2 This`); `offenders5` is ambiguous and left alone.
/// - Repeated page footers/headers (`1 Reference: FS50676797`, `Page 3 of 12`) are cut even mid-sentence.
///   The first `Reference:` near the top of the document is the header's own line and is kept.
/// - `[email protected]` (a hosting site's e-mail obfuscation) becomes `[email address]`.
/// - Dropped apostrophes are mended: `Commissioner s decision` → `Commissioner's decision`. A lone `s`
///   between two words is almost never anything else, and `s 31` (section) is left alone because a digit follows.
/// - `- ` list markers that PDF extraction puts before paragraph numbers and `(a)` items are removed.
/// - A lone `_` word (the rule above footnotes, when squashed into a line) is dropped.
/// - Runs of spaces collapse to one; the line is trimmed.
struct InlineCleaner {
    var footnotes: [Footnote] = []
    /// The reference seen in a repeated page footer or header (normalised), if any.
    var footerReference: String?
    private var headerReferenceKept = false

    /// How far into the document a `Reference:` still counts as the header's own line.
    private static let headerZone = 3000

    private static let emailObfuscated: [UInt8] = Array("[email protected]".utf8)
    private static let emailObfuscated2: [UInt8] = Array("[email&#160;protected]".utf8)
    private static let emailReplacement: [UInt8] = Array("[email address]".utf8)
    private static let http: [UInt8] = Array("http".utf8)
    private static let www: [UInt8] = Array("www.".utf8)
    private static let page: [UInt8] = Array("page ".utf8)
    private static let reference: [UInt8] = Array("reference:".utf8)
    /// Words that end in a period and may be followed by a number that is not a footnote marker.
    private static let abbreviations: Set<[UInt8]> = Set(
        ["para", "paras", "page", "pages", "sect", "reg", "regs", "art", "sch", "nos", "vol", "fig", "see", "ref",
         "version", "part", "annex", "appendix", "item", "question", "request", "step", "schedule", "chapter",
         "section", "sections", "regulation", "regulations", "paragraph", "paragraphs", "rule", "article"]
            .map { Array($0.utf8) })

    /// Cleans `s[r]` (one line, no newline) and appends the result to `out`.
    /// Returns the range of the cleaned line in `out`; empty when the line vanished (footnote, footer, page number).
    mutating func clean(_ s: [UInt8], _ r: Range<Int>, into out: inout [UInt8], besideBlank: Bool) -> Range<Int> {
        let end = r.upperBound
        var i = r.lowerBound
        while i < end && s[i] == Bytes.space { i += 1 }
        if i == end { return out.count..<out.count }
        if takeFootnoteLine(s, i, end) { return out.count..<out.count }
        if isSeparatorLine(s, i, end) { return out.count..<out.count }
        i = skipListMarker(s, i, end)

        let start = out.count
        var lastSpace = true
        while i < end {
            let b = s[i]
            // Each case either consumes a form it recognises and continues, or falls through to the
            // tail, which keeps the byte as it is.
            switch b {
            case Bytes.space:
                i = space(s, i, end, out: &out, start: start, lastSpace: &lastSpace)
                continue
            case 0xC2, 0xE2:
                if let next = superscript(s, i, end, out: &out, start: start) { i = next; continue }
            case UInt8(ascii: "["):
                i = bracket(s, i, end, out: &out)
                lastSpace = false
                continue
            case UInt8(ascii: "P"):
                if lastSpace, let next = pageFooterEnd(s, i, end) { i = next; continue }
            case UInt8(ascii: "R"):
                if lastSpace, let next = referenceFooterEnd(s, i, end, out: &out, start: start) {
                    i = next
                    lastSpace = out.count == start || out[out.count - 1] == Bytes.space
                    continue
                }
            case Bytes.period:
                out.append(b)
                lastSpace = false
                i += 1
                if i < end, Bytes.isDigit(s[i]), let skip = gluedMarkerEnd(s, i, end, out: out, start: start) {
                    i = skip
                }
                continue
            case UInt8(ascii: "_") where lastSpace:
                i = underscores(s, i, end, out: &out, lastSpace: &lastSpace)
                continue
            default:
                if lastSpace, Bytes.isDigit(b), let next = inlineFootnote(s, i, end) {
                    i = next
                    continue
                }
                // Once inside a word only the bytes `endsPlainRun` names need a look; the rest of the run
                // is copied in one go (byte-by-byte appends were most of the cleaner's time).
                var j = i + 1
                while j < end && !Self.endsPlainRun(s[j]) { j += 1 }
                s.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[i..<j])) }  // no slice to retain
                lastSpace = false
                i = j
                continue
            }
            out.append(b)
            lastSpace = false
            i += 1
        }
        while out.count > start && out[out.count - 1] == Bytes.space { out.removeLast() }
        // A bare page number ("3") on its own, next to a page break.
        if besideBlank, out.count - start <= 3, out.count > start, out[start..<out.count].allSatisfy(Bytes.isDigit) {
            out.removeLast(out.count - start)
        }
        return start..<out.count
    }

    /// A space in `clean`: one space for a run, and "Commissioner s decision" (a lone s between words is a
    /// dropped apostrophe) becomes "Commissioner's decision". Returns where to go on.
    @inline(__always)
    private func space(_ s: [UInt8], _ i: Int, _ end: Int, out: inout [UInt8], start: Int, lastSpace: inout Bool) -> Int {
        guard !lastSpace else { return i + 1 }
        if i + 3 < end, s[i + 1] == UInt8(ascii: "s"), s[i + 2] == Bytes.space, Bytes.isLetter(s[i + 3]),
           out.count > start, Bytes.isLetter(out[out.count - 1]) {
            out.append(UInt8(ascii: "'"))
            out.append(UInt8(ascii: "s"))
            return i + 2
        }
        out.append(Bytes.space)
        lastSpace = true
        return i + 1
    }

    /// A `[` in `clean`: a web copy's obfuscated e-mail address becomes the placeholder; any other `[` is
    /// copied. Returns where to go on.
    @inline(__always)
    private func bracket(_ s: [UInt8], _ i: Int, _ end: Int, out: inout [UInt8]) -> Int {
        for form in [Self.emailObfuscated, Self.emailObfuscated2] where Bytes.matchesIgnoringCase(s, i, form, end: end) {
            out.append(contentsOf: Self.emailReplacement)
            return i + form.count
        }
        out.append(s[i])
        return i + 1
    }

    /// A `_` starting a word in `clean`: a lone "_" / "____" word is the footnote rule squashed into the
    /// line and is dropped; underscores inside a longer word are copied. Returns where to go on.
    @inline(__always)
    private func underscores(_ s: [UInt8], _ i: Int, _ end: Int, out: inout [UInt8], lastSpace: inout Bool) -> Int {
        var j = i
        while j < end && s[j] == s[i] { j += 1 }
        if j < end && s[j] != Bytes.space {
            out.append(contentsOf: s[i..<j])
            lastSpace = false
        }
        return j
    }

    /// Whether `b`, met after a byte that was copied as it is (so `lastSpace` is false), has a case of its
    /// own in `clean`: `P`, `R`, `_` and digits only do when they start a word.
    @inline(__always) private static func endsPlainRun(_ b: UInt8) -> Bool {
        b == Bytes.space || b == Bytes.period || b == UInt8(ascii: "[") || b == 0xC2 || b == 0xE2
    }

    // MARK: - Line-level artefacts

    /// `² https://…`, `¹https://…`, `5https://…`, `5 https://…`, `⁶ Some footnote text`: a whole footnote line.
    private mutating func takeFootnoteLine(_ s: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var marker = ""
        var j = i
        while j < end, let d = Bytes.superscriptDigit(s, j), marker.count < 3 {
            marker.append(Character(String(d.value)))
            j += d.length
        }
        if marker.isEmpty {
            while j < end && Bytes.isDigit(s[j]) && j - i < 3 { j += 1 }
            guard j > i, j - i <= 2 else { return false }
            var k = j
            if k < end && s[k] == Bytes.space { k += 1 }
            guard Bytes.matchesIgnoringCase(s, k, Self.http, end: end) || Bytes.matchesIgnoringCase(s, k, Self.www, end: end) else { return false }
            marker = Bytes.string(s, i..<j)
        }
        let body = Bytes.trimmed(s, j..<end)
        guard !body.isEmpty else { return false }
        footnotes.append(Footnote(marker: marker, text: Bytes.string(s, body)))
        return true
    }

    /// `_` or `____`: the rule PDF extraction leaves above footnotes.
    private func isSeparatorLine(_ s: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var j = i
        while j < end && (s[j] == UInt8(ascii: "_") || s[j] == Bytes.space) { j += 1 }
        return j == end
    }

    /// Skips `- ` / `– ` before `12.` or `(a)`: a list marker added by PDF extraction.
    private func skipListMarker(_ s: [UInt8], _ i: Int, _ end: Int) -> Int {
        var j = i
        if s[j] == Bytes.hyphen { j += 1 } else if j + 2 < end, s[j] == 0xE2, s[j + 1] == 0x80, s[j + 2] == 0x93 { j += 3 } else { return i }
        guard j < end, s[j] == Bytes.space else { return i }
        while j < end && s[j] == Bytes.space { j += 1 }
        guard j < end else { return i }
        if s[j] == UInt8(ascii: "(") { return j }
        var k = j
        while k < end && Bytes.isDigit(s[k]) { k += 1 }
        return (k > j && k < end && s[k] == Bytes.period) ? j : i
    }

    // MARK: - Inline artefacts

    /// Handles superscript digits at `i`; returns the index to continue from, or nil if `i` is not one.
    private mutating func superscript(_ s: [UInt8], _ i: Int, _ end: Int, out: inout [UInt8], start: Int) -> Int? {
        guard let first = Bytes.superscriptDigit(s, i) else { return nil }
        var marker = String(first.value)
        var j = i + first.length
        while j < end, let d = Bytes.superscriptDigit(s, j) {
            marker.append(Character(String(d.value)))
            j += d.length
        }
        // A footnote body squashed into the line: marker, optional space, URL.
        var k = j
        if k < end && s[k] == Bytes.space { k += 1 }
        if Bytes.matchesIgnoringCase(s, k, Self.http, end: end) || Bytes.matchesIgnoringCase(s, k, Self.www, end: end) {
            var e = k
            while e < end && s[e] != Bytes.space { e += 1 }
            footnotes.append(Footnote(marker: marker, text: Bytes.string(s, k..<e)))
            return e
        }
        // Units: 500m², 3 km³.
        if marker.count == 1, first.value == 2 || first.value == 3, isUnitBefore(out, start) {
            out.append(contentsOf: s[i..<j])
            return j
        }
        return j
    }

    private func isUnitBefore(_ out: [UInt8], _ start: Int) -> Bool {
        var n = out.count
        guard n > start, out[n - 1] == UInt8(ascii: "m") else { return false }
        n -= 1
        if n > start, out[n - 1] == UInt8(ascii: "k") || out[n - 1] == UInt8(ascii: "c") { n -= 1 }
        if n > start, out[n - 1] == Bytes.space { n -= 1 }
        return n > start && Bytes.isDigit(out[n - 1])
    }

    /// `Page 3 of 12` at `i`: returns the index after it.
    private func pageFooterEnd(_ s: [UInt8], _ i: Int, _ end: Int) -> Int? {
        guard Bytes.matchesIgnoringCase(s, i, Self.page, end: end),
              let a = Bytes.number(s, i + 5, end: end, maxDigits: 3),
              a.next + 4 <= end, s[a.next] == Bytes.space, s[a.next + 1] == UInt8(ascii: "o"),
              s[a.next + 2] == UInt8(ascii: "f"), s[a.next + 3] == Bytes.space,
              let b = Bytes.number(s, a.next + 4, end: end, maxDigits: 3)
        else { return nil }
        guard b.next == end || !Bytes.isAlnum(s[b.next]) else { return nil }
        return b.next
    }

    /// `Reference: FS50676797` repeated as a page footer. Keeps the first one near the top (the header's),
    /// removes later ones with the page number in front of them (`1 Reference: …`).
    private mutating func referenceFooterEnd(_ s: [UInt8], _ i: Int, _ end: Int, out: inout [UInt8], start: Int) -> Int? {
        guard Bytes.matchesIgnoringCase(s, i, Self.reference, end: end) else { return nil }
        var j = i + Self.reference.count
        while j < end && s[j] == Bytes.space { j += 1 }
        guard let found = ReferenceNormalizer.scan(s, j, end: end) else { return nil }
        if footerReference == nil { footerReference = found.reference }
        if !headerReferenceKept && i < Self.headerZone {
            headerReferenceKept = true
            return nil
        }
        // Drop a page number just before the footer ("… the 3 Reference: FS…").
        var n = out.count
        while n > start && out[n - 1] == Bytes.space { n -= 1 }
        var d = n
        while d > start && Bytes.isDigit(out[d - 1]) && n - d < 4 { d -= 1 }
        if d < n, n - d <= 3, d == start || out[d - 1] == Bytes.space {
            out.removeLast(out.count - d)
        }
        var e = found.next
        while e < end && s[e] == Bytes.space { e += 1 }
        return e
    }

    /// After a period at `i - 1`: 1–2 digits then a space or line end, after a real word, is a footnote marker
    /// (`attack.2 This`). Returns the index after the digits, or nil to keep them.
    private func gluedMarkerEnd(_ s: [UInt8], _ i: Int, _ end: Int, out: [UInt8], start: Int) -> Int? {
        var j = i
        while j < end && Bytes.isDigit(s[j]) { j += 1 }
        guard j - i <= 2, j == end || s[j] == Bytes.space else { return nil }
        // The period is out.last; look at the word before it.
        let w = out.count - 1
        guard w > start else { return nil }
        if out[w - 1] == UInt8(ascii: ")") { return j }
        var a = w
        while a > start && Bytes.isLetter(out[a - 1]) { a -= 1 }
        guard w - a >= 3, a == start || !Bytes.isDigit(out[a - 1]) && out[a - 1] != Bytes.period else { return nil }
        let word = out[a..<w].map(Bytes.lower)
        if Self.abbreviations.contains(word) { return nil }
        return j
    }

    /// Digits glued to a URL inside a line (`number 5https://…`): a footnote body. Returns the index after it.
    private mutating func inlineFootnote(_ s: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var j = i
        while j < end && Bytes.isDigit(s[j]) && j - i < 3 { j += 1 }
        guard j - i <= 2, Bytes.matchesIgnoringCase(s, j, Self.http, end: end) else { return nil }
        var e = j
        while e < end && s[e] != Bytes.space { e += 1 }
        footnotes.append(Footnote(marker: Bytes.string(s, i..<j), text: Bytes.string(s, j..<e)))
        return e
    }
}
