/// A provision found in a piece of text, with its UTF-8 byte range in that text.
public struct FoundProvision: Sendable, Equatable {
    public var provision: Provision
    public var range: Range<Int>
    public var text: String

    public init(provision: Provision, range: Range<Int>, text: String) {
        self.provision = provision
        self.range = range
        self.text = text
    }
}

/// Finds FOIA sections and EIR regulations in text, and parses a user's spelling of one.
///
/// Written forms recognised (see NOTICE-FORMATS.md):
/// - keyword forms: `section 31(1)(a)`, `sections 24(2), 31(3), 40(5) and 43(3)`, `s.31(3)`, `s31(3)`,
///   `s 31 (3)`, `ss.31 and 40`, `subsection 31(3)`, `FOI 14(1)`, `regulation 12(4)(b)`, `reg 12(5)(e)`,
///   `regulations 12(4)(b) and 12(5)(b)`, `r12(4)(b)`, `EIR 12.4.b`;
/// - continuations: `section 31(1)(a) and (b)` (→ 31(1)(a), 31(1)(b)), `subsections (1)(a) and (b)` after a
///   section was named (the `context`), ranges `sections 21 to 24` (inner numbers only for spans ≤ 10);
/// - bare numbers with at least one bracket (`31(3)`, `12(5)(b)`) and the ICO listing shape `12.5.b`;
/// - in EIR notices, exceptions named only in words (`EIRExceptionWords`).
///
/// Not provisions: numbers after `Article`, `paragraph`, `Schedule`, `Part` and similar words; sections or
/// regulations followed by another instrument (`section 3(2) of the DPA`, `regulation 3 of the Fees
/// Regulations`); bare numbers without brackets (dates, `20 working days`); list items followed by a unit
/// (`section 10 and 20 working days`); FOIA numbers above 88 and EIR numbers above 21.
///
/// Law of a bare number (no keyword): the EIR shapes `12(4)(x)`, `12(5)(x)` (x a letter) and `12(n)` with
/// n ≥ 6 are EIR; otherwise EIR when the notice is EIR and the number is a regulation (≤ 21), else FOIA.
/// `section …` is always FOIA (EIR notices cite s39 and s1), `regulation …` always EIR.
public enum ProvisionFinder {
    /// Every provision cited in `text`, in order. `law` is the notice's regime, used for bare numbers.
    public static func find(in text: String, law: Law?) -> [FoundProvision] {
        found(scan(text, law: law, context: nil), in: text)
    }

    /// `find` with a provision named earlier (a previous paragraph or the heading), which continuations
    /// such as `subsections (1)(a) and (b)` hang off.
    static func find(in text: String, law: Law?, context: Provision?) -> [FoundProvision] {
        found(scan(text, law: law, context: context), in: text)
    }

    private static func found(_ raw: [RawProvision], in text: String) -> [FoundProvision] {
        raw.lazy.filter(\.plausible).map { r in
            FoundProvision(provision: r.provision, range: r.range, text: Self.slice(text, r.range))
        }
    }

    static func slice(_ text: String, _ r: Range<Int>) -> String {
        let u = text.utf8
        let lo = u.index(u.startIndex, offsetBy: r.lowerBound)
        let hi = u.index(lo, offsetBy: r.count)
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }

    /// Every raw candidate, including implausible ones (which the notice-level repair may fix).
    static func scan(_ text: String, law: Law?, context: Provision?) -> [RawProvision] {
        var text = text
        var raw: [RawProvision] = text.withUTF8 { buf in
            var s = ProvisionScanner(b: buf, noticeLaw: law, context: context)
            s.run()
            return s.out
        }
        if law == .eir {
            raw = EIRExceptionWords.merge(EIRExceptionWords.find(in: text), into: raw)
        }
        return raw
    }

    /// A user's spelling: "31(3)", "s.31(3)", "section 31", "s 31 (3)", "reg 12(4)(b)", "12(4)(b)", "EIR 12.4.b".
    /// Bare numbers follow the same rule as in text (see the type's documentation): `12(4)(b)`, `12.5.b`,
    /// `12(9)` are EIR; `14(1)`, `12(1)`, `31` are FOIA.
    public static func parse(query: String) -> Provision? {
        ProvisionQuery.parse(query)
    }
}

/// One candidate from the scanner.
struct RawProvision {
    var law: Law
    var parts: [String]
    var range: Range<Int>
    /// Items of one written list share an id (the typo repair uses its siblings).
    var list: Int
    /// False for numbers that cannot be that provision (`3(3)`: FOIA s3 has two subsections).
    var plausible: Bool = true
    var fromWords: Bool = false

    var provision: Provision { Provision(law: law, parts: parts) }
}

/// Numbering rules shared by the scanner and the query parser.
enum ProvisionNumbering {
    static func validNumber(_ n: Int, law: Law) -> Bool { law == .foia ? (1...88).contains(n) : (1...21).contains(n) }

    /// Law of a number written without a keyword (documented on `ProvisionFinder`).
    static func bareLaw(_ parts: [String], noticeLaw: Law?) -> Law {
        if isEIRShape(parts) { return .eir }
        if noticeLaw == .eir, let n = Int(parts[0]), n <= 21 { return .eir }
        return .foia
    }

    static func isEIRShape(_ parts: [String]) -> Bool {
        guard parts.count >= 2, parts[0] == "12", let sub = Int(parts[1]) else { return false }
        if sub >= 6 { return true }
        if sub == 4 || sub == 5, parts.count >= 3, let c = parts[2].utf8.first, Bytes.isLetter(c) { return true }
        return false
    }

    /// Highest subsection of the FOIA sections that are not exemptions (1–20). Used only to spot typos such
    /// as `3(3)` for `43(3)`; sections not listed are not checked.
    static let foiaSubsections: [Int: Int] = [
        1: 6, 2: 3, 3: 2, 4: 9, 5: 4, 6: 3, 7: 8, 8: 2, 9: 5, 10: 6, 11: 4, 12: 5, 13: 3, 14: 2, 15: 5, 16: 2,
        17: 7, 18: 7, 19: 7, 20: 7,
    ]

    static func isPlausible(law: Law, parts: [String]) -> Bool {
        guard law == .foia, parts.count >= 2, let s = Int(parts[0]), let max = foiaSubsections[s] else { return true }
        let digits = parts[1].prefix { $0.isASCII && $0.isNumber }
        guard let sub = Int(digits) else { return true }
        return sub <= max
    }
}
