import XCTest
@testable import NoticeIndex
import NoticeEvaluation

/// The parser and extractors against the Corpus truth files. Prints the accuracy table kept in
/// bench/RESULTS.md and holds each field to a floor, so a regression in any of them fails here.
final class CorpusTruthTests: XCTestCase {
    func testExtractionAccuracyOnTheCorpusTruthFiles() throws {
        let results = try TruthEvaluation.evaluate(corpus: TestSupport.corpus.path)
        print("Accuracy against Corpus/truth:\n" + TruthEvaluation.table(results))
        for f in results {
            for m in f.misses.prefix(60) { print("  missed \(f.field): \(m)") }
            for e in f.extras.prefix(60) { print("  extra  \(f.field): \(e)") }
        }
        let floors: [String: (precision: Double, recall: Double)] = [
            "reference": (1, 1), "law": (1, 1), "date": (1, 1), "authority": (1, 1), "layout": (0.95, 0.95),
            "paragraph count": (0.95, 0.95), "heading paths": (0.9, 0.9), "outcome": (0.8, 0.8),
            "provisions relied on": (0.8, 0.9), "provisions cited (any role)": (0.85, 0.9), "findings": (0.6, 0.6),
            "cases": (0.85, 0.9), "sector": (0.95, 0.95),
        ]
        for f in results {
            guard let floor = floors[f.field] else { continue }
            XCTAssertGreaterThanOrEqual(f.precision, floor.precision, "\(f.field) precision")
            XCTAssertGreaterThanOrEqual(f.recall, floor.recall, "\(f.field) recall")
        }
    }

    func testTheSeedNoticeParsesAsTheIssueRequires() throws {
        let n = AnalyzedNotice.analyze(text: try NoticeSource.text(of: TestSupport.seed.path), file: TestSupport.seed.path)
        XCTAssertEqual(n.parsed.paragraphs.filter { $0.number > 0 }.map(\.number), Array(1...73))
        XCTAssertEqual(n.parsed.paragraphs.first { $0.number == 56 }?.heading, "Reasons for decision › Section 31 - Law enforcement")
        XCTAssertEqual(n.uid, "seed-notice-2024-02-08-mps", "no reference: the id falls back to the file name")
    }
}
