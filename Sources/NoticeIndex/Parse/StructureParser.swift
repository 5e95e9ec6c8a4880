/// The body of a notice as the structure parser understood it.
struct Structure {
    var paragraphs: [Paragraph] = []
    /// Cleaned lines that form the header (everything before the first heading or paragraph of the body).
    var headerLines: Range<Int> = 0..<0
    /// False when no numbered paragraphs were found and blocks were used instead.
    var numbered = true
    var sawModernHeading = false
    var sawLegacyHeading = false
    /// The `Dated the 27th day of September 2012` line of an older notice's signature, if any.
    var datedLine: String?
    var warnings: [String] = []
}

/// Third stage of parsing: numbered paragraphs and their heading paths.
///
/// Paragraphs run 1..N (see `ParagraphNumbering` for which numbers count). Unnumbered blocks between them —
/// quoted correspondence, bullets, `(a)` items — belong to the paragraph before and are joined with "\n";
/// lines inside one block are PDF line wraps and joined with a space, unless the line is a list item.
/// Unnumbered text right after a heading, before any numbered paragraph (an older notice's `Summary`, a
/// `Legal Annex`), becomes a paragraph numbered 0 under that heading rather than being glued to the
/// previous section or lost. The signature block (`Signed …`, names, address) is dropped.
enum StructureParser {
    /// Fewer accepted paragraphs than this, with no known heading, means the text is not a notice's layout.
    private static let minimumParagraphs = 3

    static func parse(_ c: CleanedText) -> Structure {
        let lines = c.lines
        var candidates: [ParagraphNumbering.Candidate] = []
        var textStart = [Int: Int]()
        for (i, r) in lines.enumerated() where !r.isEmpty && Bytes.isDigit(c.bytes[r.lowerBound]) {
            if let m = ParagraphNumbering.marker(c.bytes, r) {
                candidates.append(.init(line: i, number: m.number))
                textStart[i] = m.textStart
            }
        }
        let (ok, numberingWarnings) = ParagraphNumbering.accept(candidates)
        var starts = [Int: Int]()  // line → paragraph number
        for (k, cand) in candidates.enumerated() where ok[k] { starts[cand.line] = cand.number }
        let firstParagraph = candidates.indices.first { ok[$0] }.map { candidates[$0].line }

        var s = Structure()
        if starts.count < minimumParagraphs,
           starts.isEmpty || firstTopLevelHeading(c, before: lines.count) == nil {
            return unstructured(c)
        }
        s.warnings = numberingWarnings
        let bodyStart = firstTopLevelHeading(c, before: firstParagraph ?? lines.count) ?? firstParagraph ?? 0
        s.headerLines = 0..<bodyStart
        var walker = Walker(c: c, starts: starts, textStart: textStart)
        walker.walk(from: bodyStart, into: &s)
        return s
    }

    /// The first block, before line `limit`, that is a known top-level heading.
    private static func firstTopLevelHeading(_ c: CleanedText, before limit: Int) -> Int? {
        var i = 0
        while i < min(limit, c.lines.count) {
            if !c.lines[i].isEmpty, i == 0 || c.lines[i - 1].isEmpty, let text = headingText(c, i),
               Headings.era(text.text) != nil {
                return i
            }
            // pdftotext without blank lines: a known heading alone on its line, right before paragraph 1.
            if !c.lines[i].isEmpty, c.lines[i].count <= Headings.maxLength, Headings.era(c.line(i)) != nil,
               let next = nextNonEmpty(c, after: i), ParagraphNumbering.marker(c.bytes, c.lines[next]) != nil {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The index of the first non-empty line after `i`, if any.
    static func nextNonEmpty(_ c: CleanedText, after i: Int) -> Int? {
        var j = i + 1
        while j < c.lines.count, c.lines[j].isEmpty { j += 1 }
        return j < c.lines.count ? j : nil
    }

    /// The text of the block starting at line `i` if it is short enough to be a heading (one or two lines).
    static func headingText(_ c: CleanedText, _ i: Int) -> (text: String, lines: Int)? {
        let r = c.lines[i]
        guard r.count <= Headings.maxLength else { return nil }
        let next = i + 1 < c.lines.count ? c.lines[i + 1] : 0..<0
        if next.isEmpty { return (c.line(i), 1) }
        let after = i + 2 < c.lines.count ? c.lines[i + 2] : 0..<0
        guard after.isEmpty, r.count + next.count < Headings.maxLength, !Bytes.isDigit(c.bytes[next.lowerBound]) else { return nil }
        return (c.line(i) + " " + c.line(i + 1), 2)
    }

    /// Fallback: one paragraph per blank-line block, numbered 1...n; known headings still set the path.
    private static func unstructured(_ c: CleanedText) -> Structure {
        var s = Structure()
        s.numbered = false
        let bodyStart = firstTopLevelHeading(c, before: c.lines.count)
        s.headerLines = 0..<(bodyStart ?? min(c.lines.count, 40))
        var path: [String] = []
        var i = bodyStart ?? 0
        var block: [UInt8] = []
        func flush() {
            guard !block.isEmpty else { return }
            s.paragraphs.append(Paragraph(number: s.paragraphs.count + 1, headings: path,
                                          text: String(decoding: block, as: UTF8.self)))
            block.removeAll(keepingCapacity: true)
        }
        while i < c.lines.count {
            let r = c.lines[i]
            if r.isEmpty { flush(); i += 1; continue }
            if block.isEmpty, i == 0 || c.lines[i - 1].isEmpty, let h = headingText(c, i), let era = Headings.era(h.text) {
                path = [h.text]
                if era == .modern { s.sawModernHeading = true } else if era == .legacy { s.sawLegacyHeading = true }
                i += h.lines
                continue
            }
            if !block.isEmpty { block.append(Bytes.space) }
            block.append(contentsOf: c.bytes[r])
            i += 1
        }
        flush()
        return s
    }
}

/// Walks the body's lines, building paragraphs and tracking the heading path.
private struct Walker {
    let c: CleanedText
    let starts: [Int: Int]
    let textStart: [Int: Int]

    private var l1: String?
    private var l2: String?
    private var l2IsProvision = false
    private var l3: String?
    /// Only under a heading that had no paragraphs of its own (see `apply`).
    private var l4: String?
    /// `[l1, l2, l3, l4]` without the nils, rebuilt when a heading is applied: every paragraph takes a copy,
    /// and paragraphs far outnumber headings.
    private var path: [String] = []

    private var number = -1          // -1: no paragraph open
    private var headings: [String] = []
    private var text: [UInt8] = []
    /// A heading came after the open paragraph: unnumbered text now starts a paragraph 0.
    private var headingSinceParagraph = true
    /// The previous short block was a letter's sign-off ("Yours faithfully").
    private var lastBlockWasSignOff = false

    init(c: CleanedText, starts: [Int: Int], textStart: [Int: Int]) {
        self.c = c
        self.starts = starts
        self.textStart = textStart
    }

    mutating func walk(from start: Int, into s: inout Structure) {
        let lines = c.lines
        var i = start
        var inSignature = false
        while i < lines.count {
            let r = lines[i]
            if r.isEmpty { i += 1; continue }
            let blockStart = i == start || lines[i - 1].isEmpty

            if let n = starts[i] {
                close(into: &s)
                open(n)
                let t = textStart[i] ?? r.lowerBound
                text.append(contentsOf: c.bytes[t..<r.upperBound])
                inSignature = false
                i += 1
                continue
            }

            let short = blockStart ? StructureParser.headingText(c, i) : nil
            // After "Yours faithfully" comes a name, which looks like a title but is not one.
            let afterSignOff = lastBlockWasSignOff
            if blockStart { lastBlockWasSignOff = short.map { Headings.isSignOff($0.text) } ?? false }
            if blockStart, let h = short {
                let afterBlock = i + h.lines + 1 < lines.count ? i + h.lines + 1 : lines.count
                let beforeParagraph = afterBlock < lines.count && starts[afterBlock] != nil
                if !inSignature || Headings.era(h.text) != nil,
                   let kind = Headings.classify(h.text, beforeParagraph: beforeParagraph && !afterSignOff) {
                    apply(kind, h.text, into: &s)
                    inSignature = false
                    i += h.lines
                    continue
                }
            } else if let next = StructureParser.nextNonEmpty(c, after: i), starts[next] != nil, r.count <= Headings.maxLength,
                      let kind = Headings.classify(c.line(i), beforeParagraph: true), kind != .subheading {
                // A heading squeezed between a paragraph's last line and the next number, without blank lines.
                apply(kind, c.line(i), into: &s)
                i += 1
                continue
            }

            if !s.paragraphs.isEmpty || number >= 0, isSignature(r) {
                if s.datedLine == nil, Bytes.matchesIgnoringCase(c.bytes, r.lowerBound, Array("dated".utf8)) { s.datedLine = c.line(i) }
                close(into: &s)
                inSignature = true
                i += 1
                continue
            }
            if inSignature { i += 1; continue }

            if number < 0 || headingSinceParagraph {
                close(into: &s)
                open(0)
            } else if !text.isEmpty {
                if blockStart || startsListItem(r) || endsWithColon() {
                    text.append(Bytes.lf)
                } else {
                    text.append(Bytes.space)
                }
            }
            text.append(contentsOf: c.bytes[r])
            i += 1
        }
        close(into: &s)
    }

    private mutating func open(_ n: Int) {
        number = n
        headings = path
        text.removeAll(keepingCapacity: true)
        headingSinceParagraph = false
    }

    private mutating func close(into s: inout Structure) {
        guard number >= 0 else { return }
        s.paragraphs.append(Paragraph(number: number, headings: headings, text: String(decoding: text, as: UTF8.self)))
        number = -1
    }

    private mutating func apply(_ kind: HeadingKind, _ heading: String, into s: inout Structure) {
        switch kind {
        case .topLevel:
            l1 = heading; l2 = nil; l3 = nil; l4 = nil; l2IsProvision = false
            switch Headings.era(heading) {
            case .modern: s.sawModernHeading = true
            case .legacy: s.sawLegacyHeading = true
            default: break
            }
        case .provision:
            l2 = heading; l2IsProvision = true; l3 = nil; l4 = nil
        case .publicInterest where l2IsProvision:
            // "Public interest test" straight above "The public interest in favour of disclosure": the
            // heading with no paragraphs of its own is the parent of that one and of its siblings (until
            // the parent's own words come again), not replaced by it — its words stay in the path, so a
            // phrase search for the heading finds these paragraphs.
            if let parent = l3, l4 != nil || headingSinceParagraph,
               Headings.key(heading) != Headings.key(parent) {
                l4 = heading
            } else {
                l3 = heading; l4 = nil
            }
        case .publicInterest, .subheading:
            l2 = heading; l2IsProvision = false; l3 = nil; l4 = nil
        }
        path = [l1, l2, l3, l4].compactMap { $0 }
        headingSinceParagraph = true
    }

    /// `Signed …` (short), `Dated the 27th day of …`: the start of the signature block.
    private func isSignature(_ r: Range<Int>) -> Bool {
        let b = c.bytes
        if r.count <= 60, Bytes.matchesIgnoringCase(b, r.lowerBound, Array("signed".utf8)),
           r.lowerBound + 6 == r.upperBound || !Bytes.isLetter(b[r.lowerBound + 6]) { return true }
        return Bytes.matchesIgnoringCase(b, r.lowerBound, Array("dated the ".utf8)) || Bytes.matchesIgnoringCase(b, r.lowerBound, Array("dated this ".utf8))
    }

    private func startsListItem(_ r: Range<Int>) -> Bool {
        let b = c.bytes[r.lowerBound]
        if b == Bytes.hyphen || b == UInt8(ascii: "(") || b == UInt8(ascii: "*") || b == UInt8(ascii: "\"") { return true }
        if b == 0xE2, r.count >= 3 {
            let x = c.bytes[r.lowerBound + 1], y = c.bytes[r.lowerBound + 2]
            return x == 0x80 && (y == 0xA2 || y == 0x93 || y == 0x9C)  // • – “
        }
        if b == 0xEF { return true }  // private-use bullets from PDF fonts
        return Bytes.isDigit(b) && ParagraphNumbering.marker(c.bytes, r) != nil
    }

    private func endsWithColon() -> Bool { text.last == Bytes.colon }
}
