import Foundation
import NoticeIndex

/// `analyze --corpus DIR [--reps N] [--dump OUT] [--only analyze]`: single-thread analysis throughput (parse, extract, and
/// `AnalyzedNotice.analyze` as the indexer's workers run it) over every `.txt` file in DIR, best of N reps.
/// `--dump` writes one canonical fingerprint of the analysis output per file, so that a speed-up can be
/// checked to change nothing (`diff -r before after`).
enum Analyze {
    static func run(_ args: Arguments) throws {
        let dir = try args.required("corpus")
        let reps = max(1, try args.int("reps", default: 3))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        let files = names.map { (dir as NSString).appendingPathComponent($0) }
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        guard !texts.isEmpty else { throw BenchError.failed("no .txt files in \(dir)") }

        if let out = args.values["dump"] {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, (file, text)) in zip(names, zip(files, texts)) {
                let n = AnalyzedNotice.analyze(text: text, file: file)
                let path = (out as NSString).appendingPathComponent(name)
                guard FileManager.default.createFile(atPath: path, contents: Data(fingerprint(n).utf8)) else {
                    throw BenchError.failed("cannot write \(path)")
                }
            }
        }

        func best(_ body: () -> Void) -> Double {
            var t = Double.infinity
            for _ in 0..<reps {
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                t = min(t, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return t
        }
        // `--only analyze` times just the full path (for profiling).
        let all = args.values["only"] != "analyze"
        var parsed: [ParsedNotice] = []
        let tParse = !all ? .nan : best { parsed = zip(files, texts).map { NoticeParser.parse($1, fileName: $0) } }
        var sink = 0
        let tExtract = !all ? .nan : best { for p in parsed { sink &+= NoticeExtractor.extract(p).provisions.count } }
        let tAll = best { for (f, t) in zip(files, texts) { sink &+= AnalyzedNotice.analyze(text: t, file: f).parsed.paragraphs.count } }

        let mb = Double(bytes) / 1e6
        print("\(texts.count) notices, \(String(format: "%.1f", mb)) MB, best of \(reps) (sink \(sink % 10))")
        for (label, t) in [("parse", tParse), ("extract", tExtract), ("analyze", tAll)] {
            print(String(format: "  %-8@ %7.1f MB/s  %7.3f ms/notice", label as NSString, mb / t, t * 1e3 / Double(texts.count)))
        }
    }

    /// Every field of the parse and the extraction, then everything built from them for the writer, one per
    /// line, in a fixed order.
    static func fingerprint(_ n: AnalyzedNotice) -> String {
        let p = n.parsed, e = n.extraction
        var o = ""
        func line(_ parts: Any?...) { o += parts.map { $0.map { "\($0)" } ?? "nil" }.joined(separator: "\t") + "\n" }
        line("reference", p.reference); line("law", p.law?.rawValue); line("date", p.date)
        line("authority", p.authority); line("complainant", p.complainant); line("layout", p.layout.rawValue)
        for w in p.warnings { line("warning", w) }
        for f in p.footnotes { line("footnote", f.marker, f.text.debugDescription) }
        for (i, q) in p.paragraphs.enumerated() { line("para", i, q.number, q.headings.debugDescription, q.text.debugDescription) }
        for m in e.provisions {
            line("provision", m.provision.canonical, m.role.rawValue, m.span.paragraph, m.span.start, m.span.end, m.text.debugDescription)
        }
        line("outcome", e.outcome?.rawValue)
        for f in e.findings { line("finding", f.provision.canonical, f.finding.rawValue) }
        line("authorityInfo", e.authority?.name, e.authority?.key, e.authority?.sector.rawValue)
        for c in e.cases {
            line("case", c.key, c.name, c.citations.debugDescription, c.aliases.debugDescription,
                 c.spans.map { "\($0.paragraph):\($0.start)-\($0.end)" }.joined(separator: ","))
        }
        // What the writer binds (FTS columns, heading paths, stored text, table rows) is internal to the
        // library, so it is read by reflection; the compressed text is summarised by length and hash.
        for child in Mirror(reflecting: n).children {
            guard let label = child.label, !["file", "parsed", "extraction"].contains(label) else { continue }
            guard label == "storedText" else { line(label, String(reflecting: child.value)); continue }
            for field in Mirror(reflecting: child.value).children {
                if let blob = field.value as? [UInt8] {
                    // The library's FNV-1a (as hex), printed in decimal as the dumps always were.
                    line("storedText", field.label, blob.count, UInt64(NoticeSource.hash(Data(blob)), radix: 16) ?? 0)
                } else {
                    line("storedText", field.label, String(reflecting: field.value))
                }
            }
        }
        return o
    }
}
