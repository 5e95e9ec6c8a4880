import XCTest
@testable import NoticeIndex

/// Short notices flattened onto one line by a text export, with the header's labels and values run together.
final class OneLineNoticeTests: XCTestCase {
    // A pre-2011 notice as a transcription site serves it: page number first, no line breaks, dropped
    // apostrophes, an unnumbered Summary before paragraph 1.
    static let legacy = "1 Freedom of Information Act 2000 (Section 50) Decision Notice Date: 14 May 2009 "
        + "Public Authority: Borough of Thornbury Address: 12 Mill Lane Thornbury TH1 2AB. Summary The complainant "
        + "asked the council for the cost of repairs to the market hall roof. The council relied on section 12(1) "
        + "because the cost of compliance would exceed the appropriate limit. The Commissioner finds that section "
        + "12(1) was applied correctly but that the council breached section 17 of the Act. The Commissioner "
        + "requires no steps to be taken. The Commissioner s Role 1. The Commissioner s duty is to decide whether "
        + "a request for information made to a public authority has been dealt with in accordance with Part 1 "
        + "of the Act. The Request 2. On 3 March 2008 the complainant asked for every invoice for the market hall "
        + "roof since 1998, with the name of each contractor. The Investigation 3. The Commissioner wrote to the "
        + "council on 9 September 2008 asking how it had estimated the cost of compliance. Analysis 4. The council "
        + "explained that its invoices for the period are held on paper in three separate archives. 5. It estimated "
        + "that locating and extracting them would take more than 18 hours."

    func testAFlattenedLegacyNoticeKeepsItsSummaryAndNumberedParagraphs() {
        let n = NoticeParser.parse(Self.legacy)
        XCTAssertEqual(n.layout, .legacy)
        XCTAssertEqual(n.date, "2009-05-14")
        XCTAssertEqual(n.authority, "Borough of Thornbury")
        XCTAssertEqual(n.paragraphs.map(\.number), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(n.paragraphs.first?.heading, "Summary")
        XCTAssertTrue(n.paragraphs.first?.text.hasPrefix("The complainant asked the council") ?? false)
        XCTAssertEqual(n.paragraphs.first { $0.number == 2 }?.heading, "The Request")
        XCTAssertEqual(n.paragraphs.first { $0.number == 5 }?.heading, "Analysis")
    }

    func testPageNumbersOfAOnePagePerLineTextAreRemoved() {
        // The same notice served one page per line: page 1 ends with " 1", page 2 starts with "2 ".
        let cut = Self.legacy.range(of: "The Investigation 3.")!.lowerBound
        let more = " 6. The Commissioner accepts that an estimate need only be sensible, realistic and supported by"
            + " cogent evidence, and he has considered the sampling exercise the council described. 7. The council"
            + " searched one of the three archives for a single year and recorded the time the search took, which"
            + " it then applied to the remaining years and archives. 8. The Commissioner is satisfied that the"
            + " estimate was reasonable and that section 12(1) was engaged."
        let paged = String(Self.legacy[..<cut]) + " 1\n\n2 " + String(Self.legacy[cut...]) + more
        let n = NoticeParser.parse(paged)
        XCTAssertEqual(n.paragraphs.map(\.number), [0, 1, 2, 3, 4, 5, 6, 7, 8])
        let two = n.paragraphs.first { $0.number == 2 }?.text ?? ""
        XCTAssertTrue(two.hasSuffix("with the name of each contractor."), two)
        XCTAssertEqual(n.paragraphs.first { $0.number == 3 }?.heading, "The Investigation")
    }

    func testAuthorityAndAddressRunTogetherAreSplitWhereTheAddressStarts() {
        let cases: [(String, String)] = [
            // (labels then values on one line, the authority's name)
            ("North Fenwick Council Town Hall Square Fenwick NF1 2XY", "North Fenwick Council"),   // after "Council"
            ("London Borough of Wexley Town Hall Judd Street London WC1H 9JE", "London Borough of Wexley"),  // at "Town Hall"
            ("Cabinet Office 70 Whitehall London SW1A 2AS", "Cabinet Office"),                     // at the first number
            ("Chief Constable of Marsh Police Sutton Road Marsham ME15 9BZ", "Chief Constable of Marsh Police"),
            ("Mid Anglia Ambulance Service PO Box 12 Norwich", "Mid Anglia Ambulance Service"),
        ]
        for (value, name) in cases {
            XCTAssertEqual(HeaderParser.splitSingleLine(value).first, name, value)
        }
    }
}

/// One-line notices whose headings hold a provision, and notices past paragraph 999.
final class OneLineHeadingTests: XCTestCase {
    /// A notice squashed onto one line (as copy sites serve them), long enough to be re-split.
    private func squashed(_ body: String) -> String {
        let filler = (1...12).map { "\($0). The council explained at length how its records were kept and searched in the period concerned, and which teams held them." }
        return "Reference: IC-400123-ZQ4K Freedom of Information Act 2000 (FOIA) Decision notice Date: 3 March 2025 Public Authority: Borough Council Address: 1 High Street Decision (including any steps ordered) "
            + filler.joined(separator: " ") + " " + body
    }

    func testAProvisionHeadingBeforeAParagraphNumberIsSplitOff() {
        let n = NoticeParser.parse(squashed("13. The Commissioner is satisfied that the council was entitled to rely on section 21. Reasons for decision Section 14(2) - repeated requests 14. Section 14(2) of FOIA allows an authority to refuse a repeated request. 15. The council was entitled to rely on it."))
        let numbers = n.paragraphs.map(\.number)
        XCTAssertEqual(numbers.suffix(3), [13, 14, 15], "¶14 is not merged into ¶13")
        XCTAssertEqual(n.paragraphs.first { $0.number == 14 }?.headings, ["Reasons for decision", "Section 14(2) - repeated requests"])
        XCTAssertFalse(n.paragraphs.first { $0.number == 13 }?.text.contains("repeated requests") ?? true)
    }

    func testParagraphNumbersAboveNineHundredNinetyNine() {
        let text = "1000. The Commissioner turns to the last part of the request.\n"
        let b = Array(text.utf8)
        XCTAssertEqual(ParagraphNumbering.marker(b, 0..<b.count)?.number, 1000)
    }
}
