import XCTest
@testable import NoticeIndex

/// Paragraph text is stored compressed in the sqlite3 shell's sqlar format and comes back byte for byte.
final class StoredTextTests: XCTestCase {
    func testParagraphsComeBackExactlyWithTheirNumbersAndHeadings() throws {
        let table: [[(Int, Int, String)]] = [
            [(1, 0, "The complainant asked for information."), (2, 0, "The MPS relied on section 31(3) — “NCND”.\n• a bullet")],
            [(5, 1, String(repeating: "The public interest test favours maintaining the exemption. ", count: 40))],
            [(1, 0, "")],
            [],
        ]
        for paragraphs in table {
            let stored = StoredText(paragraphs: paragraphs.map { (number: $0.0, headingNo: $0.1, text: $0.2) })
            let text = try XCTUnwrap(stored.blob.withUnsafeBytes { StoredText.decompress($0, size: stored.size) })
            let layout = stored.layout.utf8.withContiguousStorageIfAvailable { StoredText.parseLayout(UnsafeRawBufferPointer($0)) } ?? []
            XCTAssertEqual(layout.count, paragraphs.count)
            for (entry, p) in zip(layout, paragraphs) {
                XCTAssertEqual(entry.number, p.0)
                XCTAssertEqual(entry.headingNo, p.1)
                XCTAssertEqual(String(decoding: text[entry.start..<entry.end], as: UTF8.self), p.2)
            }
        }
    }

    func testRepetitiveTextIsCompressedAndIncompressibleTextIsStoredAsIs() {
        let long = StoredText(paragraphs: [(1, 0, String(repeating: "section 40(2) personal data ", count: 100))])
        XCTAssertLessThan(long.blob.count, long.size / 5)
        let short = StoredText(paragraphs: [(1, 0, "Qz")])
        XCTAssertEqual(short.blob, Array("Qz".utf8), "sqlar's rule: a blob as long as the text is the text")
    }

    func testADamagedBlobIsReportedNotMisread() {
        var stored = StoredText(paragraphs: [(1, 0, String(repeating: "vexatious request ", count: 50))])
        stored.blob[stored.blob.count / 2] ^= 0xFF
        stored.blob.removeLast(3)
        XCTAssertNil(stored.blob.withUnsafeBytes { StoredText.decompress($0, size: stored.size) })
    }

    func testTheParagraphsViewShowsTheSameTextAsTheLibraryReads() throws {
        let db = try Database(path: TestSupport.corpusIndex, readOnly: true)
        let id = try XCTUnwrap(try db.int("SELECT id FROM notices WHERE uid = 'seed-notice-2024-02-08-mps'"))
        let library = try StoredParagraphs.read(db, notice: Int64(id))
        let view = try db.rows("""
            SELECT p.seq, p.number, h.path, p.text FROM paragraphs p
            JOIN headings h ON h.notice_id = p.notice_id AND h.heading_no = p.heading_no
            WHERE p.notice_id = ? ORDER BY p.seq
            """, [id]) { ($0.int(0), $0.int(1), $0.string(2) ?? "", $0.string(3) ?? "") }
        XCTAssertEqual(library.count, 73)
        XCTAssertEqual(view.map(\.0), library.map(\.seq))
        XCTAssertEqual(view.map(\.1), library.map(\.number))
        XCTAssertEqual(view.map(\.2), library.map(\.heading))
        XCTAssertEqual(view.map(\.3), library.map(\.text))
    }

    func testAStockSqlite3ShellReadsTheParagraphsAsText() throws {
        let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(shell == nil, "no sqlite3 shell on this machine")
        let db = try Database(path: TestSupport.corpusIndex, readOnly: true)
        let id = try XCTUnwrap(try db.int("SELECT id FROM notices WHERE uid = 'seed-notice-2024-02-08-mps'"))
        let expected = try StoredParagraphs.read(db, notice: Int64(id)).prefix(5).map { "\($0.number)\t\($0.text.replacingOccurrences(of: "\n", with: " "))" }
        let result = try TestSupport.run(
            ["-readonly", "-separator", "\t", TestSupport.corpusIndex,
             "SELECT number, replace(text, char(10), ' ') FROM paragraphs WHERE notice_id = \(id) ORDER BY seq LIMIT 5"],
            executable: URL(fileURLWithPath: shell!))
        XCTAssertEqual(result.code, 0, result.err)
        XCTAssertEqual(result.out.split(separator: "\n").map(String.init), expected)
    }
}
