import CSQLite
import Foundation

extension SearchEngine {
    /// Notices matching `root` (and allowed by the filters), with their weighted bm25 scores.
    func match(_ root: QueryNode, filter: FilterSQL?) throws -> [(id: Int64, text: Double)] {
        try scorer.readLengthsIfNeeded(db)
        let expression = MatchBuilder.expression(root, prefixes: try prefixExpansions(for: root))
        let idf = try MatchBuilder.phrases(in: expression).map { try inverseDocumentFrequency(of: $0) }
        do {
            return try scorer.run(db, "SELECT \(NoticeScorer.functionName)(notice_fts) FROM notice_fts WHERE notice_fts MATCH ?",
                                  [expression], weights: weights, idf: idf, allowed: try filter?.ids(db))
        } catch let NoticeIndexError.sqlite(code, message, _)
                    where code & 0xFF != QueryDeadline.interrupted && code & 0xFF != SQLITE_CORRUPT {
            // (A damaged FTS index, SQLITE_CORRUPT, is the index's fault, not the query's: it passes
            // through, and the CLI says to rebuild. An interrupted query is the deadline's, reported by it.)
            // Built from a parsed query with every term quoted, so this should not happen; if it
            // does, say so in a line instead of showing SQLite's words.
            throw NoticeIndexError.query("the query could not be run (\(message.contains("fts5") ? "unsupported combination of operators" : "internal error"))", position: nil)
        }
    }

    /// idf of one phrase of the MATCH expression, from the indexer's `term_stats`: a word's own count; a
    /// phrase's rarest word (an upper bound on the phrase's count); a prefix's commonest completion among
    /// the first 500 in term order.
    func inverseDocumentFrequency(of phrase: MatchBuilder.Phrase) throws -> Double {
        let tokens = try tokenizer.stems(phrase.text)
        guard !tokens.isEmpty else { return 0 }
        var documents = scorer.documentCount
        for (i, token) in tokens.enumerated() {
            let n: Int
            if phrase.prefix && i == tokens.count - 1 {
                n = try db.int("""
                    SELECT max(docs) FROM (SELECT docs FROM term_stats WHERE term >= ? AND term < ? LIMIT 500)
                    """, [token, token + "\u{10FFFF}"]) ?? 1
            } else {
                // Absent: in at most one notice (the indexer stores terms found in two or more).
                n = try db.int("SELECT docs FROM term_stats WHERE term = ?", [token]) ?? 1
            }
            documents = min(documents, n)
        }
        return NoticeScorer.idf(documents: documents, of: scorer.documentCount)
    }

    /// "Some of the words" for a query whose top level requires several terms; nil when there is
    /// nothing to relax. Exclusions stay exclusions.
    static func relaxed(_ root: QueryNode) -> QueryNode? {
        guard case let .and(items) = root else { return nil }
        let positives = items.filter { if case .not = $0 { return false } else { return true } }
        guard positives.count >= 2, positives.count <= QueryParser.maxPartialTerms else { return nil }
        let negatives = items.filter { if case .not = $0 { return true } else { return false } }
        return negatives.isEmpty ? .or(positives) : .and([.or(positives)] + negatives)
    }
}
