import Foundation

/// What `generate` wrote, saved beside the notices as `.corpus.json` (hidden, so the indexers skip it);
/// what each notice says is in `.truth.jsonl` (`GeneratedTruth`).
struct CorpusManifest: Codable {
    struct Term: Codable {
        var term: String
        var rank: Int
        var expected: Double
    }
    var seed: UInt64
    /// `CorpusShape` raw value; absent in manifests written before shapes existed (= standard).
    var shape: String?
    var count: Int
    var bytes: Int
    var fillerWords: Int
    var lexiconSize: Int
    var authorities: Int
    /// Pseudo-words from the tail of the vocabulary, for rare-term queries.
    var rareTerms: [Term]
    var seconds: Double

    static let fileName = ".corpus.json"

    static func load(from dir: String) -> CorpusManifest? {
        guard let data = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(CorpusManifest.self, from: data)
    }
}

enum Generate {
    static func run(count: Int, seed: UInt64, shape: CorpusShape = .standard, out dir: String) throws {
        let started = Date()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let model = CorpusModel(seed: seed, shape: shape)

        // Chunks of notices over all cores; each notice has its own random stream, so the order in
        // which chunks run does not change a byte of the output.
        let chunks = max(1, min(count, 64))
        let per = (count + chunks - 1) / chunks
        let totals = Totals(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var b = 0, f = 0
            var truth = Data()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for i in stride(from: c * per, to: min(count, (c + 1) * per), by: 1) {
                var writer = NoticeWriter(model: model, index: i)
                let text = writer.write()
                let name = String(format: "notice-%06d.txt", i + 1)
                let path = (dir as NSString).appendingPathComponent(name)
                if !FileManager.default.createFile(atPath: path, contents: Data(text)) {
                    totals.fail("cannot write \(path)")
                    return
                }
                b += text.count
                f += writer.fillerWords
                guard let line = try? encoder.encode(writer.truth(file: name)) else { totals.fail("cannot encode the truth of \(name)"); return }
                truth.append(line)
                truth.append(10)
            }
            totals.add(bytes: b, filler: f, truth: truth, chunk: c)
        }
        if let failure = totals.failure { throw BenchError.failed(failure) }
        // Chunks in notice order, so the sidecar is byte-identical for a seed and count.
        try totals.truth.reduce(into: Data()) { $0.append($1) }
            .write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent(GeneratedTruth.fileName)))
        let bytes = totals.bytes, filler = totals.filler

        let lexicon = model.lexicon
        let ranks = [3_000, 8_000, 20_000, 35_000, 50_000].filter { $0 < lexicon.strings.count }
        let rare = ranks.map { r -> CorpusManifest.Term in
            let (t, e) = lexicon.expected(rank: r, tokens: Double(filler))
            return .init(term: t, rank: r, expected: (e * 10).rounded() / 10)
        }
        let seconds = Date().timeIntervalSince(started)
        let manifest = CorpusManifest(seed: seed, shape: shape.rawValue, count: count, bytes: bytes, fillerWords: filler, lexiconSize: lexicon.strings.count,
                                      authorities: model.authorities.count, rareTerms: rare, seconds: seconds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent(CorpusManifest.fileName)))
        let mb = Double(bytes) / 1_000_000
        log(String(format: "generated %d %@ notices, %.1f MB (%.1f KB each), %d filler words, in %.1f s", count, shape.rawValue, mb,
                   Double(bytes) / Double(max(1, count)) / 1000, filler, seconds))
    }
}

/// Sums from the generating threads.
private final class Totals: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var bytes = 0
    private(set) var filler = 0
    private(set) var failure: String?
    private(set) var truth: [Data]

    init(chunks: Int) { truth = Array(repeating: Data(), count: chunks) }

    func add(bytes b: Int, filler f: Int, truth t: Data, chunk: Int) {
        lock.lock(); bytes += b; filler += f; truth[chunk] = t; lock.unlock()
    }

    func fail(_ message: String) {
        lock.lock(); failure = failure ?? message; lock.unlock()
    }
}

/// Progress and diagnostics go to stderr; stdout carries results only.
func log(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
