import Foundation
import XCTest
@testable import NoticeServer

/// What the HTML pages carry: the query kept in the box, facets as links adding a filter, paragraph
/// links with anchors, did-you-mean, paging, the chart, and the notice page's anchors and marks.
final class PageTests: XCTestCase {
    func testSearchPageKeepsTheQueryAndLinksFacetsParagraphsAndCases() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let page = try await server.get("/search?q=section+31(3)+NCND&limit=3").text
        XCTAssertTrue(page.contains("value=\"section 31(3) NCND\""), "the query stays in the box")
        // A facet link keeps the query and adds one filter.
        XCTAssertTrue(page.contains("href=\"/search?q=section%2031%283%29%20NCND&amp;outcome=not-upheld"), "outcome facet")
        XCTAssertNotNil(page.firstMatch(of: /href="\/search\?q=section%2031%283%29%20NCND&amp;provision=s\d+/), "provision facet")
        // Each pinpointed paragraph links to its anchor on the notice, carrying the query for highlighting.
        XCTAssertNotNil(page.firstMatch(of: /href="\/notices\/FS50648213\?q=section%2031%283%29%20NCND#p\d+">¶\d+<\/a>/))
        XCTAssertTrue(page.contains("<mark>"), "matches highlighted")
        XCTAssertTrue(page.contains("href=\"/cases/%5B2016%5D%20UKUT%20535%20%28AAC%29\""), "cited case links to its page")
        XCTAssertTrue(page.contains("<svg"), "the chart")
        XCTAssertFalse(page.contains("rel=\"next\""), "three notices match: one page")
        let first = try await server.get("/search?q=public+interest&limit=3").text
        XCTAssertTrue(first.contains("rel=\"next\" href=\"/search?q=public%20interest&amp;offset=3&amp;limit=3\""), "paging")
        XCTAssertFalse(first.contains("rel=\"prev\""))
        let second = try await server.get("/search?q=public+interest&limit=3&offset=3").text
        XCTAssertTrue(second.contains("rel=\"prev\" href=\"/search?q=public%20interest&amp;limit=3\""), "back to the first page")
    }

    func testFollowingAFacetLinkNarrowsTheSearch() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let page = try await server.get("/search?q=public+interest").text
        let href = try XCTUnwrap(page.firstMatch(of: /<a href="(\/search\?[^"]*outcome=not-upheld[^"]*)"/)?.1)
        let narrowed = try await server.get(String(href).replacingOccurrences(of: "&amp;", with: "&"))
        XCTAssertEqual(narrowed.status, 200)
        let total = { (html: String) in Int(html.firstMatch(of: /<strong>(\d+)<\/strong> notices? match/)?.1 ?? "") ?? -1 }
        XCTAssertGreaterThan(total(narrowed.text), 0)
        XCTAssertLessThan(total(narrowed.text), total(page))
        XCTAssertTrue(narrowed.text.contains("<option value=\"not-upheld\" selected>"), "the filter shows as set")
    }

    func testMisspeltWordOffersDidYouMeanLinks() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let page = try await server.get("/search?q=vexacious").text
        XCTAssertTrue(page.contains("class=\"didyoumean\""), page)
        XCTAssertNotNil(page.firstMatch(of: /class="didyoumean">Did you mean: <a href="\/search\?q=vexati/))
    }

    func testPartialMatchesComeApartNamingWhatTheyLack() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let page = try await server.get("/search?q=police+zzqqxx").text
        XCTAssertTrue(page.contains("No notices match “police zzqqxx”"), "strict is the answer")
        let head = try XCTUnwrap(page.range(of: "<h2 class=\"partial-head\">Notices with only some of the words"))
        XCTAssertNil(page[..<head.lowerBound].range(of: "<article"), "no result above the partial heading")
        XCTAssertTrue(page[head.upperBound...].contains("<article class=\"result partial\">"))
        XCTAssertTrue(page.contains("lacks: <s>zzqqxx</s>"))
    }

    func testTermsNoNoticeHoldsAreNamedUnderTheEmptyAnswer() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let words = try await server.get("/search?q=police+zzqqxx").text
        XCTAssertTrue(words.contains("“zzqqxx” appears in no notice."), "the word no notice holds is named")
        let reference = try await server.get("/search?q=s.99999(1)").text
        XCTAssertTrue(reference.contains("“s.99999(1)” appears in no notice."), "a reference is named as typed")
        let found = try await server.get("/search?q=police").text
        XCTAssertFalse(found.contains("appears in no notice"), "nothing is named when notices match")
    }

    func testNoticePageHasAnchorsHeadingsCitationAndMarksTheQuery() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let plain = try await server.get("/notices/FS50648213").text
        XCTAssertTrue(plain.contains("id=\"p27\""))
        XCTAssertTrue(plain.contains("<h2 class=\"hp\">Reasons for decision › Section 31(3) – Law enforcement</h2>"))
        XCTAssertTrue(plain.contains("ICO decision notice FS50648213, 28 March 2017"), "citation line")
        XCTAssertFalse(plain.contains("<mark>"), "nothing marked without a query")
        // Each finding links to the paragraph it was read from.
        let findings = try await server.object("/api/notices/FS50648213")["findings"] as? [[String: Any]] ?? []
        let located = findings.compactMap { $0["paragraph"] as? Int }
        XCTAssertFalse(located.isEmpty, "the notice's findings carry their paragraphs")
        for n in located { XCTAssertTrue(plain.contains("<a href=\"#p\(n)\">¶\(n)</a>"), "finding at ¶\(n)") }
        let marked = try await server.get("/notices/FS50648213?q=NCND+section+31(3)").text
        let p27 = try XCTUnwrap(marked.firstMatch(of: /id="p27">(.*?)<\/p>/)?.1)
        XCTAssertTrue(p27.contains("<mark>Section 31(3)</mark>"), String(p27))
        XCTAssertTrue(p27.contains("<mark>confirm or deny</mark>"), String(p27))
    }

    func testCasesPagesListCasesAndTheirCitingNotices() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let list = try await server.get("/cases").text
        XCTAssertTrue(list.contains("href=\"/cases/%5B2016%5D%20UKUT%20535%20%28AAC%29\""))
        let one = try await server.get("/cases/%5B2016%5D%20UKUT%20535%20%28AAC%29")
        XCTAssertEqual(one.status, 200)
        let api = try await server.object("/api/cases/%5B2016%5D%20UKUT%20535%20%28AAC%29")
        let citing = try XCTUnwrap(api["notices"] as? [String])
        XCTAssertFalse(citing.isEmpty)
        for id in citing { XCTAssertTrue(one.text.contains("href=\"/notices/\(QueryString.encode(id))"), id) }
    }

    func testChartBarsAddUpToTheYearFacet() throws {
        let svg = ChartSVG(counts: ["2019": ["upheld": 2, "not-upheld": 3], "2021": ["partly-upheld": 1]]).render()
        XCTAssertEqual(svg.components(separatedBy: "<rect ").count - 1, 3)
        XCTAssertTrue(svg.contains("<title>2019: 3 not upheld</title>"))
        XCTAssertTrue(svg.contains(">2020<"), "years without matches keep their place")
        XCTAssertEqual(ChartSVG(counts: [:]).render(), "")
    }
}
