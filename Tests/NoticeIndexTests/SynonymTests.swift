import XCTest
@testable import NoticeIndex

final class SynonymTests: XCTestCase {
    func testSynonymPhrasesAreFoundWithTheirByteRanges() {
        let cases: [(String, [(String, String)])] = [
            // (text, [(token, the text the range covers)])
            ("It would neither confirm nor deny (NCND) holding it.", [("synncnd", "neither confirm nor deny"), ("synncnd", "NCND")]),
            ("The Commissioner’s view on legal professional privilege.", [("synlpp", "legal professional privilege")]),
            ("the Information Commissioner's Office (ICO)", [("synico", "Information Commissioner's Office"), ("synico", "ICO")]),
            ("An appeal to the First-tier Tribunal", [("synftt", "First-tier Tribunal")]),
            ("Under the UK GDPR and the DPA 2018", [("synukgdpr", "UK GDPR"), ("syndpa", "DPA")]),
            ("pitch and neither-confirm", []),     // prefixes and partial phrases are not forms
            ("café NCND", [("synncnd", "NCND")]),  // a non-ASCII word before does not shift offsets
        ]
        for (text, expected) in cases {
            let found = WordScanner.synonyms(in: text).map { m -> (String, String) in
                let bytes = Array(text.utf8)[m.range]
                return (m.token, String(decoding: bytes, as: UTF8.self))
            }
            XCTAssertEqual(found.map(\.0), expected.map(\.0), text)
            XCTAssertEqual(found.map(\.1), expected.map(\.1), text)
        }
    }

    func testEveryFormOfAGroupMapsToItsToken() {
        for group in Synonyms.groups {
            for form in group.forms {
                XCTAssertEqual(Synonyms.token(forPhrase: form), group.token, form)
                XCTAssertEqual(WordScanner.synonyms(in: "x \(form) y").first?.token, group.token, form)
            }
        }
    }

    /// Each word here has the same 64-bit `WordScanner` hash as a synonym form's word (found by inverting
    /// the hash's last fold), so only a byte comparison keeps it from counting as that form.
    func testAWordWhoseHashCollidesWithASynonymFormIsNotThatForm() {
        let cases: [(collider: String, formWord: String, text: String)] = [
            ("suiicbrme6vdbex9", "ncnd", "The reference code suiicbrme6vdbex9 was quoted."),
            ("mlseelailzcd1iec", "privilege", "legal professional mlseelailzcd1iec applies"),
            ("yzqhytsag25435ps", "professional", "legal yzqhytsag25435ps privilege applies"),
        ]
        for c in cases {
            XCTAssertEqual(WordScanner.hash(c.collider), WordScanner.hash(c.formWord), "not a collision: \(c.collider)")
            XCTAssertEqual(WordScanner.synonyms(in: c.text).map(\.token), [], c.text)
            // The real form in the same place is still found.
            let real = c.text.replacingOccurrences(of: c.collider, with: c.formWord.uppercased())
            XCTAssertEqual(WordScanner.synonyms(in: real).count, 1, real)
        }
    }
}
