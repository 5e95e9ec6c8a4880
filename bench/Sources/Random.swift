import Foundation
import NoticeEvaluation

/// The bench's random numbers: SplitMix64 (shared with the tests, in NoticeEvaluation), so a seed
/// always gives the same corpus, with the draws the generator needs.
struct SeededRandom {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    /// A generator for item `index` of a run seeded with `seed`: items can be made in any order, on
    /// any thread, and still come out the same.
    init(seed: UInt64, stream: UInt64) {
        var mix = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        source = SplitMix64(seed: mix.next() ^ 0xD1B5_4A32_D192_ED03)
    }

    mutating func next() -> UInt64 { source.next() }

    /// Uniform in 0..<n (the modulo bias is far below anything a benchmark corpus could show).
    mutating func int(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next() % UInt64(n))
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + int(range.count) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(i + 1)) }
    }
}

/// Draws ranks 0..<n with probability proportional to 1 / (rank + 1)^s (Zipf), by binary search over
/// the cumulative weights.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, exponent s: Double) {
        var c = [Double](repeating: 0, count: count)
        var total = 0.0
        for k in 0..<count {
            total += 1.0 / pow(Double(k + 1), s)
            c[k] = total
        }
        cumulative = c.map { $0 / total }
    }

    var count: Int { cumulative.count }

    /// Probability of rank `k`.
    func probability(_ k: Int) -> Double { cumulative[k] - (k == 0 ? 0 : cumulative[k - 1]) }

    func sample(_ rng: inout SeededRandom) -> Int {
        let u = rng.unit()
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Weighted choice among a fixed list.
struct WeightedChoice<T> {
    let items: [T]
    private let cumulative: [Double]

    init(_ pairs: [(T, Double)]) {
        items = pairs.map(\.0)
        var total = 0.0
        cumulative = pairs.map { total += $0.1; return total }
    }

    func pick(_ rng: inout SeededRandom) -> T {
        let u = rng.unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] <= u { lo = mid + 1 } else { hi = mid }
        }
        return items[lo]
    }
}
