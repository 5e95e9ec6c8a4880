import Foundation

extension SearchEngine {
    /// How many values each facet lists, most frequent first: a screenful of provisions or authorities is
    /// what a researcher scans (the counts cover every match either way); outcomes have three values and
    /// "unknown", so theirs never cuts.
    static let facetProvisions = 30, facetAuthorities = 30, facetOutcomes = 10

    /// Matches up to which facets read just those notices' columns (one statement through the covering
    /// index `notices_columns`) rather than every notice's (`NoticeColumnTable`, ~11 ms of CPU at 25k
    /// notices): a case's citing notices or a narrow filter are a few dozen to a few hundred (issue 14).
    static let facetPointReadLimit = 1500

    /// Counts by provision relied on, authority, outcome and year over every matching notice.
    func facets(for ids: [Int64]) throws -> Facets {
        let c = try columns()
        if ids.count <= Self.facetPointReadLimit, !c.isFullyRead { return try facetsReadingEach(ids) }
        return facetsFromTable(ids, c)
    }

    /// Facets from the columns held in memory (read whole on first use).
    func facetsFromTable(_ ids: [Int64], _ c: NoticeColumns) -> Facets {
        var provisions = [Int](repeating: 0, count: c.provisionNames.count)
        var authorities = [Int](repeating: 0, count: c.authorityNames.count + 1)
        var outcomes = [Int](repeating: 0, count: c.outcomeNames.count + 1)
        var counts = FacetCounts()
        for id in ids where c.has(id) {
            let i = Int(id)
            for p in c.provisions(of: id) { provisions[Int(p)] += 1 }
            authorities[Int(c.authority[i]) + 1] += 1
            outcomes[Int(c.outcome[i]) + 1] += 1
            counts.count(year: c.year[i], outcome: c.outcome[i] < 0 ? nil : c.outcomeNames[Int(c.outcome[i])])
        }
        for (p, n) in provisions.enumerated() where n > 0 { counts.provisions[c.provisionNames[p]] = n }
        // Authorities with one alias key but several spellings count together, under the name first seen
        // (the lowest notice id) among the spellings present.
        for (i, n) in authorities.enumerated() where n > 0 {
            let name = i == 0 ? "unknown" : c.authorityNames[i - 1]
            let key = i == 0 ? "unknown" : c.authorityKeys[i - 1] ?? name
            counts.authorities[key, default: (name, 0)].count += n
        }
        return counts.facets()
    }

    /// Facets from the columns of the matching notices alone. Names of authorities spelled several ways
    /// are those the table gives: the spelling of the lowest-id notice with that key in the whole index.
    func facetsReadingEach(_ ids: [Int64]) throws -> Facets {
        var counts = FacetCounts()
        var keyed: [String: Int] = [:], named: [String: Int] = [:]
        let sql = """
            SELECT year, outcome, authority, authority_key, provisions FROM notices INDEXED BY notices_columns
            WHERE id IN (SELECT value FROM json_each(?))
            """
        _ = try db.rows(sql, [NoticeReader.jsonArray(ids)]) { s -> Void in
            counts.count(year: s.isNull(0) ? 0 : Int32(truncatingIfNeeded: s.int(0)), outcome: s.string(1))
            if let authority = s.string(2) {
                if let key = s.string(3) { keyed[key, default: 0] += 1 } else { named[authority, default: 0] += 1 }
            } else {
                counts.authorities["unknown", default: ("unknown", 0)].count += 1
            }
            for p in (s.string(4) ?? "").split(separator: " ") { counts.provisions[String(p), default: 0] += 1 }
        }
        // As the table orders spellings: "unknown" first, then by the first notice seen with each.
        var groups: [(first: Int64, key: String, name: String, count: Int)] = []
        for (key, n) in keyed {
            let first = try db.rows("SELECT id, authority FROM notices WHERE authority_key = ? AND authority IS NOT NULL ORDER BY id LIMIT 1",
                                    [key]) { ($0.int64(0), $0.string(1) ?? "") }.first ?? (0, key)
            groups.append((first.0, key, first.1, n))
        }
        for (name, n) in named {
            // Only a name that is also some authority's alias key shares a group; then which came first decides.
            var first = 0
            if keyed[name] != nil {
                first = try db.int("SELECT min(id) FROM notices WHERE authority_key IS NULL AND authority = ?", [name]) ?? 0
            }
            groups.append((Int64(first), name, name, n))
        }
        for g in groups.sorted(by: { $0.first < $1.first }) {
            counts.authorities[g.key, default: (g.name, 0)].count += g.count
        }
        return counts.facets()
    }
}

/// A facet's counts before they are cut to their lists, whichever way they were read.
struct FacetCounts {
    var provisions: [String: Int] = [:]
    /// By authority group (alias key, else name; "unknown"): the name shown and the count.
    var authorities: [String: (name: String, count: Int)] = [:]
    var outcomes: [String: Int] = [:]
    /// By year, 0 for none.
    var years: [Int32: Int] = [:]
    var yearOutcome: [Int32: [String: Int]] = [:]

    mutating func count(year: Int32, outcome: String?) {
        let o = outcome ?? "unknown"
        outcomes[o, default: 0] += 1
        years[year, default: 0] += 1
        yearOutcome[year, default: [:]][o, default: 0] += 1
    }

    /// The lists shown: most frequent first, ties by name; years newest first, "unknown" before them.
    func facets() -> Facets {
        func top(_ counts: [(String, Int)], _ n: Int) -> [(String, Int)] {
            Array(counts.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(n))
        }
        func yearName(_ y: Int32) -> String { y == 0 ? "unknown" : String(y) }
        var facets = Facets(
            provisions: top(provisions.map { ($0.key, $0.value) }, SearchEngine.facetProvisions),
            authorities: top(authorities.values.map { ($0.name, $0.count) }, SearchEngine.facetAuthorities),
            outcomes: top(outcomes.map { ($0.key, $0.value) }, SearchEngine.facetOutcomes),
            years: years.map { (yearName($0.key), $0.value) }.sorted { $0.0 > $1.0 })
        for (year, byOutcome) in yearOutcome { facets.yearsByOutcome[yearName(year)] = byOutcome }
        return facets
    }
}
