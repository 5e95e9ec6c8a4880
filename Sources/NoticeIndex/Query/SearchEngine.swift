import Foundation

/// Answers searches against one index: match with FTS5 at notice level, filter, re-rank the best
/// candidates with legal boosts, then pinpoint paragraphs for the page shown.
public final class SearchEngine {
    let db: Database
    let tokenizer: FTS5Tokenizer
    public var weights = RankingWeights()

    let scorer: NoticeScorer
    /// One tokenizer instance and heading cache per pinpointing worker (an instance is not shared
    /// between threads).
    private let pinpointTokenizers: [FTS5Tokenizer]
    private let headingCaches: [Pinpointer.HeadingCache]
    /// Provisions read back from their canonical spelling, by spelling (a few hundred at most).
    private var parsedProvisions: [String: Provision] = [:]
    /// Read on the first search that needs them (every text search re-ranks with them).
    private var loadedColumns: NoticeColumns?
    private var loadedCitations: CitedCases?
    func citedCases() throws -> CitedCases {
        if let c = loadedCitations { return c }
        let c = try CitedCases(db)
        loadedCitations = c
        return c
    }
    func columns() throws -> NoticeColumns {
        if let c = loadedColumns { return c }
        let c = try NoticeColumns(db)
        loadedColumns = c
        return c
    }

    public init(databasePath: String) throws {
        let db = try IndexDatabase.openForReading(databasePath)
        self.db = db
        let tokenizer = try FTS5Tokenizer(db)
        self.tokenizer = tokenizer
        scorer = try NoticeScorer(db)
        let workers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        pinpointTokenizers = try [tokenizer] + (1..<workers).map { _ in try FTS5Tokenizer(db) }
        headingCaches = (0..<workers).map { _ in Pinpointer.HeadingCache() }
    }

    /// Number of notices in the index.
    public func noticeCount() throws -> Int { try db.int("SELECT count(*) FROM notices") ?? 0 }

    /// One read transaction per search: every statement sees the same snapshot of the index, and the
    /// file is locked once rather than once per statement.
    public func search(_ query: Query, limit: Int = 10, facets wantFacets: Bool = false) throws -> SearchResponse {
        try db.reading {
            try refreshIfIndexChanged()
            return try searchInSnapshot(query, limit: limit, facets: wantFacets)
        }
    }

    /// `PRAGMA data_version` at the last search (lengths and columns are read inside searches).
    private var dataVersion: Int?

    /// An engine kept open across a nightly run must not rank with the notice lengths and columns of
    /// the index it first opened: SQLite bumps `data_version` whenever another connection commits.
    private func refreshIfIndexChanged() throws {
        let version = try db.int("PRAGMA data_version")
        if let dataVersion, dataVersion != version {
            scorer.forgetLengths()
            loadedColumns = nil
            loadedCitations = nil
        }
        dataVersion = version
    }

    private func searchInSnapshot(_ query: Query, limit: Int, facets wantFacets: Bool) throws -> SearchResponse {
        let filter = try FilterSQL(query.filters, db: db)
        var scored: [(id: Int64, text: Double)] = []
        if filter?.matchesNothing == true {
            scored = []
        } else if let root = query.root {
            scored = try match(root, filter: filter)
        } else if let filter {
            scored = try filter.ids(db).map { ($0, 0) }
        }
        // Too few notices have every word: add those that have some of them, ranked after the rest,
        // so a natural-language query ("spending on consultants") still finds its notices.
        var partial: [(id: Int64, text: Double)] = []
        if scored.count < limit, let root = query.root, let relaxed = Self.relaxed(root) {
            let strictIDs = Set(scored.map(\.id))
            partial = try match(relaxed, filter: filter).filter { !strictIDs.contains($0.id) }
        }
        let total = scored.count + partial.count
        var response = SearchResponse(query: query.text, total: total, results: [], facets: nil, suggestions: [:])
        response.partialMatches = partial.count
        if wantFacets { response.facets = try facets(for: scored.map(\.id) + partial.map(\.id)) }
        if total == 0 {
            if let root = query.root { response.suggestions = try suggestions(for: root) }
            return response
        }
        if let root = query.root, !partial.isEmpty { response.suggestions = try suggestions(for: root) }

        let ranked = try rerank(scored, query: query, keep: limit) + (partial.isEmpty ? [] : try rerank(partial, query: query, keep: limit))
        let page = Array(ranked.prefix(max(0, limit)))
        let terms = query.root?.positiveTerms ?? []
        let wantsProvisions = !query.filters.provisions.isEmpty || terms.contains { if case .provision = $0 { return true } else { return false } }
        // SQLite reads on this thread; inflating text and pinpointing, pure Swift, on every core.
        var pages: [PageItem] = []
        for (id, score) in page {
            guard var record = try NoticeReader(db: db).record(id: id) else { continue }
            record.score = score
            pages.append(PageItem(record: record, stored: try StoredParagraphs.fetch(db, notice: id),
                                  mentions: wantsProvisions ? try NoticeReader(db: db).provisionMentions(of: id, parsed: &parsedProvisions) : [:]))
        }
        let pinpointers = pinpointTokenizers.indices.map {
            Pinpointer(tokenizer: pinpointTokenizers[$0], terms: terms, filterProvisions: query.filters.provisions, headings: headingCaches[$0])
        }
        response.results = try pinpoint(pages, with: pinpointers)
        return response
    }

    /// One result before pinpointing.
    struct PageItem {
        var record: NoticeRecord
        var stored: StoredParagraphs.Stored
        var mentions: Pinpointer.Mentions
    }

    /// Each notice's best paragraphs, decoded and pinpointed in parallel, one pinpointer (and so one
    /// tokenizer instance and heading cache) per worker.
    private func pinpoint(_ pages: [PageItem], with pinpointers: [Pinpointer]) throws -> [NoticeRecord] {
        var out = pages.map(\.record)
        let workers = min(pinpointers.count, pages.count)
        let failure = FirstError()
        // Each worker writes only its own indices of `results` and uses only its own pinpointer.
        nonisolated(unsafe) let pinpointers = pinpointers
        out.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in stride(from: w, to: pages.count, by: workers) {
                    do {
                        let paragraphs = try StoredParagraphs.decode(pages[i].stored).map {
                            Pinpointer.Paragraph(seq: $0.seq, number: $0.number, heading: $0.heading, text: $0.text)
                        }
                        results[i].paragraphs = pinpointers[w].best(paragraphs, limit: 3, mentions: pages[i].mentions)
                    } catch {
                        failure.record(error)
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        return out
    }

    /// The first error raised by any pinpointing worker.
    private final class FirstError: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Error?
        var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
        func record(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
    }

    /// Notices matching `root` (and allowed by the filters), with their weighted bm25 scores.
    func match(_ root: QueryNode, filter: FilterSQL?) throws -> [(id: Int64, text: Double)] {
        try scorer.readLengthsIfNeeded(db)
        let expression = MatchBuilder.expression(root)
        let idf = try MatchBuilder.phrases(in: expression).map { try inverseDocumentFrequency(of: $0) }
        do {
            return try scorer.run(db, "SELECT \(NoticeScorer.functionName)(notice_fts) FROM notice_fts WHERE notice_fts MATCH ?",
                                  [expression], weights: weights, idf: idf, allowed: try filter?.ids(db))
        } catch let NoticeIndexError.sqlite(code, message, _) where code & 0xff != 11 {
            // (A damaged FTS index, SQLITE_CORRUPT, is the index's fault, not the query's: it passes
            // through, and the CLI says to rebuild.)
            // Built from a parsed query with every term quoted, so this should not happen; if it
            // does, say so in a line instead of showing SQLite's words.
            throw NoticeIndexError.query("the query could not be run (\(message.contains("fts5") ? "unsupported combination of operators" : "internal error"))", position: nil)
        }
    }

    /// idf of one phrase of the MATCH expression, from the indexer's `term_stats`: a word's own count; a
    /// phrase's rarest word (an upper bound on the phrase's count); a prefix's commonest completion among
    /// the first 500 in term order.
    func inverseDocumentFrequency(of phrase: MatchBuilder.Phrase) throws -> Double {
        let tokens = tokenizer.stems(phrase.text)
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
        guard positives.count >= 2 else { return nil }
        let negatives = items.filter { if case .not = $0 { return true } else { return false } }
        return negatives.isEmpty ? .or(positives) : .and([.or(positives)] + negatives)
    }

    /// Text score plus boosts for the top candidates; filters-only searches rank newest first.
    /// Returns the best `keep` (at least `weights.candidates`), best first.
    func rerank(_ scored: [(id: Int64, text: Double)], query: Query, keep: Int) throws -> [(Int64, Double)] {
        let w = weights
        let columns = try self.columns()
        let keep = max(w.candidates, keep)
        guard query.root != nil else {
            // Newest first; notices of one date in the order they were indexed.
            return Self.top(scored.map { (id: $0.id, text: Double(columns.dateKey(of: $0.id)) * 1e8 - Double($0.id)) }, keep)
                .map { ($0.id, 0) }
        }
        let candidates = Self.top(scored, keep)
        let best = candidates.first?.text ?? 1
        let ids = candidates.map(\.id)
        let signals = try QuerySignals(query: query, db: db)
        let provisions = try NoticeReader(db: db).provisionRoles(ids, provisions: signals.provisions)
        let cited = signals.caseIDs.isEmpty ? nil : try citedCases()
        var out: [(Int64, Double, Int32)] = []
        for c in candidates {
            var boost = 0.0
            for p in signals.provisions {
                switch provisions[c.id]?[p] {
                case true?: boost += w.reliedProvision
                case false?: boost += w.mentionedProvision
                case nil: break
                }
            }
            if let key = columns.authorityKey(of: c.id), signals.authorityKeys.contains(key) { boost += w.authority }
            if let o = columns.outcome(of: c.id), signals.outcomes.contains(o) { boost += w.outcome }
            if let cited, cited.of(c.id).contains(where: signals.caseIDs.contains) { boost += w.citedCase }
            out.append((c.id, c.text + boost * best, columns.dateKey(of: c.id)))
        }
        // Ties go to the newer notice.
        out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 > $1.2 }
        return out.map { ($0.0, $0.1) }
    }

    /// The `k` best-scoring matches, best first, without sorting all of them (a broad query matches most
    /// of the collection; only the candidates need an order).
    static func top(_ scored: [(id: Int64, text: Double)], _ k: Int) -> [(id: Int64, text: Double)] {
        // `--limit` is the user's: compare without multiplying it.
        guard scored.count / 2 > k else { return Array(scored.sorted { $0.text > $1.text }.prefix(k)) }
        // Keep a min-heap of the k best seen so far.
        var heap: [(id: Int64, text: Double)] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].text < heap[m].text { m = l }
                if r < heap.count && heap[r].text < heap[m].text { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for item in scored {
            if heap.count < k {
                heap.append(item)
                var i = heap.count - 1
                while i > 0, heap[(i - 1) / 2].text > heap[i].text {
                    heap.swapAt(i, (i - 1) / 2)
                    i = (i - 1) / 2
                }
            } else if item.text > heap[0].text {
                heap[0] = item
                siftDown(0)
            }
        }
        return heap.sorted { $0.text > $1.text }
    }

    /// Counts by provision relied on, authority, outcome and year over every matching notice, from the
    /// columns held in memory.
    func facets(for ids: [Int64]) throws -> Facets {
        let c = try columns()
        var provisions = [Int](repeating: 0, count: c.provisionNames.count)
        var authorities = [Int](repeating: 0, count: c.authorityNames.count + 1)
        var outcomes = [Int](repeating: 0, count: c.outcomeNames.count + 1)
        var years: [Int32: Int] = [:]
        for id in ids where c.has(id) {
            let i = Int(id)
            for p in c.provisions(of: id) { provisions[Int(p)] += 1 }
            authorities[Int(c.authority[i]) + 1] += 1
            outcomes[Int(c.outcome[i]) + 1] += 1
            years[c.year[i], default: 0] += 1
        }
        func top(_ counts: [(String, Int)], _ n: Int) -> [(String, Int)] {
            Array(counts.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(n))
        }
        // Authorities with one alias key but several spellings count together, under the first name seen.
        var byKey: [String: (name: String, count: Int)] = [:]
        for (i, n) in authorities.enumerated() where n > 0 {
            let name = i == 0 ? "unknown" : c.authorityNames[i - 1]
            let key = i == 0 ? "unknown" : c.authorityKeys[i - 1] ?? name
            byKey[key, default: (name, 0)].count += n
        }
        return Facets(
            provisions: top(provisions.enumerated().map { (c.provisionNames[$0.offset], $0.element) }, 30),
            authorities: top(byKey.values.map { ($0.name, $0.count) }, 30),
            outcomes: top(outcomes.enumerated().map { ($0.offset == 0 ? "unknown" : c.outcomeNames[$0.offset - 1], $0.element) }, 10),
            years: years.map { ($0.key == 0 ? "unknown" : String($0.key), $0.value) }.sorted { $0.0 > $1.0 })
    }

    /// For each plain word with no hits, the closest indexed terms ("vexacious" → "vexatious").
    func suggestions(for root: QueryNode) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for case let .word(w, false) in root.positiveTerms where w.count >= 4 {
            guard let stem = tokenizer.stems(w).first else { continue }
            if try db.int("SELECT doc FROM notice_vocab WHERE term = ?", [stem]) != nil { continue }
            let candidates = try db.rows("""
                SELECT term, doc FROM notice_vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
                """, [String(stem.prefix(1)), String(stem.prefix(1)) + "\u{10FFFF}", stem.count - 2, stem.count + 2]) {
                ($0.string(0) ?? "", $0.int(1))
            }
            let close = candidates
                .map { (term: $0.0, docs: $0.1, d: EditDistance.between($0.0, stem, limit: 2)) }
                .filter { $0.d <= 2 && !$0.term.hasPrefix("syn") }
                .sorted { ($0.d, -$0.docs) < ($1.d, -$1.docs) }
                .prefix(3)
            if !close.isEmpty { out[w] = close.map { Self.surfaceForm(of: $0.term, near: w) } }
        }
        return out
    }

    /// Stems are not words ("vexati"); offer the typed word's shape when the stem is a prefix of it.
    static func surfaceForm(of stem: String, near typed: String) -> String {
        let lower = typed.lowercased()
        var common = 0
        for (a, b) in zip(stem, lower) { if a == b { common += 1 } else { break } }
        if stem.count <= lower.count, common >= stem.count - 1 { return stem + lower.dropFirst(stem.count) }
        return stem
    }
}

/// What the query itself names, for boosts: provisions, authorities, outcomes, cases.
struct QuerySignals {
    var provisions: [Provision] = []
    var authorityKeys: Set<String> = []
    var outcomes: Set<String> = []
    var caseIDs: Set<Int64> = []

    init(query: Query, db: Database) throws {
        guard let root = query.root else { return }
        var words: [String] = []
        for t in root.positiveTerms {
            switch t {
            case let .provision(p): provisions.append(p)
            case let .word(w, _): words.append(w)
            case let .phrase(ws): words += ws
            case let .synonym(_, written): words += Synonyms.wordsOf(written)
            }
        }
        let joined = " " + words.joined(separator: " ") + " "
        if joined.contains(" partly upheld ") { outcomes.insert(Outcome.partlyUpheld.rawValue) }
        else if joined.contains(" not upheld ") { outcomes.insert(Outcome.notUpheld.rawValue) }
        else if joined.contains(" upheld ") { outcomes.insert(Outcome.upheld.rawValue) }
        for n in 1...min(4, max(1, words.count)) where words.count >= n {
            for start in 0...(words.count - n) {
                let phrase = words[start..<start + n].joined(separator: " ")
                authorityKeys.insert(AuthorityNormalizer.key(forQuery: phrase))
                if n <= 3, phrase.count >= 4 {
                    for id in try db.rows("SELECT case_id FROM case_forms WHERE form = ?", [phrase], { $0.int64(0) }) { caseIDs.insert(id) }
                }
            }
        }
        // The lead party's distinctive word names a case, as researchers shorten it ("Dransfield",
        // "Fish Legal" → "fish"); later party words ("legal") are too often ordinary words.
        for w in Set(words) where w.count >= 4 {
            for (id, name) in try db.rows("SELECT id, name FROM cases WHERE name LIKE ? LIMIT 50", ["%" + w + "%"], {
                ($0.int64(0), $0.string(1) ?? "")
            }) where CaseLaw.nameTokens(name).first == w {
                caseIDs.insert(id)
            }
        }
    }
}

/// Levenshtein distance with an early exit past `limit`.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            var rowMin = cur[0]
            for j in stride(from: 1, through: y.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            prev = cur
        }
        return x.isEmpty ? y.count : prev[y.count]
    }
}
