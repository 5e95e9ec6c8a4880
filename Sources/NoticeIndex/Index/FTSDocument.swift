/// The four columns one notice contributes to `notice_fts`.
///
/// The FTS table is contentless, so deleting a notice means handing FTS5 the exact values it was indexed
/// with. Those values are therefore a pure function of what the index keeps (heading paths, the stored
/// paragraph text and `notices.fts_terms`), built the same way at insert and delete.
struct FTSDocument: Equatable, Sendable {
    var heading: String
    var decision: String
    var body: String
    var terms: String

    /// The token put between paragraphs (and between heading paths): a private-use character, which the
    /// built-in unicode61 tokenizer keeps as a token of its own (category Co) and porter leaves as it is,
    /// but which the query lexer never makes part of a word. Without it token positions run on from one
    /// paragraph's last word to the next one's first, and `"hide Kent"` matched a notice where one
    /// paragraph ends "…hide" and the next begins "Kent…".
    static let barrier = "\u{E000}"

    /// Barrier tokens per boundary. One stops a phrase; a NEAR group is stopped only when more tokens
    /// lie between two paragraphs than its distance allows, so the parser caps that distance at one less
    /// (`QueryParser.maxNearDistance`). Each costs about a byte per paragraph in the index.
    static let barrierCount = 21

    /// What joins two paragraphs or heading paths in a column.
    static let separator = "\n" + Array(repeating: barrier, count: barrierCount).joined(separator: " ") + "\n"

    /// Whether a heading path lies in the part of a notice that states the decision (text there is
    /// weighted up): the same rule the extractors use, on the path's outermost heading.
    static func isDecisionHeading(_ heading: String) -> Bool {
        NoticeSection(headings: [heading]) == .decision
    }

    /// Builds the text columns from (heading path, text) pairs in order, and takes `terms` as given.
    init(paragraphs: [(heading: String, text: String)], terms: String) {
        var headings: [String] = []
        var decision = "", body = ""
        body.reserveCapacity(paragraphs.reduce(0) { $0 + $1.text.utf8.count + Self.separator.utf8.count })
        // Paragraphs come in runs under one heading: classify each run once, not each paragraph.
        var lastHeading: String?
        var inDecision = false
        for p in paragraphs {
            if p.heading != lastHeading {
                lastHeading = p.heading
                inDecision = Self.isDecisionHeading(p.heading)
                if !p.heading.isEmpty, !headings.contains(p.heading) { headings.append(p.heading) }
            }
            if inDecision {
                if !decision.isEmpty { decision += Self.separator }
                decision += p.text
            } else {
                if !body.isEmpty { body += Self.separator }
                body += p.text
            }
        }
        self.heading = headings.joined(separator: Self.separator)
        self.decision = decision
        self.body = body
        self.terms = terms
    }

    /// The normalised legal tokens of a notice: provision tokens with their ancestors (relied-on ones
    /// repeated, so bm25 favours notices that turn on a provision), synonym-group tokens, and the
    /// authority's key words.
    static func terms(for notice: ParsedNotice, extraction: Extraction) -> String {
        var tokens: [String] = []
        for mention in extraction.provisions {
            let repeats = mention.role == .reliedOn ? 2 : 1
            for p in mention.provision.lineage {
                for _ in 0..<repeats { tokens.append(p.indexToken) }
            }
        }
        var lastHeadings: [String] = []
        for p in notice.paragraphs {
            for s in WordScanner.synonyms(in: p.text) { tokens.append(s.token) }
            // A heading ("Public interest test") states its synonym group once, when it starts: a parent
            // heading with no paragraphs of its own ("Public interest test" › "The public interest in
            // favour of disclosure") counts too, or a phrase search for it would miss the notice.
            if p.headings != lastHeadings {
                for h in p.headings where !lastHeadings.contains(h) {
                    for s in WordScanner.synonyms(in: h) { tokens.append(s.token) }
                }
                lastHeadings = p.headings
            }
        }
        if let law = notice.law { tokens.append(law == .foia ? "synfoia" : "syneir") }
        if let a = extraction.authority {
            tokens.append(a.name)
            tokens.append(a.key)
        }
        return tokens.joined(separator: " ")
    }
}
