import Foundation
import XCTest
@testable import NoticeServer

/// The routes of `search serve` over HTTP: status codes, content types, the security headers, and a
/// clear 400 (never a 500) for every malformed parameter.
final class ServerRouteTests: XCTestCase {
    func testEveryRouteAnswersWithItsStatusAndContentType() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let cases = try await server.object("/api/cases?limit=1")
        let caseKey = try XCTUnwrap((cases["cases"] as? [[String: Any]])?.first?["key"] as? String)
        let encodedKey = QueryString.encode(caseKey)
        let table: [(path: String, status: Int, type: String)] = [
            ("/", 200, "text/html"),
            ("/search?q=section+31(3)+NCND", 200, "text/html"),
            ("/search?provision=31(3)&outcome=not+upheld", 200, "text/html"),
            ("/notices/FS50648213", 200, "text/html"),
            ("/notices/fs50648213?q=NCND", 200, "text/html"),
            ("/notices/FS00000000", 404, "text/html"),
            ("/cases", 200, "text/html"),
            ("/cases/\(encodedKey)", 200, "text/html"),
            ("/cases/no%20such%20case", 404, "text/html"),
            ("/api/search?q=section+31(3)+NCND", 200, "application/json"),
            ("/api/search?provision=s.31(3)&facets=true", 200, "application/json"),
            ("/api/notices/FS50648213", 200, "application/json"),
            ("/api/notices/FS00000000", 404, "application/json"),
            ("/api/cases", 200, "application/json"),
            ("/api/cases/\(encodedKey)", 200, "application/json"),
            ("/api/cases/EA%2F1999%2F0001", 404, "application/json"),
            ("/api/export?format=jsonl", 200, "application/x-ndjson"),
            ("/api/export?format=csv", 200, "text/csv"),
            ("/api/openapi.json", 200, "application/json"),
            ("/healthz", 200, "application/json"),
            ("/static/site.css", 200, "text/css"),
            ("/nowhere", 404, "text/html"),
            ("/api/nowhere", 404, "application/json"),
        ]
        for row in table {
            let reply = try await server.get(row.path)
            XCTAssertEqual(reply.status, row.status, row.path + ": " + reply.text.prefix(300))
            XCTAssertTrue(reply.headers["content-type"]?.hasPrefix(row.type) ?? false, "\(row.path): \(reply.headers["content-type"] ?? "none")")
            XCTAssertEqual(reply.headers["content-security-policy"], Routes.contentSecurityPolicy, row.path)
            XCTAssertEqual(reply.headers["x-content-type-options"], "nosniff", row.path)
        }
    }

    func testMalformedParametersAreA400NamingTheParameter() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let long = String(repeating: "vexatious ", count: 150)
        let table: [(path: String, mentions: String)] = [
            ("/api/search?limit=abc", "limit"),
            ("/api/search?limit=-1", "limit"),
            ("/api/search?limit=100000", "limit"),
            ("/api/search?offset=99999999999999999999", "offset"),
            ("/api/search?outcome=won", "outcome"),
            ("/api/search?law=gdpr", "law"),
            ("/api/search?since=2020-13", "since"),
            ("/api/search?until=20x1", "until"),
            ("/api/search?provision=banana", "provision"),
            ("/api/search?finding=31(3)", "finding"),
            ("/api/search?sort=random", "sort"),
            ("/api/search?facets=maybe", "facets"),
            ("/api/search?q=%FF%FE", "UTF-8"),
            ("/api/search?q=a&q=b", "q"),
            ("/api/search?q=police&limit=5&limit=10", "limit"),
            ("/api/search?since=2019&since=2020", "since"),
            ("/api/search?q=police&sort=newest&sort=oldest", "sort"),
            ("/api/search?colour=red", "colour"),
            ("/api/search?q=" + QueryString.encode(long), "too long"),
            ("/api/search?q=" + QueryString.encode("\"unclosed phrase"), "quote"),
            ("/api/search?q=" + QueryString.encode("police AND"), "AND"),
            ("/api/cases?limit=lots", "limit"),
            ("/api/export?format=xml", "format"),
            ("/api/export?q=police&limit=5", "limit"),
            ("/api/export?outcome=lost", "outcome"),
            ("/cases?limit=5", "limit"),
            ("/api/notices/FS50648213?para=3", "para"),
            ("/search?limit=abc", "limit"),
            ("/search?q=%E0%A4", "UTF-8"),
        ]
        for row in table {
            let reply = try await server.get(row.path)
            XCTAssertEqual(reply.status, 400, row.path + ": " + reply.text.prefix(300))
            if row.path.hasPrefix("/api/") {
                let body = try XCTUnwrap(try reply.json() as? [String: Any], row.path)
                let message = try XCTUnwrap(body["error"] as? String, row.path)
                XCTAssertTrue(message.contains(row.mentions), "\(row.path): \(message)")
                XCTAssertFalse(message.lowercased().contains("sqlite"), message)
            } else {
                XCTAssertTrue(reply.text.contains("class=\"error\""), row.path)
            }
        }
        // Bytes no client library would send: a broken %-escape, sent over a raw socket.
        for path in ["/api/search?q=%ZZ", "/api/search?q=police%2", "/search?q=%G1", "/notices/%ZZ"] {
            let reply = try server.raw("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            XCTAssertTrue(reply.hasPrefix("HTTP/1.1 400"), "\(path): \(reply.prefix(200))")
            XCTAssertTrue(reply.contains("malformed %-escape"), path)
        }
        // Not a 400: a parameter left empty by a form is "not given".
        let empty = try await server.get("/search?q=police&provision=&authority=&outcome=&since=")
        XCTAssertEqual(empty.status, 200)
    }

    func testOnlyReadingMethodsAreServed() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            let reply = try await server.get("/api/search?q=police", method: method)
            XCTAssertEqual(reply.status, 405, method)
            XCTAssertEqual(reply.headers["allow"], "GET, HEAD", method)
        }
        let head = try await server.get("/api/search?q=police", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
    }

    func testOpenAPIDocumentDescribesEveryAPIRouteAndOnlyThose() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let doc = try await server.object("/api/openapi.json")
        XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
        let paths = try XCTUnwrap(doc["paths"] as? [String: Any])
        XCTAssertEqual(Set(paths.keys), ["/api/search", "/api/notices/{id}", "/api/cases", "/api/cases/{key}", "/api/export",
                                         "/api/openapi.json", "/healthz"])
        // Each documented path answers (the placeholders filled with real values).
        for path in paths.keys {
            let concrete = path.replacingOccurrences(of: "/api/search", with: "/api/search?q=police")
                .replacingOccurrences(of: "{id}", with: "FS50648213")
                .replacingOccurrences(of: "{key}", with: QueryString.encode("[2016] UKUT 535 (AAC)"))
            let reply = try await server.get(concrete)
            XCTAssertEqual(reply.status, 200, concrete)
        }
        // Every documented search parameter is accepted by the server, and nothing else is.
        let params = try XCTUnwrap((doc["components"] as? [String: Any])?["parameters"] as? [String: Any])
        XCTAssertEqual(Set(params.keys).union(["facets"]), SearchParameters.names)
    }

    func testHealthzCountsTheNoticesServed() async throws {
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let body = try await server.object("/healthz")
        XCTAssertEqual(body["status"] as? String, "ok")
        let corpusFiles = try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(body["notices"] as? Int, corpusFiles.count + 1)
    }
}
