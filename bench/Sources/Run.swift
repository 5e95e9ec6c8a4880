import Foundation

/// `run`: indexes one corpus with NoticeIndex and the naive baseline, reindexes, runs the query set
/// against both and prints Markdown tables. Every measured phase runs in a child process.
enum Runner {
    static func run(_ args: Arguments) throws {
        let corpus = try args.required("corpus")
        let work = args.values["work"] ?? "bench/out/work"
        let reps = try args.int("reps", default: 5)
        let baseline = !args.flags.contains("no-baseline")
        let fm = FileManager.default
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        let niDB = (work as NSString).appendingPathComponent("noticeindex.sqlite")
        let naiveDB = (work as NSString).appendingPathComponent("naive.sqlite")
        for db in [niDB, naiveDB] { for s in ["", "-wal", "-shm", ".lock"] { try? fm.removeItem(atPath: db + s) } }

        let files = try corpusFiles(corpus)
        guard !files.isEmpty else { throw BenchError.failed("no .txt notices in \(corpus)") }
        let textBytes = files.reduce(0) { $0 + fileSize($1) }
        let manifest = CorpusManifest.load(from: corpus)
        let rare = manifest?.rareTerms.map(\.term) ?? []
        let source = args.values["queries"].map { try? BenchQuery.parse(file: $0) } ?? (try? BenchQuery.parse(lines: BenchQuery.builtIn))
        guard var queries = source else { throw BenchError.failed("cannot read the queries") }
        queries = queries.map { $0.resolved(rare: rare) }
        let queriesFile = (work as NSString).appendingPathComponent("queries.json")
        try JSONEncoder().encode(queries).write(to: URL(fileURLWithPath: queriesFile))

        let loadBefore = Machine.loadAverage
        var r = RunResult(date: ISO8601DateFormatter().string(from: Date()), machine: Machine.describe(), corpus: corpus,
                          manifest: manifest, files: files.count, textBytes: textBytes, reps: reps, queries: queries)
        log(String(format: "corpus: %d notices, %.1f MB of text", files.count, Double(textBytes) / 1e6))

        log("indexing with NoticeIndex…")
        r.ni = try child(IndexPhase.self, "index-ni", ["--corpus", corpus, "--db", niDB])
        r.niBytes = dbSize(niDB)
        if baseline {
            log("indexing with the naive FTS5 baseline…")
            r.naive = try child(NaiveFTS.IndexResult.self, "index-naive", ["--corpus", corpus, "--db", naiveDB])
            r.naiveBytes = dbSize(naiveDB)
        }

        log("no-change reindex…")
        r.noChange = try child(IndexPhase.self, "index-ni", ["--corpus", corpus, "--db", niDB])
        log("1%-changed reindex…")
        let changed = stride(from: 0, to: files.count, by: 100).map { files[$0] }
        var originals: [(String, Data)] = []
        for f in changed {
            guard let d = fm.contents(atPath: f) else { continue }
            originals.append((f, d))
            var amended = d
            amended.append(Data("\n\(amendment)\n".utf8))
            try amended.write(to: URL(fileURLWithPath: f))
        }
        defer { for (f, d) in originals { try? d.write(to: URL(fileURLWithPath: f)) } }
        r.changedFiles = originals.count
        r.onePercent = try child(IndexPhase.self, "index-ni", ["--corpus", corpus, "--db", niDB])
        for (f, d) in originals { try d.write(to: URL(fileURLWithPath: f)) }
        originals = []

        log("querying NoticeIndex (\(queries.count) queries × \(reps))…")
        r.niQueries = try child(QueryTimings.self, "query-ni", ["--db", niDB, "--queries", queriesFile, "--reps", String(reps)])
        if baseline {
            log("querying the baseline…")
            r.naiveQueries = try child(QueryTimings.self, "query-naive", ["--db", naiveDB, "--queries", queriesFile, "--reps", String(reps)])
        }
        r.cold = coldCLI(db: niDB)
        r.machine += "; load average before/after the run: \(loadBefore) / \(Machine.loadAverage)"

        let report = Report(r).markdown
        print(report)
        try report.write(toFile: (work as NSString).appendingPathComponent("results.md"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(r).write(to: URL(fileURLWithPath: (work as NSString).appendingPathComponent("results.json")))
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

    /// Wall time of the `search` CLI answering one query, a fresh process each time; median of 5.
    static func coldCLI(db: String) -> ColdCLI? {
        let search = ((selfPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("search")
        guard FileManager.default.isExecutableFile(atPath: search) else {
            log("no search binary beside the bench binary; skipping the cold CLI measurement")
            return nil
        }
        var times: [Double] = []
        var status: Int32 = 0
        for _ in 0..<5 {
            // posix_spawn + waitpid: Foundation's Process.waitUntilExit polls, which adds up to ~50 ms.
            guard let (ms, code) = spawnAndWait(search, ["section 31(3) NCND", "--db", db, "--limit", "10"]) else { return nil }
            times.append(ms)
            status = code
        }
        return ColdCLI(command: "search \"section 31(3) NCND\" --db <index> --limit 10", ms: times, exitStatus: status)
    }

    /// Runs `path` with stdout and stderr to /dev/null; wall milliseconds and exit status.
    static func spawnAndWait(_ path: String, _ args: [String]) -> (Double, Int32)? {
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
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let ms = Child.ms(since: t)
        return (ms, (status >> 8) & 0xff)
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func dbSize(_ path: String) -> Int { fileSize(path) + fileSize(path + "-wal") }
}

struct ColdCLI: Codable {
    var command: String
    var ms: [Double]
    var exitStatus: Int32
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
    var cold: ColdCLI?
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
