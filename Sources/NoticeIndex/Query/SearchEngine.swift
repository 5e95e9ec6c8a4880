import Foundation

/// Answers searches against one index: match with FTS5 at notice level, filter, re-rank the best
/// candidates with legal boosts, then pinpoint paragraphs for the page shown.
public final class SearchEngine {
    let db: Database
    let tokenizer: FTS5Tokenizer
    public var weights = RankingWeights()

    public init(databasePath: String) throws {
        db = try IndexDatabase.openForReading(databasePath)
        tokenizer = try FTS5Tokenizer(db)
    }

    /// Number of notices in the index.
    public func noticeCount() throws -> Int { try db.int("SELECT count(*) FROM notices") ?? 0 }

    public func search(_ query: Query, limit: Int = 10, facets wantFacets: Bool = false) throws -> SearchResponse {
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

        let ranked = try rerank(scored, query: query) + (partial.isEmpty ? [] : try rerank(partial, query: query))
        let page = Array(ranked.prefix(max(0, limit)))
        let terms = query.root?.positiveTerms ?? []
        let pinpointer = Pinpointer(tokenizer: tokenizer, terms: terms, filterProvisions: query.filters.provisions)
        for (id, score) in page {
            guard var record = try NoticeReader(db: db).record(id: id) else { continue }
            record.score = score
            let paragraphs = try StoredParagraphs.read(db, notice: id).map {
                Pinpointer.Paragraph(seq: $0.seq, number: $0.number, heading: $0.heading, text: $0.text)
            }
            record.paragraphs = pinpointer.best(paragraphs, law: record.law.flatMap(Law.init(rawValue:)), limit: 3)
            response.results.append(record)
        }
        return response
    }

    /// Notices matching `root` (and allowed by the filters), with their weighted bm25 scores.
    func match(_ root: QueryNode, filter: FilterSQL?) throws -> [(id: Int64, text: Double)] {
        let w = weights
        var sql = "SELECT rowid, -bm25(notice_fts, \(w.heading), \(w.decision), \(w.body), \(w.terms)) FROM notice_fts WHERE notice_fts MATCH ?"
        var values: [SQLBindable?] = [MatchBuilder.expression(root)]
        if let filter {
            // Filtered inside SQLite, so bm25 is computed only for allowed notices.
            // `+rowid`: FTS5 drives the scan; a bare rowid constraint makes SQLite probe FTS5 once per
            // allowed id, which is far slower for broad filters.
            sql += " AND +rowid IN (\(filter.subquery))"
            values += filter.values
        }
        let rows: [(id: Int64, text: Double)]
        do {
            rows = try db.rows(sql, values) { ($0.int64(0), $0.double(1)) }
        } catch let NoticeIndexError.sqlite(_, message, _) {
            // Built from a parsed query with every term quoted, so this should not happen; if it
            // does, say so in a line instead of showing SQLite's words.
            throw NoticeIndexError.query("the query could not be run (\(message.contains("fts5") ? "unsupported combination of operators" : "internal error"))", position: nil)
        }
        return rows
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
    func rerank(_ scored: [(id: Int64, text: Double)], query: Query) throws -> [(Int64, Double)] {
        let w = weights
        guard query.root != nil else {
            let ids = scored.map(\.id)
            let dates = try NoticeReader(db: db).dates(ids)
            return ids.sorted { (dates[$0] ?? "", $1) > (dates[$1] ?? "", $0) }.map { ($0, 0) }
        }
        let candidates = Self.top(scored, w.candidates)
        let best = candidates.first?.text ?? 1
        let ids = candidates.map(\.id)
        let signals = try QuerySignals(query: query, db: db)
        let info = try NoticeReader(db: db).rankingInfo(ids, provisions: signals.provisions)
        var out: [(Int64, Double, String)] = []
        for c in candidates {
            var score = c.text
            if let n = info[c.id] {
                var boost = 0.0
                for p in signals.provisions {
                    if n.relied.contains(p) { boost += w.reliedProvision } else if n.mentioned.contains(p) { boost += w.mentionedProvision }
                }
                if let key = n.authorityKey, signals.authorityKeys.contains(key) { boost += w.authority }
                if let o = n.outcome, signals.outcomes.contains(o) { boost += w.outcome }
                if !signals.caseIDs.isDisjoint(with: n.caseIDs) { boost += w.citedCase }
                score += boost * best
            }
            out.append((c.id, score, info[c.id]?.date ?? ""))
        }
        // Ties go to the newer notice.
        out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 > $1.2 }
        return out.map { ($0.0, $0.1) }
    }

    /// The `k` best-scoring matches, best first, without sorting all of them (a broad query matches most
    /// of the collection; only the candidates need an order).
    static func top(_ scored: [(id: Int64, text: Double)], _ k: Int) -> [(id: Int64, text: Double)] {
        guard scored.count > k * 2 else { return Array(scored.sorted { $0.text > $1.text }.prefix(k)) }
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

    /// Counts by provision relied on, authority, outcome and year over every matching notice, read in
    /// one pass over `notices` (whose `provisions` column already lists what each notice relies on).
    func facets(for ids: [Int64]) throws -> Facets {
        var provisions: [String: Int] = [:], authorities: [String: (name: String, count: Int)] = [:]
        var outcomes: [String: Int] = [:], years: [String: Int] = [:]
        func count(_ s: Statement) {
            for p in (s.string(1) ?? "").split(separator: " ") { provisions[String(p), default: 0] += 1 }
            let name = s.string(2) ?? "unknown"
            let key = s.string(3) ?? name
            authorities[key, default: (name, 0)].count += 1
            outcomes[s.string(4) ?? "unknown", default: 0] += 1
            years[s.isNull(5) ? "unknown" : String(s.int(5)), default: 0] += 1
        }
        let columns = "id, provisions, authority, authority_key, outcome, year"
        if ids.count <= 500 {
            if !ids.isEmpty {
                _ = try db.rows("SELECT \(columns) FROM notices WHERE id IN (\(ids.map(String.init).joined(separator: ",")))") { count($0) }
            }
        } else {
            let wanted = Set(ids)
            _ = try db.rows("SELECT \(columns) FROM notices") { s in if wanted.contains(s.int64(0)) { count(s) } }
        }
        func top(_ d: [String: Int], _ n: Int) -> [(String, Int)] {
            Array(d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n)).map { ($0.key, $0.value) }
        }
        return Facets(
            provisions: top(provisions, 30),
            authorities: Array(authorities.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
                .prefix(30)).map { ($0.name, $0.count) },
            outcomes: top(outcomes, 10),
            years: years.sorted { $0.key > $1.key }.map { ($0.key, $0.value) })
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
