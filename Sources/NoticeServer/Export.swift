import Foundation
import Hummingbird
import NoticeIndex

/// `/api/export?format=jsonl|csv&q=…&provision=…`: the strict matches of a search (no query and no
/// filters: every notice), streamed as `search export` writes them. The library
/// reads notices one at a time on a thread of its own; chunks of about 64 KB go to the client, at most a
/// few ahead of what it has taken, so a slow client holds a few chunks of memory, not the collection,
/// and a client that goes away stops the reading.
struct Export {
    let service: SearchService

    static let chunkBytes = 64 * 1024
    static let chunksAhead = 4

    func response(_ qs: QueryString) throws -> Response {
        let format = try qs.single("format") ?? "jsonl"
        guard format == "jsonl" || format == "csv" else { throw ServerError.badRequest("format '\(format)' is not jsonl or csv") }
        // The search's own parameters, less paging (an export is every match) and facets.
        let search = try QueryString(filtered: qs, dropping: ["format"])
        if let paging = search.names.intersection(["offset", "limit", "facets"]).sorted().first {
            throw ServerError.badRequest("export takes no '\(paging)': it streams every match")
        }
        let p = try SearchParameters(search)
        let asked = !p.q.trimmingCharacters(in: .whitespaces).isEmpty || p.hasFilters
        let query = asked ? try p.query() : nil
        let sort = p.options.sort
        // Fail before the status line is sent when the index cannot be read at all.
        _ = try service.pool.withEngine { try $0.noticeCount() }
        let pool = service.pool
        var headers = HTTPFields()
        headers[.contentType] = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson"
        headers[.contentDisposition] = "attachment; filename=\"notices.\(format)\""
        let body = ResponseBody { writer in
            let (stream, continuation) = AsyncStream<Data>.makeStream()
            let gate = Gate(ahead: Self.chunksAhead)
            continuation.onTermination = { _ in gate.cancel() }
            let thread = Thread {
                Self.produce(pool: pool, query: query, sort: sort, csv: format == "csv", gate: gate) { continuation.yield($0) }
                continuation.finish()
            }
            thread.stackSize = 1 << 20
            thread.start()
            for await chunk in stream {
                gate.taken()
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Reads every notice and hands out chunks; stops when the client is gone.
    static func produce(pool: EnginePool, query: Query?, sort: ResultSort, csv: Bool, gate: Gate, send: (Data) -> Void) {
        var chunk = Data()
        if csv { chunk.append(Data((CSVExport.header.joined(separator: ",") + "\r\n").utf8)) }
        do {
            try pool.withEngine { engine in
                try engine.forEachMatch(query, sort: sort) { r in
                    if csv {
                        chunk.append(Data((CSVExport.row(r) + "\r\n").utf8))
                    } else {
                        chunk.append(try JSONBody.line(r))
                    }
                    if chunk.count >= chunkBytes {
                        guard gate.waitForRoom() else { throw CancellationError() }
                        send(chunk)
                        chunk = Data()
                    }
                }
            }
            if !chunk.isEmpty, gate.waitForRoom() { send(chunk) }
        } catch {
            // The status line has gone; the client sees the body end early.
        }
    }

    /// Back-pressure between the reading thread and the writing task.
    final class Gate: @unchecked Sendable {
        private let room: DispatchSemaphore
        private let lock = NSLock()
        private var cancelled = false
        init(ahead: Int) { room = DispatchSemaphore(value: ahead) }
        /// Blocks until fewer than `ahead` chunks are waiting; false once the client is gone.
        func waitForRoom() -> Bool {
            room.wait()
            lock.lock()
            defer { lock.unlock() }
            return !cancelled
        }
        func taken() { room.signal() }
        func cancel() {
            lock.lock()
            cancelled = true
            lock.unlock()
            room.signal()
        }
    }
}
