import Foundation
import NoticeIndex

/// The paragraphs both peers index: every notice parsed with `NoticeParser.parse` (as the naive
/// baseline does inside its timed phase), one JSON line per paragraph: `notice`, `heading`, `text`.
/// The export is timed on its own: it is the parsing cost Tantivy's own time does not include.
enum ParagraphExport {
    struct Result: Codable {
        var seconds: Double
        var paragraphs: Int
        var bytes: Int
    }

    struct Line: Encodable {
        var notice: String
        var heading: String
        var text: String
    }

    static func write(corpus: String, out: String) throws -> Result {
        let started = Date()
        FileManager.default.createFile(atPath: out, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: out) else { throw BenchError.failed("cannot write \(out)") }
        defer { try? handle.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var result = Result(seconds: 0, paragraphs: 0, bytes: 0)
        var buffer = Data()
        for file in try corpusFiles(corpus) {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let notice = NoticeParser.parse(String(decoding: data, as: UTF8.self), fileName: file)
            let name = (file as NSString).lastPathComponent
            for p in notice.paragraphs {
                buffer.append(try encoder.encode(Line(notice: name, heading: p.heading, text: p.text)))
                buffer.append(10)
                result.paragraphs += 1
            }
            if buffer.count > 1 << 20 { handle.write(buffer); result.bytes += buffer.count; buffer.removeAll(keepingCapacity: true) }
        }
        handle.write(buffer)
        result.bytes += buffer.count
        result.seconds = Date().timeIntervalSince(started)
        return result
    }
}

/// Tantivy (the `tantivy` package from PyPI) driven through `bench/peers/tantivy_peer.py`. Optional:
/// when Python or the package is missing the run says why and goes on without it.
struct TantivyPeer {
    struct IndexResult: Codable {
        var seconds: Double
        /// Of `seconds`, the Python side's JSON decoding and document building.
        var decodeSeconds: Double
        var paragraphs: Int
        var bytes: Int
        var peakRSSKB: Int
        var cpuSeconds: Double?
    }

    let python: String
    let script: String

    /// The peer, or the reason it cannot run.
    static func locate(_ args: Arguments) -> Result<TantivyPeer, BenchError> {
        if args.flags.contains("no-tantivy") { return .failure(.failed("--no-tantivy")) }
        let python = args.values["python"] ?? ProcessInfo.processInfo.environment["PYTHON"] ?? "python3"
        let candidates = [args.values["tantivy"], "bench/peers/tantivy_peer.py",
                          ((Runner.selfPath as NSString).deletingLastPathComponent as NSString)
                              .appendingPathComponent("../../bench/peers/tantivy_peer.py")].compactMap { $0 }
        guard let script = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return .failure(.failed("no tantivy_peer.py (looked in \(candidates.joined(separator: ", ")))"))
        }
        let peer = TantivyPeer(python: python, script: script)
        switch peer.call(["check"]) {
        case let .success(out): log("Tantivy peer: " + String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        case let .failure(e): return .failure(e)
        }
        return .success(peer)
    }

    /// Runs the script; stdout on exit 0, else the script's message.
    func call(_ args: [String]) -> Result<Data, BenchError> {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, script] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        do { try p.run() } catch { return .failure(.failed("cannot run \(python): \(error)")) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let said = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(.failed(said.isEmpty ? "\(python) \(script) \(args.first ?? "") exited \(p.terminationStatus)" : said))
        }
        return .success(data)
    }

    func decode<T: Decodable>(_ type: T.Type, _ args: [String]) throws -> T {
        try JSONDecoder().decode(T.self, from: try call(args).get())
    }
}
