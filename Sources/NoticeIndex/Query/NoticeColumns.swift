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
        var authorityIndex: [String: Int32] = [:], outcomeIndex: [String: Int8] = [:], provisionIndex: [String: Int32] = [:]
        var pending: [[Int32]] = []
        _ = try db.rows("""
            SELECT id, date, year, authority, authority_key, outcome, provisions FROM notices INDEXED BY notices_columns
            """) { s -> Void in
            let id = Int(s.int64(0))
            guard id >= 0 else { return }
            if id >= exists.count {
                let grow = id - exists.count + 1
                exists += repeatElement(false, count: grow)
                dateKey += repeatElement(0, count: grow)
                year += repeatElement(0, count: grow)
                authority += repeatElement(-1, count: grow)
                outcome += repeatElement(-1, count: grow)
                pending += repeatElement([], count: grow)
            }
            exists[id] = true
            dateKey[id] = Self.dateKey(s.string(1))
            year[id] = s.isNull(2) ? 0 : Int32(truncatingIfNeeded: s.int(2))
            if let name = s.string(3) {
                let key = s.string(4)
                let lookup = key ?? "\u{1F}" + name
                if let i = authorityIndex[lookup] {
                    authority[id] = i
                } else {
                    let i = Int32(authorityNames.count)
                    authorityIndex[lookup] = i
                    authorityNames.append(name)
                    authorityKeys.append(key)
                    authority[id] = i
                }
            }
            if let o = s.string(5) {
                if outcomeIndex[o] == nil { outcomeIndex[o] = Int8(outcomeNames.count); outcomeNames.append(o) }
                outcome[id] = outcomeIndex[o]!
            }
            for p in (s.string(6) ?? "").split(separator: " ") {
                let name = String(p)
                if provisionIndex[name] == nil { provisionIndex[name] = Int32(provisionNames.count); provisionNames.append(name) }
                pending[id].append(provisionIndex[name]!)
            }
        }
        provisionStart.reserveCapacity(pending.count + 1)
        for list in pending {
            provisionIDs += list
            provisionStart.append(Int32(provisionIDs.count))
        }
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
    static func dateKey(_ iso: String?) -> Int32 {
        guard let iso else { return 0 }
        var value: Int32 = 0, digits = 0
        for b in iso.utf8 {
            if b >= 0x30 && b <= 0x39 { value = value * 10 + Int32(b - 0x30); digits += 1 } else if b != 0x2D { return 0 }
            if digits > 8 { return 0 }
        }
        return digits == 8 ? value : 0
    }
}
