import XCTest
@testable import NoticeIndex

/// Pins what the cleaner removes, keeps and rejoins, one PDF-extraction artefact per case.
final class TextCleanerTests: XCTestCase {
    /// Cleaned lines joined with "\n" (a blank line shows as an empty line).
    private func cleaned(_ text: String) -> String {
        let c = TextCleaner.clean(text)
        return c.lines.indices.map { c.line($0) }.joined(separator: "\n")
    }

    func testLineLevelArtefactsAreRemovedOrNormalised() {
        let cases: [(input: String, expected: String, why: String)] = [
            ("12. The MPS said.\r\n\r\n13. It also said.", "12. The MPS said.\n\n13. It also said.",
             "Windows line endings become plain newlines"),
            ("4. The\u{00A0}Commissioner\u{2009}considers", "4. The Commissioner considers",
             "NBSP and thin spaces are ordinary spaces"),
            ("- 1. The complainant has requested information.", "1. The complainant has requested information.",
             "the '- ' list marker PDF extraction puts before a paragraph number is dropped"),
            ("prejudice:\n - (a) the prevention or detection of crime; and", "prejudice:\n(a) the prevention or detection of crime; and",
             "the '- ' marker before an (a) item is dropped too"),
            ("- the prejudice must be real, actual or of substance; and", "- the prejudice must be real, actual or of substance; and",
             "a plain bullet keeps its marker: it is the only sign it is a bullet"),
            ("5. The council   refused\tthe request.", "5. The council refused the request.",
             "runs of spaces and tabs collapse to one space"),
            ("Email: [email protected] for enquiries", "Email: [email address] for enquiries",
             "hosting-site e-mail obfuscation is replaced by something harmless"),
            ("7. The Commissioner s decision is that the council s response was late.",
             "7. The Commissioner's decision is that the council's response was late.",
             "dropped apostrophes are mended"),
            ("8. It relied on s 31 of FOIA.", "8. It relied on s 31 of FOIA.",
             "'s 31' (section 31) is not a dropped apostrophe"),
            ("9. The site covers 500m\u{00B2} of land.", "9. The site covers 500m\u{00B2} of land.",
             "a squared unit after a number is not a footnote marker"),
        ]
        for c in cases { XCTAssertEqual(cleaned(c.input), c.expected, c.why) }
    }

    func testFootnoteMarkersGluedToWordsAreDetached() {
        let cases: [(input: String, expected: String, why: String)] = [
            ("In Savic\u{2075} v Information Commissioner [2016] UKUT 535 (AAC)", "In Savic v Information Commissioner [2016] UKUT 535 (AAC)",
             "superscript marker inside a case name"),
            ("affected by the Wannacry cyber-attack.\u{00B2} This and many", "affected by the Wannacry cyber-attack. This and many",
             "superscript after a sentence-final period"),
            ("affected by the Wannacry cyber-attack.2 This and many", "affected by the Wannacry cyber-attack. This and many",
             "plain digits glued after a sentence-final period"),
            ("recorded by MI5\u{2076} as 'Substantial'", "recorded by MI5 as 'Substantial'",
             "a superscript after a word ending in a digit"),
            ("apprehension or prosecution of offenders5 and", "apprehension or prosecution of offenders5 and",
             "digits glued to a word without a period are ambiguous and left alone"),
            ("as set out in section 5.2 of the guidance", "as set out in section 5.2 of the guidance",
             "a decimal number is not a marker"),
            ("see para.12 of the decision", "see para.12 of the decision",
             "an abbreviation's number is not a marker"),
        ]
        for c in cases { XCTAssertEqual(cleaned(c.input), c.expected, c.why) }
    }

    func testFootnoteBodiesArePulledOutOfTheBody() {
        let text = """
        31. Such knowledge could be used to exploit perceived weaknesses.

        _

        \u{00B2} https://www.england.nhs.uk/wannacry-review.pdf

        5https://assets.publishing.service.gov.uk/media/2017-AACR-26ws.pdf

        \u{2077} https://ico.org.uk/for-organisations/information-in-the-public-domain/

        32. The Commissioner accepts that the lower level of prejudice applies.
        """
        let c = TextCleaner.clean(text)
        XCTAssertEqual(c.footnotes, [
            Footnote(marker: "2", text: "https://www.england.nhs.uk/wannacry-review.pdf"),
            Footnote(marker: "5", text: "https://assets.publishing.service.gov.uk/media/2017-AACR-26ws.pdf"),
            Footnote(marker: "7", text: "https://ico.org.uk/for-organisations/information-in-the-public-domain/"),
        ])
        // The separator rule and the bodies are gone; one blank line is left between the paragraphs.
        XCTAssertEqual(cleaned(text), """
        31. Such knowledge could be used to exploit perceived weaknesses.

        32. The Commissioner accepts that the lower level of prejudice applies.
        """)
    }

    func testPageFootersAreRemovedEvenMidSentence() {
        let cases: [(input: String, expected: String, why: String)] = [
            ("Reference: FS50676797\n\n10. The council considered\n\n\n\n1 Reference: FS50676797\n\n\n\nthe request under section 12.",
             "Reference: FS50676797\n\n10. The council considered the request under section 12.",
             "a footer line between the halves of a sentence goes, and the sentence is rejoined"),
            ("Reference: IC-123456-ABC1\n\n11. The council 2 Reference: IC-123456-ABC1 considered the request.",
             "Reference: IC-123456-ABC1\n\n11. The council considered the request.",
             "a footer squashed into the sentence goes with its page number"),
            ("12. The authority Page 3 of 12 withheld the information.",
             "12. The authority withheld the information.",
             "'Page 3 of 12' is page furniture"),
            ("13. It withheld the information.\n\n3\n\n14. It then reviewed it.",
             "13. It withheld the information.\n\n14. It then reviewed it.",
             "a bare page number between page breaks goes"),
        ]
        for c in cases { XCTAssertEqual(cleaned(c.input), c.expected, c.why) }
        XCTAssertEqual(TextCleaner.clean(cases[1].input).footerReference, "IC-123456-ABC1",
                       "the footer's reference is kept as a fallback for the header")
    }

    func testPageBreakBlankRunsCollapseAndCutSentencesRejoin() {
        let cases: [(input: String, expected: String, why: String)] = [
            ("This in itself may reduce the efficacy of these\n\n\n\ntechnological advances.",
             "This in itself may reduce the efficacy of these technological advances.",
             "a sentence cut by a page break is rejoined"),
            ("He finds that this outweighs the benefit. For this\u{000C}reason, he accepts it.",
             "He finds that this outweighs the benefit. For this reason, he accepts it.",
             "a form feed is a page break"),
            ("Website: www.justice.gov.uk/tribunals/general-regulatory-\n\nchamber",
             "Website: www.justice.gov.uk/tribunals/general-regulatory-chamber",
             "a word hyphenated across a break joins without a space"),
            ("45. The public interest favours maintaining the exemption.\n\n\n\n\n\nOther matters",
             "45. The public interest favours maintaining the exemption.\n\nOther matters",
             "a run of blank lines after a full sentence collapses to one"),
            ("He said:\n\n\n\n\"the request is vexatious\".", "He said:\n\n\"the request is vexatious\".",
             "a colon ends the line: the quotation is its own block"),
        ]
        for c in cases { XCTAssertEqual(cleaned(c.input), c.expected, c.why) }
    }

    func testControlCharactersAndBOMAreDropped() {
        XCTAssertEqual(cleaned("\u{FEFF}1. The\u{0007} council\u{200B} refused."), "1. The council refused.",
                       "BOM, bell and zero-width space leave no trace")
    }
}
