/// The extractors' byte helpers (spaces, sentences, quotes, substring search), on top of the shared
/// character classes in Support/Bytes.swift. Everything works on UTF-8 bytes so that spans are byte offsets
/// (as `Span` requires) and so the hot paths avoid `Character` and regex machinery.

extension Bytes {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// ASCII-lowercased copy of the UTF-8 bytes (non-ASCII bytes unchanged, so offsets are preserved).
    static func lowered(_ text: String) -> [UInt8] {
        var out = Array(text.utf8)
        for i in out.indices where isUpper(out[i]) { out[i] |= 0x20 }
        return out
    }

    /// Length of the whitespace run at `i` (ASCII spaces, tabs, newlines and U+00A0 no-break space).
    @inline(__always) static func spaceLength<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard i < b.endIndex else { return 0 }
        if isSpace(b[i]) { return 1 }
        if b[i] == 0xC2, i + 1 < b.endIndex, b[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Index after any whitespace starting at `i`, skipping at most `limit` whitespace characters.
    static func skipSpaces<C: RandomAccessCollection>(_ b: C, _ i: Int, limit: Int = .max) -> Int
    where C.Element == UInt8, C.Index == Int {
        var j = i, n = 0
        while n < limit { let l = spaceLength(b, j); if l == 0 { break }; j += l; n += 1 }
        return j
    }

    /// Whether `needle` occurs in `hay` at `i`, byte for byte (`matchesIgnoringCase` folds ASCII case).
    @inline(__always) static func matchesExactly(_ hay: [UInt8], _ i: Int, _ needle: [UInt8]) -> Bool {
        guard i >= 0, i + needle.count <= hay.count else { return false }
        for k in 0..<needle.count where hay[i + k] != needle[k] { return false }
        return true
    }

    /// Every start offset of `needle` in `hay` within `range` (both lowercase ASCII).
    static func occurrences(of needle: [UInt8], in hay: [UInt8], range: Range<Int>? = nil) -> [Int] {
        let r = range ?? 0..<hay.count
        guard let first = needle.first, needle.count <= r.count else { return [] }
        var out: [Int] = []
        var i = r.lowerBound
        let last = r.upperBound - needle.count
        while i <= last {
            if hay[i] == first && matchesExactly(hay, i, needle) { out.append(i) }
            i += 1
        }
        return out
    }

    /// Whether `needle` occurs in `hay` within `range`.
    static func contains(_ hay: [UInt8], _ needle: [UInt8], in range: Range<Int>) -> Bool {
        firstIndex(of: needle, in: hay, range: range) != nil
    }

    static func firstIndex(of needle: [UInt8], in hay: [UInt8], range: Range<Int>) -> Int? {
        guard let first = needle.first, needle.count <= range.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if hay[i] == first && matchesExactly(hay, i, needle) { return i }
            i += 1
        }
        return nil
    }

    /// Sentence ranges: split after `.`, `?`, `!` followed by whitespace (not after common abbreviations
    /// such as "v.", "s.", "reg.", "para.", "No.", "e.g.", "i.e."), and at newlines.
    static func sentences(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = b.count
        while i < n {
            // Most bytes are none of `\n . ? !`: skip them eight at a time.
            if let skip = skipNone(b, i, of: 0x0A, 0x2E, 0x3F, 0x21) { i += skip; if skip == 8 { continue } }
            let c = b[i]
            if c == 0x0A {
                if i > start { out.append(start..<i) }
                start = i + 1
            } else if (c == 0x2E || c == 0x3F || c == 0x21), i + 1 < n, isSpace(b[i + 1]) || b[i + 1] == 0x22 {
                if c != 0x2E || !isAbbreviation(b, before: i) {
                    var end = i + 1
                    if end < n, b[end] == 0x22 { end += 1 }
                    out.append(start..<end)
                    start = end
                }
            } else if c == 0x2E, i > 0, i + 2 < n, isUpper(b[i + 1]), !isUpper(b[i + 2]), b[i + 2] != 0x2E,
                      b[i - 1] == 0x29 || (b[i - 1] >= 0x61 && b[i - 1] <= 0x7A), !isAbbreviation(b, before: i) {
                // "…personal data).The Commissioner's decision": a copy that lost the space after a full stop.
                out.append(start..<(i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < n { out.append(start..<n) }
        return out
    }

    private static let abbreviations: Set<[UInt8]> = Set(
        ["v", "vs", "s", "ss", "reg", "regs", "para", "paras", "no", "nos", "e.g", "i.e", "ie", "eg", "cf", "mr",
         "mrs", "ms", "dr", "art", "sec", "ch", "p", "pp", "st", "ltd", "co", "civ", "crim", "r"].map { Array($0.utf8) }
    )

    private static func isAbbreviation(_ b: [UInt8], before dot: Int) -> Bool {
        var j = dot
        while j > 0, isLetter(b[j - 1]) || (b[j - 1] == 0x2E && j - 2 >= 0 && isLetter(b[j - 2])) { j -= 1 }
        guard j < dot, dot - j <= 5 else { return false }
        return abbreviations.contains(b[j..<dot].map(lower))
    }

    /// Ranges of quoted text: straight double quotes pair up, curly “…” open and close. An unclosed quote
    /// runs to the end of the text (quoted correspondence is often split over blocks).
    static func quoteRanges(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: Int? = nil
        var i = 0
        let n = b.count
        while i < n {
            // Only `"` and the lead byte of “ ” matter: skip other bytes eight at a time.
            if let skip = skipNone(b, i, of: 0x22, 0xE2, 0x22, 0xE2) { i += skip; if skip == 8 { continue } }
            let c = b[i]
            if c == 0x22 {
                if let o = open { out.append(o..<(i + 1)); open = nil } else { open = i }
            } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x9C || b[i + 2] == 0x9D {
                if b[i + 2] == 0x9C, open == nil { open = i } else if b[i + 2] == 0x9D, let o = open { out.append(o..<(i + 3)); open = nil }
                i += 2
            }
            i += 1
        }
        if let o = open { out.append(o..<n) }
        return out
    }

    /// When eight bytes are left at `i`: how many of them come before the first that is one of `c0`…`c3`
    /// (8 when none is; repeat a byte to look for fewer). Nil near the end, where the caller looks at bytes
    /// one by one. The per-paragraph
    /// splitters call this to step over plain text a word at a time (SWAR: a byte equal to `c` is a zero
    /// byte of `w ^ c…c`; the test has no false negatives and the lowest flagged byte is always exact).
    @inline(__always) static func skipNone(_ b: [UInt8], _ i: Int, of c0: UInt8, _ c1: UInt8, _ c2: UInt8, _ c3: UInt8) -> Int? {
        guard i + 8 <= b.count else { return nil }
        let w = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }.littleEndian
        @inline(__always) func zeroBytes(_ c: UInt8) -> UInt64 {
            let x = w ^ (0x0101_0101_0101_0101 &* UInt64(c))
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        let m = zeroBytes(c0) | zeroBytes(c1) | zeroBytes(c2) | zeroBytes(c3)
        return m.trailingZeroBitCount >> 3
    }
}
