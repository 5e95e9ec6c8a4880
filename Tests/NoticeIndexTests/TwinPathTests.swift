import XCTest
@testable import NoticeIndex

/// The parser and extractors keep byte-level fast paths for ASCII text beside the Character-level code
/// they replace, claimed to give the same answers. Each pair is compared here on every line of the bundled
/// Corpus and on random strings built from the characters that matter to it (capitals, digits, brackets,
/// punctuation, ` v `, `&`, footnote digits). A fast path that drifts from its twin fails here.
final class TwinPathTests: XCTestCase {
    /// Every ASCII line and sentence-sized piece of the Corpus, plus the headings and party names in it.
    private static let realText: [String] = {
        var out: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)) ?? []
        for f in files where f.pathExtension == "txt" {
            guard let text = try? String(contentsOf: f, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.utf8.allSatisfy({ $0 < 0x80 }) {
                out.append(String(line))
                out += line.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        return out
    }()

    /// Random ASCII strings over `alphabet` (with words and spaces), seeded so a failure repeats.
    private func randomStrings(_ alphabet: [String], count: Int = 4000, seed: UInt64 = 11) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in (0..<(1 + next() % 12)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    private let headingAlphabet = ["Section ", "section ", "31", "(3)", " - ", " – ", "Reasons ", "for ", "decision", "Decision",
                                   "Other ", "matters", ".", ",", ":", ";", "-", " ", "  ", "A", "b", "’", "'", "Tel: ",
                                   "Dear ", "Signed", "www.", "http", "@", "Public ", "interest ", "test", "\u{2014}"]

    private func ascii(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    func testHeadingKeyBytesAndUnicodeAgree() {
        for s in Self.realText + randomStrings(headingAlphabet) {
            var t = s
            guard let fast = t.withUTF8(Headings.keyBytes) else { continue }  // not its kind of text
            XCTAssertEqual(fast, Headings.keyUnicode(s), s)
        }
    }

    func testHeadingShapeAndTitleTestsAgree() {
        for s in (Self.realText + randomStrings(headingAlphabet)) where ascii(s) {
            var t = s
            XCTAssertEqual(t.withUTF8(Headings.shapeIsHeadingASCII), Headings.shapeIsHeadingUnicode(s), s)
            let fast = t.withUTF8(Headings.isTitleLikeASCII) && !Headings.isSignOff(s) && !Headings.hasLetterPrefix(s)
            XCTAssertEqual(fast, Headings.isTitleLikeUnicode(s), s)
        }
    }

    func testAuthorityNormalisationPathsAgree() {
        let alphabet = ["The ", "the ", "Council", "London ", "Borough ", "of ", "Hackney", " & ", "and ", "(", ")", "'", "’s",
                        "-", ".", ",", " ", "  ", "MPS", "NHS ", "Trust", "St. ", "Mary's", "1", "HM "]
        for s in (Self.realText.filter { $0.count < 120 } + randomStrings(alphabet)) where ascii(s) {
            var t = s
            XCTAssertEqual(t.withUTF8(AuthorityNormalizer.normalizeASCII), AuthorityNormalizer.normalizeUnicode(s), s)
        }
    }

    func testNoticeSectionClassificationPathsAgree() {
        let alphabet = ["Decision", "decision", "Summary", "The ", "the ", "Steps ", "required", "Other ", "matter", "s",
                        "Right ", "right ", "of ", "to ", "appeal", " ", "\t", " (including any steps ordered)", "x"]
        for s in (Self.realText.filter { $0.count < 120 } + randomStrings(alphabet)) where ascii(s) {
            var t = s
            XCTAssertEqual(t.withUTF8(NoticeSection.classifyASCII), NoticeSection.classifyUnicode(s), s)
        }
    }

    func testPartySegmentPathsAgree() {
        let alphabet = ["Savic", " v ", " vs ", "Information ", "Commissioner", " and ", " & ", ", ", "Devon ", "County ",
                        "Council", "Dransfield", " ", "and", "v", "(1) ", "Ltd"]
        let names = Self.realText.filter { $0.contains(" v ") && $0.count < 160 }
        for s in (names + randomStrings(alphabet)) where ascii(s) {
            var t = s
            XCTAssertEqual(t.withUTF8(CaseLaw.asciiPartySegments), CaseLaw.partySegments(s), s)
        }
    }

    func testSynonymWordSplittingPathsAgree() {
        let alphabet = ["Commissioner", "'s", "'", "First", "-", "tier ", "Tribunal", " ", "NCND", "s.", "40", "(2)", ",", "UK GDPR"]
        for s in (Self.realText.filter { $0.count < 200 } + randomStrings(alphabet)) where ascii(s) {
            var t = s
            XCTAssertEqual(t.withUTF8(Synonyms.asciiWordsOf), Synonyms.unicodeWordsOf(s), s)
        }
    }

    func testCaseNameWordCleaningPathsAgree() {
        let alphabet = ["Savic", "5", "12", "(", ")", "R", "Evans", "'", "-", ".", "&", "ICO", "x", "[", ",", "O'Hara"]
        let words = Self.realText.flatMap { $0.split(separator: " ").map(String.init) }
        for s in (words + randomStrings(alphabet, count: 6000)) where ascii(s) && !s.isEmpty {
            XCTAssertEqual(CaseCitations.cleanASCII(Array(s.utf8)), CaseCitations.cleanUnicode(s), s)
        }
    }
}
