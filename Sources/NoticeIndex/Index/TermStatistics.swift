/// How many notices each term occurs in, kept in `term_stats` for the ranking function's idf.
///
/// FTS5 stores no document counts: `bm25()` counts each query phrase's notices with an extra pass
/// over its doclist on every query, and `fts5vocab` walks the term's whole doclist (5 ms for a common
/// word at 25k notices). Counting the whole vocabulary once per indexing run costs about a second at
/// 25k notices, so a run refreshes the table only when enough has changed to move an idf noticeably:
/// after a bulk load, or once the notices added, changed or removed since the last count pass 5% of
/// the index. Between refreshes a new word is simply treated as rare.
enum TermStatistics {
    /// Share of the index that may change before the counts are taken again.
    static let staleShare = 0.05

    static func update(_ db: Database, changedNotices changed: Int, bulk: Bool) throws {
        let notices = try db.int("SELECT count(*) FROM notices") ?? 0
        let pending = try db.int("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'term_stats_pending'")
        let total = (pending ?? notices) + changed
        let refresh = bulk || pending == nil || Double(total) > staleShare * Double(max(1, notices))
        try db.transaction {
            if refresh {
                // Terms in one notice are left out: a term missing from the table is read as in one notice.
                // The paragraph barrier is no word: prefixes and idf never see it.
                try db.execute("DELETE FROM term_stats")
                try db.run("INSERT INTO term_stats(term, docs) SELECT term, doc FROM notice_vocab WHERE doc >= 2 AND term <> ?",
                           [FTSDocument.barrier])
            }
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('term_stats_pending', ?)", [refresh ? 0 : total])
        }
    }
}
