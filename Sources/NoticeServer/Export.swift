import Foundation
import Hummingbird
import NoticeIndex

/// `/api/export?format=jsonl|csv`: every notice, streamed as `search export` writes it. The library
/// reads notices one at a time on a thread of its own; chunks of about 64 KB go to the client, at most a
/// few ahead of what it has taken, so a slow client holds a few chunks of memory, not the collection,
/// and a client that goes away stops the reading.
struct Export {
    let service: SearchService

    static let chunkBytes = 64 * 1024
    static let chunksAhead = 4

    func response(_ qs: QueryString) throws -> Response {
        try Routes.only(["format"], qs)
        let format = try qs.single("format") ?? "jsonl"
        guard format == "jsonl" || format == "csv" else { throw ServerError.badRequest("format '\(format)' is not jsonl or csv") }
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
                Self.produce(pool: pool, csv: format == "csv", gate: gate) { continuation.yield($0) }
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
    static func produce(pool: EnginePool, csv: Bool, gate: Gate, send: (Data) -> Void) {
        var chunk = Data()
        if csv { chunk.append(Data((CSVRows.header.joined(separator: ",") + "\r\n").utf8)) }
        do {
            try pool.withEngine { engine in
                try engine.forEachNotice { r in
                    if csv {
                        chunk.append(Data((CSVRows.row(r) + "\r\n").utf8))
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

/// The CSV of `search export --format csv` (RFC 4180), kept equal to the CLI's by a test that compares
/// the two byte for byte.
enum CSVRows {
    static let header = ["id", "reference", "file", "date", "authority", "authority_key", "sector", "law", "outcome",
                         "provisions", "cases", "paragraphs"]

    static func row(_ r: NoticeRecord) -> String {
        let fields: [String?] = [r.id, r.reference, r.file, r.date, r.authority, r.authorityKey, r.sector, r.law, r.outcome,
                                 r.provisions.joined(separator: ";"), r.cases.map(\.key).joined(separator: ";"),
                                 String(r.fullParagraphs?.count ?? 0)]
        return fields.map { quote($0 ?? "") }.joined(separator: ",")
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
