/// Decides which `12. …` lines really start numbered paragraphs.
///
/// A notice numbers its paragraphs 1..N through the whole text, but numbered lines also occur inside
/// paragraphs: a quoted request's items (`1. Copies of…`, `2. …`), quoted tribunal paragraphs, wrapped lines
/// that happen to start with `31. `. The rules, in order:
/// - the first paragraph is 1 (or 2–3 when no 1 follows soon: a notice whose ¶1 was lost);
/// - a `1.` after paragraph 1 starts a nested list; its run `1, 2, 3…` is nested, except that when the run
///   reaches the expected number and nothing after it continues the real sequence, the real paragraphs
///   resume at the expected number (list `1–3` inside ¶3 followed by ¶4 reads as one run `1…73`);
/// - the expected next number is accepted; one or two past it is accepted as a skip (with a warning) unless
///   the expected number turns up within the next few candidates;
/// - the same number again is a duplicate paragraph (kept, with a warning) — real notices do this;
/// - anything else is text of the paragraph it sits in.
enum ParagraphNumbering {
    struct Candidate {
        var line: Int
        var number: Int
    }

    /// Returns, for each candidate, whether it starts a paragraph, plus warnings about the numbering.
    static func accept(_ c: [Candidate]) -> (accepted: [Bool], warnings: [String]) {
        var ok = [Bool](repeating: false, count: c.count)
        var warnings: [String] = []
        var last = 0
        var i = 0
        func upcoming(_ n: Int, from: Int, within: Int) -> Bool {
            var k = from
            while k < c.count && k < from + within {
                if c[k].number == n { return true }
                k += 1
            }
            return false
        }
        while i < c.count {
            let n = c[i].number
            if last == 0 {
                if n == 1 || (n <= 3 && !upcoming(1, from: i + 1, within: 5)) {
                    ok[i] = true
                    last = n
                    if n != 1 { warnings.append("paragraph numbering starts at \(n)") }
                }
                i += 1
                continue
            }
            if n == 1 {
                var j = i + 1, k = 1
                while j < c.count && c[j].number == k + 1 { k += 1; j += 1 }
                if k <= last {
                    i = j
                    continue
                }
                if j < c.count, c[j].number >= last + 1, c[j].number <= last + 3 {
                    i = j
                    continue
                }
                i += last  // the run element numbered last + 1: real numbering resumes there
                continue
            }
            if n == last + 1 {
                ok[i] = true
                last = n
            } else if n > last + 1 && n <= last + 3 && !upcoming(last + 1, from: i + 1, within: 4) {
                ok[i] = true
                warnings.append("paragraph numbers skip from \(last) to \(n)")
                last = n
            } else if n == last {
                ok[i] = true
                warnings.append("paragraph \(n) is numbered twice")
            }
            i += 1
        }
        return (ok, warnings)
    }

    /// Parses a paragraph marker at the start of a cleaned line: `12. The…`, `12.The…`, or `12.` alone.
    /// Returns the number and where the paragraph's text starts.
    static func marker(_ s: [UInt8], _ r: Range<Int>) -> (number: Int, textStart: Int)? {
        guard let num = Bytes.number(s, r.lowerBound, end: r.upperBound, maxDigits: 4), num.value > 0,
              num.next < r.upperBound, s[num.next] == Bytes.period else { return nil }
        var j = num.next + 1
        if j == r.upperBound { return (num.value, j) }
        let glued = s[j] != Bytes.space
        while j < r.upperBound && s[j] == Bytes.space { j += 1 }
        guard j < r.upperBound else { return (num.value, j) }
        let b = s[j]
        if glued { return Bytes.isUpper(b) ? (num.value, j) : nil }
        let opens = Bytes.isLetter(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: "[") || b == 0xE2
        return opens ? (num.value, j) : nil
    }
}
