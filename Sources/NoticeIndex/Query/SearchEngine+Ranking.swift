import Foundation

extension SearchEngine {
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
            case let .phrase(ws), let .reference(ws, _): words += ws
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
