import XCTest
@testable import NoticeIndex

/// Procedural findings whose subject is the public authority, not the Commissioner: under `Procedural
/// matters` a notice often states "The department did not breach section 10(1)" without naming the
/// Commissioner. The ICO labels such a finding from the complainant's side, as it labels every other:
/// a breach found (or a duty met only late, "has now complied") is **upheld**, a duty met is **not
/// upheld**. Statements of the law, a party's own account, and findings about other requests or other
/// authorities decide nothing. Each row is a short notice written for the test: a Decision section, one
/// paragraph under `Procedural matters`, and every finding the notice makes.
final class ProceduralFindingTests: XCTestCase {
    struct Row {
        var name: String
        var law: Law = .foia
        var decision = "The Commissioner's decision is that the department was entitled to rely on section 12(1) of FOIA."
        var procedural: String
        var findings: [String: Outcome]
    }

    private func check(_ rows: [Row]) {
        for row in rows {
            let paragraphs = [
                Paragraph(number: 1, headings: ["Decision (including any steps ordered)"], text: row.decision),
                Paragraph(number: 2, headings: ["Reasons for decision", "Procedural matters"], text: row.procedural),
            ]
            let e = NoticeExtractor.extract(ParsedNotice(law: row.law, paragraphs: paragraphs))
            let got = Dictionary(e.findings.map { ($0.provision.canonical, $0.finding) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(got, row.findings, row.name)
        }
    }

    func testTheAuthorityAsSubjectOfAProceduralFinding() {
        check([
            Row(name: "no breach of the time limit, said of the authority",
                procedural: "The department did not breach section 10(1); it responded within 20 working days of receiving the request.",
                findings: ["s12(1)": .notUpheld, "s10(1)": .notUpheld]),
            Row(name: "a refusal notice that met the requirements",
                procedural: "The department complied with section 17(1) as its refusal notice named the exemption it relied on and explained why it applied.",
                findings: ["s12(1)": .notUpheld, "s17(1)": .notUpheld]),
            Row(name: "a duty met only after the complaint: late, so a breach",
                decision: "The Commissioner's decision is that the trust was entitled to withhold the remaining information under section 43(2) of FOIA.",
                procedural: "The trust has now complied with its obligations under section 1(1)(b) by sending the complainant the information it holds.",
                findings: ["s43(2)": .notUpheld, "s1(1)(b)": .upheld]),
            Row(name: "EIR: a late refusal notice", law: .eir,
                decision: "The Commissioner's decision is that the council was entitled to rely on regulation 12(4)(b) of the EIR.",
                procedural: "The council failed to comply with regulation 14(2) because it issued its refusal notice 31 working days after the request.",
                findings: ["r12(4)(b)": .notUpheld, "r14(2)": .upheld]),
            Row(name: "the Commissioner finds no breach",
                procedural: "Having reviewed the dates of the correspondence, the Commissioner finds no breach of section 10(1).",
                findings: ["s12(1)": .notUpheld, "s10(1)": .notUpheld]),
            Row(name: "a late response, the authority named as subject",
                procedural: "The department breached section 10(1) by failing to respond to the request within 20 working days.",
                findings: ["s12(1)": .notUpheld, "s10(1)": .upheld]),
            Row(name: "a request still unanswered: the finding is on the time limit, not on the duty delayed",
                procedural: "The department received the request on 2 May and has not yet complied with section 1(1); it has therefore breached section 10(1).",
                findings: ["s12(1)": .notUpheld, "s10(1)": .upheld]),
        ])
    }

    func testStatementsOfTheLawAndOtherRequestsDecideNothing() {
        let onlyTheExemption: [String: Outcome] = ["s12(1)": .notUpheld]
        check([
            Row(name: "the duty stated as law",
                procedural: "A public authority must comply with section 10(1) promptly and in any event within 20 working days.",
                findings: onlyTheExemption),
            Row(name: "what a section requires",
                procedural: "Section 17(1) requires an authority which is relying on an exemption to issue a refusal notice within the time for compliance.",
                findings: onlyTheExemption),
            Row(name: "an authority in general that fails to comply",
                procedural: "An authority that fails to comply with section 17(1) within that period breaches the Act.",
                findings: onlyTheExemption),
            Row(name: "a finding about an earlier request",
                procedural: "In the complainant's previous request, the department failed to comply with section 10(1).",
                findings: onlyTheExemption),
            Row(name: "a finding about another authority",
                procedural: "Another public authority, to which the request was first sent, failed to comply with section 10(1) before transferring it.",
                findings: onlyTheExemption),
            Row(name: "the complainant's own account",
                procedural: "The complainant argued that the department breached section 16(1) by not helping him to narrow the request.",
                findings: onlyTheExemption),
            Row(name: "the authority's own account",
                procedural: "The department explained that it complied with section 16(1) by suggesting how the request could be narrowed.",
                findings: onlyTheExemption),
            Row(name: "a hypothetical",
                procedural: "If the department had not responded by 4 May, it would have failed to comply with section 10(1).",
                findings: onlyTheExemption),
        ])
    }
}
