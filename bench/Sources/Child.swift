import CSQLite
import Foundation
import NoticeIndex

/// Results of one query phase, per query in order.
struct QueryTimings: Codable {
    struct One: Codable {
        /// Milliseconds of each timed repetition (after one warm-up).
        var ms: [Double]
        /// CPU milliseconds of the whole process (every thread) in each repetition: on a shared machine
        /// the figure other work moves least.
        var cpuMS: [Double]? = nil
        /// Notices (NoticeIndex `total`) or paragraphs (baseline `count(*)`) matching.
        var matches: Int
        /// Rows returned (≤ limit).
        var returned: Int
        var error: String?
    }
    var queries: [One]
    var openMS: Double
    var peakRSSKB: Int
}

struct IndexPhase: Codable {
    var seconds: Double
    var new: Int
    var changed: Int
    var unchanged: Int
    var failed: Int
    var firstFailure: String?
    var paragraphs: Int
    var peakRSSKB: Int
    /// User + system CPU of the phase's process.
    var cpuSeconds: Double? = nil
}

/// The hidden `_child` subcommand: one measured phase in its own process, so that its peak RSS is
/// its own. Prints one JSON object on stdout.
enum Child {
    static func run(_ phase: String, _ args: Arguments) throws {
        let encoder = JSONEncoder()
        let data: Data
        switch phase {
        case "index-ni":
            var options = IndexOptions()
            options.batchSize = try args.int("batch", default: options.batchSize)
            let started = Date()
            let report = try Indexer.run(paths: [try args.required("corpus")], database: try args.required("db"), options: options)
            let seconds = Date().timeIntervalSince(started)
            var paragraphs = 0
            if let db = try? Database(path: try args.required("db"), readOnly: true, create: false) {
                paragraphs = (try? db.int("SELECT sum(paragraph_count) FROM notices")) ?? 0
            }
            data = try encoder.encode(IndexPhase(seconds: seconds, new: report.new, changed: report.changed, unchanged: report.unchanged,
                                                 failed: report.failed.count, firstFailure: report.failed.first.map { "\($0.file): \($0.error)" },
                                                 paragraphs: paragraphs, peakRSSKB: peakRSSKB(), cpuSeconds: cpuSeconds()))
        case "index-naive":
            var r = try NaiveFTS.index(corpus: try args.required("corpus"), database: try args.required("db"),
                                       batch: try args.int("batch", default: 64))
            r.peakRSSKB = peakRSSKB()
            r.cpuSeconds = cpuSeconds()
            data = try encoder.encode(r)
        case "export-paragraphs":
            data = try encoder.encode(try ParagraphExport.write(corpus: try args.required("corpus"), out: try args.required("out")))
        case "query-ni":
            data = try encoder.encode(try queryNoticeIndex(args))
        case "query-naive":
            data = try encoder.encode(try queryNaive(args))
        default:
            throw BenchError.usage("unknown phase '\(phase)'")
        }
        FileHandle.standardOutput.write(data)
    }

    static func loadQueries(_ args: Arguments) throws -> [BenchQuery] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try args.required("queries")))
        return try JSONDecoder().decode([BenchQuery].self, from: data)
    }

    /// CPU time of this process (all threads) so far, ms.
    static func cpuMS() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }

    static func ms(since t: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e6 }

    static func queryNoticeIndex(_ args: Arguments) throws -> QueryTimings {
        let queries = try loadQueries(args)
        let reps = try args.int("reps", default: 5)
        let t0 = DispatchTime.now()
        let engine = try SearchEngine(databasePath: try args.required("db"))
        let openMS = ms(since: t0)
        var out: [QueryTimings.One] = []
        for q in queries {
            var one = QueryTimings.One(ms: [], matches: 0, returned: 0)
            do {
                let (filters, facets) = try q.filters()
                // Parse, match, rank and pinpoint/snippet: the whole search inside the library.
                func once() throws -> SearchResponse {
                    try engine.search(try QueryParser.parse(q.text, filters: filters), limit: 10, facets: facets)
                }
                let first = try once()
                one.matches = first.total
                one.returned = first.results.count
                one.cpuMS = []
                for _ in 0..<reps {
                    let t = DispatchTime.now(), c = cpuMS()
                    _ = try once()
                    one.ms.append(ms(since: t))
                    one.cpuMS?.append(cpuMS() - c)
                }
            } catch {
                one.error = "\(error)"
            }
            out.append(one)
        }
        return QueryTimings(queries: out, openMS: openMS, peakRSSKB: peakRSSKB())
    }

    static func queryNaive(_ args: Arguments) throws -> QueryTimings {
        let queries = try loadQueries(args)
        let reps = try args.int("reps", default: 5)
        let t0 = DispatchTime.now()
        let naive = try NaiveFTS(path: try args.required("db"))
        let stmt = try naive.prepare(NaiveFTS.querySQL)
        let count = try naive.prepare("SELECT count(*) FROM naive WHERE naive MATCH ?1")
        defer { sqlite3_finalize(stmt); sqlite3_finalize(count) }
        let openMS = ms(since: t0)
        var out: [QueryTimings.One] = []
        for q in queries {
            var one = QueryTimings.One(ms: [], matches: 0, returned: 0)
            do {
                one.returned = try naive.search(stmt, q.naive)
                one.cpuMS = []
                for _ in 0..<reps {
                    let t = DispatchTime.now(), c = cpuMS()
                    _ = try naive.search(stmt, q.naive)
                    one.ms.append(ms(since: t))
                    one.cpuMS?.append(cpuMS() - c)
                }
                // Untimed: how many paragraphs the baseline had to rank.
                sqlite3_reset(count)
                naive.bind(count, 1, q.naive)
                if sqlite3_step(count) == SQLITE_ROW { one.matches = Int(sqlite3_column_int64(count, 0)) }
            } catch {
                one.error = "\(error)"
            }
            out.append(one)
        }
        return QueryTimings(queries: out, openMS: openMS, peakRSSKB: peakRSSKB())
    }
}
