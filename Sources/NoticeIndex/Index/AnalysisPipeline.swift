import Foundation

/// The result of reading, parsing and extracting one file off the writer's thread.
struct Analysis: @unchecked Sendable {
    enum Outcome {
        case parsed(hash: String, notice: AnalyzedNotice)
        case failed(String)
    }
    var path: String
    var size: Int
    var mtime: Double
    var outcome: Outcome
}

/// Reads and analyses files on worker threads into a bounded buffer that the writer drains, so every
/// core stays busy while memory stays bounded (at most `capacity` analysed notices wait to be written).
///
/// The writer receives the files in the order given, whichever worker finishes first: notice ids,
/// the suffix that keeps two notices with one reference apart, and the batches a killed run has
/// committed are then the same in every run over the same files.
final class AnalysisPipeline: @unchecked Sendable {
    private let files: [(path: String, size: Int, mtime: Double)]
    private let capacity: Int
    private let condition = NSCondition()
    /// Finished analyses by file position; the writer takes position `nextOut` when it is there.
    private var ready: [Int: Analysis] = [:]
    private var nextOut = 0
    private var nextFile = 0
    private var running: Int
    private var cancelled = false

    init(_ files: [(path: String, size: Int, mtime: Double)], workers: Int, capacity: Int) {
        self.files = files
        self.capacity = capacity
        let count = max(1, min(workers, files.count))
        running = files.isEmpty ? 0 : count
        guard !files.isEmpty else { return }
        for _ in 0..<count {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while ready.count >= capacity && !cancelled { condition.wait() }
            if cancelled || nextFile >= files.count {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let position = nextFile
            let f = files[position]
            nextFile += 1
            condition.unlock()
            let a = Analysis(path: f.path, size: f.size, mtime: f.mtime, outcome: Self.analyze(f.path))
            condition.lock()
            ready[position] = a
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next analysed file, in the order given; nil when all are done. (A worker waits for room
    /// only before taking a file, and files are taken in order, so the one wanted here is always
    /// either ready or being analysed.)
    func next() -> Analysis? {
        condition.lock()
        defer { condition.unlock() }
        while ready[nextOut] == nil && running > 0 { condition.wait() }
        guard let a = ready.removeValue(forKey: nextOut) else { return nil }
        nextOut += 1
        condition.broadcast()
        return a
    }

    /// Stops the workers after the files they are on (the writer failed).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    static func analyze(_ path: String) -> Analysis.Outcome {
        do {
            let data = try NoticeSource.bytes(of: path)
            let text = path.lowercased().hasSuffix(".pdf")
                ? try PDFText.extract(path: path, data: data)
                : try NoticeSource.decode(data, path: path)
            let notice = AnalyzedNotice.analyze(text: text, file: path)
            if let problem = NoticeValidator.problem(with: notice.parsed, text: text) {
                return .failed(problem)
            }
            return .parsed(hash: NoticeSource.hash(data), notice: notice)
        } catch let e as NoticeIndexError {
            if case let .input(_, reason) = e { return .failed(reason) }
            return .failed(e.description)
        } catch {
            // Only NoticeIndexError is expected here; anything else is described by its kind, not
            // by Foundation's text.
            return .failed("cannot be read (\(type(of: error)))")
        }
    }
}

/// Refuses text that is clearly not a decision notice, instead of filling the index with noise.
enum NoticeValidator {
    static func problem(with notice: ParsedNotice, text: String) -> String? {
        if notice.paragraphs.isEmpty { return "no text found in the file" }
        if notice.reference != nil || notice.law != nil || notice.layout != .unstructured { return nil }
        let lower = text.prefix(20_000).lowercased()
        let signals = ["commissioner", "decision notice", "freedom of information", "environmental information", "public authority"]
        if signals.contains(where: { lower.contains($0) }) { return nil }
        return "does not look like an ICO decision notice (no header, no numbered paragraphs, no mention of the Commissioner)"
    }
}
