import XCTest
@testable import NoticeIndex

/// End to end on the real seed notice (FOIA, Metropolitan Police, 8 February 2024).
final class SeedNoticeExtractionTests: XCTestCase {
    private var notice: ParsedNotice!
    private var extraction: Extraction!

    override func setUp() {
        notice = SeedNoticeFixture.notice()
        extraction = NoticeExtractor.extract(notice)
    }

    func testFixtureSplitsTheSeedIntoItsNumberedParagraphs() {
        // the fixture itself must be sound for the other checks to mean anything
        XCTAssertEqual(notice.paragraphs.map(\.number), Array(1...73))
        XCTAssertEqual(notice.paragraphs[51].number, 52)
        XCTAssertTrue(notice.paragraphs[51].text.contains("3(3) of FOIA"))
    }

    func testReliedProvisionsIncludeTheNCNDAndLawEnforcementProvisions() {
        let relied = Set(extraction.provisions.filter { $0.role == .reliedOn }.map(\.provision.canonical))
        for p in ["s24(2)", "s31(1)(a)", "s31(1)(b)", "s31(3)", "s40(5)", "s43(3)"] {
            XCTAssertTrue(relied.contains(p), "\(p) should be relied on; relied: \(relied.sorted())")
        }
    }

    func testTheSeedTypoNeverYieldsSectionThree() {
        // para 52 writes `3(3)` for 43(3): repaired from the notice's other lists, never s3(3)
        let all = extraction.provisions.map(\.provision.canonical)
        XCTAssertFalse(all.contains { $0.hasPrefix("s3(") || $0 == "s3" }, "\(all)")
        let para52 = extraction.provisions.filter { $0.span.paragraph == 51 }
        XCTAssertEqual(para52.map(\.provision.canonical), ["s24(2)", "s31(3)", "s43(3)"])
        XCTAssertEqual(para52.last?.text, "3(3)")  // the span still points at what is written
    }

    func testSpansPointAtTheWrittenCitation() {
        for m in extraction.provisions {
            let text = Array(notice.paragraphs[m.span.paragraph].text.utf8)
            XCTAssertEqual(String(decoding: text[m.span.start..<m.span.end], as: UTF8.self), m.text)
        }
    }

    func testSubsectionsInParagraph21HangOffSection31() {
        // "the MPS is relying on subsections (1)(a) and (b)" under "Section 31- Law enforcement"
        let p21 = extraction.provisions.filter { $0.span.paragraph == 20 }.map(\.provision.canonical)
        XCTAssertEqual(p21, ["s31(1)(a)", "s31(1)(b)"])
    }

    func testUncontestedSection40IsOnlyMentionedInTheDecisionSection() {
        // "The complainant did not contest the citing of section 40."
        let s40 = extraction.provisions.filter { $0.span.paragraph == 0 && $0.provision.canonical == "s40" }
        XCTAssertEqual(s40.map(\.role), [.mentioned])
    }

    func testCasesResolveToNeutralCitationAndAppealNumber() {
        let keys = extraction.cases.map(\.key)
        XCTAssertTrue(keys.contains("[2016] UKUT 535 (AAC)"), "\(keys)")
        XCTAssertTrue(keys.contains("EA/2018/0164"), "\(keys)")
        XCTAssertEqual(keys.count, 2, "\(extraction.cases)")
        let savic = extraction.cases.first { $0.key == "[2016] UKUT 535 (AAC)" }
        XCTAssertEqual(savic?.name, "Savic v Information Commissioner")  // footnote marker dropped
        let pi = extraction.cases.first { $0.key == "EA/2018/0164" }
        XCTAssertEqual(pi?.name, "Privacy International v the ICO & MPS")
    }

    func testOutcomeIsNotUpheld() {
        XCTAssertEqual(extraction.outcome, .notUpheld)
        let findings = Dictionary(extraction.findings.map { ($0.provision.canonical, $0.finding) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(findings["s31(1)"], .notUpheld)
        XCTAssertEqual(findings["s31(3)"], .notUpheld)
        XCTAssertFalse(extraction.findings.contains { $0.finding != .notUpheld }, "\(extraction.findings)")
    }

    func testAuthorityMeetsTheMPSQueryKey() {
        XCTAssertEqual(extraction.authority?.key, AuthorityNormalizer.key(forQuery: "MPS"))
        XCTAssertEqual(extraction.authority?.name, "Commissioner of Police of the Metropolis")
        XCTAssertEqual(extraction.authority?.sector, .police)
    }
}
