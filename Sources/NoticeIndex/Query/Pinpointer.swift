/// Finds a notice's best paragraphs for a query and cuts marked snippets from them.
///
/// Runs only on the notices shown (ten by default), so its cost does not grow with the number of
/// matches. It tokenizes with the index's own tokenizer, so what it marks is what FTS5 matched, and it
/// marks a whole citation once (`[s.31(3)]`), using the same provision finder as the indexer.
struct Pinpointer {
    let tokenizer: FTS5Tokenizer
    let terms: [QueryTerm]
    /// Stemmed forms of word and phrase terms, computed once per query.
    private let stems: [[String]]
    private let stemBytes: [[[UInt8]]]
    /// Provisions the query filters on also count as matches in a paragraph.
    let filterProvisions: [Provision]
    /// Provisions the query or its filters name (a paragraph the indexer found them in is a candidate),
    /// and the needles of every other term.
    private let provisionsSought: [Provision]
    private let textNeedles: NeedleSet
    /// For each prefix term, what it matches besides FTS5's prefix (see `PrefixExpansion`); nil for
    /// other terms and for a prefix matched by FTS5's prefix alone.
    private let expansions: [ExpandedPrefix?]

    struct ExpandedPrefix {
        var usesPrefix: Bool
        /// Stems matched whole.
        var stems: [[UInt8]]
        var synonyms: [String]
    }

    /// Words too common to mark or score on their own (they still have to match).
    static let stopWords: Set<String> = ["a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
                                         "on", "or", "that", "the", "thi", "to", "wa", "with"]

    /// Characters of context around the matches in a snippet.
    static let snippetBytes = 260

    /// Provision mentions the indexer found in one notice, by paragraph `seq`: pinpointing reads these
    /// instead of scanning paragraphs for citations again.
    typealias Mentions = [Int: [FoundProvision]]

    init(tokenizer: FTS5Tokenizer, terms: [QueryTerm], filterProvisions: [Provision], headings: HeadingCache = HeadingCache(),
         prefixes: [String: PrefixExpansion] = [:]) throws {
        self.tokenizer = tokenizer
        self.headingNamesCache = headings
        self.terms = terms
        self.filterProvisions = filterProvisions
        stems = try terms.map { t in
            switch t {
            case let .word(w, _): return try tokenizer.stems(w)
            case let .phrase(ws), let .reference(ws, _): return try tokenizer.stems(ws.joined(separator: " "))
            default: return []
            }
        }
        stemBytes = stems.map { $0.map { Array($0.utf8) } }
        provisionsSought = terms.compactMap { if case let .provision(p) = $0 { return p } else { return nil } } + filterProvisions
        let others = zip(terms, stems).filter { if case .provision = $0.0 { return false } else { return true } }
        expansions = try terms.map { t in
            guard case let .word(w, true) = t, let e = prefixes[w] else { return nil }
            return ExpandedPrefix(usesPrefix: e.usesPrefix, stems: try e.words.compactMap { try tokenizer.stems($0).first.map { Array($0.utf8) } },
                                  synonyms: e.synonyms)
        }
        // An expanded prefix is also found by its further stems and synonym forms.
        let expandedNeedles = expansions.compactMap { $0 }.flatMap { e in
            e.stems.map { Array($0.prefix(4)) } + Self.needles(terms: e.synonyms.map { .synonym(token: $0, written: $0) }, stems: e.synonyms.map { _ in [] }, filterProvisions: [])
        }
        textNeedles = NeedleSet(Self.needles(terms: others.map(\.0), stems: others.map(\.1), filterProvisions: []) + expandedNeedles)
    }

    struct Paragraph {
        var seq: Int
        var number: Int
        var heading: String
        var text: String
    }

    /// Up to `limit` paragraphs, best first, with snippets; empty when nothing in the notice matched.
    /// Provisions are taken from `mentions` (the indexer's), not found again.
    func best(_ paragraphs: [Paragraph], limit: Int, mentions: Mentions) throws -> [ParagraphHit] {
        try ranked(paragraphs.filter { mayMatch($0, mentions: mentions) }, limit: limit, mentions: mentions)
    }

    /// `best` of a stored notice: paragraphs are screened on the inflated bytes, and only those that may
    /// match are made Strings and tokenized.
    func best(stored: StoredParagraphs.Stored, limit: Int, mentions: Mentions) throws -> [ParagraphHit] {
        let candidates = try StoredParagraphs.decode(stored) { seq, heading, text in
            mayMatch(seq: seq, heading: heading, mentions: mentions) { textNeedles.occurs(in: text) }
        }
        return try ranked(candidates.map { Paragraph(seq: $0.seq, number: $0.number, heading: $0.heading, text: $0.text) },
                          limit: limit, mentions: mentions)
    }

    /// The best `limit` of paragraphs that passed `mayMatch`, with snippets.
    private func ranked(_ candidates: [Paragraph], limit: Int, mentions: Mentions) throws -> [ParagraphHit] {
        var scored: [(score: Double, para: Paragraph, marks: [Range<Int>])] = []
        for p in candidates {
            let (score, marks) = try match(p, mentions: mentions)
            if score > 0 { scored.append((score, p, marks)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.para.seq < $1.para.seq }
        return scored.prefix(limit).map { s in
            let segments = Self.snippet(s.para.text, marks: s.marks)
            return ParagraphHit(number: s.para.number, heading: s.para.heading,
                                snippet: segments.map { $0.marked ? "[\($0.text)]" : $0.text }.joined(),
                                segments: segments)
        }
    }

    /// Byte strings one of which a paragraph must contain (ignoring ASCII case) to match anything: the
    /// start of each word's stem, each provision's number, each synonym form's first word. Paragraphs
    /// without any are skipped before the costlier tokenizing. (Provisions are screened by the stored
    /// a wanted provision passes on that alone.)
    private static func needles(terms: [QueryTerm], stems: [[String]], filterProvisions: [Provision]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for (k, t) in terms.enumerated() {
            switch t {
            case .word, .phrase, .reference:
                if let stem = stems[k].first { out.append(Array(stem.utf8.prefix(4))) }
            case let .provision(p):
                out.append(Array(p.parts[0].utf8))
            case let .synonym(token, _):
                for g in Synonyms.groups where g.token == token {
                    out += g.forms.map { Array(($0.split(separator: " ").first.map(String.init) ?? $0).utf8.prefix(4)) }
                }
            }
        }
        out += filterProvisions.map { Array($0.parts[0].utf8) }
        return out
    }

    func mayMatch(_ p: Paragraph, mentions: Mentions) -> Bool {
        mayMatch(seq: p.seq, heading: p.heading, mentions: mentions) { textNeedles.occurs(in: p.text) }
    }

    private func mayMatch(seq: Int, heading: String, mentions: Mentions, textHasNeedle: () -> Bool) -> Bool {
        let wanted = provisionsSought
        if !wanted.isEmpty, let found = mentions[seq], found.contains(where: { f in wanted.contains { f.provision.isWithin($0) } }) {
            return true
        }
        return textHasNeedle() || textNeedles.occurs(in: heading)
    }

    /// Whether `text` contains `needle` (lower-case ASCII bytes), comparing ASCII letters without case.
    /// Reads the string's own UTF-8 storage: no lowered copy per paragraph.
    static func containsIgnoringASCIICase(_ text: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { hay in
            guard hay.count >= needle.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                let b = hay[i]
                if b == first || (b >= 0x41 && b <= 0x5A && b | 0x20 == first), NeedleSet.rest(of: needle, isAt: i, in: hay) { return true }
                i += 1
            }
            return false
        }
    }

    /// Scores one paragraph: each distinct query term found adds its weight (provisions and phrases
    /// weigh more than single words), repeated hits add a little, a match in the heading adds some.
    func match(_ p: Paragraph, mentions: Mentions) throws -> (Double, [Range<Int>]) {
        var marks: [Range<Int>] = []
        var score = 0.0
        let needsTokens = stems.contains { !$0.isEmpty }
        let tokens = needsTokens ? try tokenizer.tokenList(p.text) : TokenList()
        let provisionsFound = mentions[p.seq] ?? []
        var synonymsFound: [(token: String, range: Range<Int>)]?
        func headingContains(_ stem: String) -> Bool { Self.containsIgnoringASCIICase(p.heading, Array(stem.utf8)) }
        // A phrase or synonym form can be the heading itself ("Public interest test"): the paragraphs
        // under it match as FTS5 matched the notice, on the heading.
        var headingTokens: TokenList?
        func headingHasPhrase(_ want: [[UInt8]]) throws -> Bool {
            if headingTokens == nil { headingTokens = try tokenizer.tokenList(p.heading) }
            let t = headingTokens!
            guard !want.isEmpty, t.count >= want.count else { return false }
            return (0...(t.count - want.count)).contains { start in want.indices.allSatisfy { t.matches(start + $0, want[$0]) } }
        }

        func add(_ ranges: [Range<Int>], weight: Double) {
            guard !ranges.isEmpty else { return }
            score += weight * (1 + 0.3 * Double(min(ranges.count, 5) - 1))
            marks += ranges
        }

        for (k, term) in terms.enumerated() {
            switch term {
            case .word(_, true) where expansions[k] != nil:
                let e = expansions[k]!
                var hits = (0..<tokens.count).filter { i in
                    (e.usesPrefix && stemBytes[k].first.map { tokens.matches(i, $0, prefix: true) } == true) || e.stems.contains { tokens.matches(i, $0) }
                }.map { tokens.ranges[$0] }
                if !e.synonyms.isEmpty {
                    if synonymsFound == nil { synonymsFound = WordScanner.synonyms(in: p.text) }
                    hits += synonymsFound!.filter { e.synonyms.contains($0.token) }.map(\.range)
                }
                add(hits, weight: 1)
                if !hits.isEmpty, let stem = stems[k].first, headingContains(stem) { score += 0.5 }
            case let .word(_, prefix):
                // "of" in `course of justice` typed without quotes: required by the match, but marking
                // every "of" in a snippet helps nobody.
                guard let stem = stems[k].first, prefix || !Self.stopWords.contains(stem) else { continue }
                let bytes = stemBytes[k][0]
                let hits = (0..<tokens.count).filter { tokens.matches($0, bytes, prefix: prefix) }.map { tokens.ranges[$0] }
                add(hits, weight: 1)
                if !hits.isEmpty, headingContains(stem) { score += 0.5 }
            case .phrase, .reference:
                let want = stemBytes[k]
                guard !want.isEmpty, tokens.count >= want.count else { continue }
                var hits: [Range<Int>] = []
                for start in 0...(tokens.count - want.count) where tokens.matches(start, want[0]) {
                    if (1..<want.count).allSatisfy({ tokens.matches(start + $0, want[$0]) }) {
                        hits.append(tokens.ranges[start].lowerBound..<tokens.ranges[start + want.count - 1].upperBound)
                    }
                }
                add(hits, weight: 2)
                if hits.isEmpty, try headingHasPhrase(want) { score += 1 }
            case let .provision(wanted):
                add(provisionsFound.filter { $0.provision.isWithin(wanted) }.map(\.range), weight: 3)
                if headingNamesCache.names(p.heading, wanted) { score += 1.5 }
            case let .synonym(token, _):
                if synonymsFound == nil { synonymsFound = WordScanner.synonyms(in: p.text) }
                let hits = synonymsFound!.filter { $0.token == token }.map(\.range)
                add(hits, weight: 2)
                if hits.isEmpty, WordScanner.synonyms(in: p.heading).contains(where: { $0.token == token }) { score += 1 }
            }
        }
        if !filterProvisions.isEmpty {
            let hits = provisionsFound.filter { f in filterProvisions.contains { f.provision.isWithin($0) } }.map(\.range)
            add(hits, weight: terms.isEmpty ? 3 : 0.5)
        }
        return (score, Self.merge(marks))
    }

    /// Remembers, per heading path, whether it names a provision: paragraphs come in runs under one
    /// heading, and notices share headings ("Section 40 – personal information"). A search engine keeps
    /// one for its lifetime, bounded.
    final class HeadingCache {
        private var known: [String: [Provision: Bool]] = [:]
        static let capacity = 20_000
        init() {}
        func names(_ heading: String, _ p: Provision) -> Bool {
            if let v = known[heading]?[p] { return v }
            let v = Pinpointer.headingNames(heading, p)
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[heading, default: [:]][p] = v
            return v
        }
    }
    private let headingNamesCache: HeadingCache

    /// Whether a heading like "Section 31 - Law enforcement" names the provision or its section.
    static func headingNames(_ heading: String, _ p: Provision) -> Bool {
        let last = heading.split(separator: "›").last.map(String.init) ?? heading
        return ProvisionFinder.find(in: last, law: p.law).contains { p.isWithin($0.provision) || $0.provision.isWithin(p) }
    }

    /// Sorted, non-overlapping ranges.
    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// The window of about `snippetBytes` bytes holding the most marks, cut at word boundaries, with "…"
    /// where text was left out.
    static func snippet(_ text: String, marks: [Range<Int>]) -> [SnippetSegment] {
        let bytes = Array(text.utf8)
        let flat = collapseWhitespace(bytes)
        // Choose the window start: the mark that begins the densest run of marks.
        var bestStart = 0
        var bestCount = -1
        for (i, m) in marks.enumerated() {
            let count = marks[i...].prefix { $0.upperBound <= m.lowerBound + snippetBytes }.count
            if count > bestCount { bestCount = count; bestStart = m.lowerBound }
        }
        var lo = max(0, bestStart - 60)
        var hi = min(bytes.count, lo + snippetBytes)
        if hi == bytes.count { lo = max(0, hi - snippetBytes) }
        while lo > 0, lo < bytes.count, !isBoundary(bytes[lo - 1]) { lo -= 1 }
        while hi < bytes.count, !isBoundary(bytes[hi]) { hi += 1 }
        var segments: [SnippetSegment] = []
        func emit(_ r: Range<Int>, marked: Bool) {
            guard !r.isEmpty else { return }
            segments.append(SnippetSegment(text: flat(r), marked: marked))
        }
        if lo > 0 { segments.append(SnippetSegment(text: "…", marked: false)) }
        var cursor = lo
        for m in marks where m.upperBound > lo && m.lowerBound < hi {
            let s = max(m.lowerBound, cursor)
            emit(cursor..<s, marked: false)
            emit(s..<min(m.upperBound, hi), marked: true)
            cursor = min(m.upperBound, hi)
        }
        emit(cursor..<hi, marked: false)
        if hi < bytes.count { segments.append(SnippetSegment(text: "…", marked: false)) }
        return segments
    }

    private static func isBoundary(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }

    /// Text of a byte range with newlines and runs of spaces folded, for one-line snippets.
    private static func collapseWhitespace(_ bytes: [UInt8]) -> (Range<Int>) -> String {
        { r in
            var out: [UInt8] = []
            out.reserveCapacity(r.count)
            var lastSpace = false
            for b in bytes[r] {
                let space = b == 0x0A || b == 0x20 || b == 0x09 || b == 0x0D
                if space { if !lastSpace { out.append(0x20) } } else { out.append(b) }
                lastSpace = space
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Lower-case byte strings looked for together in one pass over a text, ignoring ASCII case: a
/// synonym group brings a needle per written form, and one pass per needle cost more than the rest of
/// pinpointing. Each position is first checked against a bit table of the needles' first two bytes (in
/// either case), so most bytes of a paragraph cost one table lookup.
struct NeedleSet {
    /// Needles by their first byte (lower case).
    private var byFirst: [[[UInt8]]] = Array(repeating: [], count: 256)
    /// Bit `a << 8 | b` set when a needle starts with bytes a, b (either case of a letter); bit
    /// `a << 8 | 0` set for a one-byte needle `a`.
    private var starts = [UInt64](repeating: 0, count: 1024)
    private var hasSingleBytes = false
    let isEmpty: Bool

    init(_ needles: [[UInt8]]) {
        var seen = Set<[UInt8]>()
        func cases(_ b: UInt8) -> [UInt8] { b >= 0x61 && b <= 0x7A ? [b, b - 0x20] : [b] }
        for n in needles where !n.isEmpty && seen.insert(n).inserted {
            byFirst[Int(n[0])].append(n)
            for a in cases(n[0]) {
                if n.count == 1 {
                    hasSingleBytes = true
                    starts[Int(a) << 2] |= 1
                } else {
                    for b in cases(n[1]) {
                        let key = Int(a) << 8 | Int(b)
                        starts[key >> 6] |= 1 << UInt64(key & 63)
                    }
                }
            }
        }
        isEmpty = seen.isEmpty
    }

    func occurs(in text: String) -> Bool {
        guard !isEmpty else { return false }
        var text = text
        return text.withUTF8 { occurs(in: $0) }
    }

    /// `occurs(in:)` over UTF-8 bytes.
    func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !isEmpty else { return false }
        return starts.withUnsafeBufferPointer { bits in
            let n = hay.count
            var i = 0
            while i < n {
                let b = hay[i]
                let pair = Int(b) << 8 | Int(i + 1 < n ? hay[i + 1] : 0)
                let single = hasSingleBytes && bits[Int(b) << 2] & 1 != 0
                if single || bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0, matchesAt(i, hay) { return true }
                i += 1
            }
            return false
        }
    }

    private func matchesAt(_ i: Int, _ hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = hay[i]
        let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        return byFirst[Int(lower)].contains { i + $0.count <= hay.count && Self.rest(of: $0, isAt: i, in: hay) }
    }

    /// Whether `needle` after its first byte follows position `i` of `hay` (which must have room),
    /// ASCII letters compared without case.
    @inline(__always)
    static func rest(of needle: [UInt8], isAt i: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 1
        while k < needle.count {
            let c = hay[i + k]
            if c != needle[k] && !(c >= 0x41 && c <= 0x5A && c | 0x20 == needle[k]) { return false }
            k += 1
        }
        return true
    }
}
