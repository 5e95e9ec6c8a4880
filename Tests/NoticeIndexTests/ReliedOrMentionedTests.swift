import XCTest
@testable import NoticeIndex

/// Relied on or only mentioned: a provision the notice says was not relied on, or names only as the law
/// paraphrased, a list, or the history of earlier requests, is mentioned — even under a heading of its
/// family or in a sentence with a positive cue. Each row is a short notice written for the test.
final class ReliedOrMentionedTests: XCTestCase {
    struct Row {
        var name: String
        var law: Law = .foia
        var paragraphs: [([String], String)]
        var provision: String
        var relied: Bool
    }

    private let decision = ["Decision (including any steps ordered)"]
    private let reasons = ["Reasons for decision"]

    func testReliedOnOnlyWhenTheNoticeSaysSo() {
        let rows: [Row] = [
            Row(name: "has not relied on the other limb",
                paragraphs: [(decision, "The Commissioner's decision is that the department was entitled to rely on section 27(1)(a)."),
                             (reasons + ["Section 27 - International relations"], "Section 27(2) also provides an exemption for confidential information obtained from another State; the department has not relied on section 27(2).")],
                provision: "s27(2)", relied: false),
            Row(name: "was not cited by the council",
                paragraphs: [(decision, "The Commissioner's decision is that the council was not entitled to refuse the request under section 14(1)."),
                             (reasons, "The burden of a request may be relevant to vexatiousness. Section 12 was not cited by the council.")],
                provision: "s12", relied: false),
            Row(name: "was not relied on", law: .eir,
                paragraphs: [(decision, "The Commissioner's decision is that the council correctly applied regulation 12(4)(b)."),
                             (reasons, "Regulation 12(4)(b) can apply where compliance would impose a burden. Regulation 12(5)(b) was not relied on.")],
                provision: "r12(5)(b)", relied: false),
            Row(name: "cited in the refusal, reliance withdrawn at review", law: .eir,
                paragraphs: [(decision, "The Commissioner's decision is that the council was entitled to refuse the request under regulation 12(4)(b)."),
                             (["Request and response"], "The council refused the request, citing regulations 12(4)(b) and 12(5)(b)."),
                             (["Request and response"], "At internal review it withdrew its reliance on regulation 12(5)(b).")],
                provision: "r12(5)(b)", relied: false),
            Row(name: "the statute paraphrased names the other subsection",
                paragraphs: [(decision, "The Commissioner's decision is that the police were entitled to rely on section 30(3) to neither confirm nor deny holding the information."),
                             (reasons + ["Section 30 - Investigations"], "Section 30(3) of FOIA provides that the duty to confirm or deny does not arise in relation to information which is exempt information by virtue of section 30(1) or (2).")],
                provision: "s30(2)", relied: false),
            Row(name: "the list of security bodies",
                paragraphs: [(decision, "The Commissioner's decision is that the force was entitled to rely on section 23(5) of FOIA."),
                             (reasons + ["Section 23 - Security bodies"], "He is satisfied that any information, if held, would be likely to relate to a body listed in section 23(3).")],
                provision: "s23(3)", relied: false),
            Row(name: "earlier requests refused under another exemption",
                paragraphs: [(decision, "The Commissioner's decision is that the ministry was entitled to rely on section 14(1) of FOIA."),
                             (reasons, "The ministry said that a number of these requests had been refused under section 40(2) of FOIA.")],
                provision: "s40(2)", relied: false),
            Row(name: "the interests a prejudice-based NCND exemption protects",
                paragraphs: [(decision, "The Commissioner's decision is that the force was entitled to rely on section 31(3) of FOIA."),
                             (reasons + ["Section 31 - Law enforcement"], "The force relied on the matters at section 31(1)(a), the prevention or detection of crime."),
                             (reasons + ["Section 31 - Law enforcement"], "The Commissioner is satisfied that the harm relates to the interests protected by section 31(1)(a). The exemption at section 31(3) is therefore engaged.")],
                provision: "s31(1)(a)", relied: false),
            Row(name: "the provision a paraphrase is about stays relied on",
                paragraphs: [(reasons + ["Section 30 - Investigations"], "Section 30(3) of FOIA provides that the duty to confirm or deny does not arise in relation to information which is exempt by virtue of section 30(1).")],
                provision: "s30(3)", relied: true),
            Row(name: "could not rely is still reliance",
                paragraphs: [(reasons, "The Commissioner finds that the council could not rely on section 36(2)(c) of FOIA.")],
                provision: "s36(2)(c)", relied: true),
        ]
        for row in rows {
            let notice = ParsedNotice(law: row.law, paragraphs: row.paragraphs.enumerated().map {
                Paragraph(number: $0.offset + 1, headings: $0.element.0, text: $0.element.1)
            })
            let roles = NoticeExtractor.extract(notice).provisions.filter { $0.provision.canonical == row.provision }.map(\.role)
            XCTAssertFalse(roles.isEmpty, row.name)
            XCTAssertEqual(roles.contains(.reliedOn), row.relied, row.name)
        }
    }
}

extension ReliedOrMentionedTests {
    /// A notice decides the duty to confirm and communicate when it finds the information is or is not held,
    /// though it may never write s1(1)(a) or regulation 5(1): the provisions it lists include what its
    /// findings decide.
    func testAProvisionDecidedButNeverWrittenIsListed() {
        let rows: [(name: String, law: Law, decision: [String], listed: String)] = [
            ("EIR: not held, and a late response", .eir,
             ["The Commissioner's decision is that, on the balance of probabilities, the council does not hold the survey results the complainant asked for.",
              "The council breached regulation 5(2) by failing to respond within 20 working days."], "r5(1)"),
            ("EIR: 'not held' in words beside the finding", .eir,
             ["The council said that some of the information was not held and withheld the rest under regulation 12(5)(b).",
              "The Commissioner's decision is that the council does not hold the survey results and correctly withheld the rest under regulation 12(5)(b)."], "r5(1)"),
            ("FOIA: not entitled to neither confirm nor deny one part", .foia,
             ["The Commissioner's decision is that the force was entitled to rely on section 30(3) for parts 1 and 2 of the request.",
              "For part 3 the Commissioner does not consider that the force was entitled to neither confirm nor deny whether it held the information."], "s1(1)(a)"),
        ]
        for row in rows {
            let paragraphs = row.decision.enumerated().map { Paragraph(number: $0.offset + 1, headings: decision, text: $0.element) }
            let parsed = ParsedNotice(law: row.law, paragraphs: paragraphs)
            let listed = AnalyzedNotice.listedProvisions(NoticeExtractor.extract(parsed)).map(\.canonical)
            XCTAssertTrue(listed.contains(row.listed), "\(row.name): \(listed)")
        }
        // Not held under the EIR is one duty, whether written as the exception r12(4)(a) or left unwritten (r5(1)).
        let written = ParsedNotice(law: .eir, paragraphs: [Paragraph(number: 1, headings: decision, text:
            "The Commissioner's decision is that the council was entitled to rely on regulation 12(4)(a) because, on the balance of probabilities, it does not hold the survey results.")])
        XCTAssertEqual(AnalyzedNotice.listedProvisions(NoticeExtractor.extract(written)).map(\.canonical), ["r12(4)(a)"])
    }
}
