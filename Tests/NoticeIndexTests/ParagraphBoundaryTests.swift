import XCTest
@testable import NoticeIndex

/// A phrase or NEAR group matches inside one paragraph or one heading path, never from the last words of
/// one into the first words of the next: the index puts barrier tokens between them
/// (`FTSDocument.separator`), which no query can match.
final class ParagraphBoundaryTests: XCTestCase {
    /// "crossing": words of the queries end one paragraph (or heading) and begin the next.
    /// "inside": the same words together inside one paragraph.
    static let notices: [(file: String, reasons: [String])] = [
        ("crossing", [
            "The council explained that releasing the patrol rota would harm the prevention of crime and the work of its law enforcement.",
            "Officers of the council told the Commissioner that the rota changes weekly.",
            "The complainant asked for the locations of every speed camera",
            "Footage is deleted after thirty days unless the police ask for it to be kept.",
        ]),
        ("inside", [
            "The council explained that the rota sets out the hours of its enforcement officers and the streets they patrol.",
            "The complainant also asked for camera footage held by the council for the same streets.",
        ]),
    ]

    static func notice(_ reasons: [String], day: Int) -> String {
        let numbered = reasons.enumerated().map { "\($0.offset + 3). \($0.element)" }.joined(separator: "\n\n")
        return """
            Reference: FS5047\(day)000

            Freedom of Information Act 2000 (FOIA)
            Decision notice

            Date: \(day) June 2023
            Public Authority: Borsetshire County Council

            Decision (including any steps ordered)

            1. The Commissioner's decision is that the council was entitled to withhold the information.

            2. The Commissioner does not require the council to take any steps.

            Reasons for decision

            Section 31 - Law enforcement

            \(numbered)

            Other matters

            \(reasons.count + 3). The Commissioner notes that the council answered the request late.
            """
    }

    var db = ""
    var dir: URL!
    var engine: SearchEngine!

    override func setUpWithError() throws {
        dir = try TestSupport.temporaryDirectory(self)
        let files = dir.appendingPathComponent("notices")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for (i, n) in Self.notices.enumerated() {
            try Self.notice(n.reasons, day: i + 1).write(to: files.appendingPathComponent(n.file + ".txt"), atomically: true, encoding: .utf8)
        }
        db = dir.appendingPathComponent("i.sqlite").path
        _ = try Indexer.run(paths: [files.path], database: db)
        engine = try SearchEngine(databasePath: db)
    }

    /// The notices a query finds (by file name) and the total it reports.
    func found(_ query: String) throws -> (files: Set<String>, total: Int) {
        let r = try engine.search(try QueryParser.parse(query), limit: 50)
        return (Set(r.results.map { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension }), r.total)
    }

    func testPhrasesAndNearGroupsMatchWithinOneParagraphOrHeadingOnly() throws {
        let cases: [(query: String, found: Set<String>, why: String)] = [
            ("\"enforcement officers\"", ["inside"], "the phrase ends one paragraph and starts the next only in 'crossing'"),
            ("\"camera footage\"", ["inside"], "no full stop between the paragraphs changes nothing"),
            ("camera NEAR/3 footage", ["inside"], "NEAR does not reach into the next paragraph"),
            ("\"camera footage\"~5", ["inside"], "nor does a phrase with a distance"),
            ("camera NEAR/20 footage", ["inside"], "not even at the largest distance"),
            ("camera footage", ["crossing", "inside"], "words without a phrase may be in any paragraphs"),
            ("\"law enforcement other matters\"", [], "a phrase does not run from one heading into the next"),
            ("\"law enforcement\"", ["crossing", "inside"], "a phrase inside one heading is found"),
            ("\"locations of every speed camera\"", ["crossing"], "a phrase at the end of a paragraph is found"),
        ]
        for c in cases {
            let r = try found(c.query)
            XCTAssertEqual(r.files, c.found, "\(c.query): \(c.why)")
            XCTAssertEqual(r.total, c.found.count, "\(c.query): the total counts only real matches")
        }
    }

    func testTheBarrierTypedByAUserMatchesNothing() throws {
        let b = FTSDocument.barrier
        XCTAssertThrowsError(try QueryParser.parse(b), "the barrier alone is no word to search for")
        XCTAssertThrowsError(try QueryParser.parse("\(b) NEAR/2 \(b)"))
        for query in ["\"enforcement \(b) officers\"", "\"enforcement \(b)\(b) officers\"", "\"camera \(b) footage\"~1"] {
            XCTAssertEqual(try found(query).files, ["inside"], "\(query): the barrier is read as a space, never as a token")
        }
    }

    func testANearDistanceBeyondTheBarrierIsRefusedNamingTheLimit() throws {
        for query in ["camera NEAR/\(QueryParser.maxNearDistance + 1) footage", "\"camera footage\"~\(QueryParser.maxNearDistance + 1)"] {
            XCTAssertThrowsError(try QueryParser.parse(query), query) { error in
                guard case let NoticeIndexError.query(message, _) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("at most \(QueryParser.maxNearDistance)"), message)
            }
        }
        XCTAssertNoThrow(try QueryParser.parse("camera NEAR/\(QueryParser.maxNearDistance) footage"))
    }

    func testTheBarrierIsIndexedButNeverOfferedAsAWord() throws {
        let database = try Database(path: db)
        XCTAssertNotNil(try database.int("SELECT doc FROM notice_vocab WHERE term = ?", [FTSDocument.barrier]), "the index holds the barrier")
        XCTAssertNil(try database.int("SELECT docs FROM term_stats WHERE term = ?", [FTSDocument.barrier]),
                     "term statistics (idf, prefix expansion) leave it out")
    }

    func testAnIndexOfThePreviousSchemaIsRebuiltWithTheBarriers() throws {
        engine = nil
        try Database(path: db).execute("PRAGMA user_version = \(Schema.version - 1)")
        let r = try Indexer.run(paths: [dir.appendingPathComponent("notices").path], database: db)
        XCTAssertEqual(r.new, Self.notices.count, "rebuilt from scratch")
        engine = try SearchEngine(databasePath: db)
        XCTAssertEqual(try found("\"enforcement officers\"").files, ["inside"])
    }
}
