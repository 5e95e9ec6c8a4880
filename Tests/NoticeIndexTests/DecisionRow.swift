import XCTest
@testable import NoticeIndex

/// A short notice written for a table-driven test of findings: its Decision section, optional body
/// paragraphs (under "Reasons for decision"), and the findings (and, where a row gives one, the outcome)
/// it makes. Shared by the decision-language and finding-sentence tables, which read notices the same way.
struct DecisionRow {
    var name: String
    var law: Law = .foia
    var decision: [String]
    var body: [String] = []
    var findings: [String: Outcome]
    /// The notice's outcome; checked only by the tables that state it.
    var outcome: Outcome? = nil

    /// The notice extracted: Decision paragraphs, then body paragraphs, numbered from 1.
    func extract() -> Extraction {
        var paragraphs = decision.map { Paragraph(number: 0, headings: ["Decision (including any steps ordered)"], text: $0) }
        paragraphs += body.map { Paragraph(number: 0, headings: ["Reasons for decision"], text: $0) }
        for i in paragraphs.indices { paragraphs[i].number = i + 1 }
        return NoticeExtractor.extract(ParsedNotice(law: law, paragraphs: paragraphs))
    }

    /// The findings of an extraction by canonical provision (the first, where one is found twice).
    static func findings(of e: Extraction) -> [String: Outcome] {
        Dictionary(e.findings.map { ($0.provision.canonical, $0.finding) }, uniquingKeysWith: { a, _ in a })
    }
}
