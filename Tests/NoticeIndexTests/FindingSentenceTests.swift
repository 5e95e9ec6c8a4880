import XCTest
@testable import NoticeIndex

/// Which sentences a finding may be read from, and which way it points: a notice's body states the law,
/// the guidance and tribunal reasoning in the same words as a finding ("engaged", "exempt under", "not
/// held"), and those sentences decide nothing. Each row is a short notice written for the test: its
/// Decision section and a body paragraph, and the findings the notice makes.
final class FindingSentenceTests: XCTestCase {
    typealias Row = DecisionRow

    private func check(_ rows: [Row]) {
        for row in rows { XCTAssertEqual(Row.findings(of: row.extract()), row.findings, row.name) }
    }

    func testStatementsOfTheLawTheGuidanceOrCaseLawDecideNothing() {
        check([
            Row(name: "the prejudice test introduced",
                decision: ["The Commissioner's decision is that the force was entitled to rely on sections 31(1)(a) and 31(1)(b) of FOIA."],
                body: ["In order for a prejudice based exemption such as section 31 to be engaged the Commissioner considers that three criteria must be met:"],
                findings: ["s31(1)(a)": .notUpheld, "s31(1)(b)": .notUpheld]),
            Row(name: "the guidance lists the conditions, one of them 'not held'",
                decision: ["The Commissioner's decision is that the agency was entitled to rely on section 14(2) to refuse the request."],
                body: ["The Commissioner's guidance explains that an authority may refuse a repeated request where it has previously provided the information or confirmed it is not held, and a reasonable interval has not elapsed."],
                findings: ["s14(2)": .notUpheld]),
            Row(name: "what the Commissioner takes from a tribunal decision",
                decision: ["The Commissioner's decision is that the department correctly applied section 12(1) of FOIA."],
                body: ["The Commissioner takes from that decision that a public authority need not search its records in a way it does not ordinarily use to produce information which it does not hold in retrievable form."],
                findings: ["s12(1)": .notUpheld]),
            Row(name: "advice to the complainant about his own data",
                decision: ["The Commissioner's decision is that the force was entitled to withhold the officers' names under section 40(2) of FOIA."],
                body: ["The Commissioner has explained to the complainant that FOIA is not the route to his own personal data; information about him is exempt under section 40(1) and he may make a subject access request instead. This notice does not consider his own personal data."],
                findings: ["s40(2)": .notUpheld]),
        ])
    }
}

extension FindingSentenceTests {
    func testWhichWayAFindingPoints() {
        check([
            Row(name: "a breach the Commissioner does not find", law: .eir,
                decision: ["The Commissioner's decision is that the council was entitled to rely on regulation 12(5)(b).",
                           "The Commissioner does not consider that the council breached regulation 14(2)."],
                findings: ["r12(5)(b)": .notUpheld, "r14(2)": .notUpheld]),
            Row(name: "not persuaded that it failed to comply",
                decision: ["The Commissioner is not persuaded that the university failed to comply with section 16(1) of FOIA."],
                findings: ["s16(1)": .notUpheld]),
            Row(name: "a late response: the finding is on the time limit, not the duty it delayed",
                decision: ["The Commissioner's decision is that the ministry did not deal with the request in accordance with section 10(1), in that it failed to comply with section 1(1) within 20 working days of receipt of the request."],
                findings: ["s10(1)": .upheld]),
            Row(name: "EIR: late, and the information then withheld correctly", law: .eir,
                decision: ["The Commissioner's decision is that the council breached regulation 5(2) as it failed to comply with regulation 5(1) within 20 working days.",
                           "The council correctly withheld the report under regulation 12(5)(e)."],
                findings: ["r5(2)": .upheld, "r12(5)(e)": .notUpheld]),
            Row(name: "engaged for one part of the request but not the other", law: .eir,
                decision: ["The Commissioner's decision is that regulation 12(4)(b) is engaged in respect of part (a) but not part (b)."],
                findings: ["r12(4)(b)": .partlyUpheld]),
            Row(name: "engaged but not to all of the information",
                decision: ["The Commissioner finds that section 43(2) is engaged but not to the appendices."],
                findings: ["s43(2)": .partlyUpheld]),
            Row(name: "held after all, and the step ordered says the response must not claim 'not held'",
                decision: ["The Commissioner's decision is that, on the balance of probabilities, the trust does hold information within the scope of the request. The trust breached section 1(1)(a) of FOIA.",
                           "The Commissioner requires the trust to issue a fresh response which does not state that the information is not held."],
                findings: ["s1(1)(a)": .upheld]),
        ])
    }
}
