/// Text made safe to print for a person: control characters shown as escapes instead of acting.
///
/// File names, notice text and queries reach terminals, logs and spreadsheets; an ESC byte in a file name
/// would otherwise move the cursor, recolour or rewrite what the reader sees (terminal injection), and a
/// bidi override could reorder it. JSON needs none of this (its encoder escapes controls itself).
public enum Printable {
    /// `s` with C0 and C1 control characters, DEL and bidi embedding/override/isolate characters written
    /// as `\x1b` / `\u202e`. Line feeds are kept when `keepNewlines` (a paragraph printed over several
    /// lines), tabs always.
    public static func escaped(_ s: String, keepNewlines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars {
            if needsEscape(u, keepNewlines: keepNewlines) {
                out += u.value < 0x100 ? "\\x" + hex(u.value, width: 2) : "\\u" + hex(u.value, width: 4)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func needsEscape(_ u: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch u.value {
        case 0x09: return false
        case 0x0A: return !keepNewlines
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true
        default: return false
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
