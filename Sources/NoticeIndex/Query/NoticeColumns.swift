/// The per-notice values that ranking, facets and filter-only ordering read for many notices at a
/// time (date, year, authority, outcome, provisions relied on), held in arrays indexed by notice id.
///
/// Read once per open index, the way a search engine keeps "fast fields": a query then touches only
/// its own matches, where SQL would look each notice up again (facets over 13,000 matches: 25 ms as
/// a pass over `notices`, under 1 ms here; bench/RESULTS.md). The read goes through the covering
/// index `notices_columns`, which holds exactly these columns: 25k notices in a few milliseconds.
final class NoticeColumns {
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

    init(_ db: Database) throws {
        // Read on bytes: a String per value made loading 25k notices cost more than a search.
        let size = (try db.int("SELECT max(id) FROM notices") ?? -1) + 1
        exists = [Bool](repeating: false, count: size)
        dateKey = [Int32](repeating: 0, count: size)
        year = [Int32](repeating: 0, count: size)
        authority = [Int32](repeating: -1, count: size)
        outcome = [Int8](repeating: -1, count: size)
        var authorityIndex: [UInt64: Int32] = [:], outcomeIndex: [UInt64: Int8] = [:], provisionIndex: [UInt64: Int32] = [:]
        var lists = [[Int32]](repeating: [], count: size)
        _ = try db.rows("""
            SELECT id, date, year, authority, authority_key, outcome, provisions FROM notices INDEXED BY notices_columns
            """) { s -> Void in
            let id = Int(s.int64(0))
            guard id >= 0 && id < size else { return }
            exists[id] = true
            dateKey[id] = Self.dateKey(s.textBytes(1))
            year[id] = s.isNull(2) ? 0 : Int32(truncatingIfNeeded: s.int(2))
            if !s.isNull(3) {
                let key = s.isNull(4) ? Self.hash(s.textBytes(3), seed: 1) : Self.hash(s.textBytes(4))
                if let i = authorityIndex[key] {
                    authority[id] = i
                } else {
                    let i = Int32(authorityNames.count)
                    authorityIndex[key] = i
                    authorityNames.append(s.string(3) ?? "")
                    authorityKeys.append(s.string(4))
                    authority[id] = i
                }
            }
            if !s.isNull(5) {
                let key = Self.hash(s.textBytes(5))
                if let i = outcomeIndex[key] {
                    outcome[id] = i
                } else {
                    let i = Int8(outcomeNames.count)
                    outcomeIndex[key] = i
                    outcomeNames.append(s.string(5) ?? "")
                    outcome[id] = i
                }
            }
            let text = s.textBytes(6)
            var start = 0
            for end in 0...text.count where end == text.count || text[end] == 0x20 {
                defer { start = end + 1 }
                guard end > start else { continue }
                let item = UnsafeRawBufferPointer(rebasing: text[start..<end])
                let key = Self.hash(item)
                if let i = provisionIndex[key] {
                    lists[id].append(i)
                } else {
                    let i = Int32(provisionNames.count)
                    provisionIndex[key] = i
                    provisionNames.append(String(decoding: item, as: UTF8.self))
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

    /// FNV-1a of a value's bytes; `seed` keeps names apart from alias keys.
    private static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    func has(_ id: Int64) -> Bool { id >= 0 && Int(id) < exists.count && exists[Int(id)] }

    func provisions(of id: Int64) -> ArraySlice<Int32> {
        guard has(id) else { return [] }
        return provisionIDs[Int(provisionStart[Int(id)])..<Int(provisionStart[Int(id) + 1])]
    }

    func authorityKey(of id: Int64) -> String? {
        guard has(id), authority[Int(id)] >= 0 else { return nil }
        return authorityKeys[Int(authority[Int(id)])]
    }

    func outcome(of id: Int64) -> String? {
        guard has(id), outcome[Int(id)] >= 0 else { return nil }
        return outcomeNames[Int(outcome[Int(id)])]
    }

    func dateKey(of id: Int64) -> Int32 { has(id) ? dateKey[Int(id)] : 0 }

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

/// The cases each notice cites (`cases.id`), read once per open index by the first query that names a
/// case: re-ranking `Dransfield` then looks its candidates up here instead of in `citations`.
final class CitedCases {
    private var start: [Int32] = [0]
    private var ids: [Int64] = []

    init(_ db: Database) throws {
        var lists: [[Int64]] = []
        _ = try db.rows("SELECT notice_id, case_id FROM citations ORDER BY notice_id") { s -> Void in
            let notice = Int(s.int64(0))
            guard notice >= 0 else { return }
            if notice >= lists.count { lists += repeatElement([], count: notice - lists.count + 1) }
            lists[notice].append(s.int64(1))
        }
        start.reserveCapacity(lists.count + 1)
        for list in lists {
            ids += list
            start.append(Int32(ids.count))
        }
    }

    func of(_ notice: Int64) -> ArraySlice<Int64> {
        guard notice >= 0, Int(notice) + 1 < start.count else { return [] }
        return ids[Int(start[Int(notice)])..<Int(start[Int(notice) + 1])]
    }
}
