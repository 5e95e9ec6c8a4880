import XCTest
@testable import NoticeIndex

final class ProvisionRoleTests: XCTestCase {
    /// Roles of every mention of `provision` in a notice built from (headings, text) paragraphs.
    private func roles(_ paragraphs: [([String], String)], _ provision: String, law: Law = .foia) -> [ProvisionRole] {
        let notice = ParsedNotice(law: law, paragraphs: paragraphs.enumerated().map {
            Paragraph(number: $0.offset + 1, headings: $0.element.0, text: $0.element.1)
        })
        return NoticeExtractor.extract(notice).provisions.filter { $0.provision.canonical == provision }.map(\.role)
    }

    private let reasons = ["Reasons for decision"]

    func testDecisionSectionProvisionsAreReliedOn() {
        // anything cited in the Decision section is relied on or decided
        XCTAssertEqual(roles([(["Decision (including any steps ordered)"], "The Commissioner's decision is that the council was entitled to withhold the information under section 43(2) of FOIA.")], "s43(2)"), [.reliedOn])
        // older notices call it Summary
        XCTAssertEqual(roles([(["Summary"], "The public authority refused the request under section 36.")], "s36"), [.reliedOn])
    }

    func testHeadingNamesTheProvision() {
        // a provision heading makes the provision relied on throughout the notice, even in neutral prose
        let paragraphs: [([String], String)] = [
            (reasons + ["Section 31 - Law enforcement"], "Section 31(1)(a) of FOIA concerns the prevention or detection of crime."),
            (reasons, "The Commissioner turns to section 31(1) once more."),
        ]
        XCTAssertEqual(roles(paragraphs, "s31(1)(a)"), [.reliedOn])
        XCTAssertEqual(roles(paragraphs, "s31(1)"), [.reliedOn])
        // EIR heading with an en dash
        XCTAssertEqual(roles([(reasons + ["Regulation 12(4)(b) – manifestly unreasonable"], "The Commissioner has considered regulation 12(4)(b) below.")],
                             "r12(4)(b)", law: .eir), [.reliedOn])
    }

    func testPositiveCuesInTheSentence() {
        let cases: [(String, String)] = [
            ("The council refused the request, citing section 40(2) of FOIA.", "s40(2)"),           // citing
            ("The trust relied upon section 41 to withhold the report.", "s41"),                    // relied upon
            ("The MPS was entitled to rely on section 24(1).", "s24(1)"),                           // entitled to rely
            ("It applied section 36(2)(b)(ii) to the minutes.", "s36(2)(b)(ii)"),                   // applied
            ("It would neither confirm nor deny by virtue of section 23(5).", "s23(5)"),            // by virtue of
            ("The information was withheld under section 42(1).", "s42(1)"),                        // withheld under
            ("The Commissioner finds that section 35(1)(a) is engaged.", "s35(1)(a)"),              // engaged
            ("The council breached section 10(1) by responding late.", "s10(1)"),                  // a breach is decided
        ]
        for (text, p) in cases { XCTAssertEqual(roles([(reasons, text)], p), [.reliedOn], text) }
    }

    func testBoilerplateAndPassingMentionsAreOnlyMentioned() {
        let cases: [([String], String, String)] = [
            // section 54 contempt boilerplate in the steps
            (["Decision (including any steps ordered)"], "Failure to comply may result in the Commissioner making written certification of this fact to the High Court pursuant to section 54 of the Act and may be dealt with as a contempt of court.", "s54"),
            // section 50 application boilerplate
            (["Scope of the case"], "The complainant applied to the Commissioner under section 50 of FOIA.", "s50"),
            // right of appeal section
            (["Right of appeal"], "Either party has the right to appeal under section 57 of FOIA.", "s57"),
            // not gone on to consider
            (["Reasons for decision"], "As section 31 is engaged, the Commissioner has not gone on to consider section 43(2).", "s43(2)"),
            // did not contest
            (["Reasons for decision"], "The complainant did not contest the citing of section 40.", "s40"),
            // no reference was made
            (["Scope of the case"], "No reference was made to the application of section 40 so this has not been further considered.", "s40"),
            // quoted correspondence
            (["Scope of the case"], "He said: \"I believe the authority has incorrectly relied upon sections 24, 31 and 43 to support this decision and I want it reviewed.\"", "s24"),
            // other matters
            (["Other matters"], "The council should follow the code of practice issued under section 45.", "s45"),
            // plain description without a cue
            (["Reasons for decision"], "Section 1(1)(a) of FOIA requires a public authority to inform a requester whether it holds the information.", "s1(1)(a)"),
        ]
        for (headings, text, p) in cases { XCTAssertEqual(roles([(headings, text)], p), [.mentioned], text) }
    }

    func testSection77And78BoilerplateIsMentioned() {
        XCTAssertEqual(roles([(reasons, "It is an offence under section 77 to alter records with intent to prevent disclosure, and the council relied on this.")], "s77"), [.mentioned])
        XCTAssertEqual(roles([(reasons, "Nothing in section 78 limits the powers the council relied on.")], "s78"), [.mentioned])
    }

    func testNegativeCueOnlyAffectsItsOwnClause() {
        // section 31 is engaged (relied), section 43 not considered (mentioned), in one sentence
        let p: [([String], String)] = [(reasons, "The Commissioner finds section 31(1)(a) engaged; he has not gone on to consider section 43(2).")]
        XCTAssertEqual(roles(p, "s31(1)(a)"), [.reliedOn])
        XCTAssertEqual(roles(p, "s43(2)"), [.mentioned])
    }
}
