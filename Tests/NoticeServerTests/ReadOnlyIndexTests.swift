import Foundation
import XCTest
@testable import NoticeServer

/// Serving a read-only copy of the index (a replica, a read-only mount): every route answers and the
/// file is left exactly as it was.
final class ReadOnlyIndexTests: XCTestCase {
    func testServesAReadOnlyCopyWithoutWritingToIt() async throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let replica = dir.appendingPathComponent("replica")
        try FileManager.default.createDirectory(at: replica, withIntermediateDirectories: true)
        let db = try ServerTestSupport.copyIndex(ServerTestSupport.sharedIndex, to: replica)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        chmod(db, 0o444)
        chmod(replica.path, 0o555)
        addTeardownBlock { chmod(replica.path, 0o755) }

        let paths = ["/api/search?q=section+31(3)+NCND", "/search?q=vexatious", "/notices/FS50648213", "/api/cases",
                     "/healthz", "/api/export?format=csv"]
        if geteuid() == 0 {
            // Root may write anywhere: run the server as nobody, for whom the copy really is read-only.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("ReadOnlyIndexTests: skipped: running as root and no setpriv to drop to nobody")
                throw XCTSkip("setpriv is not installed")
            }
            let served = try ServedProcess(arguments: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                                       TestSupport.productsDirectory.appendingPathComponent("search").path,
                                                       "serve", "--db", db, "--port", "0"])
            defer { served.stop() }
            for path in paths {
                let (status, _) = try served.get(path)
                XCTAssertEqual(status, 200, "\(path) as nobody: \(served.stderr)")
            }
        } else {
            let server = try await RunningServer.start(database: db, test: self)
            for path in paths {
                let reply = try await server.get(path)
                XCTAssertEqual(reply.status, 200, path)
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "the index is not written")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: replica.path), ["copy.sqlite"], "no -wal, -shm or journal")
    }
}

/// `search serve` as a child process (here: as another user), on the port it reports.
final class ServedProcess: @unchecked Sendable {
    let process = Process()
    private let errPipe = Pipe()
    private let lock = NSLock()
    private var errText = ""
    private(set) var port = 0
    var stderr: String { lock.lock(); defer { lock.unlock() }; return errText }

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardError = errPipe
        process.standardOutput = FileHandle.nullDevice
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] h in
            guard let self else { return }
            let data = h.availableData
            self.lock.lock()
            self.errText += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let m = stderr.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//), let p = Int(m.1) {
                port = p
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw NSError(domain: "ServedProcess", code: 1, userInfo: [NSLocalizedDescriptionKey: "server did not start: \(stderr)"])
    }

    /// Status and body of a GET over a plain socket.
    func get(_ path: String) throws -> (Int, String) {
        let client = SocketClient(port: port)
        let reply = try client.raw("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        let status = Int(reply.split(separator: " ", maxSplits: 2).dropFirst().first ?? "") ?? 0
        return (status, reply)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        errPipe.fileHandleForReading.readabilityHandler = nil
    }
}
