/// Re-splits notices whose text arrived with (almost) no line breaks: a whole notice on one line, or one
/// line per PDF page.
///
/// A paragraph starts at ` 12. The…` only when 12 is the next number in sequence (or one or two past it, after
/// a sentence end or heading), the text after it starts like a sentence, and the word before it is not one
/// that takes a number (`section 31. `, `paragraph 23. `, `of 12. `, `2023 12.`). The text before may end
/// in anything else: footnote URLs and page furniture often sit between a paragraph's last sentence and the
/// next number. Headings squashed between the end of one paragraph
/// and the next number (`…in the public interest. Public interest test 34. The…`) are split onto lines of
/// their own, by matching known headings at the end of the gap or, failing that, a short title-like tail
/// after the last sentence end. The result is lines as the structure parser expects from a normal text file.
struct OneLineSplitter {
    /// The number the next paragraph marker must carry.
    private(set) var expected = 1

    private static let signed: [UInt8] = Array(" signed ".utf8)

    /// Words after which a number is a citation, not a paragraph marker.
    private static let citingWords: Set<String> = [
        "section", "sections", "s", "s.", "ss", "regulation", "regulations", "reg", "reg.", "regs", "paragraph",
        "paragraphs", "para", "para.", "paras", "page", "pages", "p", "p.", "pp", "pp.", "part", "parts", "schedule",
        "article", "articles", "chapter", "clause", "rule", "item", "items", "point", "points", "number", "no", "no.",
        "question", "questions", "request", "requests", "annex", "appendix", "step", "steps", "of", "and", "or", "to",
        "at", "in", "on", "by", "from", "under", "see", "than", "with", "about", "over", "the", "a", "an", "is",
        "was", "were", "are", "be", "only", "approximately", "around", "some", "least", "last", "first", "within",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "aged", "age", "box", "room", "floor", "level", "tier", "category", "stage",
    ]

    /// Splits `s[r]` into line ranges (empty ranges are blank lines).
    mutating func split(_ s: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var segStart = r.lowerBound
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            guard Bytes.isDigit(s[i]), i == r.lowerBound || s[i - 1] == Bytes.space,
                  let num = Bytes.number(s, i, end: end, maxDigits: 4),
                  num.next + 2 < end, s[num.next] == Bytes.period, s[num.next + 1] == Bytes.space,
                  startsSentence(s[num.next + 2])
            else {
                i += 1
                continue
            }
            let n = num.value
            var markerStart = i
            // "- 12." list marker in front of the number.
            if markerStart - 2 >= segStart, s[markerStart - 1] == Bytes.space, s[markerStart - 2] == Bytes.hyphen {
                markerStart -= 2
            }
            let before = Bytes.trimmed(s, segStart..<markerStart)
            let afterSentence = before.isEmpty || Bytes.endsSentence(s, before)
            // The expected number only needs a word before it that does not take numbers; a skip also
            // needs a sentence end or heading before it.
            let exact = n == expected
            let skip = (n == expected + 1 || n == expected + 2) && (afterSentence || endsWithHeading(s, before))
            if exact || skip, before.isEmpty || !endsWithCitingWord(s, before) || (exact && endsWithHeading(s, before)) {
                emit(s, before, into: &out)
                segStart = i
                expected = n + 1
                i = num.next + 1
                continue
            }
            i = num.next
        }
        emitLast(s, Bytes.trimmed(s, segStart..<end), into: &out)
        return out
    }

    private func startsSentence(_ b: UInt8) -> Bool {
        Bytes.isUpper(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(") || b == 0xE2
    }

    private func endsWithCitingWord(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        var a = r.upperBound
        while a > r.lowerBound && s[a - 1] != Bytes.space { a -= 1 }
        let last = a..<r.upperBound
        if let b = s[last].last, Bytes.isDigit(b) || b == UInt8(ascii: ",") { return true }
        return Self.citingWords.contains(String(decoding: s[last].map(Bytes.lower), as: UTF8.self))
    }

    private func endsWithHeading(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        Headings.knownHeadingSuffix(s, r) != nil || titleTail(s, r) != nil
    }

    /// The text after the last sentence end in `s[r]`, if it reads like a heading.
    private func titleTail(_ s: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        guard r.count > 2 else { return nil }
        var a = r.upperBound - 1
        // A heading, plus room for the sentence end and spaces before it.
        let floor = max(r.lowerBound, r.upperBound - (Headings.maxLength + 10))
        while a > floor {
            // A label ("Address: …") is not a sentence end: its value is not a heading; nor is the bracket
            // of a provision inside the heading ("Section 14(2) - repeated requests").
            if s[a] == Bytes.space, Bytes.endsSentence(s, r.lowerBound..<a, colon: false),
               !(s[a - 1] == UInt8(ascii: ")") && a - 2 >= r.lowerBound && Bytes.isAlnum(s[a - 2])) { break }
            a -= 1
        }
        guard a > floor || a == r.lowerBound else { return nil }
        let tail = Bytes.trimmed(s, a..<r.upperBound)
        guard !tail.isEmpty, tail.count <= Headings.maxLength else { return nil }
        let text = Bytes.string(s, tail)
        if Headings.isTitleLike(text) { return tail }
        // "Section 14(2) - repeated requests": a provision heading, titled after a dash, in lower case.
        let k = Headings.key(text)
        return Headings.isProvision(k) && (k.contains(" - ") || k.contains(" – ")) ? tail : nil
    }

    /// Emits a paragraph's text, then any headings found at its end, each on a line between blank lines.
    private func emit(_ s: [UInt8], _ r: Range<Int>, into out: inout [Range<Int>]) {
        guard !r.isEmpty else { return }
        var end = r.upperBound
        var headings: [Range<Int>] = []
        while headings.count < 3, let h = Headings.knownHeadingSuffix(s, r.lowerBound..<end) {
            headings.insert(h, at: 0)
            end = Bytes.trimmed(s, r.lowerBound..<h.lowerBound).upperBound
        }
        if end > r.lowerBound, let t = titleTail(s, r.lowerBound..<end) {
            // "Reasons for decision Section 21 - information reasonably accessible": two headings in a row.
            if let known = Headings.knownSuffixes.first(where: { h in
                h.count + 2 < t.count && Bytes.matchesIgnoringCase(s, t.lowerBound, h, end: t.upperBound)
                    && s[t.lowerBound + h.count] == Bytes.space && Bytes.isUpper(s[t.lowerBound + h.count + 1])
            }) {
                headings.insert(Bytes.trimmed(s, (t.lowerBound + known.count)..<t.upperBound), at: 0)
                headings.insert(t.lowerBound..<(t.lowerBound + known.count), at: 0)
            } else {
                headings.insert(t, at: 0)
            }
            end = Bytes.trimmed(s, r.lowerBound..<t.lowerBound).upperBound
        }
        var body = Bytes.trimmed(s, r.lowerBound..<end)
        // Before paragraph 1 of a pre-2011 notice: `…London W14 8SD. Summary The complainant…` — the
        // unnumbered Summary gets its own heading line so it becomes a paragraph, not header text.
        if expected == 1, let at = Self.summaryHeading(s, body) {
            let before = Bytes.trimmed(s, body.lowerBound..<at.lowerBound)
            if !before.isEmpty { out.append(before); out.append(at.lowerBound..<at.lowerBound) }
            out.append(at)
            out.append(at.upperBound..<at.upperBound)
            body = Bytes.trimmed(s, at.upperBound..<body.upperBound)
        }
        if !body.isEmpty { out.append(body) }
        for h in headings {
            out.append(h.lowerBound..<h.lowerBound)
            out.append(h)
        }
        out.append(end..<end)
    }

    private static let summaryWord: [UInt8] = Array(" summary ".utf8)

    /// The range of the word `Summary` when it follows a sentence end and starts a sentence.
    static func summaryHeading(_ s: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var i = r.lowerBound
        while i + summaryWord.count < r.upperBound {
            if s[i] == Bytes.space, s[i + 1] == UInt8(ascii: "S"), Bytes.matchesIgnoringCase(s, i, summaryWord, end: r.upperBound), i > r.lowerBound,
               ".:)".utf8.contains(s[i - 1]) || Bytes.isDigit(s[i - 1]) || Bytes.isUpper(s[i - 1]),
               Bytes.isUpper(s[i + summaryWord.count]) {
                return (i + 1)..<(i + summaryWord.count - 1)
            }
            i += 1
        }
        return nil
    }

    /// The last paragraph: split off a signature block (`Signed …`) so it is not read as paragraph text.
    private func emitLast(_ s: [UInt8], _ r: Range<Int>, into out: inout [Range<Int>]) {
        guard !r.isEmpty else { return }
        var i = r.upperBound - Self.signed.count
        while i > r.lowerBound {
            if s[i] == Bytes.space, s[i + 1] == UInt8(ascii: "S"), Bytes.matchesIgnoringCase(s, i, Self.signed, end: r.upperBound),
               Bytes.endsSentence(s, Bytes.trimmed(s, r.lowerBound..<i)) {
                // "Signed" on a line of its own is what the structure parser knows as a signature.
                out.append(Bytes.trimmed(s, r.lowerBound..<i))
                out.append(i..<i)
                out.append((i + 1)..<(i + 7))
                out.append(Bytes.trimmed(s, (i + 7)..<r.upperBound))
                return
            }
            i -= 1
        }
        out.append(r)
    }
}
