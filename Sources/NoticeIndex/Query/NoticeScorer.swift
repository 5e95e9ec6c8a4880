import CSQLite
import Foundation

/// FTS5's bm25 over notices, computed by a ranking function of ours that FTS5 calls once per matching
/// notice.
///
/// Why not `bm25()`: on the 25k-notice bench it spends most of its time outside the formula. For every
/// matching row it looks the row's length up in `notice_fts_docsize` through a prepared statement (a
/// B-tree seek per row), and before the first row it counts every phrase's documents with an extra pass
/// over the phrase's doclist. Here the lengths come from an array read once per open index by the first
/// broad query or second search (an engine's first search, if narrow, seeks its few rows' lengths as
/// `bm25()` does: reading every length was a large part of a cold one-shot query), the
/// document frequencies from `term_stats` (written by the indexer), and the filters from a bitmap, so a
/// row costs FTS5's own iteration plus one walk of the phrase positions: `information` (25,000
/// matches) 26.8 → 9.6 ms, `"public interest test"` 9.6 → 2.8 ms (bench/RESULTS.md).
///
/// The formula is FTS5's, so scores equal `-bm25(notice_fts, weights…)` for word queries (tested);
/// for a multi-word phrase the document frequency is its rarest word's, an upper bound (FTS5 counts
/// the phrase's own documents, an extra pass this design exists to avoid).
final class NoticeScorer {
    static let functionName = "noticeindex_rank"

    /// Everything the per-row path reads, behind one pointer: no reference counting or exclusivity
    /// checks on a path run 25,000 times per broad query.
    struct State {
        var k1 = 1.2, b = 0.75
        var weights: (Double, Double, Double, Double) = (1, 1, 1, 1)
        var idf = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var lengths = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
        /// Whether `lengths` holds every notice's length; until then each row asks FTS5 for its own.
        var lengthsLoaded = false
        var averageLength = 1.0
        /// One byte per rowid, nonzero when the filters allow the notice; nil when there are no filters.
        var allowed: UnsafeMutableBufferPointer<UInt8>?
        fileprivate var hits = UnsafeMutablePointer<ScoredNotice>.allocate(capacity: 1024)
        var hitCount = 0
        var hitCapacity = 1024
    }

    private let state: UnsafeMutablePointer<State>
    /// Documents in `notice_fts` (once the totals are read).
    private(set) var documentCount = 0
    private var totalsRead = false

    /// Registers the ranking function on `db`. The notice lengths are read by the first search that
    /// ranks (`readLengthsIfNeeded`), so commands that only show or export pay nothing for them.
    init(_ db: Database) throws {
        // The API first: if it cannot be had, nothing has been allocated yet.
        let api = try FTS5API.of(db)
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        self.state = state
        // The connection owns `state` from here: it frees it when it closes (or replaces the function),
        // so the function can never run on freed memory, whichever of scorer and connection goes first.
        let rc = api.pointee.xCreateFunction(api, Self.functionName, UnsafeMutableRawPointer(state), { api, fts, ctx, _, _ in
            guard let api, let fts, let raw = api.pointee.xUserData(fts) else { return }
            NoticeScorer.score(raw.assumingMemoryBound(to: State.self), api, fts)
            sqlite3_result_int(ctx, 1)
        }, { raw in
            guard let state = raw?.assumingMemoryBound(to: State.self) else { return }
            state.pointee.idf.deallocate()
            state.pointee.lengths.deallocate()
            state.pointee.allowed?.deallocate()
            state.pointee.hits.deallocate()
            state.deinitialize(count: 1)
            state.deallocate()
        })
        guard rc == SQLITE_OK else {
            // A failed registration never calls the destructor above: the state is still ours to free.
            state.pointee.hits.deallocate()
            state.deinitialize(count: 1)
            state.deallocate()
            throw NoticeIndexError.database(path: db.path, reason: "cannot register the ranking function")
        }
    }

    /// Reads the document count and average length, a few bytes, if this index's are not known yet.
    func readLengthsIfNeeded(_ db: Database) throws {
        if !totalsRead { try readTotals(db) }
    }

    /// Whether every notice's length has been read (by a broad query); for tests and the bench.
    var hasEveryLength: Bool { state.pointee.lengthsLoaded }

    /// The index changed under an open engine: read the totals (and, when needed, lengths) again.
    func forgetLengths() {
        totalsRead = false
        state.pointee.lengthsLoaded = false
    }

    /// An engine's first search, when it is expected to match at most this share of the notices, lets
    /// FTS5 look each matching row's length up (a seek, ~1.3 µs) instead of reading every notice's
    /// length (a sequential pass over `docsize`, ~0.2 µs a notice), so a one-shot CLI query for a rare
    /// word does not read 25,000 lengths (a seventh of a cold `search glealu` process's CPU; issue 14) —
    /// or 250,000. Broad searches, and every search after an engine's first (a long-lived engine: the
    /// read is paid once, the seeks on every search), read them all.
    static let broadShare = 8
    /// Searches this scorer has run.
    private var searches = 0

    /// The document count and the average notice length, from FTS5's own averages record (row 1 of
    /// `notice_fts_data`: the row count, then each column's total tokens, as varints) — what FTS5's
    /// `bm25()` reads, and equal to counting and summing `docsize`.
    private func readTotals(_ db: Database) throws {
        let s = try db.cached("SELECT block FROM notice_fts_data WHERE id = 1")
        defer { s.reset() }
        var values: [Int64] = []
        if try s.step() {
            s.withBlob(0) { blob in
                var value: Int64 = 0
                for byte in blob {
                    value = (value << 7) | Int64(byte & 0x7f)
                    if byte < 0x80 { values.append(value); value = 0 }
                }
            }
        }
        let count = values.first.map { Int(max(0, $0)) } ?? 0
        let total = values.dropFirst().reduce(0.0) { $0 + Double($1) }
        state.pointee.averageLength = count > 0 ? max(1, total / Double(count)) : 1
        documentCount = count
        totalsRead = true
    }

    /// Token count of every notice (all columns), from FTS5's own `docsize` table: one varint per column.
    private func readLengths(_ db: Database) throws {
        var lengths: [Int32] = []
        _ = try db.rows("SELECT id, sz FROM notice_fts_docsize") { s -> Void in
            let id = Int(s.int64(0))
            guard id >= 0 else { return }
            let length = s.withBlob(1) { blob -> Int64 in
                var length: Int64 = 0, value: Int64 = 0
                for byte in blob {
                    value = (value << 7) | Int64(byte & 0x7f)
                    if byte < 0x80 { length += value; value = 0 }
                }
                return length
            }
            if id >= lengths.count { lengths += repeatElement(0, count: id - lengths.count + 1) }
            lengths[id] = Int32(clamping: length)
        }
        let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: lengths.count)
        _ = buffer.initialize(from: lengths)
        state.pointee.lengths.deallocate()
        state.pointee.lengths = buffer
        state.pointee.lengthsLoaded = true
    }

    /// Notices holding a phrase of this idf (the inverse of `idf(documents:of:)`; a floored idf reads as
    /// half the collection or more).
    static func documents(forIDF idf: Double, of total: Int) -> Double {
        (Double(total) + 1) / (exp(idf) + 1) - 0.5
    }

    /// Runs `sql` (a `SELECT noticeindex_rank(notice_fts) … MATCH …`) and returns every matching notice
    /// the filters allow, with its score.
    func run(_ db: Database, _ sql: String, _ values: [SQLBindable?], weights: RankingWeights, idf: [Double],
             allowed: [Int64]?) throws -> [(id: Int64, text: Double)] {
        let s = state
        let expected = idf.map { Self.documents(forIDF: $0, of: documentCount) }.max() ?? 0
        if !s.pointee.lengthsLoaded, searches > 0 || expected * Double(Self.broadShare) > Double(documentCount) { try readLengths(db) }
        searches += 1
        s.pointee.weights = (weights.heading, weights.decision, weights.body, weights.terms)
        s.pointee.idf.deallocate()
        s.pointee.idf = UnsafeMutableBufferPointer<Double>.allocate(capacity: idf.count)
        _ = s.pointee.idf.initialize(from: idf)
        s.pointee.allowed?.deallocate()
        s.pointee.allowed = nil
        if let allowed {
            let size = max(0, allowed.max().map { Int($0) } ?? 0) + 1
            let bitmap = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
            bitmap.initialize(repeating: 0)
            for id in allowed where id >= 0 { bitmap[Int(id)] = 1 }
            s.pointee.allowed = bitmap
        }
        s.pointee.hitCount = 0
        _ = try db.rows(sql, values) { _ in () }
        return UnsafeBufferPointer(start: s.pointee.hits, count: s.pointee.hitCount).map { ($0.id, $0.text) }
    }

    /// The per-row path: skip notices the filters exclude, else sum each phrase's bm25 term.
    private static func score(_ s: UnsafeMutablePointer<State>, _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) {
        let a = api.pointee
        let rowid = a.xRowid(fts)
        if let allowed = s.pointee.allowed, rowid < 0 || Int(rowid) >= allowed.count || allowed[Int(rowid)] == 0 { return }
        let length: Double
        if s.pointee.lengthsLoaded {
            let lengths = s.pointee.lengths
            length = rowid >= 0 && Int(rowid) < lengths.count ? Double(lengths[Int(rowid)]) : s.pointee.averageLength
        } else {
            var n: Int32 = 0
            length = a.xColumnSize(fts, -1, &n) == SQLITE_OK ? Double(n) : s.pointee.averageLength
        }
        let k1 = s.pointee.k1, b = s.pointee.b
        let norm = k1 * (1 - b + b * length / s.pointee.averageLength)
        let w = s.pointee.weights
        let idf = s.pointee.idf
        var total = 0.0
        var iter = Fts5PhraseIter()
        var column: Int32 = 0, offset: Int32 = 0
        for p in 0..<Int(a.xPhraseCount(fts)) where p < idf.count {
            _ = a.xPhraseFirst(fts, Int32(p), &iter, &column, &offset)
            var f = 0.0
            while column >= 0 {
                switch column {
                case 0: f += w.0
                case 1: f += w.1
                case 2: f += w.2
                default: f += w.3
                }
                a.xPhraseNext(fts, &iter, &column, &offset)
            }
            if f > 0 { total += idf[p] * f * (k1 + 1) / (f + norm) }
        }
        if s.pointee.hitCount == s.pointee.hitCapacity {
            let bigger = UnsafeMutablePointer<ScoredNotice>.allocate(capacity: s.pointee.hitCapacity * 2)
            bigger.moveInitialize(from: s.pointee.hits, count: s.pointee.hitCount)
            s.pointee.hits.deallocate()
            s.pointee.hits = bigger
            s.pointee.hitCapacity *= 2
        }
        (s.pointee.hits + s.pointee.hitCount).initialize(to: ScoredNotice(id: rowid, text: total))
        s.pointee.hitCount += 1
    }

    /// FTS5's idf: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 so a term in most notices still
    /// counts a little and never subtracts.
    static func idf(documents n: Int, of total: Int) -> Double {
        let v = log((Double(total) - Double(n) + 0.5) / (Double(n) + 0.5))
        return v > 0 ? v : 1e-6
    }
}

/// A matching notice and its text score, as the per-row path stores it.
private struct ScoredNotice: Equatable {
    var id: Int64
    var text: Double
}
