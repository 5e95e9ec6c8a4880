import Foundation
import XCTest
@testable import NoticeServer

/// Every string from a request or a notice reaches the page as text: markup, quotes that would end an
/// attribute, and control characters, in every place a user string is echoed.
final class EscapingTests: XCTestCase {
    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)",
                          "police\u{1B}[31m\u{07}bodycam", "</textarea><svg onload=alert(1)>"]

    func testHostileQueriesAndFiltersAreShownAsText() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        for text in Self.hostile {
            let e = QueryString.encode(text)
            for path in ["/search?q=\(e)", "/search?q=police&authority=\(e)", "/search?q=police&cites=\(e)",
                         "/notices/FS50648213?q=\(e)", "/notices/\(e)", "/cases/\(e)", "/search?q=police&provision=\(e)",
                         "/api/search?q=\(e)", "/api/notices/\(e)"] {
                let reply = try await server.get(path)
                XCTAssertTrue([200, 400, 404].contains(reply.status), "\(path): \(reply.status)")
                if path.hasPrefix("/api/") {
                    // JSON, never sniffed as a page; control characters escaped by the encoder.
                    XCTAssertTrue(reply.headers["content-type"]?.hasPrefix("application/json") ?? false, path)
                    XCTAssertNoThrow(try reply.json(), path)
                } else {
                    Self.assertInert(reply.text, path: path)
                }
            }
        }
    }

    func testANoticeHoldingMarkupIsShownAsText() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let search = try await server.get("/search?q=pwned+attackers")
        XCTAssertEqual(search.status, 200)
        Self.assertInert(search.text, path: "search")
        let link = try XCTUnwrap(search.text.firstMatch(of: /href="(\/notices\/[^"#?]+)/)?.1, "the notice is found")
        let notice = try await server.get(String(link) + "?q=attackers")
        XCTAssertEqual(notice.status, 200)
        Self.assertInert(notice.text, path: String(link))
        XCTAssertTrue(notice.text.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"), "the request's markup is shown as written")
        XCTAssertTrue(notice.text.contains("Borough Council of &quot;Quayside&quot; &amp; &lt;b&gt;Harbour&lt;/b&gt;"))
    }

    func testEscapeCoversTextAttributesAndControlCharacters() {
        let table: [(String, String)] = [
            ("<script>", "&lt;script&gt;"),
            ("a\"b'c", "a&quot;b&#39;c"),
            ("Q&A", "Q&amp;A"),
            ("bell\u{07}esc\u{1B}nul\u{0}", "bell\u{FFFD}esc\u{FFFD}nul\u{FFFD}"),
            ("line\nnext\ttab\r", "line\nnext\ttab "),
            ("c1\u{85}ls\u{2028}", "c1\u{FFFD}ls\u{FFFD}"),
            ("s.31(3) – ¶56 “NCND”", "s.31(3) – ¶56 “NCND”"),
        ]
        for (input, expected) in table { XCTAssertEqual(HTML.escape(input), expected) }
    }

    /// No element or attribute from user text, and no raw control characters.
    static func assertInert(_ html: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        for bad in ["<script", "<img", "\"><img", "<svg onload", "' onmouseover='", "</textarea>"] {
            XCTAssertFalse(html.contains(bad), "\(path): contains \(bad)", file: file, line: line)
        }
        let controls = html.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
        XCTAssertTrue(controls.isEmpty, "\(path): raw control characters \(controls.map(\.value))", file: file, line: line)
    }
}
