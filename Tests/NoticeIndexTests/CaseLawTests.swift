import XCTest
@testable import NoticeIndex

final class CaseLawTests: XCTestCase {
    func testCanonicalKeyOfEveryWrittenForm() {
        let cases: [(String, String?)] = [
            ("[2016] UKUT 535 (AAC)", "[2016] UKUT 535 (AAC)"),      // canonical neutral citation
            ("2016 UKUT 535 AAC", "[2016] UKUT 535 (AAC)"),           // no brackets (a --cites query)
            ("2012 UKUT 440 AAC", "[2012] UKUT 440 (AAC)"),           // as written in notices
            ("[2012] UKUT 440", "[2012] UKUT 440 (AAC)"),             // missing chamber defaults to AAC
            ("[2015] EWCA Civ 454", "[2015] EWCA Civ 454"),           // Court of Appeal with division
            ("[2015] EWCA civ 454", "[2015] EWCA Civ 454"),           // division case
            ("[2009] EWHC 164 (QB)", "[2009] EWHC 164 (QB)"),         // High Court
            ("[2014] UKSC 20", "[2014] UKSC 20"),                     // Supreme Court
            ("[2008] UKHL 47", "[2008] UKHL 47"),                     // House of Lords
            ("[2023] UKFTT 956 (GRC)", "[2023] UKFTT 956 (GRC)"),     // First-tier Tribunal
            ("[2023] UKFTT 00427 (GRC)", "[2023] UKFTT 427 (GRC)"),   // leading zeros stripped
            ("[2012] UKFTT 2011 – 0300 (GRC)", "EA/2011/0300"),       // odd FTT form is an appeal number
            ("EA/2018/0164", "EA/2018/0164"),                         // appeal number
            ("EA-2018-0164", "EA/2018/0164"),                         // hyphens
            ("EA-2022-0425P", "EA/2022/0425"),                        // paper-hearing suffix dropped
            ("FT/EA/2025/0030", "EA/2025/0030"),                      // FT prefix dropped
            ("EA2006/0015", "EA/2006/0015"),                          // no separator after EA
            ("EA 2014/0149", "EA/2014/0149"),                         // space after EA
            ("EA/2024/0021V", "EA/2024/0021"),                        // video-hearing suffix dropped
            ("ea/2024/0021v", "EA/2024/0021"),                        // … in a lower-case query
            ("EA/2024/0021/V", "EA/2024/0021"),                       // … after a separator
            ("EA-2021-0017-P", "EA/2021/0017"),                       // paper suffix after a hyphen
            ("EA/2023/0250/GDPR", "EA/2023/0250"),                    // the data protection list's tail
            ("EA/2024/0021Vs", nil),                                  // letters running on: not an appeal number
            ("EA/2007/96", "EA/2007/0096"),                           // zero-padded to four digits
            ("GIA/3037/2011", "GIA/3037/2011"),                       // UT file number
            ("GIA 3037 2011", "GIA/3037/2011"),                       // spaces
            ("UA-2021-000017-GIRF", "UA-2021-000017-GIRF"),           // new UT file number
            ("[2008] UKIT EA_2007_0051", "EA/2007/0051"),             // BAILII tribunal form is the appeal number
            ("[2009] UKIT EA_2008_7", "EA/2008/0007"),                // … zero-padded
            ("[2012] UKFTT EA_2011_112 (GRC)", "EA/2011/0112"),       // … FTT with its chamber
            ("FT.EA.2023.0117", "EA/2023/0117"),                      // dotted appeal number
            ("[2019] 1 WLR 1012", "[2019] 1 WLR 1012"),               // law report with a volume
            ("[2015] AACR 34", "[2015] AACR 34"),                     // Administrative Appeals Chamber Reports
            ("[2004] 2 All ER 977", "[2004] 2 All ER 977"),           // two-word series
            ("[1999] 2 AC 418", "[1999] 2 AC 418"),                   // Appeal Cases
            ("[2011] QB 123", "[2011] QB 123"),                       // Queen's Bench, no volume
            ("[2012] 1 Info LR 43", "[2012] 1 Info LR 43"),           // Information Law Reports
            ("(2006) 43 EHRR 2", "(2006) 43 EHRR 2"),                 // round brackets: a volume-numbered series
            ("Savic v Information Commissioner", nil),                // a name is not a citation
            ("2016", nil),                                            // a year
            ("section 31(3)", nil),                                   // a provision
        ]
        for (text, key) in cases { XCTAssertEqual(CaseLaw.canonicalKey(forCitation: text), key, text) }
    }

    /// The tribunal's listing letters (`V` heard by video, `P` decided on the papers) mark how one appeal was
    /// heard, not another appeal: one case whatever the letter, each written form kept, every form a query.
    func testAListingLetterNamesTheSameAppeal() {
        let cs = cases([
            "In Marlow v Information Commissioner (EA/2021/0188V) the Tribunal accepted that the searches were proportionate.",
            "The appeal EA/2021/0188 was heard by video link because of the pandemic.",
            "The same approach was taken on the papers in EA-2022-0031-P and in a data protection appeal, EA/2023/0250/GDPR.",
        ])
        XCTAssertEqual(cs.map(\.key), ["EA/2021/0188", "EA/2022/0031", "EA/2023/0250"])
        XCTAssertEqual(cs.first?.citations, ["Marlow v Information Commissioner", "EA/2021/0188V", "EA/2021/0188"])
        XCTAssertTrue(cs.contains { $0.citations.contains("EA-2022-0031-P") })
        XCTAssertTrue(cs.contains { $0.citations.contains("EA/2023/0250/GDPR") })
        for query in ["EA/2021/0188", "EA/2021/0188V", "ea-2021-0188-v", "Marlow"] {
            XCTAssertEqual(cs.filter { CaseLaw.matches($0, query: query) }.map(\.key), ["EA/2021/0188"], query)
        }
    }

    private func cases(_ texts: [String]) -> [CaseReference] {
        CaseLawExtractor.extract(texts.enumerated().map { Paragraph(number: $0.offset + 1, headings: ["Reasons for decision"], text: $0.element) })
    }

    func testAShortNameJoinsTheCitedCaseWithTheSameFirstParty() {
        let cs = cases([
            "The leading case is Information Commissioner v Devon County Council & Dransfield [2012] UKUT 440 (AAC).",
            "As the Upper Tribunal said in IC v Dransfield, the purpose of section 14 is to protect resources.",
            "The Court of Appeal in Dransfield v Information Commissioner [2015] EWCA Civ 454 agreed.",
        ])
        XCTAssertEqual(cs.map(\.key), ["[2012] UKUT 440 (AAC)", "[2015] EWCA Civ 454"])
        XCTAssertTrue(cs[0].citations.contains("IC v Dransfield"))
    }

    func testNumberedPartiesAreOneName() {
        let cs = cases(["The Commissioner notes Tinsley v (1) Information Commissioner and (2) Ministry of Defence on this point."])
        XCTAssertEqual(cs.map(\.name), ["Tinsley v Information Commissioner and Ministry of Defence"])
    }

    func testALawReportJoinsTheNeutralCitationOfItsCase() {
        let cs = cases(["See Kennedy v Charity Commission [2014] UKSC 20, [2015] AC 455, on the scope of the duty."])
        XCTAssertEqual(cs.count, 1)
        XCTAssertEqual(cs.first?.key, "[2014] UKSC 20", "a neutral citation names the case before a law report")
        XCTAssertTrue(cs.first?.aliases.contains("[2015] AC 455") ?? false)
    }

    func testNameAndNeutralCitationInOneSentenceAreOneCase() {
        let c = cases(["In Savic v Information Commissioner, Attorney General's Office and Cabinet Office [2016] UKUT 535 (AAC) the Upper Tribunal said so."])
        XCTAssertEqual(c.count, 1)
        XCTAssertEqual(c.first?.key, "[2016] UKUT 535 (AAC)")
        // the name stops at the first comma
        XCTAssertEqual(c.first?.name, "Savic v Information Commissioner")
    }

    func testFootnoteMarkersDoNotBreakNames() {
        // superscript marker
        XCTAssertEqual(cases(["In the Upper Tribunal's Decision in Savic⁵ v Information Commissioner, Attorney General's Office [2016] UKUT 535 (AAC) at paragraph 60"]).first?.name,
                       "Savic v Information Commissioner")
        // digit glued by text extraction
        XCTAssertEqual(cases(["As held in Savic5 v Information Commissioner [2016] UKUT 535 (AAC)."]).first?.name,
                       "Savic v Information Commissioner")
    }

    func testAppealNumberBeforeTheNameJoinsIt() {
        let c = cases(["In First-tier Tribunal EA/2018/0164 Privacy International v the ICO & MPS, relating to surveillance equipment."])
        XCTAssertEqual(c.count, 1)
        XCTAssertEqual(c.first?.key, "EA/2018/0164")
        XCTAssertEqual(c.first?.name, "Privacy International v the ICO & MPS")
    }

    func testDransfieldFullCiteThenShortForms() {
        let c = cases([
            "The leading case is Information Commissioner v Devon County Council & Dransfield [2012] UKUT 440 (AAC).",
            "As the Upper Tribunal said in Dransfield, the purpose of section 14 is to protect resources.",
            "The Dransfield case sets out four broad issues.",
        ])
        XCTAssertEqual(c.count, 1, "\(c)")
        XCTAssertEqual(c.first?.key, "[2012] UKUT 440 (AAC)")
        XCTAssertEqual(c.first?.name, "Information Commissioner v Devon County Council & Dransfield")
        XCTAssertEqual(c.first?.spans.map(\.paragraph), [0, 0, 1, 2])
        XCTAssertTrue(c.first?.citations.contains("Dransfield") ?? false)
    }

    func testIdentifiersWrittenTogetherAreOneCaseWithAliases() {
        // neutral citation and GIA file number side by side
        let c = cases(["Dransfield [2012] UKUT 440 (AAC), GIA/3037/2011, is binding."])
        XCTAssertEqual(c.count, 1, "\(c)")
        XCTAssertEqual(c.first?.key, "[2012] UKUT 440 (AAC)")
        XCTAssertEqual(c.first?.aliases, ["GIA/3037/2011"])
    }

    func testAppealNumberInBracketsAfterTheName() {
        let c = cases(["In Bromley v Information Commissioner and Environment Agency (EA/2006/0072) the Tribunal said that."])
        XCTAssertEqual(c.map(\.key), ["EA/2006/0072"])
        XCTAssertEqual(c.first?.name, "Bromley v Information Commissioner and Environment Agency")
    }

    func testJudicialReviewNameWithBracketedParty() {
        // `R (Evans) v Attorney General`: the bracketed claimant stays in the name
        let c = cases(["The Supreme Court in R (Evans) v Attorney General [2015] UKSC 21 considered section 53."])
        XCTAssertEqual(c.map(\.key), ["[2015] UKSC 21"])
        XCTAssertEqual(c.first?.name, "R Evans v Attorney General")
        XCTAssertEqual(c.first.map { CaseLaw.nameTokens($0.name!) }, ["evans"])
    }

    func testSameCaseCitedTwiceInDifferentFormsMerges() {
        let c = cases(["See [2023] UKFTT 00427 (GRC).", "The tribunal in [2023] UKFTT 427 (GRC) agreed."])
        XCTAssertEqual(c.map(\.key), ["[2023] UKFTT 427 (GRC)"])
        XCTAssertEqual(c.first?.citations, ["[2023] UKFTT 00427 (GRC)", "[2023] UKFTT 427 (GRC)"])
    }

    func testNameWithoutCitationKeysOnNormalisedNames() {
        let c = cases(["The Commissioner also notes Kennedy v Charity Commission on this point."])
        XCTAssertEqual(c.map(\.key), ["kennedy v charity commission"])
    }

    func testTextWithoutCasesFindsNone() {
        // provisions, dates and prose with a lowercase "v" are not cases
        XCTAssertEqual(cases(["Section 31(3) applies. On 13 February 2023 the complainant wrote. Plan v 2 was adopted."]).count, 0)
    }

    func testNameTokensKeepOnlyDistinctivePartyWords() {
        XCTAssertEqual(CaseLaw.nameTokens("Savic v Information Commissioner"), ["savic"])
        XCTAssertEqual(CaseLaw.nameTokens("Information Commissioner v Devon County Council & Dransfield"), ["dransfield"])
        XCTAssertEqual(CaseLaw.nameTokens("Savic⁵ v Information Commissioner, Attorney General's Office and Cabinet Office"), ["savic"])
        XCTAssertEqual(CaseLaw.nameTokens("Privacy International v the ICO & MPS"), ["privacy", "international"])
        XCTAssertEqual(CaseLaw.nameTokens("Dransfield"), ["dransfield"])
    }

    func testUserQueryMatchesByKeyAliasOrNameWords() {
        let c = CaseReference(key: "[2012] UKUT 440 (AAC)", name: "Information Commissioner v Devon County Council & Dransfield",
                              citations: ["[2012] UKUT 440 (AAC)"], aliases: ["GIA/3037/2011"])
        XCTAssertTrue(CaseLaw.matches(c, query: "2012 UKUT 440 AAC"))   // neutral citation, any form
        XCTAssertTrue(CaseLaw.matches(c, query: "GIA 3037 2011"))       // alias
        XCTAssertTrue(CaseLaw.matches(c, query: "dransfield"))          // party word
        XCTAssertFalse(CaseLaw.matches(c, query: "Savic"))              // another case
        XCTAssertFalse(CaseLaw.matches(c, query: "Devon County Council")) // a public body alone is not distinctive
    }
}

extension CaseLawTests {
    func testPartyNamesAreReadToTheirEnd() {
        let rows: [(text: String, name: String)] = [
            ("In Bellamy v Information Commissioner and the Secretary of State for Trade and Industry (EA/2005/0023) the Tribunal said so.",
             "Bellamy v Information Commissioner and the Secretary of State for Trade and Industry"),
            ("The Commissioner will consider the test set out in Coco v A N Clark (Engineers) Ltd [1968] FSR 415, namely whether:",
             "Coco v A N Clark (Engineers) Ltd"),
            ("In Jones v Information Commissioner (GRC) the point was not argued.", "Jones v Information Commissioner"),
        ]
        for row in rows {
            XCTAssertEqual(cases([row.text]).first?.name, row.name, row.text)
        }
        // a law report keys its case only when no name is known
        let coco = cases([rows[1].text])
        XCTAssertEqual(coco.map(\.key), ["coco v a n clark ltd"], "the key is the normalised name (bracketed words dropped, as for authorities)")
        XCTAssertEqual(coco.first?.aliases, ["[1968] FSR 415"])
    }
}
