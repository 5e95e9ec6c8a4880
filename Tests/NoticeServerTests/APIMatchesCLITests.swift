import Foundation
import XCTest
@testable import NoticeServer
import NoticeIndex

/// The JSON API gives exactly what the CLI's `--json` prints for the same question: the same library
/// types through the library's one encoder (`JSONOutput`), compared byte for byte.
final class APIMatchesCLITests: XCTestCase {
    func testSearchShowAndCasesBodiesEqualTheCLIsJSON() async throws {
        let db = ServerTestSupport.sharedIndex
        let server = try await RunningServer.start(database: db, test: self)
        let table: [(api: String, cli: [String])] = [
            ("/api/search?q=section+31(3)+NCND", ["section 31(3) NCND", "--limit", "10"]),
            ("/api/search?q=vexatious&limit=3&facets=1", ["vexatious", "--limit", "3", "--facets"]),
            ("/api/search?provision=31(3)&outcome=not-upheld", ["--provision", "31(3)", "--outcome", "not-upheld"]),
            ("/api/search?q=police&law=foia&since=2010&until=2020-06-30", ["police", "--law", "foia", "--since", "2010", "--until", "2020-06-30"]),
            ("/api/search?q=Savic&cites=Savic", ["Savic", "--cites", "Savic"]),
            // Repeatable as --authority is: two names of one authority, and two authorities (none has both).
            ("/api/search?q=police&authority=MPS&authority=Metropolitan+Police", ["police", "--authority", "MPS", "--authority", "Metropolitan Police"]),
            ("/api/search?authority=MPS&authority=Home+Office", ["--authority", "MPS", "--authority", "Home Office"]),
            ("/api/search?q=vexacious", ["vexacious"]),
            ("/api/search?q=spending+on+consultants&limit=5", ["spending on consultants", "--limit", "5"]),
            ("/api/search?q=police+zzqqxx", ["police zzqqxx"]),
            ("/api/search?q=public+interest&sort=newest&offset=3&limit=4", ["public interest", "--sort", "newest", "--offset", "3", "--limit", "4"]),
            ("/api/search?provision=14(1)&finding=14(1)=not-upheld&sort=oldest", ["--provision", "14(1)", "--finding", "14(1)=not-upheld", "--sort", "oldest"]),
            ("/api/search?q=information&outcome=not+upheld&law=FOIA", ["information", "--outcome", "not upheld", "--law", "FOIA"]),
            ("/api/notices/FS50648213", ["show", "FS50648213"]),
            ("/api/notices/fs50648213", ["show", "fs50648213"]),
            ("/api/cases", ["cases"]),
            ("/api/cases?limit=3", ["cases", "--limit", "3"]),
            ("/api/cases?q=Dransfield", ["cases", "Dransfield"]),
        ]
        for row in table {
            let reply = try await server.get(row.api)
            XCTAssertEqual(reply.status, 200, row.api)
            let cli = try TestSupport.runForData(row.cli + ["--json", "--db", db])
            XCTAssertTrue(cli.code == 0 || cli.code == 1, "\(row.cli): \(cli.err)")
            XCTAssertFalse(cli.out.isEmpty, "\(row.cli): \(cli.err)")
            XCTAssertEqual(try reply.body.jsonObject(), try cli.out.jsonObject(), row.api)
            XCTAssertEqual(reply.text, String(decoding: cli.out, as: UTF8.self), "\(row.api): byte for byte (one encoder)")
        }
    }

    func testSearchParametersAreTheCLIOptions() throws {
        let qs = try QueryString("q=police+bodycam&provision=40(2)&provision=s.31(3)&authority=MPS&authority=Home+Office&outcome=not+upheld&law=FOIA&cites=Savic&finding=14(1)%3Dupheld&since=2019&until=2023-06&sort=newest&offset=10&limit=5")
        let p = try SearchParameters(qs)
        XCTAssertEqual(p.cliArguments, ["police bodycam", "--provision", "40(2)", "--provision", "s.31(3)", "--authority", "MPS",
                                        "--authority", "Home Office", "--outcome", "not upheld", "--law", "FOIA", "--cites", "Savic", "--finding", "14(1)=upheld",
                                        "--since", "2019", "--until", "2023-06", "--sort", "newest", "--offset", "10", "--limit", "5"])
        let query = try p.query()
        XCTAssertEqual(query.filters.provisions.map(\.canonical), ["s40(2)", "s31(3)"])
        XCTAssertEqual(query.filters.authorities, ["MPS", "Home Office"])
        XCTAssertEqual(query.filters.outcome, .notUpheld)
        XCTAssertEqual(query.filters.law, .foia)
        XCTAssertEqual(query.filters.since, "2019-01-01")
        XCTAssertEqual(query.filters.until, "2023-06-30")
        XCTAssertEqual(query.filters.findings.map(\.description), ["s14(1)=upheld"])
        XCTAssertEqual(p.options, SearchOptions(limit: 5, offset: 10, sort: .newest, facets: false))
    }

    func testAPagePastTheFirstIsTheTailOfALongerSearch() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let whole = try await server.object("/api/search?q=public+interest&limit=6")
        let page = try await server.object("/api/search?q=public+interest&limit=3&offset=3")
        let ids = { (o: [String: Any]) in (o["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? [] }
        XCTAssertEqual(ids(whole).count, 6)
        XCTAssertEqual(ids(page), Array(ids(whole).dropFirst(3)))
        XCTAssertEqual(page["total"] as? Int, whole["total"] as? Int)
    }

    func testExportStreamsWhatTheCLIExports() async throws {
        let db = ServerTestSupport.sharedIndex
        let server = try await RunningServer.start(database: db, test: self)
        let csv = try await server.get("/api/export?format=csv")
        let cliCSV = try TestSupport.runForData(["export", "--format", "csv", "--db", db])
        XCTAssertEqual(csv.text, String(decoding: cliCSV.out, as: UTF8.self))
        XCTAssertNil(csv.headers["content-length"], "streamed, not buffered")

        let jsonl = try await server.get("/api/export")
        let cliJSONL = try TestSupport.runForData(["export", "--db", db])
        let lines = jsonl.body.split(separator: 0x0A)
        let cliLines = cliJSONL.out.split(separator: 0x0A)
        XCTAssertEqual(lines.count, cliLines.count)
        XCTAssertGreaterThan(lines.count, 30)
        XCTAssertEqual(jsonl.text, String(decoding: cliJSONL.out, as: UTF8.self), "byte for byte")

        // A search's strict matches, as `search export QUERY [options]` writes them.
        for (api, cli) in [("/api/export?format=csv&q=vexatious&sort=newest", ["vexatious", "--sort", "newest", "--format", "csv"]),
                           ("/api/export?provision=31(3)&outcome=not-upheld", ["--provision", "31(3)", "--outcome", "not-upheld"])] {
            let reply = try await server.get(api)
            XCTAssertEqual(reply.status, 200, api)
            let expected = try TestSupport.runForData(["export"] + cli + ["--db", db])
            XCTAssertEqual(reply.text, String(decoding: expected.out, as: UTF8.self), api)
            XCTAssertGreaterThan(reply.body.split(separator: 0x0A).count, 1, "\(api) exports some notices")
        }
    }
}
