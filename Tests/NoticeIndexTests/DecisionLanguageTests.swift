import XCTest
@testable import NoticeIndex

/// The rule table of `DecisionLanguage`, one row per pattern, on Decision sections written for the test in
/// the way ICO summaries phrase them. Each row gives the findings (ICO convention: upheld = the complaint
/// succeeded on that provision) and the notice outcome derived from them.
final class DecisionLanguageTests: XCTestCase {
    typealias Row = DecisionRow

    private let rows: [Row] = [
        Row(name: "negation: not found engaged",
            decision: ["The town council withheld the tender scores under section 43(2) of FOIA.",
                       "The Commissioner does not find this exemption engaged and requires that the scores are disclosed."],
            findings: ["s43(2)": .upheld], outcome: .upheld),
        Row(name: "scope: failed to demonstrate that … is engaged", law: .eir,
            decision: ["The Commissioner's decision is that the port authority breached regulation 14(1) and failed to demonstrate that regulation 12(5)(e) is engaged."],
            findings: ["r14(1)": .upheld, "r12(5)(e)": .upheld], outcome: .upheld),
        Row(name: "inappropriately relied",
            decision: ["The Commissioner finds that the board inappropriately relied on section 21(1) to refuse the request."],
            findings: ["s21(1)": .upheld], outcome: .upheld),
        Row(name: "not applied appropriately",
            decision: ["The Commissioner has found that section 12(1) has not been applied appropriately by the college."],
            findings: ["s12(1)": .upheld], outcome: .upheld),
        Row(name: "applied … correctly, words between",
            decision: ["The Commissioner's decision is that the college applied the exemption at section 40(2) to the names correctly."],
            findings: ["s40(2)": .notUpheld], outcome: .notUpheld),
        Row(name: "some of the information incorrectly withheld, and a procedural shortcoming",
            decision: ["The Commissioner found that some of the information withheld under section 43(2) was incorrectly withheld.",
                       "He also identified procedural shortcomings relating to the time taken (section 10)."],
            findings: ["s43(2)": .partlyUpheld, "s10": .upheld], outcome: .partlyUpheld),
        Row(name: "not held on the balance of probabilities",
            decision: ["The Commissioner is satisfied that, on the balance of probabilities, the agency does not hold the minutes requested.",
                       "No steps are required."],
            findings: ["s1(1)(a)": .notUpheld], outcome: .notUpheld),
        Row(name: "EIR: not held is a finding on regulation 5(1)", law: .eir,
            decision: ["The Commissioner's decision is that the water company is not in possession of the survey data, and correctly withheld the remaining reports under regulation 12(5)(a)."],
            findings: ["r5(1)": .notUpheld, "r12(5)(a)": .notUpheld], outcome: .notUpheld),
        Row(name: "held after all, and a breach of sections 1 and 10",
            decision: ["The Commissioner's decision is that the department does hold further information within scope.",
                       "In failing to respond properly it contravened section 1 and section 10 of FOIA."],
            findings: ["s1": .upheld, "s10": .upheld], outcome: .upheld),
        Row(name: "the derogation: held for journalism, art or literature",
            decision: ["The broadcaster said the recordings were covered by the derogation.",
                       "The Commissioner's decision is that the recordings are held for the purposes of journalism, art or literature and fall outside FOIA.",
                       "He therefore upholds the broadcaster's position."],
            findings: ["s1(1)(a)": .notUpheld], outcome: .notUpheld),
        Row(name: "exemption upheld with a named breach",
            decision: ["The Commissioner's decision is that the council was entitled to rely on section 38(1).",
                       "However, it breached section 17(1) by issuing its refusal notice late."],
            findings: ["s38(1)": .notUpheld, "s17(1)": .upheld], outcome: .partlyUpheld),
        Row(name: "exemption upheld with an unnamed procedural breach",
            decision: ["The Commissioner's decision is that the exemption at section 35(1)(a) is engaged and the public interest favours maintaining it.",
                       "The handling of the request also resulted in a breach of a procedural requirement of the Act."],
            findings: ["s35(1)(a)": .notUpheld], outcome: .partlyUpheld),
        Row(name: "anaphora: the exception named just before", law: .eir,
            decision: ["The district council refused the request and cited regulation 12(4)(e) (internal communications).",
                       "The Commissioner's decision is that the council applied this exception correctly."],
            findings: ["r12(4)(e)": .notUpheld], outcome: .notUpheld),
        Row(name: "a cue-less clause hands its provision to the deciding one", law: .eir,
            decision: ["The Commissioner's decision is that the agency should have handled the request under regulation 12(5)(f) but that it correctly withheld the letters."],
            findings: ["r12(5)(f)": .notUpheld], outcome: .notUpheld),
        Row(name: "majority withheld correctly, some does not engage the exception", law: .eir,
            decision: ["The Commissioner has decided that the borough was correct to apply regulation 12(4)(e) to the majority of the emails.",
                       "However, some information does not engage the exception because it came from other bodies."],
            findings: ["r12(4)(e)": .partlyUpheld], outcome: .partlyUpheld),
        Row(name: "unable to rely on one part, properly applied to another",
            decision: ["The Commissioner's decision is that the parish properly applied section 40(2) to the sick notes.",
                       "The Commissioner has also decided that the parish is unable to rely on section 40(2) to withhold the clerk's contract."],
            findings: ["s40(2)": .partlyUpheld], outcome: .partlyUpheld),
        Row(name: "exempt from disclosure on the basis of",
            decision: ["The Commissioner's decision is that the withheld cables are exempt from disclosure on the basis of section 27(1)(a)."],
            findings: ["s27(1)(a)": .notUpheld], outcome: .notUpheld),
        Row(name: "narration in the Decision section decides nothing",
            decision: ["The hospital refused the request, citing section 41(1), and argued that it was correctly applied.",
                       "The Commissioner's decision is that section 41(1) does not apply."],
            findings: ["s41(1)": .upheld], outcome: .upheld),
        Row(name: "not considered: no finding",
            decision: ["The Commissioner's decision is that section 37(1)(a) is engaged and the public interest favours maintaining the exemption.",
                       "He has not considered whether section 40(2) was properly engaged."],
            findings: ["s37(1)(a)": .notUpheld], outcome: .notUpheld),
        Row(name: "the complaint is stated to be partly upheld",
            decision: ["The Commissioner's decision is that section 31(1)(a) is engaged.",
                       "The complaint is partially upheld."],
            findings: ["s31(1)(a)": .notUpheld], outcome: .partlyUpheld),
        Row(name: "should have been dealt with under the EIR",
            decision: ["The Commissioner finds that the request is for environmental information and should have been dealt with under the EIR."],
            findings: [:], outcome: .upheld),
        Row(name: "some provided, not all held provided: partly upheld on s1",
            decision: ["The Commissioner's decision is that the trust has provided some of the information, but on the balance of probabilities has not provided all it holds."],
            findings: ["s1(1)(a)": .partlyUpheld], outcome: .partlyUpheld),
        Row(name: "not entitled to neither confirm nor deny, no section named: s1(1)(a)",
            decision: ["The Commissioner's decision is that the force was entitled to rely on section 31(3) for parts 1 and 2.",
                       "For part 3 the Commissioner does not consider that the force was entitled to neither confirm nor deny holding information."],
            findings: ["s31(3)": .notUpheld, "s1(1)(a)": .upheld], outcome: .partlyUpheld),
        Row(name: "neither exception is engaged: both named before", law: .eir,
            decision: ["The water company refused the request under regulations 12(4)(d) and 12(5)(b).",
                       "The Commissioner's decision is that neither exception is engaged."],
            findings: ["r12(4)(d)": .upheld, "r12(5)(b)": .upheld], outcome: .upheld),
        Row(name: "not obliged to comply: the authority was right",
            decision: ["The Commissioner's decision is that the college was not obliged to comply with the request by virtue of section 14(1) of FOIA."],
            findings: ["s14(1)": .notUpheld], outcome: .notUpheld),
        Row(name: "held after all, and an order to respond",
            decision: ["The Commissioner has concluded that the academy trust holds the requested information.",
                       "The Commissioner requires the trust to issue a response under section 1(1)."],
            findings: ["s1(1)(a)": .upheld], outcome: .upheld),
        Row(name: "withheld the requested information is not 'held' after all", law: .eir,
            decision: ["The Commissioner's decision is that the council has correctly withheld the requested information under regulation 12(5)(b) of the EIR."],
            findings: ["r12(5)(b)": .notUpheld], outcome: .notUpheld),
        Row(name: "an order to disclose is a step ordered",
            decision: ["The Commissioner's decision is that the board correctly applied section 40(2) to the names of junior staff.",
                       "The Commissioner requires the board to disclose the remaining minutes."],
            findings: ["s40(2)": .notUpheld], outcome: .partlyUpheld),
        Row(name: "NCND 'whether it holds' is not a question",
            decision: ["The Commissioner's decision is that the department has correctly relied on section 23(5) to neither confirm nor deny whether it holds the requested information."],
            findings: ["s23(5)": .notUpheld], outcome: .notUpheld),
        Row(name: "did not meet its obligation under section 16(1)",
            decision: ["The Commissioner's decision is that the council was correct to rely on section 12(1) but that it did not meet its obligation under section 16(1) to offer advice and assistance."],
            findings: ["s12(1)": .notUpheld, "s16(1)": .upheld], outcome: .partlyUpheld),
        Row(name: "no further information is held",
            decision: ["The Commissioner's decision is that, on the balance of probabilities, no further information is held."],
            findings: ["s1(1)(a)": .notUpheld], outcome: .notUpheld),
        Row(name: "an exemption that applies",
            decision: ["The Commissioner finds that section 42(1) applies and that the public interest favours maintaining the exemption."],
            findings: ["s42(1)": .notUpheld], outcome: .notUpheld),
        Row(name: "wrong to rely, and has not shown",
            decision: ["The Commissioner finds that the trust was wrong to rely on section 36(2)(c), and it has not shown that section 43(2) is engaged either."],
            findings: ["s36(2)(c)": .upheld, "s43(2)": .upheld], outcome: .upheld),
        Row(name: "should have been disclosed",
            decision: ["The Commissioner's decision is that the information withheld under section 41(1) should have been disclosed."],
            findings: ["s41(1)": .upheld], outcome: .upheld),
        Row(name: "has not breached: the longer phrase stands",
            decision: ["The Commissioner's decision is that the council was entitled to rely on section 31(1)(a) and has not breached section 17(1)."],
            findings: ["s31(1)(a)": .notUpheld, "s17(1)": .notUpheld], outcome: .notUpheld),
        Row(name: "steps ordered after an exemption held is partly upheld",
            decision: ["The Commissioner's decision is that the trust correctly applied section 43(2) to the price schedule.",
                       "The Commissioner requires the trust to take the following steps: disclose the rest of the contract."],
            findings: ["s43(2)": .notUpheld], outcome: .partlyUpheld),
    ]

    func testEachRuleOfTheDecisionLanguageTable() {
        for row in rows {
            let e = row.extract()
            XCTAssertEqual(Row.findings(of: e), row.findings, row.name)
            XCTAssertEqual(e.outcome, row.outcome, row.name)
        }
    }

    func testEveryFindingPointsAtTheClauseItWasReadFrom() {
        let text = "The Commissioner's decision is that the council was entitled to rely on section 42(1), but it breached section 10(1)."
        let e = NoticeExtractor.extract(ParsedNotice(law: .foia, paragraphs: [
            Paragraph(number: 7, headings: ["Decision"], text: text),
        ]))
        let bytes = Array(text.utf8)
        for f in e.findings {
            let span = try! XCTUnwrap(f.span)
            XCTAssertEqual(f.paragraphNumber, 7)
            let clause = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
            XCTAssertTrue(clause.contains(f.provision.canonical.dropFirst()), "\(f.provision.canonical) read from \(clause)")
        }
        XCTAssertEqual(e.findings.count, 2)
    }
}

extension DecisionLanguageTests {
    func testAQuestionDecidesNothingAndTheDecisionSectionStands() {
        let paragraphs = [
            Paragraph(number: 2, headings: ["Decision (including any steps ordered)"],
                      text: "The Commissioner's decision is that neither exception is engaged and the board has breached regulation 5(1)."),
            Paragraph(number: 9, headings: ["Scope of the case"],
                      text: "The Commissioner has considered whether the board was entitled to refuse the request under regulations 12(4)(d) and 12(5)(b)."),
        ]
        let e = NoticeExtractor.extract(ParsedNotice(law: .eir, paragraphs: paragraphs))
        XCTAssertEqual(e.findings.map(\.provision.canonical), ["r5(1)"])
        XCTAssertEqual(e.outcome, .upheld)
    }

    func testASentenceGluedToTheNextByAMissingSpaceIsTwoSentences() {
        let cue = CueText("The trust withheld some information under section 40(2) (personal data).The Commissioner's decision is that it was correct to do so.")
        XCTAssertEqual(cue.sentences.count, 2)
    }
}
