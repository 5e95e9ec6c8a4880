import XCTest
@testable import NoticeIndex
import NoticeEvaluation

/// The ranker against judged queries over the Corpus: it must beat plain bm25, and the table it prints
/// (full ranker, bm25, each weight switched off) is the one kept in bench/RESULTS.md.
final class RelevanceTests: XCTestCase {
    static let judgmentsPath = TestSupport.packageRoot.appendingPathComponent("Tests/NoticeIndexTests/Relevance/judgments.json").path

    func testMeasuresMatchHandComputedValues() {
        let relevant = ["a": 2, "b": 1]
        XCTAssertEqual(RelevanceEvaluation.precision(["a", "x", "b", "y", "z"], relevant, k: 5), 0.4, accuracy: 1e-9)
        XCTAssertEqual(RelevanceEvaluation.ndcg(["a", "b"], relevant, k: 10), 1, accuracy: 1e-9)
        // b first, a second: (1/log2 2 + 3/log2 3) / (3/log2 2 + 1/log2 3)
        let expected = (1.0 + 3 / log2(3.0)) / (3.0 + 1 / log2(3.0))
        XCTAssertEqual(RelevanceEvaluation.ndcg(["b", "a"], relevant, k: 10), expected, accuracy: 1e-9)
        XCTAssertEqual(RelevanceEvaluation.ndcg(["x"], relevant, k: 10), 0)
    }

    func testTheFullRankerBeatsPlainBM25OnTheJudgedQueries() throws {
        let judgments = try RelevanceJudgments.load(Self.judgmentsPath)
        XCTAssertGreaterThanOrEqual(judgments.queries.count, 30)
        let engine = try SearchEngine(databasePath: TestSupport.corpusIndex)
        var table = "| configuration | P@5 | nDCG@10 |\n|---|---|---|\n"
        var scores: [String: RelevanceScores] = [:]
        var runs = RelevanceEvaluation.ablations().map { ($0.0, $0.1, false) }
        runs.insert(("plain bm25 over the query's words (naive FTS)", .bm25Only, true), at: 1)
        for (name, weights, naive) in runs {
            let s = try RelevanceEvaluation.evaluate(judgments, engine: engine, weights: weights, naive: naive)
            scores[name] = s
            table += String(format: "| %@ | %.3f | %.3f |\n", name, s.precisionAt5, s.ndcgAt10)
        }
        print("Relevance on \(judgments.queries.count) judged queries:\n" + table)
        let full = try XCTUnwrap(scores["full ranker"])
        let naive = try XCTUnwrap(scores["plain bm25 over the query's words (naive FTS)"])
        let bm25 = try XCTUnwrap(scores["plain bm25 (legal query parsing kept)"])
        XCTAssertGreaterThan(full.ndcgAt10, naive.ndcgAt10, "full ranker must beat plain bm25 on nDCG@10")
        XCTAssertGreaterThan(full.precisionAt5, naive.precisionAt5, "and on P@5")
        XCTAssertGreaterThanOrEqual(full.ndcgAt10, bm25.ndcgAt10, "the weights must not lose to equal weights without boosts")
        for (a, b) in zip(full.perQuery, bm25.perQuery) where abs(a.2 - b.2) > 0.001 {
            print(String(format: "differs: %@ full %.2f bm25 %.2f", a.0, a.2, b.2))
        }
        for (q, p, n) in full.perQuery where n < 0.5 {
            print(String(format: "weak: %@ P@5 %.2f nDCG@10 %.2f", q, p, n))
        }
    }
}
