import Foundation

/// Text after cleaning: UTF-8 bytes and the ranges of its lines.
///
/// Blank lines are empty ranges; there is never more than one in a row, and none at the start or end.
/// Page-break runs of blank lines have been collapsed, and sentences broken by a page break or a removed
/// footer/footnote have been rejoined onto one line.
struct CleanedText {
    var bytes: [UInt8]
    var lines: [Range<Int>]
    var footnotes: [Footnote]
    /// Reference seen in a repeated page footer/header, normalised; a fallback for the header's own.
    var footerReference: String?
    /// True when the text had (almost) no line breaks and was re-split on paragraph numbers.
    var resplit: Bool

    func line(_ i: Int) -> String { Bytes.string(bytes, lines[i]) }
}

/// First stage of parsing: turns raw extracted text into clean lines. See `InlineCleaner` for what is
/// removed from each line and `OneLineSplitter` for notices without line breaks.
enum TextCleaner {
    /// Average bytes per non-blank line above which a text counts as squashed onto too few lines.
    private static let squashedLineLength = 800

    static func clean(_ text: String) -> CleanedText {
        let src = normalize(text)
        // Split into raw lines, clean each one.
        var raw: [Range<Int>] = []
        var start = 0
        // memchr finds each line feed many bytes at a time; a byte loop here was a visible cost.
        src.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            while start < b.count, let lf = memchr(base + start, Int32(Bytes.lf), b.count - start) {
                let i = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
                raw.append(start..<i)
                start = i + 1
            }
        }
        if start < src.count { raw.append(start..<src.count) }

        var cleaner = InlineCleaner()
        var buf: [UInt8] = []
        buf.reserveCapacity(src.count)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(raw.count)
        var nonBlank = 0
        for (k, r) in raw.enumerated() {
            let besideBlank = k == 0 || k == raw.count - 1 || isBlank(src, raw[k - 1]) || isBlank(src, raw[k + 1])
            let cleaned = cleaner.clean(src, r, into: &buf, besideBlank: besideBlank)
            if !cleaned.isEmpty { nonBlank += 1 }
            lines.append(cleaned)
        }

        var resplit = false
        if buf.count > 1000, buf.count / max(nonBlank, 1) > squashedLineLength {
            resplit = true
            lines = stripPageNumbers(buf, lines)
            var splitter = OneLineSplitter()
            var split: [Range<Int>] = []
            for r in lines {
                if r.isEmpty { split.append(r) } else { split.append(contentsOf: splitter.split(buf, r)) }
            }
            lines = split
        }

        let (bytes, joined) = collapse(buf, lines)
        return CleanedText(bytes: bytes, lines: joined, footnotes: cleaner.footnotes,
                           footerReference: cleaner.footerReference, resplit: resplit)
    }

    /// Text served one page per line (transcription sites) starts page k with "k " and may end it with
    /// " k": page numbers in sequence, removed so they do not end up inside paragraphs.
    static func stripPageNumbers(_ b: [UInt8], _ lines: [Range<Int>]) -> [Range<Int>] {
        var page = 0
        return lines.map { r in
            guard !r.isEmpty else { return r }
            page += 1
            var lo = r.lowerBound, hi = r.upperBound
            let number = Array(String(page).utf8)
            if hi - lo > number.count + 1, Array(b[lo..<(lo + number.count)]) == number, b[lo + number.count] == Bytes.space {
                lo += number.count + 1
            }
            if hi - lo > number.count + 1, Array(b[(hi - number.count)..<hi]) == number, b[hi - number.count - 1] == Bytes.space {
                hi -= number.count + 1
            }
            return lo..<hi
        }
    }

    private static func isBlank(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        for i in r where s[i] != Bytes.space { return false }
        return true
    }

    /// Normalises bytes: CRLF/CR → LF, form feed → page break (blank lines), tabs and Unicode spaces (NBSP,
    /// thin, ideographic…) → space, U+2028/2029 → LF; drops control characters, zero-width characters,
    /// soft hyphens and BOMs; folds ligatures and full-width forms (`CompatibilityFolding`). Invalid UTF-8 was already replaced by U+FFFD when the String was made.
    static func normalize(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        text.utf8.withContiguousStorageIfAvailable { normalize($0, into: &out) } ?? {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { normalize($0, into: &out) }
        }()
        return out
    }

    private static func normalize(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            if b >= 0x20 && b < 0x7F {
                // Copy a run of printable ASCII at once: most of a notice is plain text.
                var j = i + 1
                while j < n && s[j] >= 0x20 && s[j] < 0x7F { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j]))
                i = j
                continue
            }
            switch b {
            case 10: out.append(10); i += 1
            case 13:
                out.append(10)
                i += (i + 1 < n && s[i + 1] == 10) ? 2 : 1
            case 12: out.append(contentsOf: [10, 10, 10]); i += 1
            case 9, 11: out.append(Bytes.space); i += 1
            case 0xC2 where i + 1 < n && s[i + 1] == 0xA0: out.append(Bytes.space); i += 2
            case 0xC2 where i + 1 < n && s[i + 1] == 0xAD: i += 2
            case 0xE2 where i + 2 < n && s[i + 1] == 0x80:
                let c = s[i + 2]
                if c <= 0x8A || c == 0xAF { out.append(Bytes.space) }          // en/em/thin/hair/narrow spaces
                else if c >= 0x8B && c <= 0x8D { }                              // zero-width space/joiners
                else if c == 0xA8 || c == 0xA9 { out.append(10) }               // line/paragraph separator
                else { out.append(contentsOf: [b, 0x80, c]) }
                i += 3
            case 0xE2 where i + 2 < n && s[i + 1] == 0x81 && (s[i + 2] == 0x9F || s[i + 2] == 0xA0):
                if s[i + 2] == 0x9F { out.append(Bytes.space) }                 // medium math space; word joiner dropped
                i += 3
            case 0xE3 where i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80: out.append(Bytes.space); i += 3
            case 0xEF where i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF: i += 3
            case 0xEF where i + 2 < n && CompatibilityFolding.foldedBytes(b, s[i + 1], s[i + 2]) != nil:
                // Ligatures and full-width forms, NFKC-folded so "ﬁnding" is indexed as "finding".
                out.append(contentsOf: CompatibilityFolding.foldedBytes(b, s[i + 1], s[i + 2])!); i += 3
            case 0..<0x20, 0x7F: i += 1
            default: out.append(b); i += 1
            }
        }
    }

    /// Copies the kept lines into a fresh buffer, one blank line at most between them, and rejoins a line to
    /// the one before a blank run when a sentence was cut there: the line before has no closing
    /// punctuation and this one starts in lower case ("…reduce the efficacy of these" / "technological…").
    private static func collapse(_ s: [UInt8], _ lines: [Range<Int>]) -> ([UInt8], [Range<Int>]) {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var result: [Range<Int>] = []
        result.reserveCapacity(lines.count)
        var pendingBlank = false
        for r in lines {
            if r.isEmpty {
                if !result.isEmpty { pendingBlank = true }
                continue
            }
            if pendingBlank, let last = result.last, Bytes.isLower(s[r.lowerBound]), !Bytes.endsSentence(out, last) {
                // "general-regulatory-" + "chamber": a hyphen at a break joins without a space.
                let hyphenated = out[last.upperBound - 1] == Bytes.hyphen && last.count > 1 && Bytes.isLetter(out[last.upperBound - 2])
                if !hyphenated { out.append(Bytes.space) }
                out.append(contentsOf: s[r])
                result[result.count - 1] = last.lowerBound..<out.count
                pendingBlank = false
                continue
            }
            if pendingBlank {
                result.append(out.count..<out.count)
                pendingBlank = false
            }
            let a = out.count
            out.append(contentsOf: s[r])
            result.append(a..<out.count)
        }
        return (out, result)
    }
}
