import XCTest
@testable import NoticeIndex

/// A prefix term finds every notice holding a word that begins with the letters typed, however the
/// index stems that word, and marks those words in the snippets.
final class PrefixQueryTests: XCTestCase {
    /// Notices written for these tests: file name → the decision paragraph that tells them apart.
    static let notices: [(file: String, text: String)] = [
        ("vexatious-request", "The Commissioner is satisfied that the council was entitled to refuse the request as vexatious under section 14(1), given the burden it would impose."),
        ("vexation", "The complainant's correspondence has caused the council considerable vexation and distress to the officers who answered it."),
        ("eir-regulations", "The council relied on regulation 12(4)(b) of the Environmental Information Regulations 2004, as the regulations allow for a manifestly unreasonable request."),
        ("regular-meetings", "The council holds regular meetings with the complainant and answered each question put to it within twenty working days."),
        ("body-worn-video", "The complainant asked the constabulary for body worn video footage recorded by officers at her home; the constabulary withheld it."),
        ("withheld-names", "The council relied on s.40(2) to withhold the names of junior officers, who would not expect them to be disclosed."),
    ]

    static func notice(_ body: String, day: Int) -> String {
        """
        Reference: IC-2000\(day)-A1B\(day)

        Freedom of Information Act 2000 (FOIA)
        Decision notice

        Date: \(day) March 2024
        Public Authority: Borsetshire County Council

        Decision (including any steps ordered)

        1. \(body)

        2. The Commissioner does not require the council to take any steps.
        """
    }

    var engine: SearchEngine!

    override func setUpWithError() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        for (i, n) in Self.notices.enumerated() {
            try Self.notice(n.text, day: i + 1).write(to: dir.appendingPathComponent(n.file + ".txt"), atomically: true, encoding: .utf8)
        }
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try Indexer.run(paths: [dir.path], database: db)
        engine = try SearchEngine(databasePath: db)
    }

    func files(_ text: String) throws -> (Set<String>, [String]) {
        let r = try engine.search(try QueryParser.parse(text), limit: 50)
        let names = Set(r.results.map { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension })
        return (names, r.results.flatMap { $0.paragraphs.map(\.snippet) })
    }

    func testAPrefixFindsTheWordsThatBeginWithItAndMarksThem() throws {
        let cases: [(query: String, notices: Set<String>, marked: [String])] = [
            // Typed past the stem: "vexatious" is stored as vexati, "vexation" as vexat.
            ("vexatio*", ["vexatious-request", "vexation"], ["[vexatious]", "[vexation]"]),
            ("exemptio*", [], []),
            // The stemmer cuts "regulations" to regul: words that begin otherwise ("regular") stay out.
            ("regulations*", ["eir-regulations"], ["[Regulations]", "[regulations]"]),
            ("regul*", ["eir-regulations", "regular-meetings"], ["[regular]"]),
            // A synonym group one of whose one-word forms begins with the letters: bodycam → body worn video.
            ("bodycam*", ["body-worn-video"], ["[body worn video]"]),
            ("(police OR constabulary) bodycam*", ["body-worn-video"], ["[body worn video]"]),
            ("constabulary NEAR/5 bodycam*", ["body-worn-video"], ["[body worn video]"]),
            // A prefix is of words: the provision tokens the index keeps beside them (s.40(2)) are not words.
            ("sec*", ["vexatious-request"], ["[section"]),
        ]
        for c in cases {
            let (found, snippets) = try files(c.query)
            XCTAssertEqual(found, c.notices, c.query)
            for m in c.marked { XCTAssertTrue(snippets.contains { $0.contains(m) }, "\(c.query): \(m) in \(snippets)") }
        }
    }

    func testAPrefixFindsWhatItsWholeWordFinds() throws {
        for (prefix, word) in [("vexatiou*", "vexatious"), ("informat*", "information"), ("bodycam*", "bodycam"), ("regulation*", "regulation")] {
            XCTAssertTrue(try files(word).0.isSubset(of: try files(prefix).0), "\(prefix) ⊇ \(word)")
            XCTAssertFalse(try files(prefix).0.isEmpty, prefix)
        }
    }

    func testAnExcludedPrefixExcludesTheWordsItBegins() throws {
        XCTAssertEqual(try files("council -vexatio*").0, ["eir-regulations", "regular-meetings", "body-worn-video", "withheld-names"])
    }
}
