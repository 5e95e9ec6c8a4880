import Foundation

/// What one `search index` run did; `--json` prints exactly this.
public struct IndexReport: Codable, Sendable, Equatable {
    public struct Failure: Codable, Sendable, Equatable {
        public var file: String
        public var error: String
    }
    public var new = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    public var failed: [Failure] = []
    public var seconds = 0.0
    /// Notices indexed this run whose parser left warnings (`search show ID --json` lists them).
    public var warned = 0

    /// The one-line summary for people and logs.
    public var summary: String {
        String(format: "indexed %d new, %d changed, %d removed, %d unchanged, %d failed in %.1f s",
               new, changed, removed, unchanged, failed.count, seconds)
            + (warned > 0 ? "; \(warned) with parse warnings (see show --json)" : "")
    }
}

/// Progress for a terminal progress line.
public struct IndexProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
    public var elapsed: Double
}

public struct IndexOptions: Sendable {
    /// Rebuild from scratch in one transaction: readers keep the old index until it commits.
    public var rebuild = false
    /// How long to wait for another run's lock before giving up.
    public var lockTimeout = 10.0
    /// Notices per transaction in incremental runs; each commit leaves the index consistent.
    public var batchSize = 256
    /// Notices per transaction in the first build of an empty index: fewer, larger FTS5 segments to
    /// merge (25k notices: 100 commits → 13, about 0.5 s less), and a killed first build is continued
    /// from its last commit (see `FirstBuild`).
    public var firstBuildBatchSize = 2048
    public var progress: (@Sendable (IndexProgress) -> Void)?
    /// Notes for people (e.g. "rebuilding an index of an older schema").
    public var note: (@Sendable (String) -> Void)?

    public init(rebuild: Bool = false, lockTimeout: Double = 10.0) {
        self.rebuild = rebuild
        self.lockTimeout = lockTimeout
    }
}

/// Brings the index in line with the files under some paths: parses new and changed files (in parallel,
/// one writer), removes notices whose files are gone from those paths, and leaves the rest untouched.
public enum Indexer {
    public static func run(paths givenPaths: [String], database path: String, options: IndexOptions = IndexOptions()) throws -> IndexReport {
        let started = Date()
        let lock = try IndexLock(databasePath: path, timeout: options.lockTimeout)
        defer { withExtendedLifetime(lock) {} }

        // With no paths, reindex what earlier runs indexed (so cron can run `search index` alone). Read
        // before anything else, since a rebuild of an older schema starts by dropping the tables.
        var paths = givenPaths
        if paths.isEmpty { paths = IndexDatabase.storedRoots(path) }
        guard !paths.isEmpty else {
            throw NoticeIndexError.usage("nothing to index: give the files or folders of notices (`search index PATH...`)")
        }

        var rebuild = options.rebuild
        var resumingFirstBuild = false
        switch FirstBuild.state(of: path) {
        case .none: break
        case .interruptedThisBoot:
            // The process died, the machine did not: sync what it wrote, then carry on from there.
            try FirstBuild.sync(path)
            resumingFirstBuild = true
            options.note?("the first build of \(path) was interrupted; continuing it")
        case .interruptedByRestart:
            options.note?("the first build of \(path) did not finish before a restart; starting it over")
            IndexDatabase.remove(path)
        }
        if rebuild && IndexDatabase.isUnusable(path) {
            options.note?("\(path) is not a usable database; starting a new one")
            IndexDatabase.remove(path)
        }
        let db: Database
        do {
            db = try IndexDatabase.openForWriting(path, rebuilding: rebuild)
        } catch let NoticeIndexError.database(_, reason) where reason.contains("version of NoticeIndex") {
            options.note?("\(path) was \(reason.components(separatedBy: ";").first ?? reason); rebuilding it")
            rebuild = true
            db = try IndexDatabase.openForWriting(path, rebuilding: true)
        }

        if resumingFirstBuild { try db.run("DELETE FROM meta WHERE key = ?", [FirstBuild.key]) }

        let found = FileWalker.walk(paths)
        var report = IndexReport()
        report.failed = found.failures

        struct Known { var size: Int; var mtime: Double; var hash: String; var noticeID: Int64? }
        var known: [String: Known] = [:]
        for row in try db.rows("SELECT path, size, mtime, hash, notice_id FROM files", [], {
            ($0.string(0) ?? "", Known(size: $0.int(1), mtime: $0.double(2), hash: $0.string(3) ?? "",
                                     noticeID: $0.isNull(4) ? nil : $0.int64(4)))
        }) { known[row.0] = row.1 }

        // Decide per file from size and mtime alone; only candidates are read.
        var candidates: [(path: String, size: Int, mtime: Double)] = []
        var seen = Set<String>()
        for file in found.files {
            guard seen.insert(file).inserted else { continue }
            guard NoticeSource.extensions.contains((file as NSString).pathExtension.lowercased()) else {
                report.failed.append(.init(file: file, error: "not a .txt or .pdf file"))
                continue
            }
            guard let info = found.stats[file] ?? FileStat.of(file) else {
                report.failed.append(.init(file: file, error: "file disappeared or cannot be read"))
                continue
            }
            let size = info.size
            let mtime = info.mtime
            if !rebuild, let k = known[file], k.size == size, k.mtime == mtime, k.noticeID != nil {
                report.unchanged += 1
            } else {
                candidates.append((file, size, mtime))
            }
        }
        let gone = known.keys.filter { file in
            !seen.contains(file) && found.roots.contains { FileWalker.isWithin(file, root: $0) }
        }

        let writer = try IndexWriter(db)
        // Bulk writing: a larger page cache, and the WAL copied back once at the end rather than every
        // 1000 pages (which wrote the data twice during the run).
        try db.execute("PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0")
        // The first build of an empty index uses a rollback journal: pages appended to a new file need no
        // journal, so the data is written once instead of to the WAL and again at the checkpoint (25k:
        // 23.9 s -> 21.0 s). Commits stay atomic; there is no older index for readers to see meanwhile.
        // Nor does it wait for the disk at every batch (synchronous = OFF; ~3 s of fsyncs at 25k): a
        // marker, written durably first and removed only after the whole file has been synced, tells
        // the next run whether to continue or start over (`FirstBuild`).
        let existing = try db.int("SELECT count(*) FROM notices") ?? 0
        let firstBuild = known.isEmpty && !rebuild && existing == 0
        if firstBuild {
            try db.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", [FirstBuild.key, FirstBuild.marker])
            try db.execute("PRAGMA synchronous = OFF")
        }
        var doneBytes = 0

        /// Writes one analysed file: a failure is reported, a touched but identical file only gets its new
        /// mtime, anything else replaces the notice (the file row lands in the same transaction).
        func apply(_ r: Analysis, to report: inout IndexReport) throws {
            switch r.outcome {
            case let .failed(message):
                report.failed.append(.init(file: r.path, error: message))
            case let .parsed(hash, notice):
                let previous = known[r.path]
                if !rebuild, let previous, previous.hash == hash, previous.noticeID != nil {
                    try db.run("UPDATE files SET size = ?, mtime = ? WHERE path = ?", [r.size, r.mtime, r.path])
                    report.unchanged += 1
                    return
                }
                if !rebuild, let old = previous?.noticeID { try writer.delete(noticeID: old) }
                let id = try writer.insert(notice)
                try db.run("INSERT OR REPLACE INTO files(path, size, mtime, hash, notice_id) VALUES(?,?,?,?,?)",
                           [r.path, r.size, r.mtime, hash, id])
                if !rebuild && previous?.noticeID != nil { report.changed += 1 } else { report.new += 1 }
                if !notice.parsed.warnings.isEmpty { report.warned += 1 }
            }
        }

        let writeAll = {
            if rebuild {
                try db.execute("""
                    DELETE FROM files; DELETE FROM notices; DELETE FROM notice_text; DELETE FROM headings; DELETE FROM provision_index;
                    DELETE FROM provision_mentions; DELETE FROM findings; DELETE FROM cases; DELETE FROM case_forms;
                    DELETE FROM citations; INSERT INTO notice_fts(notice_fts) VALUES('delete-all');
                    """)
            } else {
                try db.transaction {
                    for file in gone {
                        if let id = known[file]?.noticeID { try writer.delete(noticeID: id) }
                        try db.run("DELETE FROM files WHERE path = ?", [file])
                        report.removed += 1
                    }
                }
            }
            // Workers read, parse and extract on every core; this thread only writes. Incremental runs
            // commit every `batchSize` notices, each commit leaving the index consistent.
            let pipeline = AnalysisPipeline(candidates, workers: ProcessInfo.processInfo.activeProcessorCount,
                                            capacity: max(8, options.batchSize * 2))
            var done = 0, inBatch = 0
            if !rebuild { try db.execute("BEGIN IMMEDIATE") }
            do {
                while let result = pipeline.next() {
                    try apply(result, to: &report)
                    done += 1
                    doneBytes += result.size
                    inBatch += 1
                    if inBatch >= (firstBuild ? options.firstBuildBatchSize : options.batchSize) {
                        if !rebuild { try db.execute("COMMIT; BEGIN IMMEDIATE") }
                        inBatch = 0
                        options.progress?(IndexProgress(done: done, total: candidates.count, bytes: doneBytes,
                                                        elapsed: Date().timeIntervalSince(started)))
                    }
                }
                if !rebuild { try db.execute("COMMIT") }
            } catch {
                pipeline.cancel()
                if !rebuild { try? db.execute("ROLLBACK") }
                throw error
            }
            let roots = Set(paths.map(FileWalker.absolutePath)).sorted().joined(separator: "\n")
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('roots', ?)", [roots])
        }
        // A bulk load does not merge FTS segments as it goes (FTS5's automerge): only FTS5's crisis
        // merges, which keep each level under 16 segments. Nor does it end with a full merge
        // ('optimize'): at 25k notices that rewrote the whole FTS index (1.1 s) for no measurable query
        // gain (36 queries, best of three runs each: 78.5 ms in total merged, 77.9 ms not; p50 1.51 ms
        // both). Automerge is restored after every run, including one that follows a killed bulk load,
        // so nightly runs keep merging a little at a time.
        let bulk = rebuild || candidates.count > known.count / 4
        if bulk { try db.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('automerge', 0)") }
        if rebuild {
            // One transaction: readers (WAL) answer from the old index until this commits.
            try db.transaction { try writeAll() }
        } else {
            try writeAll()
        }
        try db.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('automerge', 4)")
        // From here on every commit syncs: the first one makes all of a first build's pages durable,
        // and only a later one removes its marker.
        if firstBuild { try db.execute("PRAGMA synchronous = FULL") }
        let changedNotices = report.new + report.changed + report.removed
        if changedNotices > 0 || rebuild || firstBuild {
            try TermStatistics.update(db, changedNotices: changedNotices, bulk: bulk || firstBuild)
        }
        if firstBuild {
            try db.run("DELETE FROM meta WHERE key = ?", [FirstBuild.key])
            try? db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        if changedNotices > 0 { try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

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
final class AnalysisPipeline: @unchecked Sendable {
    private let files: [(path: String, size: Int, mtime: Double)]
    private let capacity: Int
    private let condition = NSCondition()
    private var ready: [Analysis] = []
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
            let f = files[nextFile]
            nextFile += 1
            condition.unlock()
            let a = Analysis(path: f.path, size: f.size, mtime: f.mtime, outcome: Self.analyze(f.path))
            condition.lock()
            ready.append(a)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next analysed file, in completion order; nil when all are done.
    func next() -> Analysis? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && running > 0 { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let a = ready.removeFirst()
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
            return .failed("\(error)")
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
