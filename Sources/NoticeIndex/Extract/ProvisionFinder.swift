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
        if sub == 4 || sub == 5, parts.count >= 3, let c = parts[2].utf8.first, TextBytes.isLetter(c) { return true }
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

/// Keyword classes the scanner recognises before a number.
enum ProvisionKeyword {
    case section, subsection, foi, regulation, foreign

    /// Keyed by the lowercased word.
    static let table: [String: ProvisionKeyword] = {
        var t: [String: ProvisionKeyword] = [:]
        for w in ["section", "sections", "s", "ss", "sec", "secs", "sect"] { t[w] = .section }
        for w in ["subsection", "subsections", "subs"] { t[w] = .subsection }
        for w in ["foi", "foia"] { t[w] = .foi }
        for w in ["regulation", "regulations", "reg", "regs", "r", "eir", "eirs"] { t[w] = .regulation }
        for w in ["article", "articles", "art", "arts", "paragraph", "paragraphs", "para", "paras", "schedule",
                  "schedules", "sch", "part", "parts", "chapter", "chapters", "rule", "rules", "clause", "clauses",
                  "annex", "annexe", "appendix", "page", "pages", "pp", "p", "recital", "recitals", "point",
                  "points", "item", "items", "step", "steps", "position", "positions", "principle", "principles",
                  "condition", "conditions", "question", "questions", "table", "figure", "footnote", "note",
                  "notes", "option", "options", "ground", "grounds", "criterion", "criteria", "limb", "limbs",
                  "stage", "stages", "no", "nos", "number", "numbers", "invoice", "invoices", "request",
                  "requests", "line", "lines", "box", "version", "cpr", "form", "order", "directive", "tab",
                  "annexes", "exhibit", "document", "documents", "bullet", "category", "categories", "level",
                  "tier", "band", "room", "floor", "cases"] { t[w] = .foreign }
        return t
    }()
}

/// The byte scanner behind `ProvisionFinder`. Looks for a digit or a keyword, then checks context; never
/// backtracks more than a few bytes, so it runs in linear time over the text.
struct ProvisionScanner {
    let b: UnsafeBufferPointer<UInt8>
    let noticeLaw: Law?
    var context: Provision?
    var out: [RawProvision] = []
    private var lists = 0

    init(b: UnsafeBufferPointer<UInt8>, noticeLaw: Law?, context: Provision?) {
        self.b = b
        self.noticeLaw = noticeLaw
        self.context = context
    }

    private var n: Int { b.count }

    mutating func run() {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if TextBytes.isLetter(c) {
                var j = i + 1
                while j < n, TextBytes.isLetter(b[j]) { j += 1 }
                if (i == 0 || !TextBytes.isAlnum(b[i - 1])) && j - i <= 12 {
                    if let end = keyword(at: i, wordEnd: j) { i = end; continue }
                }
                i = j
            } else if TextBytes.isDigit(c) {
                var j = i + 1
                while j < n, TextBytes.isDigit(b[j]) { j += 1 }
                if bareStartAllowed(i), let end = bare(at: i) { i = end; continue }
                i = j
            } else {
                i += 1
            }
        }
    }

    // MARK: keyword forms

    /// At a word `i..<wordEnd`: if it is a keyword followed by a number (or a bracket for `subsections`),
    /// parse the list and return where scanning resumes.
    private mutating func keyword(at i: Int, wordEnd j: Int) -> Int? {
        // Cheap prefilter: a keyword is followed (after an optional dot and a little space) by a digit or "(".
        var k = j
        if k < n, b[k] == 0x2E { k += 1 }
        k = TextBytes.skipSpaces(b, k, limit: 2)
        guard k < n, TextBytes.isDigit(b[k]) || b[k] == 0x28 else { return nil }
        // The word is ASCII letters (see `run`), so lowering its bytes is `lowercased()` without the
        // Unicode machinery; this runs at every word followed by a number.
        let word = String(unsafeUninitializedCapacity: j - i) { out in
            for k in i..<j { out[k - i] = TextBytes.lower(b[k]) }
            return j - i
        }
        guard let kind = ProvisionKeyword.table[word] else { return nil }
        // Single letters only in tight forms: `s31`, `s.31`, `s 31`; `r12` only glued.
        if word == "r", k != j { return nil }
        if word == "s" || word == "p", j < n, b[j] != 0x2E, b[j] != 0x20, !TextBytes.isDigit(b[j]) { return nil }
        if b[k] == 0x28 {
            // `subsections (1)(a) and (b)` / `section (3)` hang off the section named before.
            guard kind == .section || kind == .subsection, let ctx = context else { return nil }
            return parseList(start: i, at: k, law: ctx.law, keyword: kind, prev: ctx.parts)
        }
        switch kind {
        case .section, .subsection, .foi:
            return parseList(start: i, at: k, law: .foia, keyword: kind, prev: nil)
        case .regulation:
            return parseList(start: i, at: k, law: .eir, keyword: kind, prev: nil)
        case .foreign:
            return parseList(start: i, at: k, law: .foia, keyword: kind, prev: nil)
        }
    }

    // MARK: bare forms

    private func bareStartAllowed(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = b[i - 1]
        if TextBytes.isAlnum(p) { return false }
        // `2.5(a)`, `EA/2018`, `£31(1)`, `(1)(a)`, `12:30`, `1,000`
        switch p {
        case 0x2E, 0x2F, 0x24, 0x28, 0x3A, 0x2C, 0x2D, 0x5F, 0x40, 0x23: return false
        case 0xA3 where i >= 2 && b[i - 2] == 0xC2: return false  // £
        default: return true
        }
    }

    private mutating func bare(at i: Int) -> Int? {
        guard let item = parseItem(at: i, allowSpace: false, allowDotted: true) else { return nil }
        if item.dotted {
            guard item.parts.count == 3, item.parts[0] == "12" || item.parts[0] == "13" else { return nil }
        } else if item.parts.count < 2 {
            return nil
        }
        return parseList(start: i, at: i, law: nil, keyword: nil, prev: nil)
    }

    // MARK: items

    struct Item {
        var parts: [String]
        var end: Int
        var bracketed: Bool
        var dotted: Bool
    }

    /// `31`, `31(1)(a)`, `31 (1)` (when `allowSpace`), `12.4.b` (when `allowDotted`).
    private func parseItem(at p: Int, allowSpace: Bool, allowDotted: Bool) -> Item? {
        var q = p
        while q < n, TextBytes.isDigit(b[q]), q - p < 4 { q += 1 }
        let len = q - p
        guard len >= 1, len <= 3, b[p] != 0x30 else { return nil }
        if q < n {
            let c = b[q]
            if TextBytes.isAlnum(c) { return nil }                        // `2016`, `31A`, `3rd`
            if c == 0x25 { return nil }                                    // `31%`
            if q + 1 < n, TextBytes.isDigit(b[q + 1]), c == 0x2C || c == 0x3A || c == 0x2F { return nil }
            if c == 0x2F || c == 0x2D, q + 1 < n, TextBytes.isLetter(b[q + 1]) { return nil }
            if c == 0x2E, q + 1 < n, TextBytes.isDigit(b[q + 1]), !allowDotted { return nil } // decimals
        }
        var parts = [String(decoding: UnsafeBufferPointer(rebasing: b[p..<q]), as: UTF8.self)]
        var end = q
        var bracketed = false
        while true {
            var r = end
            if allowSpace || bracketed, r + 1 < n, b[r] == 0x20, b[r + 1] == 0x28 { r += 1 }
            guard let (content, e) = parseBracket(at: r) else { break }
            parts.append(content)
            end = e
            bracketed = true
        }
        var dotted = false
        if !bracketed, allowDotted, end + 1 < n, b[end] == 0x2E, TextBytes.isDigit(b[end + 1]) {
            var r = end + 1
            while r < n, TextBytes.isDigit(b[r]), r - end <= 2 { r += 1 }
            if r < n, TextBytes.isDigit(b[r]) { return nil }
            let sub = String(decoding: UnsafeBufferPointer(rebasing: b[(end + 1)..<r]), as: UTF8.self)
            if r < n, TextBytes.isLetter(b[r]) { return nil }
            parts.append(sub)
            end = r
            dotted = true
            if r + 1 < n, b[r] == 0x2E, TextBytes.isLetter(b[r + 1]), r + 2 >= n || !TextBytes.isAlnum(b[r + 2]) {
                parts.append(String(UnicodeScalar(TextBytes.lower(b[r + 1]))))
                end = r + 2
            } else if r + 1 < n, b[r] == 0x2E, TextBytes.isDigit(b[r + 1]) {
                return nil  // `1.2.3`: a version or paragraph number
            }
        }
        return Item(parts: parts, end: end, bracketed: bracketed, dotted: dotted)
    }

    /// `(1)`, `(3A)`, `(a)`, `(iv)`; nil for anything else (`(AAC)`, `(National security)`).
    private func parseBracket(at p: Int) -> (String, Int)? {
        guard p < n, b[p] == 0x28 else { return nil }
        var q = p + 1
        while q < n, q - p <= 5, b[q] != 0x29 { q += 1 }
        guard q < n, b[q] == 0x29, q > p + 1 else { return nil }
        let inner = UnsafeBufferPointer(rebasing: b[(p + 1)..<q])
        guard Self.isPart(inner) else { return nil }
        return (String(decoding: inner, as: UTF8.self).lowercased(), q + 1)
    }

    static func isPart<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        let a = Array(s)
        guard !a.isEmpty, a.count <= 4 else { return false }
        if TextBytes.isDigit(a[0]) {
            guard a[0] != 0x30 else { return false }
            var k = 0
            while k < a.count, TextBytes.isDigit(a[k]) { k += 1 }
            guard k <= 2 else { return false }
            return k == a.count || (k == a.count - 1 && TextBytes.isUpper(a[k]))
        }
        if a.count == 1 { return TextBytes.isLower(a[0]) }
        return romans.contains(String(decoding: a, as: UTF8.self))
    }

    private static let romans: Set<String> = ["ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"]

    /// `(b)`, `(1)(a)` after `and`: the brackets only.
    private func parseBrackets(at p: Int) -> ([String], Int)? {
        var parts: [String] = []
        var end = p
        while let (c, e) = parseBracket(at: end) { parts.append(c); end = e }
        return parts.isEmpty ? nil : (parts, end)
    }

    private enum PartKind { case number, alpha }

    private static func kind(_ s: String) -> PartKind {
        (s.utf8.first.map(TextBytes.isDigit) ?? false) ? .number : .alpha
    }

    /// Hangs continuation brackets off the previous item: the first bracket replaces the deepest level of
    /// the same kind (`31(1)(a)` + `(b)` → `31(1)(b)`; `31(1)` + `(3)` → `31(3)`; `31` + `(1)(a)` →
    /// `31(1)(a)`). A letter cannot hang directly off a bare section (`31` + `(a)` is dropped).
    static func resolve(prev: [String], continuation c: [String]) -> [String]? {
        let k = kind(c[0])
        var j = prev.count - 1
        while j >= 1 {
            if kind(prev[j]) == k { return Array(prev[0..<j]) + c }
            j -= 1
        }
        if k == .number { return prev.count == 1 ? prev + c : nil }
        return prev.count >= 2 ? prev + c : nil
    }

    // MARK: lists

    /// Parses `first[, next]* [and|or|to|&|/|-] last` and records the items, unless the list belongs to a
    /// foreign keyword or is followed by another instrument. Returns where scanning resumes.
    private mutating func parseList(start: Int, at p0: Int, law fixedLaw: Law?, keyword: ProvisionKeyword?,
                                    prev: [String]?) -> Int {
        let list = lists
        lists += 1
        var items: [RawProvision] = []
        var p = p0
        var lastEnd = p0
        var prevParts = prev
        var first = true
        var pendingRange = false
        let isBare = keyword == nil
        let dotted = keyword == .regulation || keyword == .foi || isBare
        var lastBareLaw: Law? = nil
        while true {
            let itemStart = first ? start : p
            var parts: [String]
            var end: Int
            var law: Law
            var bracketed = true
            if p < n, TextBytes.isDigit(b[p]) {
                guard let it = parseItem(at: p, allowSpace: !isBare, allowDotted: dotted) else { break }
                if isBare && !it.bracketed && !(it.dotted && it.parts.count == 3) { break }
                law = fixedLaw ?? ProvisionNumbering.bareLaw(it.parts, noticeLaw: noticeLaw)
                guard let num = Int(it.parts[0]), keyword == .foreign || ProvisionNumbering.validNumber(num, law: law)
                else { break }
                if !it.bracketed, !it.dotted, followedByUnit(it.end) { break }
                parts = it.parts
                end = it.end
                bracketed = it.bracketed || it.dotted
            } else if p < n, b[p] == 0x28, let pp = prevParts, let (c, e) = parseBrackets(at: p),
                      let resolved = Self.resolve(prev: pp, continuation: c) {
                parts = resolved
                end = e
                law = fixedLaw ?? lastBareLaw ?? ProvisionNumbering.bareLaw(resolved, noticeLaw: noticeLaw)
            } else {
                break
            }
            lastBareLaw = law
            // `sections 21 to 24`: the numbers in between share the range's span.
            if pendingRange, let pp = prevParts, pp.count == 1, parts.count == 1, !bracketed,
               let lo = Int(pp[0]), let hi = Int(parts[0]), hi > lo + 1, hi - lo <= 10, let from = items.last?.range.lowerBound {
                for v in (lo + 1)..<hi {
                    items.append(RawProvision(law: law, parts: [String(v)], range: from..<end, list: list))
                }
            }
            items.append(RawProvision(law: law, parts: parts, range: itemStart..<end, list: list,
                                      plausible: ProvisionNumbering.isPlausible(law: law, parts: parts)))
            prevParts = parts
            lastEnd = end
            first = false
            // Separator: optional descriptor `(Law enforcement)`, then `,` / `and` / `or` / `&` / `/` / `to` / `-`.
            var q = TextBytes.skipSpaces(b, end, limit: 2)
            if let d = descriptorEnd(q) { q = TextBytes.skipSpaces(b, d, limit: 2) }
            guard let (afterSep, isRange) = separator(at: q) else { break }
            pendingRange = isRange
            p = TextBytes.skipSpaces(b, afterSep, limit: 2)
        }
        if items.isEmpty { return p0 + 1 }
        if keyword != .foreign, !foreignSuffix(at: lastEnd) {
            out.append(contentsOf: items)
            if let last = items.last { context = last.provision }
        }
        return lastEnd
    }

    /// End of a parenthetical descriptor such as `(National security)` or `(the prevention of crime)`.
    private func descriptorEnd(_ q: Int) -> Int? {
        guard q < n, b[q] == 0x28 else { return nil }
        var r = q + 1
        var letters = 0
        while r < n, r - q < 90, b[r] != 0x29, b[r] != 0x28, b[r] != 0x0A {
            if TextBytes.isLetter(b[r]) { letters += 1 }
            r += 1
        }
        guard r < n, b[r] == 0x29, letters >= 2 else { return nil }
        return r + 1
    }

    private static let words: (and: [UInt8], or: [UInt8], to: [UInt8], andOr: [UInt8]) =
        (Array(ascii: "and"), Array(ascii: "or"), Array(ascii: "to"), Array(ascii: "and/or"))

    /// After a list item: returns the index after the connector and whether it makes a range.
    private func separator(at q0: Int) -> (Int, Bool)? {
        var q = q0
        guard q < n else { return nil }
        var saw = false
        if b[q] == 0x2C { q = TextBytes.skipSpaces(b, q + 1, limit: 2); saw = true }
        if let w = word(at: q, in: [Self.words.andOr, Self.words.and, Self.words.or]) { return (q + w, false) }
        if word(at: q, in: [Self.words.to]) != nil { return saw ? nil : (q + 2, true) }
        if q < n, b[q] == 0x26 || b[q] == 0x2F { return (q + 1, false) }
        if q < n, b[q] == 0x2D { return saw ? nil : (q + 1, true) }
        if q + 2 < n, b[q] == 0xE2, b[q + 1] == 0x80, b[q + 2] == 0x93 { return saw ? nil : (q + 3, true) }
        return saw ? (q, false) : nil
    }

    private func word(at q: Int, in candidates: [[UInt8]]) -> Int? {
        for w in candidates where q + w.count <= n {
            var ok = true
            for k in 0..<w.count where TextBytes.lower(b[q + k]) != w[k] { ok = false; break }
            if ok, q + w.count == n || !TextBytes.isAlnum(b[q + w.count]) { return w.count }
        }
        return nil
    }

    private static let units: Set<String> = [
        "day", "days", "working", "calendar", "week", "weeks", "month", "months", "year", "years", "hour",
        "hours", "minute", "minutes", "per", "percent", "pages", "page", "invoices", "items", "requests",
        "people", "am", "pm", "million", "thousand", "times", "occasions", "members", "officers", "staff",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    private func nextWord(at p: Int) -> String? {
        let q = TextBytes.skipSpaces(b, p, limit: 2)
        var r = q
        while r < n, TextBytes.isLetter(b[r]), r - q < 16 { r += 1 }
        guard r > q else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[q..<r]), as: UTF8.self).lowercased()
    }

    private func followedByUnit(_ p: Int) -> Bool {
        if p < n, b[p] == 0x25 { return true }
        guard let w = nextWord(at: p) else { return false }
        return Self.units.contains(w)
    }

    /// Whether the list is followed by another instrument: `of the DPA`, `of the Data Protection Act 2018`,
    /// `UK GDPR`, `of the Fees Regulations`, `of the Freedom of Information (Scotland) Act`. `of FOIA`, `of
    /// the Act`, `of the EIR`, `of the Regulations` and `of the Freedom of Information Act` are ours.
    private func foreignSuffix(at p: Int) -> Bool {
        var q = TextBytes.skipSpaces(b, p, limit: 2)
        if q < n, b[q] == 0x29 { q = TextBytes.skipSpaces(b, q + 1, limit: 2) }
        guard let first = nextWord(at: q) else { return false }
        if Self.foreignActs.contains(first) { return true }
        guard first == "of" || first == "in" || first == "under" else { return false }
        q = TextBytes.skipSpaces(b, q + first.utf8.count, limit: 2)
        if let w = nextWord(at: q), w == "the" { q = TextBytes.skipSpaces(b, q + 3, limit: 2) }
        // Read up to ten words of the instrument's name.
        var words: [String] = []
        var r = q
        while words.count < 10, r < n {
            r = TextBytes.skipSpaces(b, r, limit: 2)
            var e = r
            if e < n, b[e] == 0x28 {  // `(Scotland)`, `(Appropriate Limit and Fees)`
                while e < n, b[e] != 0x29, e - r < 60 { e += 1 }
                if e < n { e += 1 }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: b[r..<e]), as: UTF8.self).lowercased())
                r = e
                continue
            }
            while e < n, TextBytes.isAlnum(b[e]) || b[e] == 0x26 { e += 1 }
            guard e > r else { break }
            let w = String(decoding: UnsafeBufferPointer(rebasing: b[r..<e]), as: UTF8.self)
            if words.isEmpty, let c = w.utf8.first, !TextBytes.isUpper(c) { return false }
            words.append(w.lowercased())
            r = e
            if w == "Act" || w == "Regulations" || w == "Order" || w == "Rules" { break }
        }
        guard let firstWord = words.first else { return false }
        if Self.foreignActs.contains(firstWord) || (words.count >= 2 && words[0] == "data" && words[1] == "protection") {
            return true
        }
        guard let last = words.last, words.count >= 2 else { return false }
        let name = words.joined(separator: " ")
        switch last {
        case "act": return !(name.hasPrefix("freedom of information act"))
        case "regulations": return !name.contains("environmental information")
        case "order", "rules": return true
        default: return false
        }
    }

    private static let foreignActs: Set<String> = ["dpa", "gdpr", "uk", "dpa18", "dpa2018", "dpa98", "pace", "ripa",
                                                   "hra", "echr", "tfeu", "teu", "foisa"]
}
