/// Tokens of the query language. Positions are 1-based character offsets, for error messages.
enum QueryToken: Equatable {
    case word(String, prefix: Bool)
    case phrase([String], proximity: Int?)
    case provision(Provision, written: String)
    /// A legal reference typed as one thing that is no provision (`s.99999(1)`, `EA/2019/0123`).
    case reference([String], written: String)
    case field(name: String, value: String)
    case open, close, and, or, not, minus
    case near(Int)
}

struct PositionedToken: Equatable {
    var token: QueryToken
    var position: Int
}

/// Splits query text into tokens. Legal citations are recognised first, so `s.31(3)` is one provision
/// and not a word followed by a bracketed group.
struct QueryLexer {
    static let fields: Set<String> = ["provision", "authority", "outcome", "law", "cites", "year", "finding", "sector"]

    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    static func tokenize(_ text: String) throws -> [PositionedToken] {
        var lexer = QueryLexer(text)
        return try lexer.run()
    }

    private mutating func run() throws -> [PositionedToken] {
        var out: [PositionedToken] = []
        while i < chars.count {
            let c = chars[i]
            let start = i + 1
            if c.isWhitespace { i += 1; continue }
            if let (p, written, end) = provision(at: i) {
                let token: QueryToken = p.map { .provision($0, written: written) } ?? .reference(Synonyms.wordsOf(written), written: written)
                out.append(.init(token: token, position: start))
                i = end
                continue
            }
            if c == "[", let (written, end) = neutralCitation(at: i) {
                out.append(.init(token: .reference(Synonyms.wordsOf(written), written: written), position: start))
                i = end
                continue
            }
            switch c {
            case "(": out.append(.init(token: .open, position: start)); i += 1
            case ")": out.append(.init(token: .close, position: start)); i += 1
            case "\"", "“", "”":
                let (raw, end) = try quotedRaw(from: i)
                let words = Synonyms.wordsOf(raw)
                i = end
                var proximity: Int?
                if i < chars.count, chars[i] == "~" {
                    var j = i + 1
                    var digits = ""
                    while j < chars.count, chars[j].isASCII, chars[j].isNumber { digits.append(chars[j]); j += 1 }
                    guard let n = Int(digits.prefix(4)), !digits.isEmpty else {
                        throw NoticeIndexError.query("~ after a phrase needs a distance, as in \"police bodycam\"~5", position: i + 1)
                    }
                    proximity = n
                    i = j
                }
                if proximity == nil, let parts = Self.provisionsInQuotes(raw) {
                    // "s.31(3)" in quotes still means the provision; words around one stay phrases, all
                    // required, grouped so a - or OR before the quotes applies to the whole.
                    out.append(.init(token: .open, position: start))
                    out += parts.map { .init(token: $0, position: start) }
                    out.append(.init(token: .close, position: start))
                } else {
                    out.append(.init(token: .phrase(words, proximity: proximity), position: start))
                }
            case "-" where i + 1 < chars.count && !chars[i + 1].isWhitespace && (out.isEmpty || i == 0 || chars[i - 1].isWhitespace || chars[i - 1] == "("):
                out.append(.init(token: .minus, position: start)); i += 1
            default:
                if isWordChar(c) {
                    try wordOrOperator(into: &out, start: start)
                } else {
                    i += 1 // punctuation and symbols separate words, as in the index
                }
            }
        }
        return out
    }

    private func isWordChar(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "'" || c == "’"
    }

    private mutating func wordOrOperator(into out: inout [PositionedToken], start: Int) throws {
        var j = i
        var raw = ""
        while j < chars.count, isWordChar(chars[j]) || (chars[j] == "-" && j + 1 < chars.count && isWordChar(chars[j + 1]) && !raw.isEmpty) {
            raw.append(chars[j]); j += 1
        }
        // A word:value that names no field would otherwise become two words and silently search for them.
        if j + 1 < chars.count, chars[j] == ":", !chars[j + 1].isWhitespace, raw.allSatisfy(\.isLetter),
           !QueryLexer.fields.contains(raw.lowercased()) {
            throw NoticeIndexError.query(
                "unknown field '\(Printable.escaped(String(raw.prefix(40)))):' (fields: \(QueryLexer.fields.sorted().map { $0 + ":" }.joined(separator: " "))); put the words in quotes to search for them",
                position: start)
        }
        // Field prefix: provision:31(3), authority:"Home Office"
        if j < chars.count, chars[j] == ":", QueryLexer.fields.contains(raw.lowercased()) {
            var k = j + 1
            var value = ""
            if k < chars.count, chars[k] == "\"" || chars[k] == "“" {
                let (words, end) = try quotedRaw(from: k)
                value = words
                k = end
            } else {
                var depth = 0
                while k < chars.count, !chars[k].isWhitespace {
                    if chars[k] == "(" { depth += 1 }
                    if chars[k] == ")" { if depth == 0 { break }; depth -= 1 }
                    value.append(chars[k]); k += 1
                }
            }
            guard !value.isEmpty else {
                throw NoticeIndexError.query("\(raw): needs a value, as in \(raw.lowercased()):\(QueryLexer.example(raw.lowercased()))", position: start)
            }
            out.append(.init(token: .field(name: raw.lowercased(), value: value), position: start))
            i = k
            return
        }
        i = j
        switch raw {
        case "AND": out.append(.init(token: .and, position: start)); return
        case "OR": out.append(.init(token: .or, position: start)); return
        case "NOT": out.append(.init(token: .not, position: start)); return
        case "NEAR":
            var n = 10
            if i < chars.count, chars[i] == "/" {
                var k = i + 1
                var digits = ""
                while k < chars.count, chars[k].isASCII, chars[k].isNumber { digits.append(chars[k]); k += 1 }
                guard let d = Int(digits.prefix(4)) else {
                    throw NoticeIndexError.query("NEAR/ needs a distance, as in police NEAR/5 bodycam", position: start)
                }
                n = d
                i = k
            }
            out.append(.init(token: .near(n), position: start))
            return
        default: break
        }
        // Parts joined by slashes are one reference (an appeal number EA/2019/0123, a date): its words
        // next to each other, never separate words.
        var slashed = raw
        while i + 1 < chars.count, chars[i] == "/", isWordChar(chars[i + 1]) {
            slashed.append("/"); i += 1
            while i < chars.count, isWordChar(chars[i]) || chars[i] == "-" && i + 1 < chars.count && isWordChar(chars[i + 1]) { slashed.append(chars[i]); i += 1 }
        }
        if slashed != raw {
            let words = Synonyms.wordsOf(slashed)
            if !words.isEmpty { out.append(.init(token: .reference(words, written: slashed), position: start)) }
            return
        }
        var prefix = false
        if i < chars.count, chars[i] == "*" { prefix = true; i += 1 }
        // Hyphenated words are a phrase of their parts, as unicode61 splits them.
        let parts = Synonyms.wordsOf(raw)
        if parts.count == 1 {
            out.append(.init(token: .word(parts[0], prefix: prefix), position: start))
        } else if parts.count > 1 {
            out.append(.init(token: .phrase(parts, proximity: nil), position: start))
        }
    }

    static func example(_ field: String) -> String {
        switch field {
        case "provision": return "31(3)"
        case "authority": return "\"Home Office\""
        case "outcome": return "not-upheld"
        case "law": return "eir"
        case "cites": return "Savic"
        case "finding": return "14(1)=not-upheld"
        case "sector": return "police"
        default: return "2019..2023"
        }
    }

    private func quotedRaw(from start: Int) throws -> (String, Int) {
        var j = start + 1
        var s = ""
        while j < chars.count, chars[j] != "\"", chars[j] != "”", chars[j] != "“" { s.append(chars[j]); j += 1 }
        guard j < chars.count else {
            throw NoticeIndexError.query("unclosed quote: add the closing \"", position: start + 1)
        }
        return (s, j + 1)
    }

    /// The tokens of quoted text that holds a provision: the provisions, and the words between them as
    /// phrases. Nil when the text holds no provision (it is then an ordinary phrase).
    static func provisionsInQuotes(_ text: String) -> [QueryToken]? {
        let lexer = QueryLexer(text)
        var out: [QueryToken] = []
        var pending = ""
        var found = false
        var k = 0
        func flush() {
            let words = Synonyms.wordsOf(pending)
            if !words.isEmpty { out.append(.phrase(words, proximity: nil)) }
            pending = ""
        }
        while k < lexer.chars.count {
            if case let (p?, written, end)? = lexer.provision(at: k) {
                flush()
                out.append(.provision(p, written: written))
                found = true
                k = end
            } else {
                pending.append(lexer.chars[k])
                k += 1
            }
        }
        flush()
        return found ? out : nil
    }

    /// Recognises a provision at `start`: optional `section`/`s.`/`reg`/`regulation`/`EIR`/`FOI` and a number,
    /// then bracketed parts `(1)(a)` (spaces allowed) or dotted parts `.4.b`. Without a prefix, at least
    /// one bracketed part is required, so a bare number stays a word. A span of that shape that names no
    /// provision (`s.99999(1)`, `reg 99(9)(z)`, `s.9999`) comes back without one: it is still one thing
    /// typed, never to be split into words that match on their own.
    func provision(at start: Int) -> (Provision?, String, Int)? {
        if start > 0, isWordChar(chars[start - 1]) { return nil }
        var j = start
        func skipSpaces() { while j < chars.count, chars[j] == " " { j += 1 } }
        func letters() -> String {
            var s = ""
            while j < chars.count, chars[j].isLetter { s.append(chars[j]); j += 1 }
            return s
        }
        var hasPrefix = false
        let word = letters().lowercased()
        switch word {
        case "section", "sections", "s", "ss", "foi", "foia", "reg", "regs", "regulation", "regulations", "r", "eir":
            hasPrefix = true
        case "": break
        default: return nil
        }
        var attached = hasPrefix
        if hasPrefix {
            if j < chars.count, chars[j] == "." { j += 1 }
            attached = j < chars.count && chars[j] != " "
            skipSpaces()
        }
        var number = ""
        while j < chars.count, chars[j].isASCII, chars[j].isNumber { number.append(chars[j]); j += 1 }
        // Longer numbers only after a prefix: `2019 (sic)` is a year and a word.
        guard !number.isEmpty, number.count <= (hasPrefix ? 6 : 3) else { return nil }
        // Section numbers like 12A.
        if j < chars.count, chars[j].isASCII, chars[j].isUppercase, !(j + 1 < chars.count && chars[j + 1].isLetter) {
            number.append(chars[j]); j += 1
        }
        var parts = [number]
        var k = j
        while true {
            var m = k
            while m < chars.count, chars[m] == " " { m += 1 }
            guard m < chars.count, chars[m] == "(" else { break }
            m += 1
            var inner = ""
            while m < chars.count, chars[m].isASCII, chars[m].isLetter || chars[m].isNumber { inner.append(chars[m]); m += 1 }
            guard !inner.isEmpty, inner.count <= 4, m < chars.count, chars[m] == ")" else { break }
            parts.append(inner.lowercased())
            k = m + 1
        }
        if parts.count == 1 {
            // Dotted listing form: 12.4.b
            var m = k
            var dotted: [String] = []
            while m + 1 < chars.count, chars[m] == ".", chars[m + 1].isASCII, chars[m + 1].isLetter || chars[m + 1].isNumber {
                var inner = ""
                m += 1
                while m < chars.count, chars[m].isASCII, chars[m].isLetter || chars[m].isNumber { inner.append(chars[m]); m += 1 }
                guard inner.count <= 4 else { return nil }
                dotted.append(inner.lowercased())
            }
            if !dotted.isEmpty, hasPrefix || dotted.count >= 2 {
                parts += dotted
                k = m
            }
        }
        guard hasPrefix || parts.count > 1 else { return nil }
        if k < chars.count, isWordChar(chars[k]) { return nil }
        // The extractors' reading of a written provision decides the law (bare numbers: FOIA unless EIR
        // exception-shaped) and validates the numbers, so `s 999` stays words; the lexer finds the span.
        let written = String(chars[start..<k])
        if number.count <= 3, let p = ProvisionFinder.parse(query: written) { return (p, written, k) }
        return parts.count > 1 || attached ? (nil, written, k) : nil
    }

    /// A neutral citation at `start`: `[2016] UKUT 535 (AAC)`, `[2015] EWCA Civ 454`, `[2019] UKFTT 123 (GRC)`.
    func neutralCitation(at start: Int) -> (String, Int)? {
        var j = start + 1
        func run(_ ok: (Character) -> Bool) -> String {
            var s = ""
            while j < chars.count, ok(chars[j]) { s.append(chars[j]); j += 1 }
            return s
        }
        func skipSpaces() { while j < chars.count, chars[j] == " " { j += 1 } }
        let digit = { (c: Character) in c.isASCII && c.isNumber }
        guard run(digit).count == 4, j < chars.count, chars[j] == "]" else { return nil }
        j += 1
        skipSpaces()
        guard !run({ $0.isASCII && $0.isLetter }).isEmpty else { return nil }
        skipSpaces()
        _ = run { $0.isASCII && $0.isLetter }  // a division: EWCA Civ
        skipSpaces()
        guard !run(digit).isEmpty else { return nil }
        var end = j
        skipSpaces()
        if j < chars.count, chars[j] == "(" {
            j += 1
            if !run({ $0.isASCII && $0.isLetter }).isEmpty, j < chars.count, chars[j] == ")" { end = j + 1 }
        }
        if end < chars.count, isWordChar(chars[end]) { return nil }
        return (String(chars[start..<end]), end)
    }
}
