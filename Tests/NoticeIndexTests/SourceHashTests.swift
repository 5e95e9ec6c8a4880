import Foundation
import XCTest
@testable import NoticeIndex

final class SourceHashTests: XCTestCase {
    /// The content hash is stored in the index and compared on the next run: if it changed between
    /// versions, every file would look edited and be re-indexed. It is 64-bit FNV-1a (published vectors).
    func testTheStoredContentHashIsFNV1aOfTheFileBytes() {
        let cases: [(String, String)] = [
            ("", "cbf29ce484222325"),
            ("a", "af63dc4c8601ec8c"),
            ("foobar", "85944171f73967e8"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(NoticeSource.hash(Data(text.utf8)), expected, text)
        }
    }
}
