import Foundation
import NoticeIndex

/// Judged queries and the standard measures over them (P@5, nDCG@10), used by the relevance tests and
/// `noticeindex-bench relevance` to compare ranking configurations on the same judgments.
public struct RelevanceJudgments: Decodable, Sendable {
    public struct Judged: Decodable, Sendable {
        public var query: String
        /// File base name → grade (2 = turns on this point, 1 = relevant).
        public var relevant: [String: Int]
        public var note: String?
    }
    public var queries: [Judged]

    public static func load(_ path: String) throws -> RelevanceJudgments {
        try JSONDecoder().decode(RelevanceJudgments.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

public struct RelevanceScores: Sendable, Equatable {
    public var precisionAt5: Double
    public var ndcgAt10: Double
    /// Per query, in judgment order: (query, P@5, nDCG@10).
    public var perQuery: [(String, Double, Double)]

    public static func == (a: RelevanceScores, b: RelevanceScores) -> Bool {
        a.precisionAt5 == b.precisionAt5 && a.ndcgAt10 == b.ndcgAt10
    }
}

public enum RelevanceEvaluation {
    /// Precision of the first `k` results (a missing result counts as not relevant).
    public static func precision(_ ranked: [String], _ relevant: [String: Int], k: Int) -> Double {
        Double(ranked.prefix(k).filter { (relevant[$0] ?? 0) > 0 }.count) / Double(k)
    }

    /// nDCG@k with gains 2^grade − 1.
    public static func ndcg(_ ranked: [String], _ relevant: [String: Int], k: Int) -> Double {
        func dcg(_ grades: [Int]) -> Double {
            grades.prefix(k).enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(relevant.values.sorted(by: >))
        return ideal > 0 ? dcg(ranked.map { relevant[$0] ?? 0 }) / ideal : 0
    }

    /// The query as a naive full-text engine reads it: its words, all required, no provisions, synonyms
    /// or operators (`s.31(3) NCND` → `s AND 31 AND 3 AND ncnd`).
    public static func naiveQuery(_ text: String) -> Query {
        let words = Synonyms.wordsOf(text).filter { !["and", "or", "not"].contains($0) }
        let root: QueryNode? = words.isEmpty ? nil : words.count == 1 ? .term(.word(words[0], prefix: false))
            : .and(words.map { .term(.word($0, prefix: false)) })
        return Query(text: text, root: root, filters: QueryFilters())
    }

    /// Runs every judged query with `weights` and averages the measures. `naive` reads queries as plain
    /// words (see `naiveQuery`), to show what the legal query parsing adds.
    public static func evaluate(_ judgments: RelevanceJudgments, engine: SearchEngine, weights: RankingWeights,
                                naive: Bool = false) throws -> RelevanceScores {
        let saved = engine.weights
        engine.weights = weights
        defer { engine.weights = saved }
        var rows: [(String, Double, Double)] = []
        for j in judgments.queries {
            let query = naive ? naiveQuery(j.query) : try QueryParser.parse(j.query)
            guard query.root != nil else { rows.append((j.query, 0, 0)); continue }
            let response = try engine.search(query, limit: 10)
            // A judged natural-language query is read as a researcher reads the page: strict matches,
            // then the partial ones shown apart.
            let ranked = (response.results + response.partial).map { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension }
            rows.append((j.query, precision(ranked, j.relevant, k: 5), ndcg(ranked, j.relevant, k: 10)))
        }
        let n = Double(max(1, rows.count))
        return RelevanceScores(precisionAt5: rows.map(\.1).reduce(0, +) / n, ndcgAt10: rows.map(\.2).reduce(0, +) / n, perQuery: rows)
    }

    /// The configurations compared in bench/RESULTS.md: the full ranker, plain bm25 over the same parsed
    /// query, and the full ranker with each weight switched off in turn. (`naive: true` adds plain bm25
    /// over the query's bare words.)
    public static func ablations() -> [(String, RankingWeights)] {
        let full = RankingWeights()
        var out: [(String, RankingWeights)] = [("full ranker", full), ("plain bm25 (legal query parsing kept)", .bm25Only)]
        var w = full; w.heading = 1; w.decision = 1; w.body = 1; w.terms = 1
        out.append(("equal column weights", w))
        w = full; w.reliedProvision = 0; out.append(("no relied-provision boost", w))
        w = full; w.mentionedProvision = 0; out.append(("no mentioned-provision boost", w))
        w = full; w.authority = 0; out.append(("no authority boost", w))
        w = full; w.outcome = 0; out.append(("no outcome boost", w))
        w = full; w.citedCase = 0; out.append(("no cited-case boost", w))
        return out
    }
}
