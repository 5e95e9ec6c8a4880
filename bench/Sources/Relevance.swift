import Foundation
import NoticeIndex
import NoticeEvaluation

/// `relevance`: ranking quality on a generated corpus, judged from its truth sidecar — the full ranker,
/// plain bm25, naive-words bm25 and each ablation side by side, and optionally a tuning grid. The
/// 32-notice Corpus/ is too small for boosts to move rankings; thousands of notices with passing
/// mentions, shared authorities and cited cases are where each weight shows (issue 4).
enum Relevance {
    static func run(_ args: Arguments) throws {
        let corpus = try args.required("corpus")
        let db = try args.required("db")
        let started = Date()
        let truths = try GeneratedTruth.load(from: corpus)
        var queries = SyntheticJudgments.queries(truths)
        if let n = args.values["queries"] {
            guard let count = Int(n), count > 0 else { throw BenchError.usage("--queries takes a positive number") }
            queries = SyntheticJudgments.limit(queries, to: count)
        }
        let (judgments, data) = try SyntheticJudgments.judgments(queries, truths: truths)
        if let path = args.values["judgments"] { try data.write(to: URL(fileURLWithPath: path)) }
        let engine = try SearchEngine(databasePath: db)
        let indexed = try engine.noticeCount()
        if indexed != truths.count { log("warning: \(indexed) notices in the index, \(truths.count) in the truth sidecar") }

        var configs: [(String, RankingWeights, Bool)] = RelevanceEvaluation.ablations().map { ($0.0, $0.1, false) }
        configs.insert(("plain bm25 over the query's words (naive FTS)", .bm25Only, true), at: 1)
        if let spec = args.values["weights"] { configs.insert(("--weights \(spec)", try Tuning.weights(spec), false), at: 1) }

        let kinds = SyntheticJudgments.kinds.filter { k in queries.contains { $0.kind == k } }
        let g2 = judgments.queries.map { $0.relevant.values.filter { $0 == 2 }.count }
        let g1 = judgments.queries.map { $0.relevant.values.filter { $0 == 1 }.count }
        print("Corpus: \(truths.count) notices (\(corpus), \(indexed) indexed). Machine: \(Machine.describe()). "
              + "Date: \(ISO8601DateFormatter().string(from: Date())).")
        print("Queries: \(queries.count) (\(kinds.map { k in "\(k) \(queries.filter { $0.kind == k }.count)" }.joined(separator: ", "))); "
              + "relevant notices per query: median \(median(g2)) at grade 2, \(median(g1)) at grade 1 (min \(g2.min() ?? 0) / max \(g2.max() ?? 0) at grade 2).\n")

        var scores: [String: RelevanceScores] = [:]
        print("| configuration | P@5 | nDCG@10 | Δ nDCG@10 vs full | " + kinds.map { "nDCG@10 \($0)" }.joined(separator: " | ") + " |")
        print("|---|---|---|---|" + String(repeating: "---|", count: kinds.count))
        let full = try RelevanceEvaluation.evaluate(judgments, engine: engine, weights: RankingWeights())
        for (name, weights, naive) in configs {
            let s = try RelevanceEvaluation.evaluate(judgments, engine: engine, weights: weights, naive: naive)
            scores[name] = s
            let perKind = kinds.map { k -> String in
                let rows = zip(queries, s.perQuery).filter { $0.0.kind == k }.map(\.1.2)
                return String(format: "%.3f", rows.reduce(0, +) / Double(max(1, rows.count)))
            }
            print(String(format: "| %@ | %.3f | %.3f | %+.3f | ", name, s.precisionAt5, s.ndcgAt10, s.ndcgAt10 - full.ndcgAt10)
                  + perKind.joined(separator: " | ") + " |")
        }

        let bm25 = scores["plain bm25 (legal query parsing kept)"], naive = scores["plain bm25 over the query's words (naive FTS)"]
        print("\n| # | kind | query | grade 2 / 1 | full P@5 | full nDCG@10 | bm25 nDCG@10 | naive nDCG@10 |\n|---|---|---|---|---|---|---|---|")
        for (i, q) in queries.enumerated() {
            let f = full.perQuery[i]
            print(String(format: "| %d | %@ | `%@` | %d / %d | %.2f | %.3f | %.3f | %.3f |", i + 1, q.kind, q.text, g2[i], g1[i], f.1, f.2,
                         bm25?.perQuery[i].2 ?? .nan, naive?.perQuery[i].2 ?? .nan))
        }
        print("")
        if args.flags.contains("tune") {
            let best = try Tuning.run { try RelevanceEvaluation.evaluate(judgments, engine: engine, weights: $0) }
            let s = try RelevanceEvaluation.evaluate(judgments, engine: engine, weights: best)
            let perKind = kinds.map { k -> String in
                let f = zip(queries, full.perQuery).filter { $0.0.kind == k }.map(\.1.2), b = zip(queries, s.perQuery).filter { $0.0.kind == k }.map(\.1.2)
                return String(format: "%@ %.3f → %.3f", k, f.reduce(0, +) / Double(max(1, f.count)), b.reduce(0, +) / Double(max(1, b.count)))
            }
            print("Best against the defaults, nDCG@10 by kind: " + perKind.joined(separator: "; ") + ".\n")
        }
        log(String(format: "relevance: %d queries, done in %.1f s", queries.count, Date().timeIntervalSince(started)))
    }

    static func median(_ xs: [Int]) -> Int {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
}
