import Foundation

/// Unicode compatibility folding (NFKC) of the characters that hide words from search: ligatures from
/// PDF text layers (`ﬁnding` with U+FB01 is "finding") and full-width forms (`ＦＯＩＡ` is "FOIA").
///
/// The same folding runs where notice text is cleaned (before paragraphs, FTS and extraction see it) and on
/// every query, so both sides meet. It is applied to those two blocks only (U+FB00–FB4F, U+FF00–FFEF):
/// full NFKC would also turn footnote superscripts and `…` into digits and dots that the parser reads.
public enum CompatibilityFolding {
    /// Whether a scalar is in a block that is folded.
    @inline(__always)
    static func isFolded(_ v: UInt32) -> Bool { (0xFB00...0xFB4F).contains(v) || (0xFF00...0xFFEF).contains(v) }

    /// `text` with ligatures and full-width forms replaced by their compatibility equivalents.
    public static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isFolded($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if isFolded(u.value) {
                out.append(contentsOf: String(u).precomposedStringWithCompatibilityMapping.unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// The UTF-8 of one scalar's folded form, when the three bytes at `i` (lead byte 0xEF) encode a scalar
    /// that is folded; nil otherwise. For byte-level cleaners.
    static func foldedBytes(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> [UInt8]? {
        guard b0 == 0xEF, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
        let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
        guard isFolded(v), let u = Unicode.Scalar(v) else { return nil }
        return Array(String(u).precomposedStringWithCompatibilityMapping.utf8)
    }
}
