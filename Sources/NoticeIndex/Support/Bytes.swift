/// Small helpers for scanning UTF-8 bytes, shared by every layer (Parse, Extract, Model, Support); the
/// extractors' own helpers (sentences, quotes, spaces) are in Extract/Bytes+Text.swift.
///
/// The parser and extractors work on `[UInt8]` rather than `String`/`Character` or Foundation regex: the
/// indexer parses hundreds of megabytes of notices, and grapheme iteration and `NSRegularExpression` are
/// far too slow on Linux for that. Everything they look for (digits, labels, punctuation, superscripts) is
/// ASCII or a fixed multi-byte sequence, so byte scanning is exact, and spans are byte offsets.
enum Bytes {
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let period = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let hyphen = UInt8(ascii: "-")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 97 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// The value of a superscript digit (`⁰`–`⁹`) starting at `i`, with its byte length.
    /// ¹²³ are Latin-1 (C2 B9/B2/B3); ⁰ and ⁴–⁹ live in the superscripts block (E2 81 B0, B4–B9).
    @inline(__always)
    static func superscriptDigit(_ s: [UInt8], _ i: Int) -> (value: Int, length: Int)? {
        let b = s[i]
        if b == 0xC2, i + 1 < s.count {
            switch s[i + 1] {
            case 0xB9: return (1, 2)
            case 0xB2: return (2, 2)
            case 0xB3: return (3, 2)
            default: return nil
            }
        }
        if b == 0xE2, i + 2 < s.count, s[i + 1] == 0x81 {
            let c = s[i + 2]
            if c == 0xB0 { return (0, 3) }
            if c >= 0xB4 && c <= 0xB9 { return (Int(c - 0xB0), 3) }
        }
        return nil
    }

    /// True when `s[i...]` starts with the ASCII `word`, compared case-insensitively (`word` is lower case).
    /// (`matchesExactly` compares bytes as they are.)
    @inline(__always)
    static func matchesIgnoringCase(_ s: [UInt8], _ i: Int, _ word: [UInt8], end: Int? = nil) -> Bool {
        let limit = end ?? s.count
        guard i >= 0, i + word.count <= limit else { return false }
        var k = 0
        while k < word.count {
            if lower(s[i + k]) != word[k] { return false }
            k += 1
        }
        return true
    }

    /// Decodes a byte range as UTF-8 (invalid bytes become U+FFFD; never traps).
    @inline(__always)
    static func string(_ s: [UInt8], _ r: Range<Int>) -> String {
        String(decoding: s[r], as: UTF8.self)
    }

    /// `r` without leading and trailing spaces.
    @inline(__always)
    static func trimmed(_ s: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b && s[a] == space { a += 1 }
        while b > a && s[b - 1] == space { b -= 1 }
        return a..<b
    }

    /// Whether `s[r]` ends like a sentence or clause: `.`, `?`, `!`, `;`, a closing quote or bracket (straight
    /// or curly ” ’), or `:` when `colon`. The one test for the line joiner (`TextCleaner`: does a line close
    /// its sentence?) and the one-line splitter (is there a sentence end before a paragraph number?).
    static func endsSentence(_ s: [UInt8], _ r: Range<Int>, colon: Bool = true) -> Bool {
        guard !r.isEmpty else { return false }
        let b = s[r.upperBound - 1]
        if b == Self.colon { return colon }
        if ".?!;\"')]".utf8.contains(b) { return true }
        // Closing curly quotes ” ’ are E2 80 9D / E2 80 99.
        return r.count >= 3 && s[r.upperBound - 3] == 0xE2 && s[r.upperBound - 2] == 0x80 && (b == 0x9D || b == 0x99)
    }

    /// Parses up to `maxDigits` ASCII digits at `i`; returns the value and the index after them.
    @inline(__always)
    static func number(_ s: [UInt8], _ i: Int, end: Int, maxDigits: Int) -> (value: Int, next: Int)? {
        var j = i, v = 0
        while j < end && isDigit(s[j]) && j - i < maxDigits + 1 {
            v = v * 10 + Int(s[j] - 48)
            j += 1
        }
        if j == i || j - i > maxDigits { return nil }
        return (v, j)
    }
}

extension Array where Element == UInt8 {
    /// The bytes of a string literal, without a `String` in between.
    init(ascii s: StaticString) {
        self = Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
