/// Marking a query's matches in whole paragraphs, for a notice read after a search (the web page's
/// `/notices/{id}?q=…`): the same tokenizer, stems, synonyms and provision finder as the search's
/// snippets, so what is marked on the notice is what made it match.
extension SearchEngine {
    /// For each paragraph, its whole text cut into segments, those matching `query` marked. Provisions
    /// the query or its filters name are found in the text as the indexer finds them.
    public func highlight(_ paragraphs: [ParagraphText], query: Query, law: Law? = nil) throws -> [[SnippetSegment]] {
        let terms = query.root?.positiveTerms ?? []
        guard !terms.isEmpty || !query.filters.provisions.isEmpty else {
            return paragraphs.map { [SnippetSegment(text: $0.text, marked: false)] }
        }
        let pinpointer = try Pinpointer(tokenizer: tokenizer, terms: terms, filterProvisions: query.filters.provisions,
                                        prefixes: try prefixExpansions(for: query.root))
        return try paragraphs.enumerated().map { i, p in
            let para = Pinpointer.Paragraph(seq: i, number: p.number, heading: p.heading, text: p.text)
            let mentions: Pinpointer.Mentions = [i: ProvisionFinder.find(in: p.text, law: law)]
            let (_, marks) = try pinpointer.match(para, mentions: mentions)
            return Self.segments(p.text, marks: marks)
        }
    }

    /// The text cut at the marks (UTF-8 byte ranges), nothing left out.
    static func segments(_ text: String, marks: [Range<Int>]) -> [SnippetSegment] {
        let bytes = Array(text.utf8)
        var out: [SnippetSegment] = []
        var cursor = 0
        func emit(_ r: Range<Int>, _ marked: Bool) {
            guard !r.isEmpty else { return }
            out.append(SnippetSegment(text: String(decoding: bytes[r], as: UTF8.self), marked: marked))
        }
        for m in marks where m.lowerBound >= cursor && m.upperBound <= bytes.count {
            emit(cursor..<m.lowerBound, false)
            emit(m, true)
            cursor = m.upperBound
        }
        emit(cursor..<bytes.count, false)
        return out
    }
}
