import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import NoticeIndex
@testable import NoticeServer

// Every file of this target sees the shared support (TestSupport's paths, temporary folders, `run`).
@_exported import NoticeTestSupport

/// Indexes, servers on free ports and an HTTP client for the server tests.
enum ServerTestSupport {
    /// A notice whose quoted request holds markup, quotes and a control character, as a complainant
    /// asking about a council's website might write it: the pages must show it as text.
    static let hostileNotice = """
        Freedom of Information Act 2000 (FOIA)
        Decision notice

        Date: 3 March 2022

        Public Authority: Borough Council of "Quayside" & <b>Harbour</b>

        Address: Civic Centre, Quay Street

        Decision (including any steps ordered)

        1. The complainant asked the council for records of attacks on its website. The Commissioner's decision is that the council was entitled to rely on section 31(1)(a) of FOIA to withhold the information. He does not require any steps.

        Request and response

        2. On 4 May 2021 the complainant wrote: "Please tell me how often <script>alert('pwned')</script> or "><img src=x onerror=alert(1)> strings were posted to your consultation form, and how the council filters them\u{07}."

        3. The council refused the request, citing section 31(1)(a) of FOIA (law enforcement), because disclosure would help attackers of its website.

        Reasons for decision

        Section 31 - Law enforcement

        4. The Commissioner accepts that disclosing which website attacks were blocked would be likely to prejudice the prevention of crime, and that the public interest in maintaining the exemption outweighs the public interest in disclosure.

        Right of appeal

        5. Either party has the right to appeal against this decision notice to the First-tier Tribunal (Information Rights).

        """

    /// The bundled corpus plus the hostile notice, indexed once per test run into a fresh directory.
    static let sharedIndex: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("noticeserver-index-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: dir)
        let notices = dir.appendingPathComponent("extra")
        try! FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
        try! hostileNotice.write(to: notices.appendingPathComponent("2022-03-03-quayside-website.txt"), atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("index.sqlite").path
        _ = try! Indexer.run(paths: [TestSupport.corpus.path, notices.path], database: db)
        return db
    }()

    /// Copies an index file (and nothing else) to `dir`.
    static func copyIndex(_ path: String, to dir: URL, name: String = "copy.sqlite") throws -> String {
        let target = dir.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }
}

/// A `NoticeServer` running in this process on a free loopback port, stopped when the test ends.
final class RunningServer: @unchecked Sendable {
    let port: Int
    let task: Task<Void, Error>
    var base: String { "http://127.0.0.1:\(port)" }

    static func start(database: String, test: XCTestCase) async throws -> RunningServer {
        let server = NoticeServer(configuration: .init(databasePath: database, host: "127.0.0.1", port: 0))
        _ = try server.checkIndex()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            try await server.run(handleSignals: false) { continuation.yield($0) }
        }
        var port = 0
        for await p in ports {
            port = p
            break
        }
        let running = RunningServer(port: port, task: task)
        test.addTeardownBlock { task.cancel(); _ = await task.result }
        return running
    }

    private init(port: Int, task: Task<Void, Error>) {
        self.port = port
        self.task = task
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
    }

    /// Sends `request` as written over a plain socket and returns everything the server answered, for
    /// requests no HTTP library would send.
    func raw(_ request: String) throws -> String { try SocketClient(port: port).raw(request) }

    /// The JSON object at `path` (a failed test when it is not one).
    func object(_ path: String) async throws -> [String: Any] {
        let reply = try await get(path)
        guard let o = try reply.json() as? [String: Any] else { throw URLError(.cannotParseResponse) }
        return o
    }

    /// GET (or another method) of a path and raw query, as written (already percent-encoded).
    func get(_ pathAndQuery: String, method: String = "GET") async throws -> Reply {
        var request = URLRequest(url: URL(string: base + pathAndQuery)!)
        request.httpMethod = method
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }
}

extension Data {
    /// The JSON objects of this data parsed, for comparisons that do not depend on key order.
    func jsonObject() throws -> NSObject { try JSONSerialization.jsonObject(with: self) as! NSObject }
}

/// HTTP over a plain loopback socket: the bytes as written, whatever a client library would make of them.
struct SocketClient {
    let port: Int

    func raw(_ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }

}
