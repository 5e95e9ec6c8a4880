/// Finds case-law identifiers (neutral citations, tribunal appeal numbers, Upper Tribunal file numbers) and
/// party names (`X v Y`) in text, as byte ranges.
///
/// Canonical keys:
/// - neutral citations: `[yyyy] COURT [Civ|Crim ]n (DIV)`, court upper case, division in its usual
///   spelling (`AAC`, `GRC`, `QB`, `Admin`, `Ch`), leading zeros stripped from the number so that the
///   tribunal's own `[2023] UKFTT 00427 (GRC)` meets the common `[2023] UKFTT 427 (GRC)`; a missing
///   division defaults to `AAC` for UKUT and `GRC` for UKFTT (the chambers that hear information rights);
/// - the odd `[2012] UKFTT 2011 – 0300 (GRC)` is an appeal number in disguise: key `EA/2011/0300`;
/// - appeal numbers: `EA/yyyy/nnnn` (four digits, zero-padded); `FT/` prefixes and the tribunal's listing
///   tails (`P` decided on the papers, `V` heard by video, `/GDPR`; see `appealTail`) are not part of the
///   identity and are dropped from the key (`EA-2022-0425P` → `EA/2022/0425`), kept in the written form;
/// - Upper Tribunal files: `GIA/nnnn/yyyy`; new-style `UA-yyyy-nnnnnn-XXXX` (six digits, zero-padded);
/// - BAILII's tribunal form `[2007] UKIT EA_2006_0006` is its appeal number (`EA/2006/0006`); `.` and `_`
///   separate an appeal number's parts like `/` and `-` (`FT.EA.2024.0262`);
/// - law reports: `[yyyy] [vol] REPORT page` for the reports in `reports` (`[2017] 1 WLR 2945`,
///   `[2016] AACR 5`, `[2013] 2 All ER 1010`), key as written with single spaces; used as a case's key only
///   when it has no neutral citation or appeal number.
enum CaseCitations {
    enum Kind: Int, Comparable {
        /// In order of preference for a case's key: a law report names the case only when nothing else does.
        case neutral = 0, appeal = 1, file = 2, report = 3
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Identifier: Equatable {
        var key: String
        var kind: Kind
        var range: Range<Int>
        /// Other keys the same string stands for (the odd FTT form's appeal number).
        var aliases: [String] = []
    }

    struct Name: Equatable {
        var text: String
        var range: Range<Int>
    }

    static let courts: Set<String> = ["UKUT", "UKFTT", "UKSC", "UKHL", "UKPC", "EWCA", "EWHC", "EWFC", "CSIH", "CSOH",
                                      "NICA", "NIQB", "UKEAT", "UKAIT", "UKIT", "EWCOP"]
    static let divisions: [String: String] = {
        var t: [String: String] = [:]
        for d in ["AAC", "GRC", "IAC", "LC", "TCC", "TC", "QB", "KB", "Admin", "Ch", "Fam", "Comm", "Pat", "IPEC", "Costs", "SCCO"] {
            t[d.lowercased()] = d
        }
        return t
    }()

    // MARK: identifiers

    static func identifiers(in b: [UInt8]) -> [Identifier] {
        var out: [Identifier] = []
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            let atWordStart = i == 0 || !Bytes.isAlnum(b[i - 1])
            if atWordStart, c == 0x5B || c == 0x28 || Bytes.isDigit(c), let id = neutral(b, i) ?? lawReport(b, i) {
                out.append(id); i = id.range.upperBound; continue
            }
            if atWordStart, Bytes.isUpper(c) || c == 0x66 || c == 0x65, let id = appealOrFile(b, i) {
                out.append(id); i = id.range.upperBound; continue
            }
            i += 1
        }
        return out
    }

    private static func digits(_ b: [UInt8], _ i: Int, max: Int) -> (String, Int)? {
        var j = i
        while j < b.count, Bytes.isDigit(b[j]), j - i < max { j += 1 }
        guard j > i, j >= b.count || !Bytes.isDigit(b[j]) else { return nil }
        return (String(decoding: b[i..<j], as: UTF8.self), j)
    }

    private static func word(_ b: [UInt8], _ i: Int) -> (String, Int)? {
        var j = i
        while j < b.count, Bytes.isLetter(b[j]) { j += 1 }
        guard j > i else { return nil }
        return (String(decoding: b[i..<j], as: UTF8.self), j)
    }

    private static func stripZeros(_ s: String) -> String {
        let t = s.drop { $0 == "0" }
        return t.isEmpty ? "0" : String(t)
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `[2016] UKUT 535 (AAC)`, `2012 UKUT 440 AAC`, `[2015] EWCA Civ 454`, `[2014] UKSC 20`.
    static func neutral(_ b: [UInt8], _ i: Int) -> Identifier? {
        var j = i
        var open: UInt8? = nil
        if b[j] == 0x5B || b[j] == 0x28 { open = b[j]; j += 1 }
        // Most numbers are not years: a byte check before any String is made (this runs at every number).
        guard j + 1 < b.count, (b[j] == 0x31 && b[j + 1] == 0x39) || (b[j] == 0x32 && b[j + 1] == 0x30) else { return nil }
        guard let (year, y) = digits(b, j, max: 4), year.count == 4, year.hasPrefix("19") || year.hasPrefix("20") else { return nil }
        j = y
        if let o = open {
            guard j < b.count, b[j] == (o == 0x5B ? 0x5D : 0x29) else { return nil }
            j += 1
        }
        j = Bytes.skipSpaces(b, j, limit: 2)
        guard let (courtWord, c) = word(b, j), courts.contains(courtWord.uppercased()), courtWord == courtWord.uppercased() else { return nil }
        let court = courtWord.uppercased()
        j = Bytes.skipSpaces(b, c, limit: 2)
        if j < b.count, Bytes.lower(b[j]) == 0x65, var appeal = appealOrFile(b, j) {
            // BAILII's tribunal form `[2007] UKIT EA_2006_0006 (GRC)`: the appeal number, written whole.
            var end = appeal.range.upperBound
            let k = Bytes.skipSpaces(b, end, limit: 2)
            if k < b.count, b[k] == 0x28, let (w, e) = word(b, k + 1), e < b.count, b[e] == 0x29, divisions[w.lowercased()] != nil { end = e + 1 }
            appeal.range = i..<end
            return appeal
        }
        var sub = ""
        if court == "EWCA" || court == "EWHC", let (w, e) = word(b, j) {
            let l = w.lowercased()
            if l == "civ" || l == "crim" { sub = l == "civ" ? "Civ " : "Crim "; j = Bytes.skipSpaces(b, e, limit: 2) }
        }
        guard let (num, ne) = digits(b, j, max: 6) else { return nil }
        j = ne
        var end = ne
        // Odd FTT form: `UKFTT 2011 – 0300`.
        var oddAppeal: String? = nil
        do {
            let k = Bytes.skipSpaces(b, j, limit: 2)
            var d = k
            if d < b.count, b[d] == 0x2D { d += 1 } else if d + 2 < b.count, b[d] == 0xE2, b[d + 1] == 0x80, b[d + 2] == 0x93 || b[d + 2] == 0x94 { d += 3 }
            if d > k, num.count == 4, let (n2, e2) = digits(b, Bytes.skipSpaces(b, d, limit: 2), max: 4) {
                oddAppeal = "EA/\(num)/\(pad(n2, 4))"
                j = e2; end = e2
            }
        }
        var division: String? = nil
        let k = Bytes.skipSpaces(b, j, limit: 2)
        if k < b.count, b[k] == 0x28, let (w, e) = word(b, k + 1), e < b.count, b[e] == 0x29, let d = divisions[w.lowercased()] {
            division = d; end = e + 1
        } else if let (w, e) = word(b, k), let d = divisions[w.lowercased()], w.first?.isUppercase == true {
            division = d; end = e
        }
        if division == nil { division = court == "UKUT" ? "AAC" : court == "UKFTT" ? "GRC" : nil }
        if let odd = oddAppeal {
            let written = "[\(year)] \(court) \(num)-\(pad(stripZeros(String(odd.split(separator: "/")[2])), 4))"
            return Identifier(key: odd, kind: .appeal, range: i..<end, aliases: [written + (division.map { " (\($0))" } ?? "")])
        }
        let key = "[\(year)] \(court) \(sub)\(stripZeros(num))" + (division.map { " (\($0))" } ?? "")
        return Identifier(key: key, kind: .neutral, range: i..<end)
    }

    private static func isSep(_ c: UInt8) -> Bool { c == 0x2F || c == 0x2D || c == 0x20 || c == 0x2E || c == 0x5F }

    /// Law reports, as written after the year (and volume): the abbreviations of the series that report
    /// information-rights and public-law cases.
    static let reports: [[String]] = [
        ["All", "ER"], ["Admin", "LR"], ["Cr", "App", "R"], ["Lloyd's", "Rep"], ["AC"], ["QB"], ["KB"], ["WLR"],
        ["AACR"], ["Ch"], ["Fam"], ["ICR"], ["IRLR"], ["EMLR"], ["FSR"], ["HRLR"], ["UKHRR"], ["LGR"], ["BLGR"],
        ["Env", "LR"], ["Info", "LR"], ["JPL"], ["PTSR"], ["CMLR"], ["EHRR"], ["BHRC"], ["LLR"],
    ]

    /// `[2017] 1 WLR 2945`, `[2016] AACR 5`, `[2013] 2 All ER 1010`, `[1990] 1 AC 109`, `(2006) 43 EHRR 1`
    /// (round brackets: reports numbered by volume).
    static func lawReport(_ b: [UInt8], _ i: Int) -> Identifier? {
        guard b[i] == 0x5B || b[i] == 0x28, let (year, y) = digits(b, i + 1, max: 4), year.count == 4, y < b.count,
              b[y] == (b[i] == 0x5B ? 0x5D : 0x29) else { return nil }
        let open = b[i] == 0x5B ? "[" : "(", close = b[i] == 0x5B ? "]" : ")"
        var j = Bytes.skipSpaces(b, y + 1, limit: 2)
        var volume = ""
        if let (v, ve) = digits(b, j, max: 2) { volume = v + " "; j = Bytes.skipSpaces(b, ve, limit: 2) }
        var series: [String]? = nil
        for r in reports {
            var k = j, ok = true
            for (n, w) in r.enumerated() {
                let wb = Array(w.utf8)
                guard k + wb.count <= b.count, Array(b[k..<(k + wb.count)]) == wb else { ok = false; break }
                k += wb.count
                if n + 1 < r.count { let s = Bytes.skipSpaces(b, k, limit: 2); guard s > k else { ok = false; break }; k = s }
            }
            guard ok, k < b.count, b[k] == 0x20 || b[k] == 0xC2 else { continue }
            series = r; j = k
            break
        }
        guard let series else { return nil }
        j = Bytes.skipSpaces(b, j, limit: 2)
        guard let (page, pe) = digits(b, j, max: 5), pe >= b.count || !Bytes.isLetter(b[pe]) else { return nil }
        return Identifier(key: "\(open)\(year)\(close) \(volume)\(series.joined(separator: " ")) \(page)", kind: .report, range: i..<pe)
    }

    /// Whether the letters at `j` are, in any case, one of the prefixes `appealOrFile` knows (EA, GI, GIA,
    /// UA). It is asked at every capitalised word of a notice, so this is decided on bytes before the word
    /// is made a String and upper-cased.
    @inline(__always) private static func mayBePrefix(_ b: [UInt8], _ j: Int) -> Bool {
        var e = j
        while e < b.count, Bytes.isLetter(b[e]), e - j < 4 { e += 1 }
        guard j + 1 < b.count else { return false }
        let l0 = Bytes.lower(b[j]), l1 = Bytes.lower(b[j + 1])
        switch e - j {
        case 2: return (l0 == 0x65 && l1 == 0x61) || (l0 == 0x67 && l1 == 0x69) || (l0 == 0x75 && l1 == 0x61)  // ea gi ua
        case 3: return l0 == 0x67 && l1 == 0x69 && Bytes.lower(b[j + 2]) == 0x61  // gia
        default: return false
        }
    }

    /// `EA/2018/0164`, `EA-2022-0425P`, `FT/EA/2025/0030`, `EA2006/0015`, `EA 2014/0149`, `GIA/3037/2011`,
    /// `GIA 3037 2011`, `UA-2021-000017-GIRF`.
    static func appealOrFile(_ b: [UInt8], _ i: Int) -> Identifier? {
        var j = i
        // `FT/EA/…`
        if j + 3 < b.count, Bytes.lower(b[j]) == 0x66, Bytes.lower(b[j + 1]) == 0x74, isSep(b[j + 2]) { j += 3 }
        guard mayBePrefix(b, j) else { return nil }
        guard let (w, we) = word(b, j) else { return nil }
        let prefix = w.uppercased()
        guard w == prefix || w == w.lowercased() else { return nil }
        func sep(_ p: Int, optional: Bool) -> Int? {
            if p < b.count, isSep(b[p]) { return p + 1 }
            return optional ? p : nil
        }
        switch prefix {
        case "EA":
            guard let a = sep(we, optional: true), let (year, ye) = digits(b, a, max: 4), year.count == 4,
                  let s = sep(ye, optional: false), let (num, ne) = digits(b, s, max: 4) else { return nil }
            guard let end = appealTail(b, ne) else { return nil }
            return Identifier(key: "EA/\(year)/\(pad(num, 4))", kind: .appeal, range: i..<end)
        case "GIA", "GI":
            guard let a = sep(we, optional: false), let (num, ne) = digits(b, a, max: 5),
                  let s = sep(ne, optional: false), let (year, ye) = digits(b, s, max: 4), year.count == 4,
                  ye >= b.count || !Bytes.isAlnum(b[ye]) else { return nil }
            return Identifier(key: "\(prefix)/\(stripZeros(num))/\(year)", kind: .file, range: i..<ye)
        case "UA":
            guard let a = sep(we, optional: false), let (year, ye) = digits(b, a, max: 4), year.count == 4,
                  let s = sep(ye, optional: false), let (num, ne) = digits(b, s, max: 6),
                  let t = sep(ne, optional: false), let (suffix, se) = word(b, t), suffix.count <= 5 else { return nil }
            return Identifier(key: "UA-\(year)-\(pad(num, 6))-\(suffix.uppercased())", kind: .file, range: i..<se)
        default:
            return nil
        }
    }

    /// Where an appeal number written from `ne` ends, its tail included: the tribunal's listing letters, glued
    /// (`EA/2024/0021V` video, `EA-2022-0425P` papers) or after a separator (`EA-2021-0017-P`,
    /// `EA/2023/0250/GDPR`), up to four letters of one case (a query may be lower case). The tail marks how the same appeal is heard or filed, not
    /// another appeal: the written form keeps it, the key does not. Nil when letters or digits run on
    /// (`EA/2024/0021Vs`).
    static func appealTail(_ b: [UInt8], _ ne: Int) -> Int? {
        var end = ne
        while end < b.count, Bytes.isLetter(b[end]), end - ne < 2, end == ne || Bytes.isUpper(b[end]) == Bytes.isUpper(b[ne]) {
            end += 1
        }
        if end == ne, end + 1 < b.count, b[end] == 0x2F || b[end] == 0x2D, Bytes.isLetter(b[end + 1]) {
            let upper = Bytes.isUpper(b[end + 1])
            var e = end + 1
            while e < b.count, Bytes.isLetter(b[e]), Bytes.isUpper(b[e]) == upper, e - end <= 4 { e += 1 }
            if e - end <= 5, e >= b.count || !Bytes.isAlnum(b[e]) { end = e }
        }
        if end < b.count, Bytes.isAlnum(b[end]) { return nil }
        return end
    }

    // MARK: names

    private static let leadingNoise: Set<String> = ["in", "see", "as", "following", "per", "also", "and", "but", "under", "from",
                                                    "cf", "applying", "the", "this", "that", "similarly", "likewise", "further",
                                                    "case", "decision", "tribunal", "judgment", "where", "when", "however", "thus",
                                                    "moreover", "by", "of", "on", "at", "to", "was", "is", "with", "a", "an"]
    private static let connectors: Set<String> = ["of", "and", "&", "for", "the", "on", "de", "da", "van", "von", "le", "la", "du"]

    /// `X v Y` party names: `Savic v Information Commissioner`, `Information Commissioner v Devon County
    /// Council & Dransfield`, `Privacy International v the ICO & MPS`. Footnote markers glued to a word
    /// (`Savic⁵`, `Savic5`) are dropped from the name.
    static func names(in b: [UInt8]) -> [Name] {
        var out: [Name] = []
        var i = 1
        let n = b.count
        while i + 2 < n {
            guard b[i] == 0x76, b[i - 1] == 0x20 else { i += 1; continue }  // " v"
            var after = i + 1
            if after < n, b[after] == 0x2E { after += 1 }
            else if after < n, b[after] == 0x73 { after += 1; if after < n, b[after] == 0x2E { after += 1 } }
            guard after < n, b[after] == 0x20 else { i += 1; continue }
            if let name = name(b, vStart: i - 1, vEnd: after) { out.append(name); i = name.range.upperBound } else { i += 1 }
        }
        return out
    }

    /// Letters, digits, apostrophes, hyphens, dots and superscript digits; the raw word and its range.
    private static func token(_ b: [UInt8], endingAt e: Int) -> (Range<Int>)? {
        var s = e
        while s > 0, b[s - 1] != 0x20, b[s - 1] != 0x0A, b[s - 1] != 0x09 { s -= 1 }
        return s < e ? s..<e : nil
    }

    /// A word as a name part: footnote markers stripped; nil when the word cannot be part of a name.
    private static func clean(_ raw: String) -> String? {
        raw.utf8.allSatisfy({ $0 < 0x80 }) ? cleanASCII(Array(raw.utf8)) : cleanUnicode(raw)
    }

    /// `clean` on Characters, for any word (`TwinPathTests` compares it with the ASCII path).
    static func cleanUnicode(_ raw: String) -> String? {
        var w = raw
        if w.first == "(", w.last == ")" { w = String(w.dropFirst().dropLast()) }  // `R (Evans) v …`
        while let l = w.last, "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(l) { w.removeLast() }
        if w.count > 1, w.first?.isLetter == true, w.contains(where: \.isLetter) {
            while let l = w.last, l.isASCII, l.isNumber { w.removeLast() }  // `Savic5`
        }
        guard !w.isEmpty, w.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." || $0 == "&" }) else { return nil }
        return w
    }

    /// `clean` for an ASCII word, on its bytes (every word around every ` v ` comes through here): the
    /// same steps, where no superscript can occur and a `Character` is a byte.
    static func cleanASCII(_ b: [UInt8]) -> String? {
        var lo = 0, hi = b.count
        if hi - lo >= 2, b[lo] == 0x28, b[hi - 1] == 0x29 { lo += 1; hi -= 1 }  // `R (Evans) v …`
        if hi - lo > 1, Bytes.isLetter(b[lo]) {
            while Bytes.isDigit(b[hi - 1]) { hi -= 1 }  // `Savic5`; stops at the leading letter
        }
        guard hi > lo, b[lo..<hi].allSatisfy({ Bytes.isLetter($0) || $0 == 0x27 || $0 == 0x2D || $0 == 0x2E || $0 == 0x26 }) else {
            return nil
        }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }

    private static func name(_ b: [UInt8], vStart: Int, vEnd: Int) -> Name? {
        // Party 1: words to the left.
        var left: [(String, Int)] = []  // (word, start)
        var e = vStart
        while left.count < 8, let r = token(b, endingAt: e) {
            let raw = String(decoding: b[r], as: UTF8.self)
            if let last = raw.last, ",;:.)]".contains(last), !left.isEmpty || raw.count == 1 { break }
            guard let w = clean(raw) else { break }
            let lower = w.lowercased()
            if !(w.first?.isUppercase ?? false) && !connectors.contains(lower) { break }
            left.insert((w, r.lowerBound), at: 0)
            e = r.lowerBound
            while e > 0, b[e - 1] == 0x20 { e -= 1 }
            if e == 0 || b[e - 1] == 0x0A { break }
            if e > 0, ",;:.([".contains(Character(UnicodeScalar(b[e - 1]))) { break }
        }
        while let f = left.first, leadingNoise.contains(f.0.lowercased()) || connectors.contains(f.0.lowercased()) { left.removeFirst() }
        guard let start = left.first?.1 else { return nil }
        // Party 2: words to the right.
        // Up to ten words that are not connectors: "the Secretary of State for Trade and Industry" is long
        // in words but short in names.
        var right: [String] = []
        var end = vEnd
        var p = vEnd
        while right.filter({ !connectors.contains($0.lowercased()) }).count < 10, right.count < 20 {
            p = Bytes.skipSpaces(b, p, limit: 1)
            guard p < b.count else { break }
            var q = p
            while q < b.count, !Bytes.isSpace(b[q]) { q += 1 }
            var raw = String(decoding: b[p..<q], as: UTF8.self)
            if q - p == 3, b[p] == 0x28, Bytes.isDigit(b[p + 1]), b[p + 2] == 0x29 { p = q; continue }  // `(1) Information Commissioner and (2) …`
            // A bracketed word inside a company name, `A N Clark (Engineers) Ltd`: part of the name when a
            // capitalised word follows it.
            if q - p > 3, b[p] == 0x28, b[q - 1] == 0x29, Bytes.isUpper(b[p + 1]),
               let inner = cleanASCII(Array(b[(p + 1)..<(q - 1)])), inner.count > 1 {
                let n = Bytes.skipSpaces(b, q, limit: 1)
                var m = n
                while m < b.count, Bytes.isLetter(b[m]) { m += 1 }
                if n < b.count, Bytes.isUpper(b[n]), m > n + 1, m == b.count || !Bytes.isAlnum(b[m]) && b[m] != 0x2F {
                    right.append(raw)
                    end = q
                    p = q
                    continue
                }
            }
            var stop = false
            var rawEnd = q
            while let l = raw.last, ",;:.)".contains(l) { raw.removeLast(); rawEnd -= 1; stop = true }
            guard let w = clean(raw), !(raw.first == "[" || raw.first == "(") else { break }
            let lower = w.lowercased()
            if !(w.first?.isUppercase ?? false) && !connectors.contains(lower) { break }
            right.append(w)
            end = rawEnd
            p = q
            if stop { break }
        }
        while let l = right.last, connectors.contains(l.lowercased()) {
            right.removeLast()
            // Recompute `end` to the last kept word.
            if let r = lastWordEnd(b, from: vEnd, words: right.count) { end = r }
        }
        guard !right.isEmpty, left.contains(where: { $0.0.count >= 3 }) || right.contains(where: { $0.count >= 3 }) else { return nil }
        let text = left.map(\.0).joined(separator: " ") + " v " + right.joined(separator: " ")
        return Name(text: text, range: start..<end)
    }

    private static func lastWordEnd(_ b: [UInt8], from s: Int, words: Int) -> Int? {
        var p = s, count = 0, end: Int? = nil
        while count < words, p < b.count {
            p = Bytes.skipSpaces(b, p, limit: 1)
            var q = p
            while q < b.count, !Bytes.isSpace(b[q]) { q += 1 }
            end = q
            p = q
            count += 1
        }
        return end
    }
}
