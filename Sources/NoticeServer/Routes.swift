import Foundation
import Hummingbird
import NoticeIndex

/// Every route of `search serve`. GET (and HEAD) only: there are no write endpoints. Paths are split
/// and percent-decoded here, so ids and case keys with spaces, brackets or slashes (`EA/2018/0164`,
/// sent as `EA%2F2018%2F0164`) are one segment each.
struct Routes: HTTPResponder {
    typealias Context = BasicRequestContext
    let service: SearchService

    /// Sent with every response. No script runs on these pages; styles come from this server only.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func respond(to request: Request, context: Context) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        var response: Response
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            guard request.method == .get || request.method == .head else { throw ServerError.methodNotAllowed }
            response = try route(request)
        } catch {
            let e = ServerError.from(error)
            response = api || request.uri.path == "/healthz" ? Self.jsonError(e) : Self.htmlError(e)
            if case .methodNotAllowed = e { response.headers[.allow] = "GET, HEAD" }
        }
        // How long the answer took in this process (export: until streaming began), for load tests and
        // the operator's browser tools: a slow page with a fast `app` time is waiting for CPU or network.
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        response.headers[.init("Server-Timing")!] = "app;dur=" + String(format: "%.1f", ms)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-cache" }
        return request.method == .head ? response.createHeadResponse() : response
    }

    func route(_ request: Request) throws -> Response {
        let segments = try Self.segments(request.uri.path)
        let qs = try QueryString(request.uri.query)
        switch segments.first {
        case nil:
            return try searchPage(qs)
        case "search" where segments.count == 1:
            return try searchPage(qs)
        case "notices" where segments.count == 2:
            return try noticePage(segments[1], qs)
        case "cases" where segments.count == 1:
            // `?q=NAME`: the cases whose name or citation holds it, as `search cases NAME`.
            try Self.only(["q"], qs)
            let name = try qs.single("q").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            return Self.html(CasesPage(cases: try service.cases(limit: 500, matching: name).cases, name: name ?? "").render())
        case "cases" where segments.count == 2:
            return try casePage(segments[1], qs)
        case "healthz" where segments.count == 1:
            let n = try service.pool.withEngine { try $0.noticeCount() }
            return Self.json(Data("{\"status\":\"ok\",\"notices\":\(n)}\n".utf8))
        case "static" where segments == ["static", "site.css"]:
            var r = Self.body(Data(HTML.stylesheet.utf8), type: "text/css; charset=utf-8")
            r.headers[.cacheControl] = "public, max-age=3600"
            return r
        case "api" where segments.count >= 2:
            return try apiRoute(Array(segments.dropFirst()), qs)
        default:
            throw ServerError.notFound("no page at \(request.uri.path)")
        }
    }

    func apiRoute(_ s: [String], _ qs: QueryString) throws -> Response {
        switch (s[0], s.count) {
        case ("search", 1):
            let p = try SearchParameters(qs)
            return Self.json(try JSONBody.line(try service.search(p)))
        case ("notices", 2):
            try Self.only([], qs)
            guard let r = try service.notice(s[1]) else { throw ServerError.notFound("no notice '\(s[1])' in the index") }
            return Self.json(try JSONBody.line(r))
        case ("cases", 1):
            try Self.only(["limit", "q"], qs)
            let limit = try Self.limit(qs, default: 20, max: 10_000)
            let name = try qs.single("q").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            return Self.json(try JSONBody.line(try service.cases(limit: limit, matching: name)))
        case ("cases", 2):
            try Self.only([], qs)
            guard let c = try service.citedCase(s[1]) else { throw ServerError.notFound("no case '\(s[1])' is cited in the index") }
            return Self.json(try JSONBody.line(c))
        case ("export", 1):
            return try Export(service: service).response(qs)
        case ("openapi.json", 1):
            return Self.json(Data(OpenAPI.document.utf8))
        default:
            throw ServerError.notFound("no API route /api/\(s.joined(separator: "/")); see /api/openapi.json")
        }
    }

    func searchPage(_ qs: QueryString) throws -> Response {
        var p = try SearchParameters(qs)
        p.facets = true
        let asked = !p.q.trimmingCharacters(in: .whitespaces).isEmpty || p.hasFilters
        guard asked else { return Self.html(SearchPage(params: p, response: nil).render()) }
        let response = try service.search(p)
        return Self.html(SearchPage(params: p, response: response).render())
    }

    func noticePage(_ id: String, _ qs: QueryString) throws -> Response {
        try Self.only(["q"], qs)
        let q = try qs.single("q") ?? ""
        let found: (NoticeRecord, [[SnippetSegment]]?)? = try service.pool.withEngine { engine in
            guard let r = try engine.show(id) else { return nil }
            guard !q.trimmingCharacters(in: .whitespaces).isEmpty else { return (r, nil) }
            // A query that does not parse only loses its highlighting; the notice is still shown.
            guard let query = try? QueryParser.parse(q) else { return (r, nil) }
            return (r, try engine.highlight(r.fullParagraphs ?? [], query: query, law: r.law.flatMap(Law.init(rawValue:))))
        }
        guard let (record, marked) = found else { throw ServerError.notFound("no notice '\(id)' in the index") }
        return Self.html(NoticePage(record: record, marked: marked, query: q).render())
    }

    /// A case and its citing notices, shown as a search filtered on the case (so it filters like one).
    func casePage(_ key: String, _ qs: QueryString) throws -> Response {
        guard let c = try service.citedCase(key) else { throw ServerError.notFound("no case '\(key)' is cited in the index") }
        var p = try SearchParameters(qs)
        if !p.cites.contains(c.key) { p.cites.insert(c.key, at: 0) }
        p.facets = true
        let response = try service.search(p)
        var page = SearchPage(params: p, response: response)
        page.title = c.name ?? c.key
        page.intro = CasesPage.intro(c)
        return Self.html(page.render())
    }

    // MARK: helpers

    /// Path segments, each percent-decoded (`+` is literal in paths); `..` and empty segments are not routes.
    static func segments(_ path: String) throws -> [String] {
        try path.split(separator: "/", omittingEmptySubsequences: true).map { raw in
            let s = try QueryString.decode(Substring(raw.replacingOccurrences(of: "+", with: "%2B")), what: "the path")
            guard s.count <= 500 else { throw ServerError.badRequest("a path segment is too long") }
            return s
        }
    }

    /// Refuses parameters a route does not take, so a typo is not silently ignored.
    static func only(_ allowed: Set<String>, _ qs: QueryString) throws {
        if let unknown = qs.names.subtracting(allowed).sorted().first {
            throw ServerError.badRequest("unknown parameter '\(unknown)'" + (allowed.isEmpty ? "; this route takes none" : "; known: \(allowed.sorted().joined(separator: ", "))"))
        }
    }

    static func limit(_ qs: QueryString, default value: Int, max: Int) throws -> Int {
        guard let t = try qs.single("limit"), !t.isEmpty else { return value }
        guard let n = Int(t), (0...max).contains(n) else { throw ServerError.badRequest("limit '\(t)' is not a whole number from 0 to \(max)") }
        return n
    }

    static func body(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        body(Data(page.utf8), type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        body(data, type: "application/json", status: status)
    }

    static func jsonError(_ e: ServerError) -> Response {
        struct Body: Encodable { var error: String; var status: Int }
        let data = (try? JSONBody.line(Body(error: e.message, status: e.status))) ?? Data("{}\n".utf8)
        return json(data, status: HTTPResponse.Status(code: e.status))
    }

    static func htmlError(_ e: ServerError) -> Response {
        html(HTML.errorPage(status: e.status, message: e.message), status: HTTPResponse.Status(code: e.status))
    }
}
