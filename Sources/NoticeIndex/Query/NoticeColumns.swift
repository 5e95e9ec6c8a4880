/// The per-notice values that ranking, facets and filter-only ordering read (date, year, authority,
/// outcome, provisions relied on), by notice id.
///
/// Held like a search engine's "fast fields", but read only as far as a query needs them. Re-ranking
/// a text query reads three values for its 200 candidates: those are looked up one notice at a time
/// (an index seek each) and kept. Facets, and any engine that has looked up more than
/// `pointLookupLimit` notices, read every notice at once (`NoticeColumnTable`: 25k notices cost ~11 ms
/// of CPU, page faults included, and the array reads after that are free). A one-shot CLI query thus
/// pays for its candidates only (issue 14: the full read was a sixth of a cold `search` process's
/// CPU), while a long-lived engine converges on the arrays after a few queries.
///
/// Accessors do not throw: they run inside the search's read transaction, after the search's own
/// statements have read the same table. Should a read fail there anyway, the notice reads as having
/// no values (no boost, no facet count) rather than failing the search, and nothing is cached, so the
/// next access tries again.
final class NoticeColumns {
    private let db: Database
    private var table: NoticeColumnTable?
    /// Values of notices looked up one at a time, before `table` is read.
    private var looked: [Int64: Row] = [:]
    /// Point lookups after which every notice is read at once: more than one text query's 200
    /// candidates, few enough that a filters-only search over thousands of notices (ordered by date,
    /// so needing every match's date) wastes little before it reads the table.
    var pointLookupLimit = 300

    private struct Row {
        var dateKey: Int32 = 0
        var authorityKey: String?
        var outcome: String?
    }

    init(_ db: Database) throws {
        self.db = db
    }

    /// Every notice's values (read on first use). Empty when the read fails; see the type's comment.
    var all: NoticeColumnTable {
        if let table { return table }
        guard let t = try? NoticeColumnTable(db) else { return NoticeColumnTable() }
        table = t
        looked = [:]
        return t
    }

    /// Whether `all` has been read (for tests and the bench).
    var isFullyRead: Bool { table != nil }

    /// The whole table once read, or once point lookups have reached the limit (then read now).
    private var tableIfDue: NoticeColumnTable? {
        if let table { return table }
        return looked.count >= pointLookupLimit ? all : nil
    }

    private func row(_ id: Int64) -> Row {
        if let r = looked[id] { return r }
        var r = Row()
        do {
            // Through the narrow covering index: a seek into `notices` itself touches its wide rows.
            let sql = "SELECT date, authority, authority_key, outcome FROM notices INDEXED BY notices_columns WHERE id = ?"
            _ = try db.rows(sql, [id]) { s -> Void in
                r.dateKey = s.withTextBytes(0) { NoticeColumnTable.dateKey($0) }
                if !s.isNull(1) { r.authorityKey = s.string(2) }
                r.outcome = s.string(3)
            }
        } catch {
            return Row()
        }
        looked[id] = r
        return r
    }

    /// Facets' membership test over every match: reads the whole table.
    func has(_ id: Int64) -> Bool { all.has(id) }

    func authorityKey(of id: Int64) -> String? {
        guard let t = tableIfDue else { return row(id).authorityKey }
        guard t.has(id), t.authority[Int(id)] >= 0 else { return nil }
        return t.authorityKeys[Int(t.authority[Int(id)])]
    }

    func outcome(of id: Int64) -> String? {
        guard let t = tableIfDue else { return row(id).outcome }
        guard t.has(id), t.outcome[Int(id)] >= 0 else { return nil }
        return t.outcomeNames[Int(t.outcome[Int(id)])]
    }

    func dateKey(of id: Int64) -> Int32 {
        guard let t = tableIfDue else { return row(id).dateKey }
        return t.has(id) ? t.dateKey[Int(id)] : 0
    }

    // Facets read every matching notice: these read the whole table.
    var year: [Int32] { all.year }
    var authority: [Int32] { all.authority }
    var authorityNames: [String] { all.authorityNames }
    var authorityKeys: [String?] { all.authorityKeys }
    var outcome: [Int8] { all.outcome }
    var outcomeNames: [String] { all.outcomeNames }
    var provisionNames: [String] { all.provisionNames }

    func provisions(of id: Int64) -> ArraySlice<Int32> {
        let t = all
        guard t.has(id) else { return [] }
        return t.provisionIDs[Int(t.provisionStart[Int(id)])..<Int(t.provisionStart[Int(id) + 1])]
    }
}

/// Every notice's values in arrays indexed by notice id, read in one pass over the covering index
/// `notices_columns`, which holds exactly these columns.
final class NoticeColumnTable {
    /// `yyyymmdd`, 0 when the notice has no date; orders like the ISO date it comes from.
    private(set) var dateKey: [Int32] = []
    private(set) var year: [Int32] = []
    /// Index into `names` (authority display name) and `keys` (alias key), -1 for none.
    private(set) var authority: [Int32] = []
    private(set) var authorityNames: [String] = []
    private(set) var authorityKeys: [String?] = []
    /// Index into `outcomeNames`, -1 for none.
    private(set) var outcome: [Int8] = []
    private(set) var outcomeNames: [String] = []
    /// Provisions relied on: notice `id` has `provisionIDs[provisionStart[id]..<provisionStart[id + 1]]`.
    private(set) var provisionStart: [Int32] = [0]
    private(set) var provisionIDs: [Int32] = []
    private(set) var provisionNames: [String] = []
    /// Ids with a row in `notices`.
    private(set) var exists: [Bool] = []

    /// No notices: what `NoticeColumns.all` returns when the read fails.
    init() {}

    init(_ db: Database) throws {
        // Read on bytes: a String per value made loading 25k notices cost more than a search.
        let size = (try db.int("SELECT max(id) FROM notices") ?? -1) + 1
        exists = [Bool](repeating: false, count: size)
        dateKey = [Int32](repeating: 0, count: size)
        year = [Int32](repeating: 0, count: size)
        authority = [Int32](repeating: -1, count: size)
        outcome = [Int8](repeating: -1, count: size)
        var authorityIndex = Interner(), outcomeIndex = Interner(), provisionIndex = Interner()
        var lists = [[Int32]](repeating: [], count: size)
        _ = try db.rows("""
            SELECT id, date, year, authority, authority_key, outcome, provisions FROM notices INDEXED BY notices_columns
            """) { s -> Void in
            let id = Int(s.int64(0))
            guard id >= 0 && id < size else { return }
            exists[id] = true
            dateKey[id] = s.withTextBytes(1) { Self.dateKey($0) }
            year[id] = s.isNull(2) ? 0 : Int32(truncatingIfNeeded: s.int(2))
            if !s.isNull(3) {
                // Authorities with an alias key are one authority however spelled; others, one per name.
                let byName = s.isNull(4)
                let (i, isNew) = s.withTextBytes(byName ? 3 : 4) { authorityIndex.index(of: $0, space: byName ? 1 : 0) }
                if isNew {
                    authorityNames.append(s.string(3) ?? "")
                    authorityKeys.append(s.string(4))
                }
                authority[id] = i
            }
            if !s.isNull(5) {
                let (i, isNew) = s.withTextBytes(5) { outcomeIndex.index(of: $0) }
                if isNew { outcomeNames.append(s.string(5) ?? "") }
                outcome[id] = Int8(truncatingIfNeeded: i)
            }
            s.withTextBytes(6) { text in
                var start = 0
                for end in 0...text.count where end == text.count || text[end] == 0x20 {
                    defer { start = end + 1 }
                    guard end > start else { continue }
                    let item = UnsafeRawBufferPointer(rebasing: text[start..<end])
                    let (i, isNew) = provisionIndex.index(of: item)
                    if isNew { provisionNames.append(String(decoding: item, as: UTF8.self)) }
                    lists[id].append(i)
                }
            }
        }
        provisionStart.reserveCapacity(size + 1)
        for list in lists {
            provisionIDs += list
            provisionStart.append(Int32(provisionIDs.count))
        }
    }

    /// Gives each distinct value (its bytes, in a key space) a small number, in order of first sight. Found
    /// by hash and confirmed on the bytes: two values whose hashes collide stay two values.
    struct Interner {
        private var buckets: [UInt64: [Int32]] = [:]
        private var values: [(space: UInt8, bytes: [UInt8])] = []

        mutating func index(of bytes: UnsafeRawBufferPointer, space: UInt8 = 0) -> (Int32, isNew: Bool) {
            let h = FNV1a.hash(bytes, seed: UInt64(space))
            for i in buckets[h] ?? [] where values[Int(i)].space == space && values[Int(i)].bytes.elementsEqual(bytes) {
                return (i, false)
            }
            let i = Int32(values.count)
            values.append((space, Array(bytes)))
            buckets[h, default: []].append(i)
            return (i, true)
        }
    }

    func has(_ id: Int64) -> Bool { id >= 0 && Int(id) < exists.count && exists[Int(id)] }

    /// `2024-02-08` → 20240208; anything else → 0.
    static func dateKey(_ iso: UnsafeRawBufferPointer) -> Int32 {
        var value: Int32 = 0, digits = 0
        for b in iso {
            if b >= 0x30 && b <= 0x39 { value = value * 10 + Int32(b - 0x30); digits += 1 } else if b != 0x2D { return 0 }
            if digits > 8 { return 0 }
        }
        return digits == 8 ? value : 0
    }
}

/// The cases each notice cites, by notice id, for the cited-case boost: a query that names a case
/// ("Dransfield") checks its 200 candidates. Looked up one candidate at a time (through
/// `citations_notice`) until `pointLookupLimit` notices have been asked for, then read for every notice
/// at once, as `NoticeColumns` does: reading the whole table was a sixth of a cold `search Dransfield`
/// process's CPU at 25k notices (issue 14), and grows with the index.
///
/// Like `NoticeColumns`, lookups do not throw: a failed read counts as citing nothing (no boost) and
/// is not cached.
final class CitedCases {
    private let db: Database
    private var start: [Int32] = [0]
    private var ids: [Int64] = []
    private var tableRead = false
    private var looked: [Int64: [Int64]] = [:]
    var pointLookupLimit = 300

    init(_ db: Database) {
        self.db = db
    }

    /// Whether every notice's cases have been read (for tests).
    var isFullyRead: Bool { tableRead }

    private func readTable() throws {
        var lists: [[Int64]] = []
        _ = try db.rows("SELECT notice_id, case_id FROM citations ORDER BY notice_id") { s -> Void in
            let notice = Int(s.int64(0))
            guard notice >= 0 else { return }
            if notice >= lists.count { lists += repeatElement([], count: notice - lists.count + 1) }
            lists[notice].append(s.int64(1))
        }
        var start: [Int32] = [0], ids: [Int64] = []
        start.reserveCapacity(lists.count + 1)
        for list in lists {
            ids += list
            start.append(Int32(ids.count))
        }
        (self.start, self.ids, tableRead, looked) = (start, ids, true, [:])
    }

    func of(_ notice: Int64) -> ArraySlice<Int64> {
        if !tableRead, looked.count >= pointLookupLimit { try? readTable() }
        if tableRead {
            guard notice >= 0, Int(notice) + 1 < start.count else { return [] }
            return ids[Int(start[Int(notice)])..<Int(start[Int(notice) + 1])]
        }
        if let known = looked[notice] { return known[...] }
        guard let cases = try? db.rows("SELECT case_id FROM citations WHERE notice_id = ?", [notice], { $0.int64(0) }) else { return [] }
        looked[notice] = cases
        return cases[...]
    }
}
