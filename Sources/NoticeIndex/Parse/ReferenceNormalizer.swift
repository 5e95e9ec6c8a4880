/// Finds and normalises ICO case references.
///
/// Forms seen in the wild and what they become:
/// `fs50857510` → `FS50857510`; `fer743117` → `FER0743117` (FER numbers are 7 digits, leading zeros get
/// dropped); `IC 295317-K2B2` / `IC- 248461 – C8Q1` → `IC-295317-K2B2` / `IC-248461-C8Q1`; a cut-off
/// `IC-47737` stays `IC-47737`; `IC-354236-CBJE` keeps an all-letter (or all-digit) suffix. A reference needs at least 5 digits so that `IC 2` or `FS 1` in prose never count.
enum ReferenceNormalizer {
    /// Normalises a reference written by a person or a PDF, or nil when `text` holds none. The one spelling
    /// rule for stored references and for references typed to `show` (`FER733405` finds `FER0733405`).
    static func normalize(_ text: String) -> String? {
        find(in: text)
    }

    /// The first reference in `text`, normalised.
    static func find(in text: String) -> String? {
        let s = Array(text.utf8)
        var i = 0
        while i < s.count {
            if (i == 0 || !Bytes.isAlnum(s[i - 1])), let r = scan(s, i, end: s.count) { return r.reference }
            i += 1
        }
        return nil
    }

    /// A reference starting exactly at `i`, normalised, and the index after it.
    static func scan(_ s: [UInt8], _ i: Int, end: Int) -> (reference: String, next: Int)? {
        guard i + 2 < end else { return nil }
        let a = Bytes.lower(s[i]), b = Bytes.lower(s[i + 1])
        if a == UInt8(ascii: "f"), b == UInt8(ascii: "e"), Bytes.lower(s[i + 2]) == UInt8(ascii: "r") {
            guard let (digits, next) = digitsAfter(s, i + 3, end: end, allowDash: false) else { return nil }
            let padded = digits.count < 7 ? String(repeating: "0", count: 7 - digits.count) + digits : digits
            return ("FER" + padded, next)
        }
        if a == UInt8(ascii: "f"), b == UInt8(ascii: "s") {
            guard let (digits, next) = digitsAfter(s, i + 2, end: end, allowDash: false) else { return nil }
            return ("FS" + digits, next)
        }
        if a == UInt8(ascii: "i"), b == UInt8(ascii: "c") {
            guard let (digits, next) = digitsAfter(s, i + 2, end: end, allowDash: true) else { return nil }
            if let (suffix, after) = icSuffix(s, next, end: end) {
                return ("IC-" + digits + "-" + suffix, after)
            }
            return ("IC-" + digits, next)
        }
        return nil
    }

    /// At least 5 digits after `i`, optionally after spaces (and dashes for IC-), ending at a non-alphanumeric.
    private static func digitsAfter(_ s: [UInt8], _ i: Int, end: Int, allowDash: Bool) -> (String, Int)? {
        var j = skipSeparators(s, i, end: end, allowDash: allowDash)
        let start = j
        while j < end && Bytes.isDigit(s[j]) { j += 1 }
        guard j - start >= 5, j - start <= 10 else { return nil }
        if !allowDash, j < end, Bytes.isLetter(s[j]) { return nil }
        return (Bytes.string(s, start..<j), j)
    }

    /// The 4-character suffix of an IC- reference (`K2B2`, `CBJE`, `4417`): letters and digits. A suffix of
    /// letters only or digits only must follow a dash (`IC-354236-CBJE`), so that `IC-47737 Date` or a year
    /// after a space is not read as one.
    private static func icSuffix(_ s: [UInt8], _ i: Int, end: Int) -> (String, Int)? {
        let j = skipSeparators(s, i, end: end, allowDash: true)
        guard j + 4 <= end else { return nil }
        var letters = 0, digits = 0
        for k in j..<(j + 4) {
            if Bytes.isLetter(s[k]) { letters += 1 } else if Bytes.isDigit(s[k]) { digits += 1 } else { return nil }
        }
        let dashed = s[i..<j].contains(Bytes.hyphen) || s[i..<j].contains(0xE2)
        guard (letters > 0 && digits > 0) || dashed, j + 4 == end || !Bytes.isAlnum(s[j + 4]) else { return nil }
        return (String(decoding: s[j..<(j + 4)].map { Bytes.isLower($0) ? $0 - 32 : $0 }, as: UTF8.self), j + 4)
    }

    /// Spaces, and with `allowDash` hyphens and en/em dashes, as in `IC- 248461 – C8Q1`.
    private static func skipSeparators(_ s: [UInt8], _ i: Int, end: Int, allowDash: Bool) -> Int {
        var j = i
        while j < end {
            if s[j] == Bytes.space { j += 1; continue }
            if allowDash && s[j] == Bytes.hyphen { j += 1; continue }
            if allowDash, j + 2 < end, s[j] == 0xE2, s[j + 1] == 0x80, s[j + 2] == 0x93 || s[j + 2] == 0x94 { j += 3; continue }
            break
        }
        return j
    }
}
