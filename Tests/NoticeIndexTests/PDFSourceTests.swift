import XCTest
@testable import NoticeIndex

/// PDFs go through pdftotext and then the same parser as text files.
final class PDFSourceTests: XCTestCase {
    func normalised(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func testThePDFFixtureParsesToTheSameParagraphsAsItsTextVersion() throws {
        let pdf = TestSupport.fixtures.appendingPathComponent("ofwat-notice.pdf").path
        let txt = TestSupport.corpus.appendingPathComponent("2024-03-26-ic-279903-f2h6-ofwat.txt").path
        let fromPDF = NoticeParser.parse(try NoticeSource.text(of: pdf))
        let fromText = NoticeParser.parse(try NoticeSource.text(of: txt))
        XCTAssertEqual(fromPDF.reference, fromText.reference)
        XCTAssertEqual(fromPDF.date, fromText.date)
        XCTAssertEqual(fromPDF.authority, fromText.authority)
        XCTAssertEqual(fromPDF.paragraphs.map(\.number), fromText.paragraphs.map(\.number))
        XCTAssertGreaterThan(fromText.paragraphs.count, 10)
        for (a, b) in zip(fromPDF.paragraphs, fromText.paragraphs) {
            XCTAssertEqual(a.heading, b.heading, "¶\(a.number)")
            XCTAssertEqual(normalised(a.text), normalised(b.text), "¶\(a.number)")
        }
    }

    func testPDFsThatCannotBeReadSayWhy() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        // A valid PDF with one empty page: what a scan without OCR looks like to pdftotext.
        let scanned = dir.appendingPathComponent("scan.pdf")
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { pdf += String(format: "%010d 00000 n \n", o) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        try pdf.write(to: scanned, atomically: true, encoding: .ascii)
        XCTAssertThrowsError(try NoticeSource.text(of: scanned.path)) { error in
            XCTAssertTrue("\(error)".contains("no text layer"), "\(error)")
        }
        let corrupt = dir.appendingPathComponent("corrupt.pdf")
        try Data("%PDF-1.7\n\u{1}\u{2}garbage".utf8).write(to: corrupt)
        XCTAssertThrowsError(try NoticeSource.text(of: corrupt.path)) { error in
            XCTAssertTrue("\(error)".contains("PDF"), "\(error)")
        }
    }
}
