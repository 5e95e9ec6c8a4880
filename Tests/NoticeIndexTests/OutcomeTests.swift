import XCTest
@testable import NoticeIndex

final class OutcomeTests: XCTestCase {
    private let decision = ["Decision (including any steps ordered)"]

    private func extract(_ decisionText: [String], body: [String] = [], law: Law = .foia) -> Extraction {
        var paragraphs = decisionText.map { Paragraph(number: 0, headings: decision, text: $0) }
        paragraphs += body.map { Paragraph(number: 0, headings: ["Reasons for decision"], text: $0) }
        for i in paragraphs.indices { paragraphs[i].number = i + 1 }
        return NoticeExtractor.extract(ParsedNotice(law: law, paragraphs: paragraphs))
    }

    private func findings(_ e: Extraction) -> [String: Outcome] {
        Dictionary(e.findings.map { ($0.provision.canonical, $0.finding) }, uniquingKeysWith: { a, _ in a })
    }

    func testExemptionUpheldAndNoStepsIsNotUpheld() {
        let e = extract(["The Commissioner's decision is that the council was entitled to rely on section 43(2) of FOIA to withhold the information.",
                         "The Commissioner does not require any steps."])
        XCTAssertEqual(e.outcome, .notUpheld)
        XCTAssertEqual(findings(e), ["s43(2)": .notUpheld])
    }

    func testExemptionFailsAndStepsOrderedIsUpheld() {
        let e = extract(["The Commissioner's decision is that the council was not entitled to rely on section 43(2) of FOIA.",
                         "The Commissioner requires the public authority to take the following steps to ensure compliance with the legislation: disclose the withheld information.",
                         "The public authority must take these steps within 35 calendar days of the date of this decision notice."])
        XCTAssertEqual(e.outcome, .upheld)
        XCTAssertEqual(findings(e), ["s43(2)": .upheld])
    }

    func testOneClauseWithBothCuesGivesEachProvisionItsNearestCue() {
        // A pre-2011 summary sentence: the exemption held, a procedural breach found, no steps.
        let e = extract(["He decided that although section 12(1) was applied correctly by the council it breached section 17 of the Act.",
                         "The Commissioner requires no steps to be taken by the public authority."])
        XCTAssertEqual(findings(e)["s12(1)"], .notUpheld)
        XCTAssertEqual(findings(e)["s17"], .upheld)
        XCTAssertEqual(e.outcome, .partlyUpheld)
    }

    func testStepsOrderedButAnotherExemptionUpheldIsPartlyUpheld() {
        let e = extract(["The Commissioner's decision is that the trust correctly applied section 40(2) to the names of junior staff, but failed to demonstrate that section 43(2) is engaged.",
                         "The Commissioner requires the public authority to take the following steps: disclose the information withheld under section 43(2), within 30 calendar days of the date of this notice."])
        XCTAssertEqual(e.outcome, .partlyUpheld)
        XCTAssertEqual(findings(e)["s40(2)"], .notUpheld)
        XCTAssertEqual(findings(e)["s43(2)"], .upheld)
    }

    func testExemptionUpheldWithADelayBreachIsPartlyUpheld() {
        // the documented rule: the complainant won on the procedural point
        let e = extract(["The Commissioner's decision is that the council was entitled to rely on section 41(1) of FOIA. However, the council breached section 10(1) of FOIA by failing to respond within 20 working days.",
                         "No steps are required."])
        XCTAssertEqual(e.outcome, .partlyUpheld)
        XCTAssertEqual(findings(e), ["s41(1)": .notUpheld, "s10(1)": .upheld])
    }

    func testDelayOnlyNoticeIsUpheldOnSection10() {
        // no section written: "failed to respond within 20 working days" is a section 10 finding
        let e = extract(["The Commissioner's decision is that the council has failed to respond to the request within 20 working days.",
                         "The Commissioner requires the public authority to take the following step: issue a response to the request."])
        XCTAssertEqual(e.outcome, .upheld)
        XCTAssertEqual(findings(e), ["s10": .upheld])
    }

    func testEIRDelayIsARegulation5Finding() {
        let e = extract(["The Commissioner finds that the council failed to respond within 20 working days."], law: .eir)
        XCTAssertEqual(findings(e), ["r5(2)": .upheld])
        XCTAssertEqual(e.outcome, .upheld)
    }

    func testBreachOfSection17IsUpheldOnSection17() {
        let e = extract(["The Commissioner finds that the council correctly applied section 12(1) but breached section 17(5) by issuing a late refusal notice.",
                         "The Commissioner does not require further steps to be taken."])
        XCTAssertEqual(findings(e)["s17(5)"], .upheld)
        XCTAssertEqual(findings(e)["s12(1)"], .notUpheld)
        XCTAssertEqual(e.outcome, .partlyUpheld)
    }

    func testEIRExceptionIncorrectlyApplied() {
        let e = extract(["The Commissioner's decision is that the council incorrectly applied regulation 12(4)(b) of the EIR to the request.",
                         "The Commissioner requires the council to take the following step: issue a fresh response which does not rely on regulation 12(4)(b)."],
                        law: .eir)
        XCTAssertEqual(e.outcome, .upheld)
        XCTAssertEqual(findings(e)["r12(4)(b)"], .upheld)
    }

    func testDecisionSectionOutranksTheBody() {
        // the body describes the authority's own view; the Decision section decides
        let e = extract(["The Commissioner's decision is that the council was not entitled to rely on section 36(2)(c)."],
                        body: ["The Commissioner notes that the council said it was entitled to rely on section 36(2)(c), and the Commissioner disagrees."])
        XCTAssertEqual(findings(e)["s36(2)(c)"], .upheld)
    }

    func testQuotedArgumentsAreNotFindings() {
        let e = extract(["The Commissioner's decision is that the MPS was entitled to rely on section 31(1)(a). He does not require any steps."],
                        body: ["The complainant said: \"I believe the authority has incorrectly relied upon sections 24, 31 and 43 to support this decision and it must disclose.\""])
        XCTAssertEqual(e.outcome, .notUpheld)
        XCTAssertNil(findings(e)["s24"])
    }

    func testNoSignalGivesNoOutcome() {
        let e = extract(["The complainant requested information about parking fines."])
        XCTAssertNil(e.outcome)
        XCTAssertEqual(e.findings, [])
    }

    func testOnlyANoStepsSignalIsNotUpheld() {
        XCTAssertEqual(extract(["The Commissioner requires no steps to be taken."]).outcome, .notUpheld)
    }

    func testOlderDecisionWithoutProvisions() {
        // pre-2011 wording: dealt with the request in accordance with the Act
        let e = NoticeExtractor.extract(ParsedNotice(law: .foia, paragraphs: [
            Paragraph(number: 1, headings: ["The Decision"], text: "The Commissioner's decision is that the public authority dealt with the request in accordance with the Act."),
        ], layout: .legacy))
        XCTAssertEqual(e.outcome, .notUpheld)
    }
}
