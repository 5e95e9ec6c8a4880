import XCTest
@testable import NoticeIndex

final class QueryParserTests: XCTestCase {
    private func match(_ text: String) throws -> String {
        let q = try QueryParser.parse(text)
        return try XCTUnwrap(q.root.map(MatchBuilder.expression), text)
    }

    /// Each query's MATCH expression is the one expected.
    private func assertExpressions(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws {
        for (query, expected) in cases {
            XCTAssertEqual(try match(query), expected, query, file: file, line: line)
        }
    }

    func testProvisionSpellingsBecomeOneIndexToken() throws {
        let cases: [(String, String)] = [
            ("section 31(3)", "\"sec31x3\""),        // full word
            ("s.31(3)", "\"sec31x3\""),              // abbreviation with a dot
            ("s31(3)", "\"sec31x3\""),               // glued
            ("s 31 (3)", "\"sec31x3\""),             // spaces inside
            ("31(3)", "\"sec31x3\""),                // bare, FOIA by default
            ("section 31", "\"sec31\""),             // whole section: matches every 31(x) via ancestors
            ("reg 12(4)(b)", "\"reg12x4xb\""),       // EIR abbreviation
            ("regulation 12(4)(b)", "\"reg12x4xb\""),
            ("EIR 12.4.b", "\"reg12x4xb\""),         // ICO listing form
            ("12(4)(b)", "\"reg12x4xb\""),           // bare EIR exception shape
            ("12.5.e", "\"reg12x5xe\""),             // bare dotted listing form
            ("r12(5)(e)", "\"reg12x5xe\""),          // canonical
            ("FOI 14(1)", "\"sec14x1\""),            // listing prefix for FOIA
            ("s.40(5)(b)(i)", "\"sec40x5xbxi\""),    // deep nesting
        ]
        for (query, expected) in cases {
            XCTAssertEqual(try match(query), expected, query)
        }
    }

    func testSynonymsMeetInOneToken() throws {
        let cases: [(String, String)] = [
            ("NCND", "\"synncnd\""),                                  // abbreviation
            ("\"neither confirm nor deny\"", "\"synncnd\""),          // quoted phrase
            ("neither confirm nor deny", "\"synncnd\""),              // unquoted run of words
            ("LPP", "\"synlpp\""),
            ("legal professional privilege", "\"synlpp\""),
            ("\"public interest test\"", "\"synpit\""),
            ("FOI", "\"synfoia\""),
        ]
        try assertExpressions(cases)
    }

    func testOperatorsBuildQuotedExpressions() throws {
        let cases: [(String, String)] = [
            ("section 31(3) NCND", "(\"sec31x3\" AND \"synncnd\")"),
            ("police bodycam", "(\"police\" AND \"synbodycam\")"),  // bodycam is a synonym group
            ("police OR constabulary", "(\"police\" OR \"constabulary\")"),
            ("Dransfield -\"costs limit\"", "(\"dransfield\" NOT \"costs limit\")"),
            ("Dransfield NOT vexatious", "(\"dransfield\" NOT \"vexatious\")"),
            ("(police OR constabulary) bodycam*", "((\"police\" OR \"constabulary\") AND \"bodycam\" *)"),
            // A synonym in NEAR is each of its written forms (its group token has no place among the words).
            ("LPP NEAR/5 advice", "(NEAR(\"lpp\" \"advice\", 5) OR NEAR(\"legal professional privilege\" \"advice\", 5))"),
            ("police NEAR/5 \"upper tribunal\" NEAR/5 footage", "NEAR(\"police\" \"upper tribunal\" \"footage\", 5)"),
            ("\"police bodycam\"~3", "NEAR(\"police\" \"bodycam\", 3)"),
            ("co-operation", "\"co operation\""),                   // hyphenated word as unicode61 splits it
            ("a AND b", "(\"a\" AND \"b\")"),
            ("\"manifestly unreasonable\" reg 12(4)(b) council", "(\"synmu\" AND \"reg12x4xb\" AND \"council\")"),
        ]
        for (query, expected) in cases {
            XCTAssertEqual(try match(query), expected, query)
        }
    }

    /// A legal reference typed as one thing that is no provision stays one term (its words adjacent);
    /// years, bare numbers and words with spaces between stay words.
    func testAReferenceTypedAsOneThingIsOneTerm() throws {
        let cases: [(String, String)] = [
            ("s.99999(1)", "\"s 99999 1\""),
            ("reg 99(9)(z)", "\"reg 99 9 z\""),
            ("s.9999", "\"s 9999\""),
            ("EA/2099/9999 council", "(\"ea 2099 9999\" AND \"council\")"),
            ("[2016] UKUT 535 (AAC)", "\"2016 ukut 535 aac\""),
            ("[2015] EWCA Civ 454", "\"2015 ewca civ 454\""),
            ("2019 (sic)", "(\"2019\" AND \"sic\")"),
            ("regulations 2004", "(\"regulations\" AND \"2004\")"),
            ("section 999 council", "(\"section\" AND \"999\" AND \"council\")"),
        ]
        try assertExpressions(cases)
        XCTAssertEqual(try QueryParser.parse("s.99999(1)").root?.description, "s.99999(1)")
    }

    func testFieldPrefixesBecomeFilters() throws {
        let q = try QueryParser.parse("bodycam provision:40(2) authority:\"Home Office\" outcome:not-upheld law:foia cites:Savic year:2019..2023")
        XCTAssertEqual(q.filters.provisions.map(\.canonical), ["s40(2)"])
        XCTAssertEqual(q.filters.authorities, ["Home Office"])
        XCTAssertEqual(q.filters.outcome, .notUpheld)
        XCTAssertEqual(q.filters.law, .foia)
        XCTAssertEqual(q.filters.cites, ["Savic"])
        XCTAssertEqual(q.filters.since, "2019-01-01")
        XCTAssertEqual(q.filters.until, "2023-12-31")
        XCTAssertEqual(q.root, .term(.synonym(token: "synbodycam", written: "bodycam")))

        let filtersOnly = try QueryParser.parse("provision:31(3)")
        XCTAssertNil(filtersOnly.root)
        XCTAssertEqual(filtersOnly.filters.provisions.map(\.canonical), ["s31(3)"])
    }

    /// A one-value filter set twice to different values, by a field and an option or by two fields, is
    /// refused naming it; so is a date range that ends before it starts. The same value twice is one.
    func testAOneValueFilterSetTwiceOrAnEmptyDateRangeIsRefused() throws {
        var since2015 = QueryFilters()
        since2015.since = "2015-01-01"
        var upheld = QueryFilters()
        upheld.outcome = .upheld
        var until2019 = QueryFilters()
        until2019.until = "2019-12-31"
        let refused: [(text: String, filters: QueryFilters, names: String)] = [
            ("vexatious outcome:not-upheld", upheld, "outcome"),
            ("vexatious law:eir law:foia", QueryFilters(), "law"),
            ("vexatious year:2019 year:2020", QueryFilters(), "start date"),
            ("vexatious year:2019", since2015, "start date"),
            ("vexatious year:2030..2020", QueryFilters(), "after the end date"),
            ("vexatious year:2020..", until2019, "after the end date"),
        ]
        for row in refused {
            XCTAssertThrowsError(try QueryParser.parse(row.text, filters: row.filters), row.text) { error in
                XCTAssertTrue("\(error)".contains(row.names), "\(row.text): \(error)")
            }
        }
        XCTAssertEqual(try QueryParser.parse("vexatious outcome:upheld", filters: upheld).filters.outcome, .upheld)
        XCTAssertEqual(try QueryParser.parse("vexatious year:2019..", filters: until2019).filters.since, "2019-01-01")
    }

    func testMalformedQueriesExplainThemselvesWithAPosition() {
        let cases: [(String, String, Int?)] = [
            ("\"unbalanced", "unclosed quote", 1),
            ("police (bodycam", "unclosed (", 8),
            ("police)", "unmatched )", 7),
            ("(", "unclosed (", 1),
            ("()", "empty ( )", 1),
            ("-", "nothing to search for", nil),
            ("*", "nothing to search for", nil),
            (":", "nothing to search for", nil),
            ("AND", "AND needs a term", 1),
            ("police OR", "OR needs a term", 8),
            ("OR police", "OR needs a term", 1),
            ("-police", "only exclude", 1),
            ("NOT", "NOT must be followed", 1),
            ("😀🎉", "nothing to search for", nil),
            ("outcome:maybe", "not an outcome", 1),
            ("law:gdpr", "not a law", 1),
            ("year:20x", "not a year", 1),
            ("provision:abc", "not a FOIA section", 1),
            ("police NEAR/ bodycam", "NEAR/ needs a distance", 8),
            ("police NEAR/5 bodycam NEAR/9 footage", "one NEAR group takes one distance", 23),
            ("\"police bodycam\"~", "needs a distance", 17),
        ]
        for (query, fragment, position) in cases {
            XCTAssertThrowsError(try QueryParser.parse(query), query) { error in
                guard case let NoticeIndexError.query(message, pos) = error else {
                    return XCTFail("\(query): expected a query error, got \(error)")
                }
                XCTAssertTrue(message.contains(fragment), "\(query): \(message)")
                XCTAssertEqual(pos, position, query)
            }
        }
    }

    func testOverlongQueriesAreRefused() {
        let long = Array(repeating: "word", count: 2_000).joined(separator: " ")
        XCTAssertThrowsError(try QueryParser.parse(long)) { error in
            guard case let NoticeIndexError.query(message, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("too long"), message)
        }
    }

    func testDateBoundsAcceptYearsAndDays() throws {
        XCTAssertEqual(try QueryFilters.date("2019", upper: false), "2019-01-01")
        XCTAssertEqual(try QueryFilters.date("2019", upper: true), "2019-12-31")
        XCTAssertEqual(try QueryFilters.date("2019-06-30", upper: true), "2019-06-30")
        for bad in ["19", "2019-13-01", "2019-1-1", "yesterday", "2019-02-3x"] {
            XCTAssertThrowsError(try QueryFilters.date(bad, upper: false), bad)
        }
    }
}
