import CSQLite
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
        let c = CitedCases(db)
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
        try search(query, options: SearchOptions(limit: limit, facets: wantFacets))
    }

    /// Seconds of SQL one search may take before it is stopped with a reason (`QueryDeadline`); 0 for
    /// no limit. Searches of 25,000 notices take a few milliseconds to 0.3 s; the costliest phrase and NEAR
    /// queries the parser lets through about 0.5–0.7 s of CPU (bench machine, 2 cores).
    public var timeBudget = 0.6

    public func search(_ query: Query, options: SearchOptions) throws -> SearchResponse {
        try db.reading {
            try refreshIfIndexChanged()
            return try QueryDeadline.run(db, seconds: timeBudget) { try searchInSnapshot(query, options) }
        }
    }

    /// Every notice satisfying the whole query, in `sort` order (relevance: best first; filters only or no
    /// query at all: newest first), each read with every paragraph and its findings. For `export`: the
    /// strict matches of a search, streamed one notice at a time.
    public func forEachMatch(_ query: Query?, sort: ResultSort, _ body: (NoticeRecord) throws -> Void) throws {
        let ids: [Int64] = try db.reading {
            try refreshIfIndexChanged()
            guard let query else {
                let all = try db.rows("SELECT id FROM notices") { ($0.int64(0), 0.0) }
                return try order(all.map { (id: $0.0, text: $0.1) }, query: Query(text: "", root: nil, filters: QueryFilters()),
                                 sort: sort == .relevance ? .oldest : sort, keep: all.count).map(\.0)
            }
            let scored = try strictMatches(query, filter: try FilterSQL(query.filters, db: db))
            return try order(scored, query: query, sort: sort, keep: scored.count).map(\.0)
        }
        let reader = NoticeReader(db: db)
        for id in ids {
            if let r = try reader.fullRecord(id: id) { try body(r) }
        }
    }

    /// Written forms of stems already looked up for suggestions (nil inside: none found).
    private var surfaceWords: [String: String?] = [:]

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

    /// Notices satisfying the whole query (text and filters), with their text scores.
    private func strictMatches(_ query: Query, filter: FilterSQL?) throws -> [(id: Int64, text: Double)] {
        if filter?.matchesNothing == true { return [] }
        if let root = query.root { return try match(root, filter: filter) }
        if let filter { return try filter.ids(db).map { ($0, 0) } }
        return []
    }

    private func searchInSnapshot(_ query: Query, _ options: SearchOptions) throws -> SearchResponse {
        let limit = max(0, options.limit), offset = max(0, options.offset)
        let end = offset.addingReportingOverflow(limit).overflow ? Int.max : offset + limit
        let filter = try FilterSQL(query.filters, db: db)
        let scored = try strictMatches(query, filter: filter)
        var response = SearchResponse(query: query.text, total: scored.count, results: [], facets: nil, suggestions: [:])
        response.offset = offset
        response.filterSummary = query.filters.summary
        if options.facets { response.facets = try facets(for: scored.map(\.id)) }
        if let root = query.root {
            response.suggestions = try suggestions(for: root)
            response.correctedQuery = Self.corrected(query.text, with: response.suggestions)
        }
        let strictPage = Array(try order(scored, query: query, sort: options.sort, keep: end).dropFirst(offset).prefix(limit))

        // The strict matches end before the page does: notices with some of the words may follow, apart.
        var partialPage: [(Int64, Double)] = []
        var lacking: [Int64: [String]] = [:]
        if scored.count < end, limit > 0, filter?.matchesNothing != true, let root = query.root, let relaxed = Self.relaxed(root) {
            let strictIDs = Set(scored.map(\.id))
            let partial = try match(relaxed, filter: filter).filter { !strictIDs.contains($0.id) }
            response.partialTotal = partial.count
            let skip = max(0, offset - scored.count)
            let room = end - max(offset, scored.count)
            partialPage = Array(try order(partial, query: query, sort: options.sort, keep: skip + room).dropFirst(skip).prefix(room))
            lacking = try missingTerms(of: partialPage.map(\.0), root: root)
        }
        response.results = try records(strictPage, query: query)
        response.partial = try records(partialPage, query: query).map { r in
            var r = r
            r.missing = lacking[r.rowID] ?? []
            return r
        }
        return response
    }

    /// The notices of one page, read, with their best paragraphs pinpointed and a citation line each.
    private func records(_ page: [(Int64, Double)], query: Query) throws -> [NoticeRecord] {
        guard !page.isEmpty else { return [] }
        let terms = query.root?.positiveTerms ?? []
        let wantsProvisions = !query.filters.provisions.isEmpty || terms.contains { if case .provision = $0 { return true } else { return false } }
        // SQLite reads on this thread; inflating text and pinpointing, pure Swift, on every core.
        var pages: [PageItem] = []
        for (id, score) in page {
            guard var record = try NoticeReader(db: db).record(id: id) else { continue }
            record.score = score
            record.rowID = id
            pages.append(PageItem(record: record, stored: try StoredParagraphs.fetch(db, notice: id),
                                  mentions: wantsProvisions ? try NoticeReader(db: db).provisionMentions(of: id, parsed: &parsedProvisions) : [:]))
        }
        let pinpointers = try (0..<min(pinpointTokenizers.count, max(1, pages.count))).map {
            try Pinpointer(tokenizer: pinpointTokenizers[$0], terms: terms, filterProvisions: query.filters.provisions, headings: headingCaches[$0])
        }
        return try pinpoint(pages, with: pinpointers).map { r in
            var r = r
            for k in r.paragraphs.indices { r.paragraphs[k].citation = CitationLine.paragraph(r.citation, number: r.paragraphs[k].number) }
            return r
        }
    }

    /// For each partial match, the top-level terms of the query it does not satisfy, as written.
    private func missingTerms(of ids: [Int64], root: QueryNode) throws -> [Int64: [String]] {
        guard !ids.isEmpty, case let .and(items) = root else { return [:] }
        let list = NoticeReader.jsonArray(ids)
        var out: [Int64: [String]] = [:]
        for item in items {
            if case .not = item { continue }
            let having = Set(try db.rows("""
                SELECT rowid FROM notice_fts WHERE notice_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))
                """, [MatchBuilder.expression(item), list]) { $0.int64(0) })
            for id in ids where !having.contains(id) { out[id, default: []].append(item.description) }
        }
        return out
    }

    /// The best `keep` of `scored` in the order asked for.
    func order(_ scored: [(id: Int64, text: Double)], query: Query, sort: ResultSort, keep: Int) throws -> [(Int64, Double)] {
        guard !scored.isEmpty, keep > 0 else { return [] }
        switch sort {
        case .relevance:
            return try rerank(scored, query: query, keep: keep)
        case .newest, .oldest:
            let columns = try self.columns()
            let score = Dictionary(scored.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
            // Newest: later dates first, one date in index order; oldest: earlier first. Undated last.
            let keyed = scored.map { s -> (id: Int64, text: Double) in
                let date = Double(columns.dateKey(of: s.id))
                return sort == .newest ? (s.id, date * 1e8 - Double(s.id))
                                       : (s.id, -((date == 0 ? 99_991_231 : date) * 1e8 + Double(s.id)))
            }
            return Self.top(keyed, min(keep, keyed.count)).map { ($0.id, score[$0.id] ?? 0) }
        }
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
                        results[i].paragraphs = try pinpointers[w].best(stored: pages[i].stored, limit: 3, mentions: pages[i].mentions)
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

    /// Text score plus boosts for the top candidates; filters-only searches rank newest first.
    /// Returns the best `keep` (the best `weights.candidates` are re-ranked), best first.
    func rerank(_ scored: [(id: Int64, text: Double)], query: Query, keep: Int) throws -> [(Int64, Double)] {
        let w = weights
        let columns = try self.columns()
        let keep = min(max(w.candidates, keep), scored.count)
        guard query.root != nil else {
            // Newest first; notices of one date in the order they were indexed.
            return Self.top(scored.map { (id: $0.id, text: Double(columns.dateKey(of: $0.id)) * 1e8 - Double($0.id)) }, keep)
                .map { ($0.id, 0) }
        }
        // Boosts reorder the best candidates; past them (deep pages) the text score alone decides.
        let all = Self.top(scored, keep)
        let candidates = Array(all.prefix(w.candidates))
        let rest = all.dropFirst(w.candidates).map { ($0.id, $0.text) }
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
        return out.map { ($0.0, $0.1) } + rest
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
    /// How many values each facet lists, most frequent first: a screenful of provisions or authorities is
    /// what a researcher scans (the counts cover every match either way); outcomes have three values and
    /// "unknown", so theirs never cuts.
    static let facetProvisions = 30, facetAuthorities = 30, facetOutcomes = 10

    func facets(for ids: [Int64]) throws -> Facets {
        let c = try columns()
        var provisions = [Int](repeating: 0, count: c.provisionNames.count)
        var authorities = [Int](repeating: 0, count: c.authorityNames.count + 1)
        var outcomes = [Int](repeating: 0, count: c.outcomeNames.count + 1)
        var years: [Int32: Int] = [:]
        var yearOutcome: [Int32: [Int: Int]] = [:]
        for id in ids where c.has(id) {
            let i = Int(id)
            for p in c.provisions(of: id) { provisions[Int(p)] += 1 }
            authorities[Int(c.authority[i]) + 1] += 1
            outcomes[Int(c.outcome[i]) + 1] += 1
            years[c.year[i], default: 0] += 1
            yearOutcome[c.year[i], default: [:]][Int(c.outcome[i]) + 1, default: 0] += 1
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
        let outcomeName = { (k: Int) in k == 0 ? "unknown" : c.outcomeNames[k - 1] }
        var facets = Facets(
            provisions: top(provisions.enumerated().map { (c.provisionNames[$0.offset], $0.element) }, Self.facetProvisions),
            authorities: top(byKey.values.map { ($0.name, $0.count) }, Self.facetAuthorities),
            outcomes: top(outcomes.enumerated().map { (outcomeName($0.offset), $0.element) }, Self.facetOutcomes),
            years: years.map { ($0.key == 0 ? "unknown" : String($0.key), $0.value) }.sorted { $0.0 > $1.0 })
        for (year, byOutcome) in yearOutcome {
            facets.yearsByOutcome[year == 0 ? "unknown" : String(year)] = Dictionary(uniqueKeysWithValues: byOutcome.map { (outcomeName($0.key), $0.value) })
        }
        return facets
    }

    /// For every word of the query with no hits, up to three words of the index close to it in spelling,
    /// most common first among equally close ones. Suggestions are whole words as notices write them
    /// (never the index's stems), and never the word itself.
    func suggestions(for root: QueryNode) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        var words: [String] = []
        for t in root.positiveTerms {
            switch t {
            case let .word(w, false): words.append(w)
            case let .phrase(ws): words += ws
            default: break
            }
        }
        var seen = Set<String>()
        var looked = 0
        for w in words where w.count >= 4 && w.count <= 40 && w.contains(where: \.isLetter) && seen.insert(w.lowercased()).inserted {
            // A query of many unknown words is noise, not typos: the first few are enough to help.
            guard looked < Self.maxSuggestedWords else { break }
            guard let stem = try tokenizer.stems(w).first else { continue }
            if try db.int("SELECT doc FROM notice_vocab WHERE term = ?", [stem]) != nil { continue }
            looked += 1
            let first = String(stem.prefix(1))
            let candidates = try db.rows("""
                SELECT term, doc FROM notice_vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
                """, [first, first + "\u{10FFFF}", stem.count - 2, stem.count + 2]) { ($0.string(0) ?? "", $0.int(1)) }
            let close = candidates
                .map { (term: $0.0, docs: $0.1, d: EditDistance.between($0.0, stem, limit: 2)) }
                .filter { $0.d <= 2 && !$0.term.hasPrefix("syn") && !$0.term.hasPrefix("sec") && !$0.term.hasPrefix("reg") }
                .sorted { ($0.d, -$0.docs) < ($1.d, -$1.docs) }
                .prefix(8)
            let typed = w.lowercased()
            var found: [(word: String, d: Int, docs: Int)] = []
            for c in close {
                guard let word = try surfaceWord(of: c.term), word != typed else { continue }
                let d = EditDistance.between(word, typed, limit: 3)
                if d <= 3, !found.contains(where: { $0.word == word }) { found.append((word, d, c.docs)) }
            }
            let best = found.sorted { ($0.d, -$0.docs) < ($1.d, -$1.docs) }.prefix(3).map(\.word)
            if !best.isEmpty { out[w] = Array(best) }
        }
        return out
    }

    /// The commonest written form (lower case) of an indexed stem in the first notices holding it:
    /// "vexati" → "vexatious". Nil when no notice text shows it.
    static let maxSuggestedWords = 5

    func surfaceWord(of stem: String) throws -> String? {
        if let known = surfaceWords[stem] { return known }
        let word = try findSurfaceWord(of: stem)
        if surfaceWords.count > 10_000 { surfaceWords.removeAll() }
        surfaceWords[stem] = .some(word)
        return word
    }

    private func findSurfaceWord(of stem: String) throws -> String? {
        // Only stems the tokenizer reads back unchanged can be looked up with MATCH.
        guard try tokenizer.stems(stem) == [stem] else { return nil }
        let needle = Array(stem.utf8.prefix(4))
        let ids = try db.rows("SELECT rowid FROM notice_fts WHERE notice_fts MATCH ? LIMIT 3", [MatchBuilder.quote(stem)]) { $0.int64(0) }
        let want = Array(stem.utf8)
        var counts: [String: Int] = [:]
        for id in ids {
            for p in try StoredParagraphs.read(db, notice: id) where Pinpointer.containsIgnoringASCIICase(p.text, needle) {
                let tokens = try tokenizer.tokenList(p.text)
                let utf8 = Array(p.text.utf8)
                for i in 0..<tokens.count where tokens.matches(i, want) {
                    let r = tokens.ranges[i]
                    guard r.lowerBound >= 0, r.upperBound <= utf8.count else { continue }
                    let word = String(decoding: utf8[r], as: UTF8.self).lowercased()
                    if word.allSatisfy({ $0.isLetter || $0 == "-" }) { counts[word, default: 0] += 1 }
                }
            }
            if counts.values.reduce(0, +) >= 5 { break }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// `text` with each word that has a suggestion replaced by its first one, as a query to run next.
    static func corrected(_ text: String, with suggestions: [String: [String]]) -> String? {
        guard !suggestions.isEmpty else { return nil }
        var out = ""
        var word = ""
        func flush() {
            if let s = suggestions[word.lowercased()]?.first { out += s } else { out += word }
            word = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out == text ? nil : out
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
