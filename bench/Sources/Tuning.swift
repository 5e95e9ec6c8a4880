import Foundation
import NoticeIndex
import NoticeEvaluation

/// The ranking weights `relevance --tune` varies, with the values it tries: a few either side of the
/// library's defaults, coarse on purpose (each evaluation runs every judged query, and finer steps
/// would fit the generator rather than notices).
enum Tuning {
    struct Parameter {
        var name: String
        var path: WritableKeyPath<RankingWeights, Double>
        var values: [Double]
    }

    // Computed: key paths are not Sendable, so a stored static would not be concurrency-safe.
    static var parameters: [Parameter] { [
        .init(name: "heading", path: \.heading, values: [1, 2, 4, 8]),
        .init(name: "decision", path: \.decision, values: [1, 2, 4]),
        .init(name: "terms", path: \.terms, values: [1, 1.5, 3, 6]),
        .init(name: "relied", path: \.reliedProvision, values: [0, 0.3, 0.6, 1, 1.5]),
        .init(name: "mentioned", path: \.mentionedProvision, values: [0, 0.1, 0.3, 0.6]),
        .init(name: "authority", path: \.authority, values: [0, 0.2, 0.4, 0.8, 1.2]),
        .init(name: "outcome", path: \.outcome, values: [0, 0.15, 0.3, 0.6, 1]),
        .init(name: "case", path: \.citedCase, values: [0, 0.25, 0.5, 1, 1.5]),
    ] }

    /// `heading=4,relied=1` over the defaults; names as in `parameters` (plus `body`).
    static func weights(_ spec: String) throws -> RankingWeights {
        var w = RankingWeights()
        for item in spec.split(separator: ",") {
            let kv = item.split(separator: "=")
            guard kv.count == 2, let v = Double(kv[1]) else { throw BenchError.usage("--weights takes name=value,… not '\(item)'") }
            if kv[0] == "body" { w.body = v; continue }
            guard let p = parameters.first(where: { $0.name == kv[0] }) else { throw BenchError.usage("unknown weight '\(kv[0])'") }
            w[keyPath: p.path] = v
        }
        return w
    }

    static func describe(_ w: RankingWeights) -> String {
        parameters.map { "\($0.name)=\(fmt(w[keyPath: $0.path]))" }.joined(separator: ",")
    }

    static func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    /// One-at-a-time sweeps around the defaults (how steep each weight's curve is), a relied × authority
    /// grid, then coordinate ascent on mean nDCG@10 (P@5 breaks ties; a tie keeps the current value)
    /// until a round changes nothing, at most three rounds. Prints Markdown; returns the best weights found.
    static func run(evaluate: (RankingWeights) throws -> RelevanceScores) throws -> RankingWeights {
        var cache: [String: RelevanceScores] = [:]
        func score(_ w: RankingWeights) throws -> RelevanceScores {
            let key = describe(w)
            if let s = cache[key] { return s }
            let s = try evaluate(w)
            cache[key] = s
            return s
        }
        func better(_ a: RelevanceScores, _ b: RelevanceScores) -> Bool {
            // Differences under 0.0005 are rounding, not ranking.
            abs(a.ndcgAt10 - b.ndcgAt10) > 0.0005 ? a.ndcgAt10 > b.ndcgAt10 : a.precisionAt5 > b.precisionAt5 + 0.0005
        }

        let defaults = RankingWeights()
        let base = try score(defaults)
        print("### One weight at a time (the rest at the defaults)\n")
        print("nDCG@10 / P@5 for each value tried; **bold** = the default. Spread = best − worst nDCG@10.\n")
        print("| weight | values tried → nDCG@10 / P@5 | spread |\n|---|---|---|")
        for p in parameters {
            var cells: [String] = [], ndcgs: [Double] = []
            for v in p.values {
                var w = defaults
                w[keyPath: p.path] = v
                let s = try score(w)
                ndcgs.append(s.ndcgAt10)
                let cell = "\(fmt(v)) → \(String(format: "%.3f / %.3f", s.ndcgAt10, s.precisionAt5))"
                cells.append(v == defaults[keyPath: p.path] ? "**\(cell)**" : cell)
            }
            print("| \(p.name) | \(cells.joined(separator: "; ")) | \(String(format: "%.3f", (ndcgs.max() ?? 0) - (ndcgs.min() ?? 0))) |")
        }

        // The trade-off the judgments grade most directly: a notice relying on the query's provision
        // (grade ≥ 1) against one by the query's authority that only mentions it (grade 0).
        let relied = parameters.first { $0.name == "relied" }!, authority = parameters.first { $0.name == "authority" }!
        print("\n### relied × authority (nDCG@10; the rest at the defaults)\n")
        print("| relied \\ authority | " + authority.values.map(fmt).joined(separator: " | ") + " |")
        print("|---|" + String(repeating: "---|", count: authority.values.count))
        for r in relied.values {
            var cells: [String] = []
            for a in authority.values {
                var w = defaults
                w[keyPath: relied.path] = r
                w[keyPath: authority.path] = a
                cells.append(String(format: "%.3f", try score(w).ndcgAt10))
            }
            print("| \(fmt(r)) | " + cells.joined(separator: " | ") + " |")
        }

        var best = defaults, bestScore = base
        print("\n### Coordinate ascent from the defaults\n")
        print("| round | weight | value | nDCG@10 | P@5 |\n|---|---|---|---|---|")
        for round in 1...3 {
            var changed = false
            for p in parameters {
                for v in p.values where v != best[keyPath: p.path] {
                    var w = best
                    w[keyPath: p.path] = v
                    let s = try score(w)
                    if better(s, bestScore) {
                        best = w; bestScore = s; changed = true
                    }
                }
                do {
                    print("| \(round) | \(p.name) | \(fmt(best[keyPath: p.path])) | \(String(format: "%.3f", bestScore.ndcgAt10)) | \(String(format: "%.3f", bestScore.precisionAt5)) |")
                }
            }
            if !changed { break }
        }
        print("\nEvaluations: \(cache.count). Defaults: `\(describe(defaults))` → nDCG@10 \(String(format: "%.3f", base.ndcgAt10)), P@5 \(String(format: "%.3f", base.precisionAt5)).")
        print("Best found: `\(describe(best))` → nDCG@10 \(String(format: "%.3f", bestScore.ndcgAt10)), P@5 \(String(format: "%.3f", bestScore.precisionAt5)).\n")
        return best
    }
}
