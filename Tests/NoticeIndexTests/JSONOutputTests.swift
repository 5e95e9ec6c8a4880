import XCTest
@testable import NoticeIndex

/// The CLI and the web server encode through one encoder, so their JSON is the same bytes.
final class JSONOutputTests: XCTestCase {
    func testSharedEncoderKeepsSlashesOneLineAndSortedKeys() throws {
        let c = CitedCase(key: "[2016] UKUT 535 (AAC)", name: "Savic v Information Commissioner", count: 2,
                          notices: ["IC-219436-J1G5", "EA/2018/0164"])
        let text = String(decoding: try JSONOutput.data(CasesResponse(cases: [c])), as: UTF8.self)
        XCTAssertEqual(text, #"{"cases":[{"count":2,"key":"[2016] UKUT 535 (AAC)","name":"Savic v Information Commissioner","notices":["IC-219436-J1G5","EA/2018/0164"]}],"total":1}"#)
    }

    func testCLIQueryJSONIsTheLibraryEncodingOfTheResponse() throws {
        let db = TestSupport.corpusIndex
        let cli = try TestSupport.run(["Dransfield vexatious", "--db", db, "--json", "--limit", "3"])
        XCTAssertEqual(cli.code, 0, cli.err)
        let response = try SearchEngine(databasePath: db).search(try QueryParser.parse("Dransfield vexatious"), limit: 3)
        XCTAssertEqual(cli.out, String(decoding: try JSONOutput.data(response), as: UTF8.self) + "\n")
    }
}
