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
            if Bytes.isLetter(c) {
                var j = i + 1
                while j < n, Bytes.isLetter(b[j]) { j += 1 }
                if (i == 0 || !Bytes.isAlnum(b[i - 1])) && j - i <= 12 {
                    if let end = keyword(at: i, wordEnd: j) { i = end; continue }
                }
                i = j
            } else if Bytes.isDigit(c) {
                var j = i + 1
                while j < n, Bytes.isDigit(b[j]) { j += 1 }
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
        k = Bytes.skipSpaces(b, k, limit: 2)
        guard k < n, Bytes.isDigit(b[k]) || b[k] == 0x28 else { return nil }
        // The word is ASCII letters (see `run`), so lowering its bytes is `lowercased()` without the
        // Unicode machinery; this runs at every word followed by a number.
        let word = String(unsafeUninitializedCapacity: j - i) { out in
            for k in i..<j { out[k - i] = Bytes.lower(b[k]) }
            return j - i
        }
        guard let kind = ProvisionKeyword.table[word] else { return nil }
        // Single letters only in tight forms: `s31`, `s.31`, `s 31`; `r12` glued or with a dot (`r.12(4)(b)`).
        if word == "r", k != j, !(k == j + 1 && b[j] == 0x2E) { return nil }
        if word == "s" || word == "p", j < n, b[j] != 0x2E, b[j] != 0x20, !Bytes.isDigit(b[j]) { return nil }
        if b[k] == 0x28 {
            guard kind == .section || kind == .subsection else { return nil }
            // `subsection (2) of section 40`: the section is named after its subsection.
            if let (parts, end) = subsectionOfSection(at: k) {
                out.append(RawProvision(law: .foia, parts: parts, range: i..<end, list: lists,
                                        plausible: ProvisionNumbering.isPlausible(law: .foia, parts: parts)))
                lists += 1
                context = Provision(law: .foia, parts: parts)
                return end
            }
            // `subsections (1)(a) and (b)` / `section (3)` hang off the section named before.
            guard let ctx = context else { return nil }
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

    /// `(2) of section 40`, `(2)(a) of s.40` at `k`: the section's parts with the brackets, and where the
    /// section number ends.
    private func subsectionOfSection(at k: Int) -> ([String], Int)? {
        guard let (brackets, e) = parseBrackets(at: k), Self.kind(brackets[0]) == .number else { return nil }
        var q = Bytes.skipSpaces(b, e, limit: 2)
        guard word(at: q, in: [Self.words.of]) != nil else { return nil }
        q = Bytes.skipSpaces(b, q + 2, limit: 2)
        var r = q
        while r < n, Bytes.isLetter(b[r]), r - q < 8 { r += 1 }
        let kw = String(decoding: UnsafeBufferPointer(rebasing: b[q..<r]), as: UTF8.self).lowercased()
        guard kw == "section" || kw == "s" else { return nil }
        if r < n, b[r] == 0x2E { r += 1 }
        r = Bytes.skipSpaces(b, r, limit: 2)
        var d = r
        while d < n, Bytes.isDigit(b[d]), d - r < 3 { d += 1 }
        guard d > r, d >= n || !Bytes.isAlnum(b[d]) && b[d] != 0x28,
              let num = Int(String(decoding: UnsafeBufferPointer(rebasing: b[r..<d]), as: UTF8.self)),
              ProvisionNumbering.validNumber(num, law: .foia) else { return nil }
        return ([String(num)] + brackets, d)
    }

    // MARK: bare forms

    private func bareStartAllowed(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = b[i - 1]
        if Bytes.isAlnum(p) { return false }
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
        while q < n, Bytes.isDigit(b[q]), q - p < 4 { q += 1 }
        let len = q - p
        guard len >= 1, len <= 3, b[p] != 0x30 else { return nil }
        if q < n {
            let c = b[q]
            if Bytes.isAlnum(c) { return nil }                        // `2016`, `31A`, `3rd`
            if c == 0x25 { return nil }                                    // `31%`
            if q + 1 < n, Bytes.isDigit(b[q + 1]), c == 0x2C || c == 0x3A || c == 0x2F { return nil }
            if c == 0x2F || c == 0x2D, q + 1 < n, Bytes.isLetter(b[q + 1]) { return nil }
            if c == 0x2E, q + 1 < n, Bytes.isDigit(b[q + 1]), !allowDotted { return nil } // decimals
        }
        var parts = [String(decoding: UnsafeBufferPointer(rebasing: b[p..<q]), as: UTF8.self)]
        var end = q
        var bracketed = false
        while true {
            var r = end
            if allowSpace || bracketed, r + 1 < n, b[r] == 0x20, b[r + 1] == 0x28 { r += 1 }
            // A page break cut out of the text leaves a line break between a section and its subsection
            // (`section 40` / footer / `(2) of FOIA`): after a keyword, a subsection on the next line.
            else if allowSpace, parts.count == 1, r + 2 < n, b[r] == 0x0A, b[r + 1] == 0x28, Bytes.isDigit(b[r + 2]) { r += 1 }
            guard let (content, e) = parseBracket(at: r) else { break }
            parts.append(content)
            end = e
            bracketed = true
        }
        var dotted = false
        if !bracketed, allowDotted, end + 1 < n, b[end] == 0x2E, Bytes.isDigit(b[end + 1]) {
            var r = end + 1
            while r < n, Bytes.isDigit(b[r]), r - end <= 2 { r += 1 }
            if r < n, Bytes.isDigit(b[r]) { return nil }
            let sub = String(decoding: UnsafeBufferPointer(rebasing: b[(end + 1)..<r]), as: UTF8.self)
            if r < n, Bytes.isLetter(b[r]) { return nil }
            parts.append(sub)
            end = r
            dotted = true
            if r + 1 < n, b[r] == 0x2E, Bytes.isLetter(b[r + 1]), r + 2 >= n || !Bytes.isAlnum(b[r + 2]) {
                parts.append(String(UnicodeScalar(Bytes.lower(b[r + 1]))))
                end = r + 2
            } else if r + 1 < n, b[r] == 0x2E, Bytes.isDigit(b[r + 1]) {
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
        if Bytes.isDigit(a[0]) {
            guard a[0] != 0x30 else { return false }
            var k = 0
            while k < a.count, Bytes.isDigit(a[k]) { k += 1 }
            guard k <= 2 else { return false }
            return k == a.count || (k == a.count - 1 && Bytes.isUpper(a[k]))
        }
        if a.count == 1 { return Bytes.isLower(a[0]) }
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
        (s.utf8.first.map(Bytes.isDigit) ?? false) ? .number : .alpha
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
            if p < n, Bytes.isDigit(b[p]) {
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
            var q = Bytes.skipSpaces(b, end, limit: 2)
            if let d = descriptorEnd(q) { q = Bytes.skipSpaces(b, d, limit: 2) }
            guard let (afterSep, isRange) = separator(at: q) else { break }
            pendingRange = isRange
            p = Bytes.skipSpaces(b, afterSep, limit: 2)
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
            if Bytes.isLetter(b[r]) { letters += 1 }
            r += 1
        }
        guard r < n, b[r] == 0x29, letters >= 2 else { return nil }
        return r + 1
    }

    private static let words: (and: [UInt8], or: [UInt8], to: [UInt8], andOr: [UInt8], of: [UInt8]) =
        (Array(ascii: "and"), Array(ascii: "or"), Array(ascii: "to"), Array(ascii: "and/or"), Array(ascii: "of"))

    /// After a list item: returns the index after the connector and whether it makes a range.
    private func separator(at q0: Int) -> (Int, Bool)? {
        var q = q0
        guard q < n else { return nil }
        var saw = false
        if b[q] == 0x2C { q = Bytes.skipSpaces(b, q + 1, limit: 2); saw = true }
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
            for k in 0..<w.count where Bytes.lower(b[q + k]) != w[k] { ok = false; break }
            if ok, q + w.count == n || !Bytes.isAlnum(b[q + w.count]) { return w.count }
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
        let q = Bytes.skipSpaces(b, p, limit: 2)
        var r = q
        while r < n, Bytes.isLetter(b[r]), r - q < 16 { r += 1 }
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
        var q = Bytes.skipSpaces(b, p, limit: 2)
        if q < n, b[q] == 0x29 { q = Bytes.skipSpaces(b, q + 1, limit: 2) }
        guard let first = nextWord(at: q) else { return false }
        if Self.foreignActs.contains(first) { return true }
        guard first == "of" || first == "in" || first == "under" else { return false }
        q = Bytes.skipSpaces(b, q + first.utf8.count, limit: 2)
        if let w = nextWord(at: q), w == "the" { q = Bytes.skipSpaces(b, q + 3, limit: 2) }
        // Read up to ten words of the instrument's name.
        var words: [String] = []
        var r = q
        while words.count < 10, r < n {
            r = Bytes.skipSpaces(b, r, limit: 2)
            var e = r
            if e < n, b[e] == 0x28 {  // `(Scotland)`, `(Appropriate Limit and Fees)`
                while e < n, b[e] != 0x29, e - r < 60 { e += 1 }
                if e < n { e += 1 }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: b[r..<e]), as: UTF8.self).lowercased())
                r = e
                continue
            }
            while e < n, Bytes.isAlnum(b[e]) || b[e] == 0x26 { e += 1 }
            guard e > r else { break }
            let w = String(decoding: UnsafeBufferPointer(rebasing: b[r..<e]), as: UTF8.self)
            if words.isEmpty, let c = w.utf8.first, !Bytes.isUpper(c) { return false }
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
