import Foundation

/// Parses what a user types for a provision (`--provision`, query text).
///
/// Accepted: an optional law word (`section`, `sections`, `sec`, `s`, `ss`, `FOI`, `FOIA`, `regulation`,
/// `reg`, `r`, `EIR`), an optional dot, then a number with bracketed parts (`31(1)(a)`, `31 (1) (a)`) or
/// dotted parts (`12.4.b`), optionally followed by `of FOIA` / `FOIA` / `of the EIR` / `EIR`. The canonical
/// form (`s31(3)`, `r12(4)(b)`) is accepted too. Without a law word, the bare-number rule of
/// `ProvisionFinder` applies: `12(4)(x)`, `12(5)(x)`, `12(n≥6)` are EIR, everything else FOIA. A whole
/// number alone (`31`, `031`) is that section.
///
/// The one reading of a user's provision: `ProvisionFinder.parse(query:)` — used by the query lexer,
/// `--provision`, `--finding` and the `provision:`/`finding:` fields — comes here.
enum ProvisionQuery {
    static func parse(_ query: String) -> Provision? {
        var s = query.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { return nil }
        if let n = Int(s) {
            guard n > 0, n < 1000 else { return nil }
            s = "section \(n)"
        }
        if let p = Provision(canonical: s.replacingOccurrences(of: " ", with: "")),
           let n = Int(p.parts[0]), ProvisionNumbering.validNumber(n, law: p.law) { return p }
        var law: Law? = nil
        // Trailing law names.
        for (suffix, l) in [("of the foia", Law.foia), ("of foia", .foia), ("foia", .foia), ("of the eir", .eir),
                            ("of eir", .eir), ("of the eirs", .eir), ("eir", .eir)] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            law = l
            break
        }
        // Leading law words, longest first.
        let prefixes: [(String, Law)] = [
            ("regulations", .eir), ("regulation", .eir), ("subsections", .foia), ("subsection", .foia),
            ("sections", .foia), ("section", .foia), ("foia", .foia), ("foi", .foia), ("eirs", .eir), ("eir", .eir),
            ("regs", .eir), ("reg", .eir), ("secs", .foia), ("sec", .foia), ("ss", .foia), ("s", .foia), ("r", .eir),
        ]
        for (p, l) in prefixes where s.hasPrefix(p) {
            let rest = s.dropFirst(p.count)
            guard let c = rest.first, c == "." || c == " " || c.isNumber || c == ":" else { continue }
            s = String(rest)
            if law == nil { law = l }
            break
        }
        s = String(s.drop { $0 == "." || $0 == ":" || $0 == " " })
        s.removeAll { $0 == " " }
        guard let parts = parts(of: s) else { return nil }
        let l = law ?? ProvisionNumbering.bareLaw(parts, noticeLaw: nil)
        guard let n = Int(parts[0]), ProvisionNumbering.validNumber(n, law: l) else { return nil }
        return Provision(law: l, parts: parts)
    }

    /// `31(1)(a)` or `12.4.b` → ["31", "1", "a"]; nil if anything is left over.
    private static func parts(of s: String) -> [String]? {
        let u = Array(s.utf8)
        var i = 0
        while i < u.count, Bytes.isDigit(u[i]) { i += 1 }
        guard i > 0, i <= 3, u[0] != 0x30 else { return nil }
        var parts = [String(decoding: u[0..<i], as: UTF8.self)]
        if i < u.count, u[i] == 0x2E {
            // Dotted: 12.4.b
            let rest = s.dropFirst(i + 1).split(separator: ".", omittingEmptySubsequences: false)
            for p in rest {
                guard ProvisionScanner.isPart(Array(p.utf8)) || (p.count == 1 && p.first!.isLetter) else { return nil }
                parts.append(String(p))
            }
            return parts
        }
        while i < u.count {
            guard u[i] == 0x28, let close = u[i...].firstIndex(of: 0x29) else { return nil }
            let inner = u[(i + 1)..<close]
            let upper = inner.map { Bytes.isDigit(inner.first ?? 0) ? ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) : $0 }
            guard ProvisionScanner.isPart(upper) else { return nil }
            parts.append(String(decoding: inner, as: UTF8.self))
            i = close + 1
        }
        return parts
    }
}
