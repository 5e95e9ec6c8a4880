/// Names of public authorities: a key under which aliases meet, and a sector.
///
/// Keys are built in three steps:
/// 1. Normalisation: lowercase, `&` → `and`, apostrophes dropped (`Majesty's` → `majestys`, also when
///    PDF extraction left `Majesty s`), other punctuation → space, parenthesised asides dropped, every
///    `the` dropped, whitespace collapsed.
/// 2. The alias table (`AuthorityAliases`): exact normalised names and short forms of bodies with many
///    spellings (`MPS`, `the Met`, `Commissioner of Police of the Metropolis` → `metropolitan police
///    service`; `HMRC`; `MoJ`; ...).
/// 3. Family rules:
///    - police: `Chief Constable of X Police`, `X Constabulary`, `X Police Service`, `X Police` → `x police`;
///      `Police and Crime Commissioner for X` → `x police and crime commissioner` (a different body);
///    - councils: `London Borough of X`, `Royal Borough of X`, `Borough of X`, `X London Borough Council`,
///      `X Borough Council`, `X Metropolitan Borough Council`, `X District Council`, `X Council` → `x council`
///      (a place has one such council, so these are one body); `X County Council` → `x county council` and
///      `X City Council` / `City of X Council` → `x city council` stay distinct (county and city councils can
///      share a place name with other bodies); parish and town councils keep their type;
///    - NHS: `X NHS Foundation Trust` and `X NHS Trust` → `x nhs trust` (trusts gain foundation status
///      without becoming a different body).
///    Everything else keys on its normalised name.
///
/// `key(forQuery:)` applies the same steps to what a user types. A bare place ("camden", "kent") has no type
/// word to complete it, so it keys to itself; use `matches(key:query:)`, which also accepts a key that
/// starts with the query's key word by word ("camden" matches "camden council"; "kent" matches "kent police"
/// and "kent county council").
public enum AuthorityNormalizer {
    public static func info(for written: String) -> AuthorityInfo {
        let name = withoutAddress(written)
        let norm = normalize(name)
        let key = key(normalized: norm)
        return AuthorityInfo(name: name, key: key, sector: AuthorityAliases.sectors[key] ?? sector(normalized: norm, key: key))
    }

    /// A header that runs the name into the address (`Commissioner of the Metropolitan Police Service New
    /// Scotland Yard`) keeps the longest leading run of words that is a known authority; other names are
    /// left as written.
    static func withoutAddress(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 2, AuthorityAliases.keys[normalize(name)] == nil else { return name }
        for k in stride(from: words.count - 1, through: 2, by: -1) {
            let prefix = words[..<k].joined(separator: " ")
            if AuthorityAliases.keys[normalize(prefix)] != nil { return prefix }
        }
        return name
    }

    /// The key for what a user typed (`MPS`, `Metropolitan Police`, `Home Office`).
    public static func key(forQuery text: String) -> String {
        let norm = normalize(text)
        if let k = AuthorityAliases.queryAliases[norm] { return k }
        return key(normalized: norm)
    }

    /// Whether an indexed authority `key` answers a user's query: same key, or the key begins with the
    /// query's key word by word.
    public static func matches(key: String, query: String) -> Bool {
        let q = self.key(forQuery: query)
        guard !q.isEmpty else { return false }
        return key == q || key.hasPrefix(q + " ")
    }

    // MARK: normalisation

    static func normalize(_ text: String) -> String {
        var t = text
        return t.withUTF8 { b in b.allSatisfy { $0 < 0x80 } ? normalizeASCII(b) : nil } ?? normalizeUnicode(text)
    }

    /// `normalize` for ASCII text, on bytes: the case-law extractor normalises every party name it sees,
    /// and Character iteration made that a visible share of analysis. Same steps, same result.
    static func normalizeASCII(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var word: [UInt8] = []
        var depth = 0
        func flush() {
            if word.isEmpty { return }
            if word == [0x73], !out.isEmpty {
                out.append(0x73)  // `majesty s` → `majestys`
            } else if word != [0x74, 0x68, 0x65] {  // "the"
                if !out.isEmpty { out.append(0x20) }
                out += word
            }
            word.removeAll(keepingCapacity: true)
        }
        for c in b {
            switch c {
            case 0x28: flush(); depth += 1  // (
            case 0x29: flush(); depth = max(0, depth - 1)  // )
            case _ where depth > 0: continue
            case 0x27, 0x60: continue  // ' `
            case 0x26: flush(); word = [0x61, 0x6E, 0x64]; flush()  // & → and
            case _ where Bytes.isAlnum(c): word.append(Bytes.lower(c))
            default: flush()
            }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    static func normalizeUnicode(_ text: String) -> String {
        var out: [String] = []
        var word = ""
        var depth = 0
        func flush() {
            if word.isEmpty { return }
            if word == "s", !out.isEmpty { out[out.count - 1] += "s" } else if word != "the" { out.append(word) }
            word = ""
        }
        for ch in text.lowercased() {
            if ch == "(" { flush(); depth += 1; continue }
            if ch == ")" { flush(); depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if ch == "'" || ch == "’" || ch == "‘" || ch == "`" { continue }
            if ch == "&" { flush(); word = "and"; flush(); continue }
            if ch.isLetter || ch.isNumber { word.append(ch) } else { flush() }
        }
        flush()
        return out.joined(separator: " ")
    }

    // MARK: keys

    static func key(normalized n: String) -> String {
        if n.isEmpty { return n }
        if let k = AuthorityAliases.keys[n] { return k }
        var w = n.split(separator: " ").map(String.init)
        func has(prefix p: [String]) -> Bool { w.count > p.count && Array(w.prefix(p.count)) == p }
        func has(suffix s: [String]) -> Bool { w.count > s.count && Array(w.suffix(s.count)) == s }
        func place(_ drop: Int, _ dropEnd: Int) -> String { w[drop..<(w.count - dropEnd)].joined(separator: " ") }

        // Police and crime commissioners are their own bodies.
        for p in [["office", "of", "police", "and", "crime", "commissioner", "for"], ["police", "and", "crime", "commissioner", "for"]]
        where has(prefix: p) {
            return place(p.count, 0) + " police and crime commissioner"
        }
        // Police forces.
        for p in [["chief", "constable", "of"], ["commissioner", "of"], ["chief", "officer", "of"]] where has(prefix: p) {
            let rest = Array(w.dropFirst(p.count))
            if rest.contains("police") || rest.contains("constabulary") {
                let inner = key(normalized: rest.joined(separator: " "))
                if inner.hasSuffix("police") || AuthorityAliases.sectors[inner] == .police { return inner }
            }
        }
        for s in [["police", "service"], ["police", "force"], ["constabulary"], ["police"]] where has(suffix: s) {
            let x = place(0, s.count)
            if x == "police and crime commissioner" { break }
            return x + " police"
        }
        // Councils.
        if w.last == "council" {
            for s in [["county", "council"], ["city", "council"], ["parish", "council"], ["town", "council"],
                      ["community", "council"]] where has(suffix: s) {
                if s[0] == "city", has(prefix: ["city", "of"]) { break }
                return n
            }
            if has(prefix: ["city", "of"]) {
                // `City of Bradford Metropolitan District Council` is a district; `City of York Council` a city.
                w.removeFirst(2)
                for s in [["metropolitan", "district", "council"], ["metropolitan", "borough", "council"], ["district", "council"], ["borough", "council"]]
                where has(suffix: s) {
                    return place(0, s.count) + " council"
                }
                return place(0, 1) + " city council"
            }
            for s in [["london", "borough", "council"], ["metropolitan", "borough", "council"], ["metropolitan", "district", "council"],
                      ["royal", "borough", "council"], ["borough", "council"], ["district", "council"], ["council"]] where has(suffix: s) {
                var x = Array(w.dropLast(s.count))
                for p in [["london", "borough", "of"], ["royal", "borough", "of"], ["metropolitan", "borough", "of"], ["borough", "of"],
                          ["city", "and", "county", "of"], ["council", "of"]] where x.count > p.count && Array(x.prefix(p.count)) == p {
                    x.removeFirst(p.count)
                    break
                }
                return x.joined(separator: " ") + " council"
            }
        }
        for p in [["london", "borough", "of"], ["royal", "borough", "of"], ["metropolitan", "borough", "of"], ["borough", "of"],
                  ["city", "and", "county", "of"], ["council", "of"]] where has(prefix: p) {
            return place(p.count, 0) + " council"
        }
        // NHS trusts.
        if has(suffix: ["nhs", "foundation", "trust"]) { return place(0, 3) + " nhs trust" }
        return n
    }

    // MARK: sectors

    static func sector(normalized n: String, key: String) -> Sector {
        let w = Set(n.split(separator: " ").map(String.init))
        let k = Set(key.split(separator: " ").map(String.init))
        let all = w.union(k)
        if !all.isDisjoint(with: ["police", "constabulary", "constable", "policing"]) { return .police }
        if !all.isDisjoint(with: ["nhs", "hospital", "hospitals", "ambulance", "ccg", "healthcare", "health", "clinical", "medical",
                                  "surgery", "gp", "practice", "dental", "icb", "care"]) {
            if all.isDisjoint(with: ["council", "department", "ministry"]) { return .health }
        }
        if !all.isDisjoint(with: ["university", "college", "school", "academy", "academies", "polytechnic", "institute",
                                  "conservatoire", "schools", "sixth", "primary", "secondary"]) { return .education }
        // Non-ministerial departments and arm's-length bodies: central government, as the ICO files them.
        if !all.isDisjoint(with: ["ofwat", "ofgem", "ofcom", "ofsted", "ofqual"])
            || ["natural england", "historic england", "sport england", "regulation authority"].contains(where: n.contains) {
            return .centralGovernment
        }
        if !all.isDisjoint(with: ["council", "borough", "county", "district", "parish", "combined", "mayor",
                                  "fire", "rescue", "authority"]) {
            if all.contains("authority"), all.isDisjoint(with: ["council", "combined", "fire", "local", "london", "park", "national"]) {
                // `Financial Conduct Authority`, `Civil Aviation Authority`: not local government.
                return .other
            }
            return .localGovernment
        }
        if !all.isDisjoint(with: ["department", "ministry", "hm", "hmrc", "cabinet", "treasury", "secretary", "agency", "executive",
                                  "office", "government"]) { return .centralGovernment }
        return .other
    }
}
