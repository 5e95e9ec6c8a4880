import XCTest
@testable import NoticeIndex

final class ProvisionFinderTests: XCTestCase {
    /// Canonical forms found in `text`, in order.
    private func found(_ text: String, law: Law? = .foia) -> [String] {
        ProvisionFinder.find(in: text, law: law).map(\.provision.canonical)
    }

    func testFindsEveryWrittenFormOfAFOIASection() {
        let cases: [(String, [String])] = [
            // full keyword with subsection and paragraph
            ("The council relied on section 31(1)(a) of FOIA.", ["s31(1)(a)"]),
            // abbreviated with a dot
            ("It cited s.31(3) to neither confirm nor deny.", ["s31(3)"]),
            // abbreviation glued to the number
            ("It cited s31(3).", ["s31(3)"]),
            // spaces between keyword, number and bracket
            ("It cited s 31 (3) in its refusal.", ["s31(3)"]),
            // capitalised at sentence start
            ("Section 40(2) of FOIA provides an exemption.", ["s40(2)"]),
            // a paragraph continuation shares the section and subsection
            ("It relied on section 31(1)(a) and (b).", ["s31(1)(a)", "s31(1)(b)"]),
            // a list: each item is its own provision
            ("by virtue of sections 24(2), 31(3), 40(5) and 43(3) of FOIA", ["s24(2)", "s31(3)", "s40(5)", "s43(3)"]),
            // a list with descriptors between the items
            ("it cited sections 24(1) (National security), 31(1) (Law enforcement), 40(2) (Personal information) and 43(2) (Commercial interests) of FOIA.",
             ["s24(1)", "s31(1)", "s40(2)", "s43(2)"]),
            // a list of bare section numbers after the keyword
            ("incorrectly relied upon sections 24, 31 and 43 to support this decision", ["s24", "s31", "s43"]),
            // a bare number with brackets and no keyword
            ("As the MPS has cited 31(1) to cover all of the information", ["s31(1)"]),
            // the public interest test section is a provision
            ("the public interest test set out in section 2(2)(b) of FOIA", ["s2(2)(b)"]),
            // a subsection replacing the previous one in a continuation
            ("sections 31(1) and (3) were cited", ["s31(1)", "s31(3)"]),
            // a range expands to every number in it
            ("the exemptions at sections 21 to 24 apply", ["s21", "s22", "s23", "s24"]),
            // FOI listing prefix
            ("FOI 14(1): Complaint not upheld", ["s14(1)"]),
            // `section` in an EIR notice is still FOIA
            ("The council should have considered the request under section 39 of FOIA.", ["s39"]),
            // an `ss.` list
            ("ss.31 and 40 were cited", ["s31", "s40"]),
            // subsection with a capital letter part
            ("by virtue of section 40(3A)(a)", ["s40(3A)(a)"]),
            // section 1 and section 10 procedural provisions
            ("it breached sections 1(1)(a) and 10(1) of FOIA", ["s1(1)(a)", "s10(1)"]),
            // a page break cut out between a section and its subsection leaves a line break
            ("The council withheld the names under section 40\n(2) of FOIA.", ["s40(2)"]),
            // the subsection named before its section
            ("The trust relied on subsection (2) of section 40 to withhold the names.", ["s40(2)"]),
            ("The force cited sub-section (1)(a) of s.31 in its refusal.", ["s31(1)(a)"]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(found(text), expected, text)
        }
    }

    func testFindsEveryWrittenFormOfAnEIRRegulation() {
        let cases: [(String, Law?, [String])] = [
            // full keyword
            ("The council relied on regulation 12(4)(b) of the EIR.", .eir, ["r12(4)(b)"]),
            // abbreviated keyword
            ("It applied reg 12(5)(e).", .eir, ["r12(5)(e)"]),
            // a single letter with a dot
            ("The council relied on r.12(4)(b) to refuse the request.", .eir, ["r12(4)(b)"]),
            // a list of regulations
            ("It cited regulations 12(4)(b) and 12(5)(b).", .eir, ["r12(4)(b)", "r12(5)(b)"]),
            // the ICO listing form with the EIR prefix
            ("EIR 12.4.b: Not upheld", .eir, ["r12(4)(b)"]),
            // the bare dotted listing form
            ("12.5.b - Complaint upheld", nil, ["r12(5)(b)"]),
            // a bare EIR shape in a FOIA notice is still EIR
            ("It should have relied on 12(4)(b) of the EIR.", .foia, ["r12(4)(b)"]),
            // a bare number in an EIR notice is a regulation
            ("The council breached 5(2) by responding late.", .eir, ["r5(2)"]),
            // `regulation` in a FOIA notice is still EIR
            ("It should have considered regulation 12(4)(b).", .foia, ["r12(4)(b)"]),
            // canonical glued form
            ("r12(4)(b) applies", .eir, ["r12(4)(b)"]),
            // regulation continuation
            ("regulation 12(5)(b) and (e)", .eir, ["r12(5)(b)", "r12(5)(e)"]),
        ]
        for (text, law, expected) in cases {
            XCTAssertEqual(found(text, law: law), expected, text)
        }
    }

    func testIgnoresNumbersThatAreNotFOIAOrEIRProvisions() {
        let cases: [String] = [
            // a Data Protection Act section is not a FOIA section
            "the definition in section 3(2) of the DPA",
            // spelled-out Data Protection Act
            "as defined in section 3(2) of the Data Protection Act 2018",
            // a UK GDPR article
            "the lawful basis in Article 6(1)(f) of the UK GDPR",
            // a list of articles
            "Articles 6(1)(f) and 9(2) of the UK GDPR",
            // paragraph references inside the notice
            "the three criteria set out in paragraph 23 are satisfied",
            // a paragraph with a bracket
            "see paragraph 4(1) of the guidance",
            // dates
            "On 13 February 2023, the complainant wrote to the MPS.",
            // working days
            "has failed to respond within 20 working days",
            // schedule and part numbers
            "Schedule 1, Part 2 of the DPA",
            // the Fees Regulations are not the EIR
            "regulation 3 of the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004",
            // Scottish FOI act
            "section 30(b)(i) of the Freedom of Information (Scotland) Act 2002",
            // case-law numbers and appeal numbers
            "Savic v Information Commissioner [2016] UKUT 535 (AAC) and EA/2018/0164",
            // a bracketed word after a number
            "within 28 (calendar) days of the date",
            // telephone numbers
            "Tel: 0203 936 8963 Fax: 0870 739 5836",
            // numbers with a letter part are not sections
            "section 7A of another act",
            // a bracketed list item on its own
            " (1)(a) the prevention or detection of crime",
            // the year in the Act's title
            "Freedom of Information Act 2000 (FOIA)",
            // a decimal
            "it costs 2.5(a) units",
        ]
        for text in cases {
            XCTAssertEqual(found(text), [], text)
        }
    }

    func testListStopsBeforeAUnitOrDate() {
        // `20 working days` after a list of sections is not section 20
        XCTAssertEqual(found("it breached section 10 and 20 working days passed"), ["s10"])
        // a section followed by a date
        XCTAssertEqual(found("section 17 on 5 June 2023"), ["s17"])
    }

    func testSeedTypoThreeThreeIsNeverSectionThree() {
        // FOIA s3 has two subsections, so `3(3)` in a list of exemptions is a typo (for 43(3)); the finder
        // drops it and the notice-level repair restores it (see NoticeExtractorTests).
        let text = "The MPS has taken the position of neither confirming nor denying whether it holds the remaining requested information, citing sections 24(2), 31(3) and 3(3) of FOIA."
        XCTAssertEqual(found(text), ["s24(2)", "s31(3)"])
    }

    func testRangesAreExactUTF8ByteRangesCoveringTheWrittenCitation() {
        // multi-byte characters before the citation shift byte offsets: ranges must still be exact
        let text = "The Commissioner’s view — “quoted” — is that sections 24(2), 31(3) and s.43(3) apply; section 31(1)(a) and (b)."
        let f = ProvisionFinder.find(in: text, law: .foia)
        let bytes = Array(text.utf8)
        let written = f.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        XCTAssertEqual(written, ["sections 24(2)", "31(3)", "s.43(3)", "section 31(1)(a)", "(b)"])
        XCTAssertEqual(f.map(\.text), written)
        XCTAssertEqual(f.map(\.provision.canonical), ["s24(2)", "s31(3)", "s43(3)", "s31(1)(a)", "s31(1)(b)"])
    }

    func testSpacedFormCoversTheWholeCitation() {
        // `s 31 (3)` is highlighted whole
        let f = ProvisionFinder.find(in: "under s 31 (3) it", law: .foia)
        XCTAssertEqual(f.map(\.text), ["s 31 (3)"])
    }

    func testSubsectionsHangOffTheSectionNamedBefore() {
        // `subsections (1)(a) and (b)` after section 31 was named in the same text
        XCTAssertEqual(found("Section 31 of FOIA applies. The MPS is relying on subsections (1)(a) and (b)."),
                       ["s31", "s31(1)(a)", "s31(1)(b)"])
        // ...or in an earlier paragraph / heading, passed as context
        let f = ProvisionFinder.find(in: "the MPS is relying on subsections (1)(a) and (b) to refuse", law: .foia,
                                     context: Provision(canonical: "s31"))
        XCTAssertEqual(f.map(\.provision.canonical), ["s31(1)(a)", "s31(1)(b)"])
        XCTAssertEqual(f.map(\.text), ["subsections (1)(a)", "(b)"])
        // without a section named before, nothing is guessed
        XCTAssertEqual(found("relying on subsections (1)(a) and (b)"), [])
        // a letter cannot hang off a bare section
        XCTAssertEqual(ProvisionFinder.find(in: "subsections (a) and (b)", law: .foia, context: Provision(canonical: "s31"))
            .map(\.provision.canonical), [])
    }

    func testEIRExceptionsNamedOnlyInWords() {
        let cases: [(String, [String])] = [
            // the course of justice
            ("disclosure would adversely affect the course of justice", ["r12(5)(b)"]),
            // internal communications
            ("the information is an internal communication; the internal communications exception applies", ["r12(4)(e)"]),
            // manifestly unreasonable
            ("the request is manifestly unreasonable", ["r12(4)(b)"]),
            // commercial confidentiality
            ("adversely affect the confidentiality of commercial or industrial information", ["r12(5)(e)"]),
            // intellectual property
            ("would adversely affect intellectual property rights", ["r12(5)(c)"]),
            // voluntary supplier
            ("the interests of the person who provided the information", ["r12(5)(f)"]),
            // unfinished material
            ("material still in the course of completion", ["r12(4)(d)"]),
            // not held
            ("on the balance of probabilities the information not held exception", ["r12(4)(a)"]),
            // personal data is regulation 13 in an EIR notice
            ("the withheld information is personal data", ["r13"]),
            // a number followed by its name counts once
            ("Regulation 12(4)(b) – manifestly unreasonable", ["r12(4)(b)"]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(found(text, law: .eir), expected, text)
        }
        // the same words in a FOIA notice are not regulations
        XCTAssertEqual(found("the withheld information is personal data", law: .foia), [])
        XCTAssertEqual(found("disclosure would prejudice the course of justice", law: .foia), [])
    }

    func testParsesAUsersSpellingOfAProvision() {
        let cases: [(String, String?)] = [
            ("31(3)", "s31(3)"),             // bare FOIA
            ("s.31(3)", "s31(3)"),           // dotted abbreviation
            ("s31(3)", "s31(3)"),            // canonical
            ("section 31", "s31"),           // whole section
            ("s 31 (3)", "s31(3)"),          // spaced
            ("Section 31(1)(A)", "s31(1)(a)"), // capitals
            ("reg 12(4)(b)", "r12(4)(b)"),   // abbreviated regulation
            ("regulation 12(4)(b)", "r12(4)(b)"), // full regulation
            ("12(4)(b)", "r12(4)(b)"),       // bare EIR shape
            ("r12(4)(b)", "r12(4)(b)"),      // canonical EIR
            ("EIR 12.4.b", "r12(4)(b)"),     // ICO listing form
            ("12.5.b", "r12(5)(b)"),         // bare listing form
            ("12(9)", "r12(9)"),             // EIR-only subsection
            ("12(1)", "s12(1)"),             // FOIA cost limit
            ("FOI 14(1)", "s14(1)"),         // FOI listing form
            ("14(1) FOIA", "s14(1)"),        // trailing law
            ("40(5)(b)(i)", "s40(5)(b)(i)"), // roman numeral part
            ("13(1) of the EIR", "r13(1)"),  // trailing EIR
            ("sections 43", "s43"),          // plural keyword
            ("", nil),                        // empty
            ("hello", nil),                   // words
            ("2016", nil),                    // a year
            ("s(3)", nil),                    // no number
            ("section 31(", nil),             // unclosed bracket
            ("reg 99", nil),                  // no such regulation
        ]
        for (q, expected) in cases {
            XCTAssertEqual(ProvisionFinder.parse(query: q)?.canonical, expected, q)
        }
    }

    /// `--provision` (`ProvisionFinder.parse(query:)`) and the query language's `provision:` field read a
    /// spelling one way, whole numbers included.
    func testTheQueryAndTheProvisionFilterReadASpellingAlike() {
        let cases: [(String, String?)] = [
            ("31", "s31"),                   // a whole section
            ("031", "s31"),                  // zero-padded, as in some listings
            (" 40 ", "s40"),                 // spaces around
            ("0", nil),                      // no section 0
            ("999", nil),                    // no such section
            ("s.031", nil),                  // a zero-padded number after a keyword is not a provision
            ("reg 12(4)(b)", "r12(4)(b)"),
            ("12.5.b", "r12(5)(b)"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ProvisionFinder.parse(query: text)?.canonical, expected, text)
            let value = text.trimmingCharacters(in: .whitespaces)
            guard !value.contains(" ") else { continue }  // a field value is one word
            let field = "provision:" + value
            XCTAssertEqual((try? QueryParser.parse(field))?.filters.provisions.first?.canonical, expected, field)
        }
    }
}

extension ProvisionFinderTests {
    /// Text extracted from a PDF: a page footer and page number between a section and its subsection. The
    /// parser cuts the page furniture out; the provision is whole again.
    func testASectionSplitByAPageBreakIsOneProvision() {
        let text = """
        Reference: FS50998877

        Freedom of Information Act 2000 (FOIA)
        Decision notice

        Date: 3 March 2021

        Public Authority: Marsh Vale District Council
        Address: Civic Centre, Marsh Vale

        Decision (including any steps ordered)

        1. The Commissioner's decision is that the council was entitled to withhold the officers' names.

        Reasons for decision

        2. The council withheld the names of the junior officers under section 40



        Reference: FS50998877

        4


        (2) of FOIA because they are the officers' personal data.
        """
        let e = NoticeExtractor.extract(NoticeParser.parse(text, fileName: "marsh-vale.txt"))
        XCTAssertEqual(e.provisions.map(\.provision.canonical), ["s40(2)"])
    }
}
