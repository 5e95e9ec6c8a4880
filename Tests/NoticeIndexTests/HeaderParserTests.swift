import XCTest
@testable import NoticeIndex

/// Pins how references, dates, law, authority and complainant are read from notice headers.
final class HeaderParserTests: XCTestCase {
    func testReferencesAreNormalised() {
        let cases: [(input: String, expected: String?, why: String)] = [
            ("FS50587581", "FS50587581", "a well-formed FS50 reference is kept"),
            ("fs50857510", "FS50857510", "lower case is upper-cased"),
            ("FER0449366", "FER0449366", "a well-formed FER reference is kept"),
            ("fer743117", "FER0743117", "FER numbers are zero-padded to 7 digits"),
            ("IC-219436-J1G5", "IC-219436-J1G5", "a well-formed IC- reference is kept"),
            ("IC 295317-K2B2", "IC-295317-K2B2", "a space instead of the first dash"),
            ("IC- 248461 \u{2013} C8Q1", "IC-248461-C8Q1", "stray spaces and an en dash"),
            ("ic-248461-c8q1", "IC-248461-C8Q1", "lower case IC reference"),
            ("IC-47737", "IC-47737", "a cut-off IC reference stays as it is"),
            ("IC-354236-CBJE", "IC-354236-CBJE", "an all-letter suffix is kept"),
            ("IC-401188-4417", "IC-401188-4417", "an all-digit suffix is kept"),
            ("ic-354236-cbje", "IC-354236-CBJE", "an all-letter suffix in lower case"),
            ("IC-47737 Date: 1 May 2021", "IC-47737", "a word after a space is not a suffix"),
            ("IC-47737 2021", "IC-47737", "a year after a space is not a suffix"),
            ("Reference: FS50676797 Freedom of Information", "FS50676797", "the reference ends at the number"),
            ("ICO 12345", nil, "ICO is not a reference prefix"),
            ("IC 2", nil, "too few digits to be a reference"),
            ("public 123456", nil, "'ic' inside a word does not start a reference"),
        ]
        for c in cases { XCTAssertEqual(ReferenceNormalizer.normalize(c.input), c.expected, c.why) }
    }

    func testDatesBecomeISO() {
        let cases: [(input: String, expected: String?, why: String)] = [
            ("Date: 27 September 2012", "2012-09-27", "the modern header form"),
            ("Date: 8 February 2024", "2024-02-08", "single-digit day is zero-padded"),
            ("27th September 2012", "2012-09-27", "ordinal suffix"),
            ("27 Sept 2012", "2012-09-27", "abbreviated month"),
            ("27/09/2012", "2012-09-27", "UK numeric date, day first"),
            ("27.09.2012", "2012-09-27", "dotted numeric date"),
            ("2012-09-27", "2012-09-27", "already ISO"),
            ("September 27, 2012", "2012-09-27", "month first"),
            ("Dated the 27th day of September 2010", "2010-09-27", "pre-2011 signature line"),
            ("Date: 31 February 2012", nil, "an impossible date is rejected"),
            ("Freedom of Information Act 2000 (FOIA)", nil, "a year alone is not a date"),
        ]
        for c in cases { XCTAssertEqual(DateParser.firstDate(in: c.input), c.expected, c.why) }
    }

    func testHeaderVariants() {
        let cases: [(header: String, expected: Header, why: String)] = [
            ("""
             Freedom of Information Act 2000 (FOIA) Decision notice

             Date: 8 February 2024

             Public Authority: Commissioner of Police of the Metropolis

             Address: New Scotland Yard

             Broadway London SW1H 0BG
             """,
             Header(reference: nil, law: .foia, date: "2024-02-08", authority: "Commissioner of Police of the Metropolis"),
             "the seed's header: no reference line"),
            ("""
             Reference: FS50449366

             Freedom of Information Act 2000 (FOIA)
             Decision notice

             Date: 27 September 2012

             Public Authority: Cabinet Office Address: 70 Whitehall
             London SW1A 2AS
             """,
             Header(reference: "FS50449366", law: .foia, date: "2012-09-27", authority: "Cabinet Office"),
             "the authority's value shares a line with the Address label"),
            ("""
             Reference: fer743117

             Environmental Information Regulations 2004 (EIR)
             Decision notice

             Date: 27/09/2012

             Public Authority:
             Address:

             Cornwall Council
             New County Hall
             Truro TR1 3AY
             """,
             Header(reference: "FER0743117", law: .eir, date: "2012-09-27", authority: "Cornwall Council"),
             "EIR notice with both labels first, then both values"),
            ("""
             Reference: IC- 248461 \u{2013} C8Q1

             Environmental Information Regulations 2004 (EIR)

             Decision notice

             Date: 14 March 2023

             Public Authority: Public Authority: Address:
             """,
             Header(reference: "IC-248461-C8Q1", law: .eir, date: "2023-03-14", authority: nil),
             "a broken IC reference; labels with no values at all give no authority"),
            (NoticeParserTests.legacyHeader,
             Header(reference: nil, law: .foia, date: "2010-09-27", authority: "Department for Transport", isLegacy: true),
             "pre-2011 header: section 50, no reference"),
            ("""
             Environmental Information Regulations 2004 (Regulation 18) Freedom of Information Act 2000 (Section 50)
             Decision Notice
             Dated: 3 June 2009
             Public authority: Chief Constable of
             Hampshire Constabulary
             Address: Police Headquarters, Winchester
             Complainant: Mr A Smith
             Address: 1 High Street, Southampton
             """,
             Header(reference: nil, law: .eir, date: "2009-06-03", authority: "Chief Constable of Hampshire Constabulary",
                    complainant: "Mr A Smith", isLegacy: true),
             "older EIR notice also naming FOIA; authority over two lines; complainant"),
            ("Reference: IC 295317-K2B2 Freedom of Information Act 2000 (FOIA) Decision notice Date: 5 May 2023 Public Authority: Home Office Address: 2 Marsham Street London SW1P 4DF",
             Header(reference: "IC-295317-K2B2", law: .foia, date: "2023-05-05", authority: "Home Office"),
             "the whole header on one line"),
        ]
        for c in cases { XCTAssertEqual(HeaderParser.parse(c.header), c.expected, c.why) }
    }

    func testRunOnAuthorityAndAddress() {
        let cases: [(line: String, name: String, why: String)] = [
            ("Ofwat (Water Services Regulation Authority) Centre City Tower 7 Hill Street Birmingham",
             "Ofwat (Water Services Regulation Authority)", "a parenthesised long form is part of the name"),
            ("Department for Business and Trade (DBT) Old Admiralty Building 1 Horse Guards Road",
             "Department for Business and Trade (DBT)", "'Department for' starts a name; its abbreviation ends it"),
            ("Ministry of Justice 102 Petty France London", "Ministry of Justice", "'Ministry of' starts a name"),
            ("Dorset Council Dorset Council County Hall Colliton Park Dorchester DT1 1XJ", "Dorset Council",
             "a name written twice (name line and first address line) is kept once"),
            ("Cabinet Office 70 Whitehall London", "Cabinet Office", "the name ends at a name-ending word"),
            ("University of Leeds Marjorie House Woodhouse Lane Leeds LS2 9JT", "University of Leeds",
             "the address starts with a building's name"),
            ("Ministry of Defence Main Building Whitehall London SW1A 2HB", "Ministry of Defence", "… 'Main Building'"),
            ("London Borough of Camden Camden Town Hall Judd Street London WC1H 9JE", "London Borough of Camden",
             "the place named again starts the address"),
            ("Environment Agency Horizon House Deanery Road Bristol BS1 5AH", "Environment Agency", "a name ending before a building"),
            ("London Borough of Tower Hamlets Town Hall Mulberry Place 5 Clove Crescent", "London Borough of Tower Hamlets",
             "'Tower' in a place name is not a building"),
        ]
        for c in cases { XCTAssertEqual(HeaderParser.splitSingleLine(c.line).first, c.name, c.why) }

        let h = HeaderParser.parse("1 Freedom of Information Act 2000 (Section 50) Decision Notice 3 March 2009 Public Authority: Address: Ofwat (Water Services Regulation Authority) Centre City Tower 7 Hill Street Birmingham B5 4UA")
        XCTAssertEqual(h.authority, "Ofwat (Water Services Regulation Authority)")
        XCTAssertEqual(h.law, .foia)
        XCTAssertEqual(h.date, "2009-03-03")
    }

    func testLawFromTheProvisionsWhenNoActIsNamed() {
        let h = HeaderParser.parse("Decision Notice IC-300111-Q7R2 (Home Office)\nDate: 2 May 2024\nPublic Authority:\nHome Office",
                                   body: { "1. The complainant asked for the audit. The Home Office withheld it under section 35(1)(a) and section 40(2)." })
        XCTAssertEqual(h.law, .foia)
        let e = HeaderParser.parse("Decision Notice (Borough Council)", body: { "1. The council relied on regulation 12(4)(b) and regulation 12(5)(e)." })
        XCTAssertEqual(e.law, .eir)
    }

    func testLawFallsBackToBodyAndReferenceToFooter() {
        let h = HeaderParser.parse("Decision notice\n\nDate: 1 April 2015\n\nPublic Authority: Leeds City Council",
                                   footerReference: "FER0551234",
                                   body: { "1. The complainant asked for information under the Environmental Information Regulations 2004." })
        XCTAssertEqual(h.law, .eir, "a header naming no regime borrows it from the body")
        XCTAssertEqual(h.reference, "FER0551234", "a header without a reference line borrows the page footer's")
    }
}
