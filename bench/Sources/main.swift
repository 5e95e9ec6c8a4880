import Foundation
import NoticeIndex
import NoticeEvaluation

/// `noticeindex-bench generate|run|queries|accuracy|relevance|analyze`; see bench/README.md.
let usageText = """
    usage:
      noticeindex-bench generate --count N [--seed S] [--shape SHAPE] --out DIR
                                                   SHAPE: standard | long-paragraphs | dense-citations |
                                                   pre2011-boilerplate | pdf-extracted | many-short
      noticeindex-bench realdev --records FILE --out DIR   the records' kind-notice texts as .txt files
      noticeindex-bench run --corpus DIR [--work DIR] [--queries FILE] [--reps N] [--no-baseline] [--label NAME]
                            [--no-tantivy] [--tantivy SCRIPT] [--python PYTHON] [--cli-before SEARCH]
      noticeindex-bench summarize --results A.json,B.json,…   the per-shape table of several runs
      noticeindex-bench queries [--corpus DIR]     print the built-in query set (the --queries format)
      noticeindex-bench accuracy [--corpus DIR]    parser/extractor precision and recall against Corpus/truth
      noticeindex-bench relevance --corpus DIR --db INDEX [--queries N] [--tune] [--weights name=v,…] [--judgments FILE]
      noticeindex-bench analyze --corpus DIR [--reps N] [--dump OUT]   single-thread parse/extract MB/s
    """

/// `--name value` options and bare flags.
struct Arguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ args: ArraySlice<String>) throws {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            guard a.hasPrefix("--") else { throw BenchError.usage("unexpected argument '\(a)'") }
            let name = String(a.dropFirst(2))
            if i + 1 < args.endIndex, !args[i + 1].hasPrefix("--") {
                values[name] = args[i + 1]
                i += 2
            } else {
                flags.insert(name)
                i += 1
            }
        }
    }

    func required(_ name: String) throws -> String {
        guard let v = values[name] else { throw BenchError.usage("--\(name) is required") }
        return v
    }

    func int(_ name: String, default d: Int) throws -> Int {
        guard let v = values[name] else { return d }
        guard let n = Int(v) else { throw BenchError.usage("--\(name) takes a number, not '\(v)'") }
        return n
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)
    var description: String {
        switch self {
        case let .usage(s): return s + "\n" + usageText
        case let .failed(s): return s
        }
    }
}

do {
    let argv = CommandLine.arguments
    guard argv.count >= 2 else { throw BenchError.usage("no command") }
    let args = try Arguments(argv[1] == "_child" ? argv.dropFirst(3) : argv.dropFirst(2))
    switch argv[1] {
    case "generate":
        let count = try args.int("count", default: 2_500)
        let seed = UInt64(try args.int("seed", default: 1))
        let shapeName = args.values["shape"] ?? CorpusShape.standard.rawValue
        guard let shape = CorpusShape(rawValue: shapeName) else { throw BenchError.usage("unknown shape '\(shapeName)' (\(CorpusShape.names))") }
        try Generate.run(count: count, seed: seed, shape: shape, out: try args.required("out"))
    case "realdev":
        try RealDev.write(records: try args.required("records"), out: try args.required("out"))
    case "run":
        try Runner.run(args)
    case "summarize":
        try Summary.run(args)
    case "relevance":
        try Relevance.run(args)
    case "analyze":
        try Analyze.run(args)
    case "queries":
        let rare = args.values["corpus"].flatMap(CorpusManifest.load(from:))?.rareTerms.map(\.term) ?? []
        for q in try BenchQuery.parse(lines: BenchQuery.builtIn) { print(q.resolved(rare: rare).line) }
    case "accuracy":
        let results = try TruthEvaluation.evaluate(corpus: args.values["corpus"] ?? "Corpus")
        print(TruthEvaluation.table(results))
        if args.flags.contains("verbose") {
            for f in results {
                for m in f.misses { print("missed \(f.field): \(m)") }
                for e in f.extras { print("extra  \(f.field): \(e)") }
            }
        }
    case "_child":
        guard argv.count >= 3 else { throw BenchError.usage("_child needs a phase") }
        try Child.run(argv[2], args)
    default:
        throw BenchError.usage("unknown command '\(argv[1])'")
    }
} catch {
    log("noticeindex-bench: \(error)")
    exit(error is BenchError ? 64 : 1)
}
