import Foundation
import Hummingbird
import NoticeIndex

/// `search serve`: the web search page and JSON API over one index file, read-only.
///
/// Stateless by design: everything a response depends on is in the request and the index file, so any
/// number of servers over copies of the file answer alike behind an ordinary load balancer. The index
/// is opened per pooled connection and reopened when the file is replaced (see `EnginePool`).
public struct NoticeServer: Sendable {
    public struct Configuration: Sendable {
        public var databasePath: String
        /// Loopback unless told otherwise: the server has no authentication of its own.
        public var host: String
        /// 0 picks a free port (tests); the bound port is passed to `onRunning`.
        public var port: Int

        public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080) {
            self.databasePath = databasePath
            self.host = host
            self.port = port
        }
    }

    public let configuration: Configuration
    let pool: EnginePool

    public init(configuration: Configuration) {
        self.configuration = configuration
        pool = EnginePool(path: configuration.databasePath)
    }

    /// Opens the index once, so a server that cannot read it fails at start with the library's message
    /// rather than answering 503 to everyone.
    public func checkIndex() throws -> Int {
        try pool.withEngine { try $0.noticeCount() }
    }

    /// Serves until the task is cancelled (tests) or, with `signals`, until SIGINT/SIGTERM, finishing
    /// requests in flight. `onRunning` gets the bound port.
    public func run(handleSignals: Bool = true, onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let responder = Routes(service: SearchService(pool: pool))
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "NoticeIndex"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) })
        if handleSignals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }
}
