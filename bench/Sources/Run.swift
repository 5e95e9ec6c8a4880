import Foundation

/// `run`: indexes one corpus with NoticeIndex and the naive baseline, reindexes, runs the query set
/// against both and prints Markdown tables. Every measured phase runs in a child process.
enum Runner {
    /// Where one run reads and writes, and what it runs against.
    struct Plan {
        let corpus: String
        /// The folder for the databases, the query set and the results (emptied of earlier databases).
        let work: String
        /// Whether the naive FTS5 baseline and Tantivy run too (`--no-baseline` leaves them out).
        let baseline: Bool
        /// The corpus's `.txt` notices.
        let files: [String]
        /// The Tantivy peer; nil when it is skipped (the reason is in the results).
        let tantivy: TantivyPeer?

        func path(_ name: String) -> String { (work as NSString).appendingPathComponent(name) }
        var niDB: String { path("noticeindex.sqlite") }
        var naiveDB: String { path("naive.sqlite") }
        var tantivyDir: String { path("tantivy") }
        /// The query set as JSON, for the child processes.
        var queriesFile: String { path("queries.json") }
    }

    static func run(_ args: Arguments) throws {
        let plan: Plan
        var r: RunResult
        (plan, r) = try prepare(args)
        log(String(format: "corpus: %d notices, %.1f MB of text", plan.files.count, Double(r.textBytes) / 1e6))
        try index(plan, into: &r)
        try reindex(plan, into: &r)
        try query(plan, args, into: &r)
        r.loadAfter = Machine.loadAverage
        r.machine += "; load average before/after the run: \(r.loadBefore) / \(r.loadAfter)"

        let report = Report(r).markdown
        print(report)
        try report.write(toFile: plan.path("results.md"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(r).write(to: URL(fileURLWithPath: plan.path("results.json")))
    }

    /// A clean work folder, the corpus's files, the query set (saved for the child processes) and the
    /// Tantivy peer if it can run.
    static func prepare(_ args: Arguments) throws -> (Plan, RunResult) {
        let corpus = try args.required("corpus")
        let work = args.values["work"] ?? "bench/out/work"
        let reps = try args.int("reps", default: 5)
        let baseline = !args.flags.contains("no-baseline")
        let fm = FileManager.default
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        let files = try corpusFiles(corpus)
        guard !files.isEmpty else { throw BenchError.failed("no .txt notices in \(corpus)") }
        let textBytes = files.reduce(0) { $0 + fileSize($1) }
        let manifest = CorpusManifest.load(from: corpus)
        let rare = manifest?.rareTerms.map(\.term) ?? []
        let source = args.values["queries"].map { try? BenchQuery.parse(file: $0) } ?? (try? BenchQuery.parse(lines: BenchQuery.builtIn))
        guard var queries = source else { throw BenchError.failed("cannot read the queries") }
        // A corpus without a manifest (real-dev) has no rare terms: those queries are left out.
        queries = queries.map { $0.resolved(rare: rare) }.filter { !$0.text.contains("{RARE") }

        var r = RunResult(date: ISO8601DateFormatter().string(from: Date()), machine: Machine.describe(), corpus: corpus,
                          manifest: manifest, files: files.count, textBytes: textBytes, reps: reps, queries: queries)
        r.label = args.values["label"] ?? manifest?.shape ?? CorpusShape.standard.rawValue
        r.loadBefore = Machine.loadAverage
        var tantivy: TantivyPeer?
        switch baseline ? TantivyPeer.locate(args) : .failure(.failed("--no-baseline")) {
        case let .success(t): tantivy = t
        case let .failure(e):
            r.tantivySkipped = e.description
            log("Tantivy peer skipped: \(e.description)")
        }
        let plan = Plan(corpus: corpus, work: work, baseline: baseline, files: files, tantivy: tantivy)
        try JSONEncoder().encode(queries).write(to: URL(fileURLWithPath: plan.queriesFile))
        for db in [plan.niDB, plan.naiveDB] { for s in ["", "-wal", "-shm", ".lock"] { try? fm.removeItem(atPath: db + s) } }
        try? fm.removeItem(atPath: plan.tantivyDir)
        return (plan, r)
    }

    /// The first build of each index: NoticeIndex, the naive baseline, Tantivy.
    static func index(_ plan: Plan, into r: inout RunResult) throws {
        log("indexing with NoticeIndex…")
        r.ni = try child(IndexPhase.self, "index-ni", ["--corpus", plan.corpus, "--db", plan.niDB])
        r.niBytes = dbSize(plan.niDB)
        if plan.baseline {
            log("indexing with the naive FTS5 baseline…")
            r.naive = try child(NaiveFTS.IndexResult.self, "index-naive", ["--corpus", plan.corpus, "--db", plan.naiveDB])
            r.naiveBytes = dbSize(plan.naiveDB)
        }
        if let tantivy = plan.tantivy {
            let paragraphsFile = plan.path("paragraphs.jsonl")
            log("exporting paragraphs for Tantivy…")
            r.export = try child(ParagraphExport.Result.self, "export-paragraphs", ["--corpus", plan.corpus, "--out", paragraphsFile])
            log("indexing with Tantivy…")
            r.tantivy = try tantivy.decode(TantivyPeer.IndexResult.self, ["index", "--paragraphs", paragraphsFile, "--dir", plan.tantivyDir])
            try? FileManager.default.removeItem(atPath: paragraphsFile)
        }
    }

    /// NoticeIndex's reindex with nothing changed, then with every hundredth file amended (restored after).
    static func reindex(_ plan: Plan, into r: inout RunResult) throws {
        log("no-change reindex…")
        r.noChange = try child(IndexPhase.self, "index-ni", ["--corpus", plan.corpus, "--db", plan.niDB])
        log("1%-changed reindex…")
        let changed = stride(from: 0, to: plan.files.count, by: 100).map { plan.files[$0] }
        var originals: [(String, Data)] = []
        for f in changed {
            guard let d = FileManager.default.contents(atPath: f) else { continue }
            originals.append((f, d))
            var amended = d
            amended.append(Data("\n\(amendment)\n".utf8))
            try amended.write(to: URL(fileURLWithPath: f))
        }
        defer { for (f, d) in originals { try? d.write(to: URL(fileURLWithPath: f)) } }
        r.changedFiles = originals.count
        r.onePercent = try child(IndexPhase.self, "index-ni", ["--corpus", plan.corpus, "--db", plan.niDB])
        for (f, d) in originals { try d.write(to: URL(fileURLWithPath: f)) }
        originals = []
    }

    /// The query set against each index in-process, then through the `search` CLI as a whole process.
    static func query(_ plan: Plan, _ args: Arguments, into r: inout RunResult) throws {
        let reps = String(r.reps)
        log("querying NoticeIndex (\(r.queries.count) queries × \(r.reps))…")
        r.niQueries = try child(QueryTimings.self, "query-ni", ["--db", plan.niDB, "--queries", plan.queriesFile, "--reps", reps])
        if plan.baseline {
            log("querying the baseline…")
            r.naiveQueries = try child(QueryTimings.self, "query-naive", ["--db", plan.naiveDB, "--queries", plan.queriesFile, "--reps", reps])
        }
        if let tantivy = plan.tantivy {
            log("querying Tantivy…")
            r.tantivyQueries = try tantivy.decode(QueryTimings.self, ["query", "--dir", plan.tantivyDir, "--queries", plan.queriesFile, "--reps", reps])
        }
        log("cold CLI (\(r.queries.count) queries × 3)…")
        let before = args.values["cli-before"]
        if let before, !FileManager.default.isExecutableFile(atPath: before) { throw BenchError.usage("--cli-before: no executable at \(before)") }
        (r.coldQueries, r.coldBefore) = coldCLI(db: plan.niDB, queries: r.queries, reps: 3, before: before)
    }

    static let amendment = "A further amendment was made on review of this decision notice."

    /// This very binary (to re-invoke with `_child`), and the `search` CLI built beside it.
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func child<T: Decodable>(_ type: T.Type, _ phase: String, _ args: [String]) throws -> T {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: selfPath)
        p.arguments = ["_child", phase] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw BenchError.failed("phase \(phase) failed (exit \(p.terminationStatus))") }
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// The `search` CLI built beside this binary.
    static var searchBinary: String? {
        let search = ((selfPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("search")
        return FileManager.default.isExecutableFile(atPath: search) ? search : nil
    }

    /// The CLI's arguments for a bench query: `search TEXT OPTIONS --json --db DB --limit 10`.
    static func cliArguments(_ q: BenchQuery, db: String) -> [String] {
        var args = q.text.isEmpty ? [] : [q.text]
        var words = q.options.split(separator: " ").map(String.init)[...]
        while let w = words.popFirst() {
            args.append(w)
            if w != "--facets", let v = words.popFirst() { args.append(w == "--authority" ? v.replacingOccurrences(of: "_", with: " ") : v) }
        }
        return args + ["--json", "--db", db, "--limit", "10"]
    }

    /// Wall time of the `search` CLI as a whole process (a fresh process each time, page cache warm),
    /// for every bench query, `reps` times each. With `before` (another build of `search`, e.g. of the
    /// base commit), that binary runs against the same index, alternating with this one query by query,
    /// so both see the same machine load.
    static func coldCLI(db: String, queries: [BenchQuery], reps: Int, before: String?) -> (ColdQueries?, ColdQueries?) {
        guard let search = searchBinary else {
            log("no search binary beside the bench binary; skipping the cold CLI measurement")
            return (nil, nil)
        }
        let command = "search QUERY [OPTIONS] --json --db <index> --limit 10"
        var out = ColdQueries(command: command, ms: [], cpuMS: [], exitStatus: [])
        var old = before.map { _ in ColdQueries(command: command, ms: [], cpuMS: [], exitStatus: []) }
        for q in queries {
            for (binary, isBefore) in [(search, false)] + (before.map { [($0, true)] } ?? []) {
                var times: [Double] = [], cpu: [Double] = []
                var status: Int32 = 0
                for _ in 0..<reps {
                    // posix_spawn + wait4: Foundation's Process.waitUntilExit polls, which adds up to ~50 ms.
                    guard let (ms, code, cpuMS) = spawnAndWait(binary, cliArguments(q, db: db)) else { return (nil, nil) }
                    times.append(ms)
                    cpu.append(cpuMS)
                    status = code
                }
                if isBefore {
                    old?.ms.append(times); old?.cpuMS.append(cpu); old?.exitStatus.append(status)
                } else {
                    out.ms.append(times); out.cpuMS.append(cpu); out.exitStatus.append(status)
                }
            }
        }
        return (out, old)
    }

    /// Runs `path` with stdout and stderr to /dev/null; wall milliseconds, exit status and the child's
    /// CPU milliseconds (user + system; unlike wall time, barely moved by other work on the machine).
    static func spawnAndWait(_ path: String, _ args: [String]) -> (Double, Int32, Double)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let t = DispatchTime.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let ms = Child.ms(since: t)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        return (ms, (status >> 8) & 0xff, cpu)
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func dbSize(_ path: String) -> Int { fileSize(path) + fileSize(path + "-wal") }
}

/// The CLI as a whole process: per query (in the run's order) the wall ms of each repetition and the
/// exit status (0 results, 1 none).
struct ColdQueries: Codable {
    var command: String
    var ms: [[Double]]
    /// User + system CPU of each run.
    var cpuMS: [[Double]]
    var exitStatus: [Int32]
}

/// Everything one run measured; saved as results.json beside the databases.
struct RunResult: Codable {
    var date: String
    var machine: String
    var corpus: String
    var manifest: CorpusManifest?
    var files: Int
    var textBytes: Int
    var reps: Int
    var queries: [BenchQuery]
    var ni: IndexPhase?
    var niBytes = 0
    var naive: NaiveFTS.IndexResult?
    var naiveBytes = 0
    var noChange: IndexPhase?
    var changedFiles = 0
    var onePercent: IndexPhase?
    var niQueries: QueryTimings?
    var naiveQueries: QueryTimings?
    var coldQueries: ColdQueries?
    /// The same queries with `--cli-before`'s binary, alternating with `coldQueries`.
    var coldBefore: ColdQueries?
    /// The corpus's shape (from its manifest) or `--label`.
    var label = CorpusShape.standard.rawValue
    var loadBefore = "?"
    var loadAfter = "?"
    var export: ParagraphExport.Result?
    var tantivy: TantivyPeer.IndexResult?
    var tantivyQueries: QueryTimings?
    var tantivySkipped: String?
}

enum Machine {
    /// The 1-minute load average: the machine is shared, so other work can slow a run down.
    static var loadAverage: String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    /// `nproc`, CPU model and RAM from /proc.
    static func describe() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memKB = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        return String(format: "%d cores (%@), %.1f GB RAM, SQLite %@", ProcessInfo.processInfo.activeProcessorCount, cpu,
                      Double(memKB) / 1_048_576, NaiveFTS.sqliteVersion)
    }
}
