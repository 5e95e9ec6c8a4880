/// Header fields of a notice.
struct Header: Equatable {
    var reference: String?
    var law: Law?
    var date: String?
    var authority: String?
    var complainant: String?
    /// Pre-2011 header shape: `Freedom of Information Act 2000 (Section 50) Decision Notice`.
    var isLegacy = false
}

/// Second stage of parsing: reads the header, i.e. the text before the body's first heading or paragraph.
///
/// Labels (`Reference:`, `Date:`, `Public Authority:`, `Address:`, `Complainant:`) are found wherever they
/// are, not only at line starts, because values often share a line with the next label
/// (`Public Authority: X Address: Y`) and a notice squashed onto one line has everything on one line. A value
/// runs to the next label or the first blank line after it. When a label has no value and the next label
/// follows at once (`Public Authority:` / `Address:` then `Cabinet Office` / `70 Whitehall`), the values came
/// after both labels: the first value line is the authority's, the rest the address.
enum HeaderParser {
    private enum Label: CaseIterable {
        case reference, date, authority, address, complainant, other
    }

    /// Label spellings, lower case, longest first so `public authority:` wins over `authority:`.
    private static let labels: [(String, Label)] = [
        ("case reference number:", .reference), ("case reference:", .reference), ("our reference:", .reference),
        ("reference number:", .reference), ("reference:", .reference), ("case ref:", .reference), ("ref:", .reference),
        ("date of notice:", .date), ("dated:", .date), ("date:", .date),
        ("public authorities:", .authority), ("public authority:", .authority), ("name of public authority:", .authority),
        ("address of public authority:", .address), ("address:", .address), ("postcode:", .other),
        ("complainant:", .complainant), ("name of complainant:", .complainant),
        ("telephone:", .other), ("tel:", .other), ("email:", .other),
    ].sorted { $0.0.count > $1.0.count }

    /// Parses `text` (the header). `body` gives a prefix of the body, used only when the header names no law.
    static func parse(_ text: String, footerReference: String? = nil, body: () -> String = { "" }) -> Header {
        var h = Header()
        let lower = text.lowercased()
        h.isLegacy = lower.contains("(section 50)")
        if let l = law(in: lower) {
            h.law = l
        } else {
            let b = body().lowercased()
            h.law = law(in: b) ?? lawFromProvisions(in: b)
        }

        let found = findLabels(text)
        var values: [(Label, String)] = []
        for (k, f) in found.enumerated() {
            let end = k + 1 < found.count ? found[k + 1].start : text.endIndex
            values.append((f.label, String(text[f.valueStart..<end])))
        }
        var pending: [Label] = []
        for (label, raw) in values {
            let lines = raw.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces }
                .drop { $0.isEmpty }
            let block = lines.prefix { !$0.isEmpty }
            let value = block.joined(separator: " ")
            if value.isEmpty {
                pending.append(label)
                continue
            }
            if !pending.isEmpty {
                // Labels first, values after: hand out the value lines in label order.
                var parts = Array(block)
                if parts.count == 1 { parts = splitSingleLine(parts[0]) }
                for (n, p) in pending.enumerated() where n < parts.count - 1 { assign(p, parts[n], to: &h) }
                pending.removeAll()
                continue
            }
            assign(label, value, to: &h)
        }
        if h.reference == nil { h.reference = ReferenceNormalizer.find(in: text) ?? footerReference }
        if h.date == nil { h.date = DateParser.firstDate(in: text) }
        return h
    }

    private static func assign(_ label: Label, _ value: String, to h: inout Header) {
        switch label {
        case .reference: if h.reference == nil { h.reference = ReferenceNormalizer.find(in: value) }
        case .date: if h.date == nil { h.date = DateParser.firstDate(in: value) }
        case .authority: if h.authority == nil { h.authority = cleanName(value) }
        case .complainant: if h.complainant == nil { h.complainant = cleanName(value) }
        case .address, .other: break
        }
    }

    /// `Cabinet Office 70 Whitehall London`, `North East Lincolnshire Council Town Hall Square Grimsby DN31
    /// 1HU`: with no line breaks the name ends where the address starts. In order: after a parenthesised
    /// long or short form (`Ofsted (Office for Standards in Education)`, `… Rural Affairs (DEFRA)`) before the
    /// first word with a digit in it; else after the last word that ends authority names (`Council`,
    /// `Police`, `Office`…; not `Department for`, `Ministry of`, which start them) before that word, else at
    /// that word; and never past a word like `Town Hall` or `PO Box`. A name written twice in a row
    /// (`Cornwall Council Cornwall Council`, the name line and the address's first line) is kept once.
    static func splitSingleLine(_ line: String) -> [String] {
        let words = line.split(separator: " ")
        let lower = words.map { $0.lowercased() }
        guard let digit = words.firstIndex(where: { $0.contains(where: \.isNumber) }), digit > 0 else { return [line] }
        var cut = digit
        if let close = lower[..<digit].lastIndex(where: { $0.hasSuffix(")") }), close >= 1,
           lower[...close].contains(where: { $0.hasPrefix("(") }) {
            cut = close + 1
        } else {
            if let end = lower[..<digit].indices.last(where: { k in
                nameEndings.contains(lower[k]) && !(k + 1 < digit && nameContinuations.contains(lower[k + 1]))
            }), end + 1 < digit {
                cut = end + 1
            }
            // `University of Bristol Senate House …`, `Ministry of Defence Main Building …`: the address
            // starts with a building's name, one word before `House`, `Building(s)`, `Chambers`.
            if let k = lower[..<cut].indices.first(where: { $0 >= 3 && buildingNouns.contains(lower[$0]) }) { cut = k - 1 }
        }
        for k in 1..<max(1, cut) where addressStarts.contains(lower[k] + " " + (k + 1 < lower.count ? lower[k + 1] : "")) {
            cut = k
            break
        }
        if cut % 2 == 0, cut >= 2, Array(lower[..<(cut / 2)]) == Array(lower[(cut / 2)..<cut]) { cut /= 2 }
        // `London Borough of Hackney Hackney Town Hall`: the place named again starts the address.
        if cut >= 3, lower[cut - 1] == lower[cut - 2] { cut -= 1 }
        return [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")]
    }

    /// Words that end a building's name at the start of an address (`Senate House`, `Main Building`).
    private static let buildingNouns: Set<String> = ["house", "building", "buildings", "chambers"]  // not `Tower`: Tower Hamlets

    /// Words after which a name-ending word is the start of a name (`Department for Education`).
    private static let nameContinuations: Set<String> = ["for", "of", "and", "&"]

    private static let nameEndings: Set<String> = [
        "council", "police", "constabulary", "office", "department", "ministry", "authority", "trust", "agency",
        "commission", "service", "executive", "university", "college", "school", "academy", "board", "treasury",
        "investments", "england", "wales", "scotland", "hmrc", "ofwat", "ofgem", "ofcom", "ofsted", "ltd", "limited", "plc",
    ]
    private static let addressStarts: Set<String> = [
        "town hall", "city hall", "county hall", "civic centre", "civic offices", "council offices", "po box",
        "p.o. box", "council house",
    ]

    private static func cleanName(_ value: String) -> String? {
        var v = value.trimmingSpaces
        while let last = v.last, ",;".contains(last) { v.removeLast() }
        return v.isEmpty ? nil : v
    }

    /// EIR wins when both are named: EIR notices cite FOIA's section 50 by way of regulation 18.
    private static func law(in lower: String) -> Law? {
        if lower.contains("environmental information regulations") || lower.contains("(eir)") { return .eir }
        if lower.contains("freedom of information act") || lower.contains("(foia)") { return .foia }
        return nil
    }

    /// A notice that names neither Act nor Regulations (a copy site's title line, `Decision Notice IC-…
    /// (Department …)`) still decides under sections or regulations: the more often numbered, the law.
    static func lawFromProvisions(in lower: String) -> Law? {
        func count(_ word: String) -> Int {
            var n = 0, rest = lower[...]
            while let r = rest.range(of: word) {
                if let c = rest[r.upperBound...].first, c.isNumber { n += 1 }
                rest = rest[r.upperBound...]
            }
            return n
        }
        let sections = count("section ") + count("sections "), regulations = count("regulation ") + count("regulations ")
        if sections == 0 && regulations == 0 { return nil }
        return regulations > sections ? .eir : .foia
    }

    private struct Found {
        var label: Label
        var start: String.Index
        var valueStart: String.Index
    }

    /// Every label in `text`, in order. A label must start the text or follow whitespace.
    private static func findLabels(_ text: String) -> [Found] {
        var found: [Found] = []
        var idx = text.startIndex
        while let colon = text[idx...].firstIndex(of: ":") {
            let after = text.index(after: colon)
            let from = text.index(colon, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
            let lowerPrefix = text[from...colon].lowercased()
            for (spelling, label) in labels where lowerPrefix.hasSuffix(spelling) {
                guard let start = text.index(after, offsetBy: -spelling.count, limitedBy: text.startIndex) else { break }
                if start == text.startIndex || text[text.index(before: start)].isWhitespace {
                    found.append(Found(label: label, start: start, valueStart: after))
                }
                break
            }
            idx = after
        }
        return found
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
