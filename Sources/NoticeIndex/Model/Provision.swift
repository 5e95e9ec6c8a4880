/// A FOIA section or EIR regulation, down to its subsection and paragraph: `s31(1)(a)`, `r12(4)(b)`.
///
/// Provisions form a hierarchy (`s31(1)(a)` ⊂ `s31(1)` ⊂ `s31`), which both the index (a search for
/// `section 31` finds every `31(x)`) and the facets rely on.
public struct Provision: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var law: Law
    /// Section or regulation number first, then each bracketed part: ["31", "1", "a"].
    public var parts: [String]

    public init(law: Law, parts: [String]) {
        precondition(!parts.isEmpty, "a provision has at least a section number")
        self.init(law: law, normalisedParts: parts.map(Provision.normalisedPart))
    }

    /// `parts` already normalised (a level of an existing provision): nothing to redo.
    private init(law: Law, normalisedParts parts: [String]) {
        self.law = law
        self.parts = parts
    }

    /// Paragraph letters and roman numerals are lower case (`(a)`, `(ii)`); inserted subsections keep the
    /// statute's capital (`40(3A)`, `s12A`).
    static func normalisedPart(_ part: String) -> String {
        // Parts are nearly always ASCII and already in this form, and every provision found in a notice
        // comes through here: the answer is read off the bytes, and the String kept when nothing changes.
        let u = part.utf8
        if u.allSatisfy({ $0 < 0x80 }) {
            let upper = u.first.map(Bytes.isDigit) ?? false
            guard u.contains(where: upper ? Bytes.isLower : Bytes.isUpper) else { return part }
        }
        guard let first = part.first, first.isNumber else { return part.lowercased() }
        return part.uppercased()
    }

    /// Canonical text per the CLI contract: `s31(1)(a)`, `r12(4)(b)`.
    public var canonical: String {
        (law == .foia ? "s" : "r") + parts[0] + parts.dropFirst().map { "(\($0))" }.joined()
    }

    public var description: String { canonical }

    /// The provision one level up (`s31(1)` for `s31(1)(a)`), nil at the top.
    public var parent: Provision? {
        parts.count > 1 ? Provision(law: law, normalisedParts: Array(parts.dropLast())) : nil
    }

    /// This provision and every level above it, most specific first.
    public var lineage: [Provision] {
        var out = [self]
        while let p = out.last!.parent { out.append(p) }
        return out
    }

    /// Whether `self` is `other` or sits inside it (`s31(1)(a)` is within `s31`).
    public func isWithin(_ other: Provision) -> Bool {
        law == other.law && parts.count >= other.parts.count && parts.starts(with: other.parts)  // no prefix copy
    }

    /// The neither-confirm-nor-deny provisions researchers look for.
    public static let ncnd: Set<Provision> = Set(
        ["s23(5)", "s24(2)", "s27(4)", "s30(3)", "s31(3)", "s40(5)", "s42(2)", "s43(3)", "r12(6)"]
            .compactMap(Provision.init(canonical:))
    )

    /// Whether the provision (or a part of it) is an NCND provision: `s40(5)(b)` counts as `s40(5)`.
    public var isNCND: Bool { lineage.contains { Provision.ncnd.contains($0) } }

    /// The token the full-text index stores for this provision: letters and digits only, so FTS5's
    /// unicode61 tokenizer keeps it whole (`s31(1)(a)` → `sec31x1xa`, `r12(4)(b)` → `reg12x4xb`).
    public var indexToken: String {
        (law == .foia ? "sec" : "reg") + parts.joined(separator: "x").lowercased()
    }

    /// Parses the canonical form (`s31(1)(a)`, `r12(4)(b)`); nil for anything else.
    public init?(canonical text: String) {
        var chars = Substring(text.lowercased())
        guard let first = chars.first, first == "s" || first == "r" else { return nil }
        chars = chars.dropFirst()
        let number = chars.prefix { $0.isASCII && ($0.isNumber || $0.isLetter) }
        guard let d = number.first, d.isNumber else { return nil }
        var parts = [String(number)]
        chars = chars.dropFirst(number.count)
        while chars.first == "(" {
            guard let close = chars.firstIndex(of: ")") else { return nil }
            let inner = chars[chars.index(after: chars.startIndex)..<close]
            guard !inner.isEmpty, inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else { return nil }
            parts.append(String(inner))
            chars = chars[chars.index(after: close)...]
        }
        guard chars.isEmpty else { return nil }
        self.init(law: first == "s" ? .foia : .eir, parts: parts)
    }

    public static func < (a: Provision, b: Provision) -> Bool {
        if a.law != b.law { return a.law == .foia }
        for (x, y) in zip(a.parts, b.parts) where x != y {
            if let xi = Int(x), let yi = Int(y), xi != yi { return xi < yi }
            return x < y
        }
        return a.parts.count < b.parts.count
    }
}
