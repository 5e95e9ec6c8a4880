import XCTest
@testable import NoticeIndex

/// End-to-end behaviour of `NoticeParser.parse` on the seed notice and on realistic ICO-style variants.
final class NoticeParserTests: XCTestCase {
    /// The seed notice, read relative to this file: Tests/NoticeIndexTests/ → package root → Corpus/.
    private func seedText() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Corpus/seed-notice-2024-02-08-mps.txt"), encoding: .utf8)
    }

    private func paragraph(_ n: ParsedNotice, _ number: Int) -> Paragraph? {
        n.paragraphs.first { $0.number == number }
    }

    /// The seed's expectations, shared by the original and its one-line form.
    private func assertSeed(_ n: ParsedNotice, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(n.paragraphs.map(\.number), Array(1...73), "\(label): paragraphs 1...73 in order", file: file, line: line)
        XCTAssertEqual(n.date, "2024-02-08", label, file: file, line: line)
        XCTAssertEqual(n.law, .foia, label, file: file, line: line)
        XCTAssertEqual(n.authority, "Commissioner of Police of the Metropolis", label, file: file, line: line)
        XCTAssertNil(n.reference, "\(label): the seed has no reference line", file: file, line: line)
        XCTAssertEqual(n.layout, .modern, label, file: file, line: line)
        let paths: [(Int, [String])] = [
            (1, ["Decision (including any steps ordered)"]),
            (17, ["Reasons for decision", "Invoices which the MPS has confirmed holding"]),
            (20, ["Reasons for decision", "Section 31- Law enforcement"]),
            (34, ["Reasons for decision", "Section 31- Law enforcement", "Public interest test"]),
            (48, ["Reasons for decision", "Invoices which the MPS has neither confirmed nor denied holding"]),
            (56, ["Reasons for decision", "Section 31 - Law enforcement"]),
            (61, ["Reasons for decision", "Section 31 - Law enforcement", "Public interest test"]),
            (70, ["Other matters"]),
            (73, ["Right of appeal"]),
        ]
        for (number, path) in paths {
            XCTAssertEqual(paragraph(n, number)?.headings, path, "\(label): heading path of ¶\(number)", file: file, line: line)
        }
        let p55 = paragraph(n, 55)?.text ?? ""
        XCTAssertTrue(p55.contains("Savic v Information Commissioner"), "\(label): footnote marker removed from Savic⁵", file: file, line: line)
        XCTAssertTrue(paragraph(n, 4)?.text.contains("(It is here noted that the MPS has advised") == true,
                      "\(label): the bracketed block belongs to ¶4", file: file, line: line)
        XCTAssertFalse(paragraph(n, 73)?.text.contains("Carolyn Howes") ?? true, "\(label): signature block dropped", file: file, line: line)
        XCTAssertFalse(n.paragraphs.contains { $0.text.contains("https://") && $0.text.contains("threat-levels") },
                       "\(label): footnote bodies are not paragraph text", file: file, line: line)
        XCTAssertTrue(n.footnotes.contains(Footnote(marker: "6", text: "https://www.mi5.gov.uk/threat-levels")), label, file: file, line: line)
    }

    func testSeedNoticeParsesIntoSeventyThreeParagraphsWithHeadingPaths() throws {
        let n = NoticeParser.parse(try seedText(), fileName: "seed.txt")
        assertSeed(n, "seed")
        XCTAssertEqual(n.footnotes.map(\.marker), ["1", "2", "3", "4", "5", "6", "7"], "all seven footnote bodies")
        XCTAssertTrue(paragraph(n, 55)?.text.contains("small number of people who work in dedicated teams") == true,
                      "a sentence cut by two footnote bodies and a page break is rejoined")
        XCTAssertEqual(paragraph(n, 21)?.text.components(separatedBy: "\n").count, 3, "(a) and (b) items are lines of ¶21")
        XCTAssertTrue(paragraph(n, 26)?.text.contains("efficacy of these technological advances") == true, "page break mid-quote rejoined")
        XCTAssertTrue(paragraph(n, 27)?.text.contains("Cyber Advice, published by the MPS") == true, "superscript ¹ removed")
        XCTAssertTrue(n.warnings.isEmpty, "a clean modern notice raises no warnings: \(n.warnings)")
    }

    func testWholeNoticeOnOneLineIsResplit() throws {
        let oneLine = try seedText().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let n = NoticeParser.parse(oneLine)
        assertSeed(n, "one-line seed")
        XCTAssertTrue(n.warnings.contains { $0.contains("re-split") }, "the re-split is reported")
    }

    /// A 2012+ EIR notice with the extraction artefacts of NOTICE-FORMATS.md.
    private let modernEIR = """
    Reference: IC- 248461 \u{2013} C8Q1

    Environmental Information Regulations 2004 (EIR)
    Decision notice

    Date: 14 March 2023

    Public Authority: Bristol City Council Address: City Hall
    College Green, Bristol BS1 5TR

    Decision (including any steps ordered)

    - 1. The complainant requested information about air quality monitoring. The council refused the request under regulation 12(4)(b) of the EIR.

    - 2. The Commissioner's decision is that the council was entitled to rely on regulation 12(4)(b). He does not require any steps.

    Request and response

    3. On 2 May 2022 the complainant wrote to the council and requested:

    "Please provide:
    1. All diffusion tube readings for 2021.
    2. The locations of each tube.
    3. The contracts for the analysis of the tubes."

    1. All diffusion tube readings for 2021.

    2. The locations of each tube.

    3. The contracts for the analysis of the tubes.

    4. The council responded on 30 May 2022 and refused the request as manifestly unreasonable.

    Reasons for decision

    Regulation 12(4)(b) \u{2013} manifestly unreasonable

    5. Regulation 12(4)(b) of the EIR provides that a public authority may refuse to disclose information to the extent that the request is manifestly unreasonable.\u{00B9}

    \u{00B9} https://ico.org.uk/media/manifestly-unreasonable-requests.pdf

    The complainant's position

    6. The complainant said that the information is of great public interest and that the council

    2 Reference: IC-248461-C8Q1


    should hold it in a readily retrievable form.

    The council's position

    7. The council estimated that it would take 120 hours to comply. It said:

    \u{2022} each tube's record is held on paper;
    \u{2022} the records are stored at three depots.

    Public interest test

    8. Regulation 12(1)(b) requires a public interest test. Page 3 of 5

    Other matters

    9. The Commissioner notes the council s delay in completing its internal review.

    Right of appeal

    10. Either party has the right to appeal against this decision notice to the First-tier Tribunal (Information Rights).

    Signed

    Jane Doe
    Senior Case Officer
    """

    func testModernEIRNoticeWithExtractionArtefacts() {
        let n = NoticeParser.parse(modernEIR)
        XCTAssertEqual(n.reference, "IC-248461-C8Q1", "broken IC reference normalised")
        XCTAssertEqual(n.law, .eir)
        XCTAssertEqual(n.date, "2023-03-14")
        XCTAssertEqual(n.authority, "Bristol City Council", "authority value that shares a line with Address:")
        XCTAssertEqual(n.layout, .modern)
        XCTAssertEqual(n.paragraphs.map(\.number), Array(1...10), "quoted and nested 1-3 lists do not start paragraphs")
        XCTAssertEqual(paragraph(n, 1)?.text.hasPrefix("The complainant requested"), true, "'- 1.' marker stripped")
        let p3 = paragraph(n, 3)?.text ?? ""
        XCTAssertTrue(p3.contains("tubes.\"\n1. All diffusion tube readings"), "the quoted list belongs to ¶3")
        XCTAssertTrue(p3.hasSuffix("\n3. The contracts for the analysis of the tubes."), "so does the unquoted list after it")
        XCTAssertEqual(paragraph(n, 5)?.headings, ["Reasons for decision", "Regulation 12(4)(b) \u{2013} manifestly unreasonable"])
        XCTAssertEqual(paragraph(n, 6)?.headings,
                       ["Reasons for decision", "Regulation 12(4)(b) \u{2013} manifestly unreasonable", "The complainant's position"],
                       "position headings nest under the provision")
        XCTAssertEqual(paragraph(n, 8)?.headings,
                       ["Reasons for decision", "Regulation 12(4)(b) \u{2013} manifestly unreasonable", "Public interest test"])
        XCTAssertEqual(paragraph(n, 6)?.text,
                       "The complainant said that the information is of great public interest and that the council should hold it in a readily retrievable form.",
                       "mid-sentence page footer removed and the sentence rejoined")
        XCTAssertEqual(paragraph(n, 7)?.text.components(separatedBy: "\n").count, 3, "bullets are lines of ¶7")
        XCTAssertEqual(paragraph(n, 8)?.text, "Regulation 12(1)(b) requires a public interest test.", "'Page 3 of 5' removed")
        XCTAssertTrue(paragraph(n, 9)?.text.contains("council's delay") == true, "dropped apostrophe mended")
        XCTAssertTrue(paragraph(n, 5)?.text.hasSuffix("manifestly unreasonable.") == true, "¹ marker removed")
        XCTAssertEqual(n.footnotes, [Footnote(marker: "1", text: "https://ico.org.uk/media/manifestly-unreasonable-requests.pdf")])
        XCTAssertEqual(paragraph(n, 10)?.text.contains("Jane Doe"), false, "signature dropped")
    }

    /// The header of a pre-2011 notice: section 50, no reference (HeaderParserTests reads it alone).
    static let legacyHeader = """
    Freedom of Information Act 2000 (Section 50)

    Decision Notice

    Date: 27 September 2010

    Public Authority: Department for Transport
    Address: Great Minster House
    76 Marsham Street
    London SW1P 4DR
    """

    /// A pre-2011 notice: section 50 header, unnumbered Summary, older headings, signature, legal annex.
    private let legacy = NoticeParserTests.legacyHeader + "\n\n" + """
    Summary

    The complainant requested the cost of a road safety campaign. The Department withheld it under section 43(2). The Commissioner's decision is that the exemption was correctly applied.

    The Commissioner's Role

    1. The Commissioner's duty is to decide whether a request for information made to a public authority has been dealt with in accordance with the requirements of Part 1 of the Act.

    The Request

    2. On 3 March 2009 the complainant asked the Department for the total cost of the campaign in 2008.

    The Investigation

    Chronology

    3. On 12 May 2009 the complainant contacted the Commissioner.

    Analysis

    Exemptions

    Section 43(2) \u{2013} Commercial interests

    4. Section 43(2) provides that information is exempt if its disclosure would, or would be likely to, prejudice the commercial interests of any person.

    Public interest test

    5. The Commissioner considers that the public interest favours maintaining the exemption.

    The Decision

    6. The Commissioner's decision is that the Department dealt with the request in accordance with the Act.

    Steps Required

    7. The Commissioner requires no steps to be taken.

    Right of Appeal

    8. Either party has the right to appeal against this Decision Notice to the Information Tribunal.

    Dated the 27th day of September 2010

    Signed ………………………………………………..

    Steve Wood
    Head of Policy Delivery
    Information Commissioner's Office
    Wycliffe House
    Water Lane
    Wilmslow
    Cheshire SK9 5AF

    Legal Annex

    Section 43 - Commercial interests

    Section 43(2) provides that information is exempt information if its disclosure under this Act would, or would be likely to, prejudice the commercial interests of any person.
    """

    func testLegacyNoticeLayoutAndHeadings() {
        let n = NoticeParser.parse(legacy)
        XCTAssertEqual(n.layout, .legacy)
        XCTAssertEqual(n.law, .foia, "'(Section 50)' header is FOIA")
        XCTAssertEqual(n.date, "2010-09-27")
        XCTAssertEqual(n.authority, "Department for Transport")
        XCTAssertNil(n.reference)
        XCTAssertEqual(n.paragraphs.map(\.number), [0, 1, 2, 3, 4, 5, 6, 7, 8, 0],
                       "the unnumbered Summary and Legal Annex are kept as paragraphs numbered 0")
        XCTAssertEqual(n.paragraphs.first?.headings, ["Summary"])
        XCTAssertTrue(n.paragraphs.first?.text.hasPrefix("The complainant requested the cost") == true)
        XCTAssertEqual(paragraph(n, 1)?.headings, ["The Commissioner's Role"])
        XCTAssertEqual(paragraph(n, 3)?.headings, ["Chronology"])
        XCTAssertEqual(paragraph(n, 4)?.headings, ["Exemptions", "Section 43(2) \u{2013} Commercial interests"])
        XCTAssertEqual(paragraph(n, 5)?.headings, ["Exemptions", "Section 43(2) \u{2013} Commercial interests", "Public interest test"])
        XCTAssertEqual(paragraph(n, 7)?.headings, ["Steps Required"])
        XCTAssertEqual(paragraph(n, 8)?.text, "Either party has the right to appeal against this Decision Notice to the Information Tribunal.",
                       "the 'Dated'/'Signed' block and the signatory are not part of ¶8")
        XCTAssertEqual(n.paragraphs.last?.headings, ["Legal Annex", "Section 43 - Commercial interests"])
        XCTAssertTrue(n.paragraphs.last?.text.hasPrefix("Section 43(2) provides that information is exempt") == true)
    }

    func testAHeadingWithoutParagraphsIsTheParentOfTheHeadingAfterIt() {
        let text = """
            Freedom of Information Act 2000 (FOIA)
            Decision notice

            Date: 3 March 2021
            Public Authority: Home Office

            Reasons for decision

            Section 35(1)(a) – formulation of government policy

            1. The Home Office withheld the briefing under section 35(1)(a).

            Public interest test

            The public interest in favour of disclosure

            2. The complainant argued that the policy had attracted wide public debate.

            The public interest in maintaining the exemption

            3. The Home Office argued that officials need a safe space to develop policy.

            Public interest test

            4. The Commissioner finds that the public interest favours maintaining the exemption.
            """
        let n = NoticeParser.parse(text)
        let section = "Section 35(1)(a) – formulation of government policy"
        XCTAssertEqual(paragraph(n, 1)?.headings, ["Reasons for decision", section])
        XCTAssertEqual(paragraph(n, 2)?.headings, ["Reasons for decision", section, "Public interest test", "The public interest in favour of disclosure"])
        XCTAssertEqual(paragraph(n, 3)?.headings, ["Reasons for decision", section, "Public interest test", "The public interest in maintaining the exemption"],
                       "a sibling after paragraphs replaces the last level, not the parent")
        XCTAssertEqual(paragraph(n, 4)?.headings, ["Reasons for decision", section, "Public interest test"],
                       "a heading with paragraphs of its own is not nested")
    }

    func testNumberingQuirks() {
        let cases: [(text: String, numbers: [Int], why: String)] = [
            ("Decision\n\n1. One.\n\n2. Two.\n\n4. Four.\n\n5. Five.", [1, 2, 4, 5], "a skipped number is accepted"),
            ("Decision\n\n1. One.\n\n2. Two.\n\n2. Two again.\n\n3. Three.", [1, 2, 2, 3], "a duplicated number is kept"),
            ("Decision\n\n1. One.\n\n2. Two:\n\n1. item\n\n2. item\n\n3. item\n\n4. item\n\n3. Three.\n\n4. Four.", [1, 2, 3, 4],
             "a list restarting at 1 inside ¶2 that runs past 3 is nested"),
            ("Decision\n\n1. One.\n\n2. Two:\n\n1. item\n\n3. Three.\n\n4. Four.", [1, 2, 3, 4], "a one-item nested list"),
            ("Decision\n\n1. One.\n\n2. Two.\n\n3. It said:\n\n1. item\n\n2. item\n\n4. Four.\n\n5. Five.", [1, 2, 3, 4, 5],
             "a nested list that stops short of the next number"),
            ("Decision\n\n1. One cites section\n31. Not a paragraph.\n\n2. Two.\n\n3. Three.", [1, 2, 3],
             "a wrapped line starting with an out-of-sequence number is text"),
            ("Decision\n\n1. One.\n\n2. Two.\n\n3. It referred to paragraph 23. The Tribunal agreed.\n\n4. Four.", [1, 2, 3, 4],
             "'paragraph 23.' inside text is not a marker"),
        ]
        for c in cases { XCTAssertEqual(NoticeParser.parse(c.text).paragraphs.map(\.number), c.numbers, c.why) }
    }

    func testUnnumberedBlocksBelongToThePreviousParagraph() {
        let text = """
        Request and response

        3. On 13 February 2023, the complainant wrote to the council and requested:

        "Please send me copies of
        all contracts for parking enforcement."

        4. The council replied:

        "We do not hold the information."

        Yours faithfully

        A Officer

        5. The complainant asked for an internal review.
        """
        let n = NoticeParser.parse(text)
        XCTAssertEqual(n.paragraphs.map(\.number), [3, 4, 5], "numbering that starts at 3 with no ¶1 is still followed")
        XCTAssertEqual(paragraph(n, 3)?.text,
                       "On 13 February 2023, the complainant wrote to the council and requested:\n\"Please send me copies of all contracts for parking enforcement.\"",
                       "a quoted block joins with a newline; its wrapped lines join with a space")
        XCTAssertEqual(paragraph(n, 4)?.text, "The council replied:\n\"We do not hold the information.\"\nYours faithfully\nA Officer",
                       "a sign-off and a name inside correspondence are text, not headings")
        XCTAssertEqual(paragraph(n, 5)?.headings, ["Request and response"], "no spurious sub-heading from the sign-off")
    }

    func testUnstructuredTextFallsBackToBlocksWithAWarning() {
        let text = "Some notes about a request.\n\nThey are not a decision notice.\n\nNo numbered paragraphs here."
        let n = NoticeParser.parse(text, fileName: "notes.txt")
        XCTAssertEqual(n.layout, .unstructured)
        XCTAssertEqual(n.paragraphs.map(\.number), [1, 2, 3], "one paragraph per blank-line block")
        XCTAssertEqual(n.paragraphs.map(\.text), ["Some notes about a request.", "They are not a decision notice.", "No numbered paragraphs here."])
        XCTAssertTrue(n.warnings.contains { $0.hasPrefix("notes.txt: ") && $0.contains("no numbered paragraphs") },
                      "the fallback is reported, naming the file: \(n.warnings)")
    }

    func testDegenerateInputsDoNotCrash() {
        let cases: [(text: String, why: String)] = [
            ("", "empty string"),
            ("   \n\n\t\n", "only whitespace"),
            ("1.", "a lone marker"),
            (String(decoding: (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, as: UTF8.self), "binary garbage"),
            (String(repeating: "\u{00B2}", count: 5000), "nothing but superscripts"),
            (String(repeating: "1. 2. 3. ", count: 20_000), "markers without text on one line"),
            (String(repeating: "- ", count: 10_000) + "Reference:", "dangling label"),
            (String(repeating: "Summary\n\n", count: 2000), "nothing but headings"),
        ]
        for c in cases {
            let n = NoticeParser.parse(c.text)
            XCTAssertTrue(n.paragraphs.allSatisfy { $0.number >= 0 }, c.why)
        }
        XCTAssertTrue(NoticeParser.parse("").warnings.contains { $0.contains("empty") }, "empty text is reported")
    }

    func testLargeOneLineInputParses() {
        // ~3 MB on one line, 900 long paragraphs (notices never reach 1000): parsed, not rejected or quadratic.
        var s = "Freedom of Information Act 2000 (FOIA) Decision notice Date: 1 May 2020 Public Authority: Home Office Decision "
        let sentence = "The Commissioner considered the council's response to this part of the request in detail. "
        for i in 1...900 { s += "\(i). " + String(repeating: sentence, count: 37) }
        let n = NoticeParser.parse(s)
        XCTAssertEqual(n.paragraphs.map(\.number), Array(1...900))
        XCTAssertEqual(n.authority, "Home Office")
    }
}
