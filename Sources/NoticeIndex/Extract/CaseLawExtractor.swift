/// Groups the identifiers and party names of one notice into cases.
///
/// - A name and an identifier written next to each other (`Savic v ICO [2016] UKUT 535 (AAC)`,
///   `EA/2018/0164 Privacy International v the ICO & MPS`, `Bromley v ICO (EA/2006/0072)`) are one case;
///   so are identifiers next to each other (`[2012] UKUT 440 (AAC), GIA/3037/2011`), and a sentence's only
///   name with that sentence's identifiers.
/// - Across the notice, the same identifier key or the same normalised name is the same case.
/// - Later short forms (`in Savic`, `the Dransfield case`) resolve to a case cited in full: a capitalised
///   word equal to one of the case's distinctive name words (`CaseLaw.nameTokens`), minus a few words too
///   common to stand alone (`Privacy`, `International`).
/// - Key: neutral citation if known, else appeal number, else file number, else normalised party names,
///   else a law report.
enum CaseLawExtractor {
    private struct Mention {
        var paragraph: Int
        var range: Range<Int>
        var written: String
        var id: CaseCitations.Identifier?
        var name: String?
    }

    private static let tooCommonAlone: Set<String> = ["privacy", "international", "national", "public", "justice", "royal",
                                                      "british", "united", "kingdom", "group", "society", "association",
                                                      "campaign", "action", "network", "foundation", "news", "media",
                                                      "freedom", "health", "home", "local", "open", "rights", "times"]

    static func extract(_ paragraphs: [Paragraph]) -> [CaseReference] {
        var mentions: [Mention] = []
        var groupOf: [Int] = []   // union-find parent, per mention
        func find(_ x: Int) -> Int { var x = x; while groupOf[x] != x { groupOf[x] = groupOf[groupOf[x]]; x = groupOf[x] }; return x }
        func union(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { groupOf[max(ra, rb)] = min(ra, rb) } }

        for (pi, p) in paragraphs.enumerated() {
            let b = Array(p.text.utf8)
            let ids = CaseCitations.identifiers(in: b)
            let names = CaseCitations.names(in: b)
            guard !ids.isEmpty || !names.isEmpty else { continue }
            let first = mentions.count
            var here: [Mention] = ids.map { Mention(paragraph: pi, range: $0.range, written: Bytes.string(b, $0.range), id: $0) }
            here += names.map { Mention(paragraph: pi, range: $0.range, written: Bytes.string(b, $0.range), name: $0.text) }
            mentions += here.sorted { $0.range.lowerBound < $1.range.lowerBound }
            groupOf.append(contentsOf: first..<mentions.count)
            let local = Array(first..<mentions.count).sorted { mentions[$0].range.lowerBound < mentions[$1].range.lowerBound }
            // Adjacent mentions: separated only by spaces, commas, brackets, `and`, `at`.
            for (x, y) in zip(local, local.dropFirst()) where adjacent(b, mentions[x].range.upperBound, mentions[y].range.lowerBound) {
                if mentions[x].name != nil && mentions[y].name != nil { continue }
                union(x, y)
            }
            // A sentence's only name with that sentence's identifiers.
            for s in Bytes.sentences(b) {
                let inS = local.filter { s.contains(mentions[$0].range.lowerBound) }
                let ns = inS.filter { mentions[$0].name != nil }
                if ns.count == 1 { for m in inS where mentions[m].id != nil { union(ns[0], m) } }
            }
        }
        guard !mentions.isEmpty else { return [] }
        // Same key or same normalised name across the notice.
        var byKey: [String: Int] = [:]
        for (i, m) in mentions.enumerated() {
            let keys = m.id.map { [$0.key] + $0.aliases } ?? [nameKey(m.name!)]
            for k in keys { if let j = byKey[k] { union(i, j) } else { byKey[k] = i } }
        }
        // Build cases in order of first mention.
        var order: [Int] = []
        var members: [Int: [Int]] = [:]
        for i in mentions.indices {
            let r = find(i)
            if members[r] == nil { order.append(r) }
            members[r, default: []].append(i)
        }
        var cases: [CaseReference] = order.map { r in
            let ms = members[r]!
            let ids = ms.compactMap { mentions[$0].id }
            let name = ms.lazy.compactMap { mentions[$0].name }.first
            // A law report alone keys its case only when no party name is known: `Coco v A N Clark
            // (Engineers) Ltd [1968] FSR 415` is known by its name, the report is an alias.
            let best = ids.filter { $0.kind < .report || name == nil }.min { $0.kind < $1.kind }
            let key = best?.key ?? nameKey(name ?? "")
            var aliases: [String] = []
            for id in ids { for k in [id.key] + id.aliases where k != key && !aliases.contains(k) { aliases.append(k) } }
            var citations: [String] = []
            for m in ms where !citations.contains(mentions[m].written) { citations.append(mentions[m].written) }
            let spans = ms.map { Span(paragraph: mentions[$0].paragraph, start: mentions[$0].range.lowerBound, end: mentions[$0].range.upperBound) }
            return CaseReference(key: key, name: name, citations: citations, aliases: aliases, spans: spans)
        }
        mergeShortNames(&cases)
        resolveShortForms(&cases, paragraphs)
        return cases
    }

    /// `IC v Dransfield` after `Information Commissioner v Devon County Council & Dransfield [2012] UKUT 440
    /// (AAC)`: a case known only by a name joins the one cited case whose first party is the same (`IC`,
    /// `ICO` and `the Information Commissioner` are one) and whose name holds all its distinctive words.
    /// When two cited cases qualify (the Upper Tribunal and the Court of Appeal in Dransfield, with the
    /// parties the other way round) the first party decides; when still two, the name stays a case of its own.
    static func mergeShortNames(_ cases: inout [CaseReference]) {
        func firstParty(_ name: String) -> String {
            let first = name.components(separatedBy: " v ").first ?? name
            let n = AuthorityNormalizer.normalize(first)
            return ["ic", "ico", "information commissioner", "the information commissioner", "information commissioners office"].contains(n)
                ? "information commissioner" : n
        }
        var merged = Set<Int>()
        for (ci, c) in cases.enumerated() where c.key == nameKey(c.name ?? "") {
            guard let name = c.name else { continue }
            let tokens = Set(CaseLaw.nameTokens(name))
            guard !tokens.isEmpty else { continue }
            let targets = cases.indices.filter { d in
                d != ci && !merged.contains(d) && cases[d].key != nameKey(cases[d].name ?? "") && cases[d].name != nil
                    && tokens.isSubset(of: Set(CaseLaw.nameTokens(cases[d].name!))) && firstParty(cases[d].name!) == firstParty(name)
            }
            guard targets.count == 1, let d = targets.first else { continue }
            for w in c.citations where !cases[d].citations.contains(w) { cases[d].citations.append(w) }
            cases[d].spans += c.spans
            merged.insert(ci)
        }
        cases = cases.enumerated().filter { !merged.contains($0.offset) }.map(\.element)
    }

    static func nameKey(_ name: String) -> String {
        AuthorityNormalizer.normalize(CaseLaw.withoutFootnoteMarkers(name))
    }

    private static func adjacent(_ b: [UInt8], _ a: Int, _ c: Int) -> Bool {
        guard a <= c, c - a <= 8 else { return false }
        let gap = String(decoding: b[a..<c], as: UTF8.self).lowercased()
        let stripped = gap.filter { !" ,()[];".contains($0) }
        return stripped.isEmpty || stripped == "and" || stripped == "at" || stripped == "see"
    }

    /// Adds later short mentions (`in Savic`) to the case they name.
    private static func resolveShortForms(_ cases: inout [CaseReference], _ paragraphs: [Paragraph]) {
        var tokenCase: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (ci, c) in cases.enumerated() {
            guard let name = c.name else { continue }
            for t in CaseLaw.nameTokens(name) where t.count >= 4 && !tooCommonAlone.contains(t) {
                if let other = tokenCase[t], other != ci { ambiguous.insert(t) } else { tokenCase[t] = ci }
            }
        }
        for t in ambiguous { tokenCase[t] = nil }
        guard !tokenCase.isEmpty else { return }
        // Every capitalised word of the notice is looked up, so the lookup is on bytes: the words scanned
        // are ASCII letters, so only ASCII tokens can match, and their lowercase bytes are the key.
        var tokenBytes: [[UInt8]: Int] = [:]
        for (t, ci) in tokenCase where t.utf8.allSatisfy({ $0 < 0x80 }) { tokenBytes[Array(t.utf8)] = ci }
        guard !tokenBytes.isEmpty else { return }
        // Lengths of the tokens as bits (longer ones share the top bit): a capitalised word of another
        // length is passed over without hashing anything.
        let lengths = tokenBytes.keys.reduce(UInt64(0)) { $0 | 1 << UInt64(min($1.count, 63)) }
        var word: [UInt8] = []
        for (pi, p) in paragraphs.enumerated() {
            let b = Array(p.text.utf8)
            var i = 0
            while i < b.count {
                guard Bytes.isUpper(b[i]), i == 0 || !Bytes.isAlnum(b[i - 1]) else { i += 1; continue }
                var j = i + 1
                while j < b.count, Bytes.isLetter(b[j]) { j += 1 }
                guard lengths & (1 << UInt64(min(j - i, 63))) != 0 else { i = j; continue }
                word.removeAll(keepingCapacity: true)
                for k in i..<j { word.append(Bytes.lower(b[k])) }
                if let ci = tokenBytes[word] {
                    let covered = cases[ci].spans.contains { $0.paragraph == pi && $0.start <= i && i < $0.end }
                    if !covered {
                        cases[ci].spans.append(Span(paragraph: pi, start: i, end: j))
                        let w = Bytes.string(b, i..<j)
                        if !cases[ci].citations.contains(w) { cases[ci].citations.append(w) }
                    }
                }
                i = j
            }
        }
    }
}
