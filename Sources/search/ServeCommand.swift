import ArgumentParser
import Foundation
import NoticeIndex
import NoticeServer

extension Search {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "The web search page and JSON API over the index, read-only.",
            discussion: """
                Opens http://HOST:PORT/ with the search page; /api/search, /api/notices/{id}, /api/cases,
                /api/export and /api/openapi.json give the JSON of --json. Binds 127.0.0.1 unless --host
                says otherwise. A finished reindex (even --rebuild) is picked up without a restart.
                """)

        @Option(name: .long, help: "Index database (default: $NOTICE_INDEX_DB, else ~/.local/share/noticeindex/index.sqlite).")
        var db: String?

        @Option(help: "Address to listen on (0.0.0.0 for every interface; there is no authentication).")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port = 8080

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        }

        /// Synchronous, so the root command stays a plain `ParsableCommand`: the server runs as a task
        /// while this thread waits for it.
        func run() throws {
            let outcome = ServeOutcome()
            let done = DispatchSemaphore(value: 0)
            Task {
                do { try await serve() } catch { outcome.error = error }
                done.signal()
            }
            done.wait()
            if let error = outcome.error { throw error }
        }

        func serve() async throws {
            // The library's "open or build the index" rule, as for a query: zero set-up on a fresh clone.
            let (path, isDefault) = db.map { (($0 as NSString).expandingTildeInPath, false) } ?? DefaultPaths.database()
            _ = try guarded {
                try ZeroSetUp.engine(databasePath: path, isDefault: isDefault, corpus: DefaultPaths.bundledCorpus()) { warn("search: \($0)") }
            }
            let server = NoticeServer(configuration: .init(databasePath: path, host: host, port: port))
            let count = try guarded { try server.checkIndex() }
            do {
                try await server.run { bound in
                    warn("search: serving \(count) notices from \(path) at http://\(host):\(bound)/ (Ctrl-C to stop)")
                }
            } catch {
                // NIO's description names the system call and errno ("Address already in use (errno: 98)").
                warn("search: cannot serve on \(host):\(port): \(error); choose another --port or --host")
                throw ExitCode(2)
            }
        }
    }
}

/// The server task's error, handed to the waiting thread.
private final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}
