import Foundation

extension SearchEngine {
    /// How many values each facet lists, most frequent first: a screenful of provisions or authorities is
    /// what a researcher scans (the counts cover every match either way); outcomes have three values and
    /// "unknown", so theirs never cuts.
    static let facetProvisions = 30, facetAuthorities = 30, facetOutcomes = 10

    /// Counts by provision relied on, authority, outcome and year over every matching notice, from the
    /// columns held in memory.
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
}
