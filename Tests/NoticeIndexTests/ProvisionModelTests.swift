import XCTest
@testable import NoticeIndex

final class ProvisionModelTests: XCTestCase {
    func testCanonicalFormRoundTrips() {
        let cases: [(String, Law, [String])] = [
            ("s31(1)(a)", .foia, ["31", "1", "a"]),  // FOIA subsection paragraph
            ("r12(4)(b)", .eir, ["12", "4", "b"]),   // EIR exception
            ("s40", .foia, ["40"]),                  // bare section
        ]
        for (text, law, parts) in cases {
            let p = Provision(canonical: text)
            XCTAssertEqual(p?.law, law, text)
            XCTAssertEqual(p?.parts, parts, text)
            XCTAssertEqual(p?.canonical, text)
        }
        for bad in ["31(3)", "s", "s(3)", "s31(", "x31", "s31()"] {
            XCTAssertNil(Provision(canonical: bad), bad)
        }
    }

    func testHierarchyPlacesSubsectionsInsideSections() {
        let a = Provision(canonical: "s31(1)(a)")!
        XCTAssertEqual(a.lineage.map(\.canonical), ["s31(1)(a)", "s31(1)", "s31"])
        XCTAssertTrue(a.isWithin(Provision(canonical: "s31")!))
        XCTAssertFalse(a.isWithin(Provision(canonical: "s3")!))
        XCTAssertFalse(a.isWithin(Provision(canonical: "r31")!))
    }

    func testNCNDProvisionsAreMarked() {
        XCTAssertTrue(Provision(canonical: "s31(3)")!.isNCND)
        XCTAssertTrue(Provision(canonical: "s40(5)(b)")!.isNCND)
        XCTAssertTrue(Provision(canonical: "r12(6)")!.isNCND)
        XCTAssertFalse(Provision(canonical: "s31(1)")!.isNCND)
    }

    func testIndexTokensSurviveTheTokenizer() {
        XCTAssertEqual(Provision(canonical: "s31(1)(a)")!.indexToken, "sec31x1xa")
        XCTAssertEqual(Provision(canonical: "r12(4)(b)")!.indexToken, "reg12x4xb")
    }
}
