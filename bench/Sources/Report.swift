import Foundation

/// Renders a run as Markdown: a summary table against issue 6's targets and a per-query table.
/// A query's latency is the median of its timed repetitions; p50/p95/max are over those medians.
struct Report {
    let r: RunResult

    init(_ r: RunResult) { self.r = r }

    static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Nearest-rank percentile.
    static func percentile(_ xs: [Double], _ p: Double) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[max(0, min(s.count - 1, rank - 1))]
    }

    func latencies(_ t: QueryTimings?) -> [Double] {
        t?.queries.compactMap { $0.error == nil ? Report.median($0.ms) : nil } ?? []
    }

    /// Per-query medians of the CPU each repetition took.
    func cpuLatencies(_ t: QueryTimings?) -> [Double] {
        t?.queries.compactMap { $0.error == nil ? $0.cpuMS.flatMap { Report.median($0) } : nil } ?? []
    }

    /// Text MB per CPU-second of each indexer: the indexing rate other work on the machine moves least.
    var cpuRates: (ni: Double?, naive: Double?, tantivy: Double?) {
        let mb = Double(r.textBytes) / 1e6
        let rate = { (s: Double?) -> Double? in s.flatMap { $0 > 0 ? mb / $0 : nil } }
        return (rate(r.ni?.cpuSeconds), rate(r.naive?.cpuSeconds), rate(r.tantivy?.cpuSeconds))
    }

    func f(_ x: Double?, _ digits: Int = 1) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "–" }
    func ms(_ x: Double?) -> String {
        guard let x else { return "–" }
        return x < 10 ? String(format: "%.2f", x) : String(format: "%.1f", x)
    }
    func ratio(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, b > 0 else { return "–" }
        return String(format: "%.2f×", a / b)
    }

    /// Per-query medians of the whole-process CLI runs.
    var coldLatencies: [Double] { r.coldQueries?.ms.compactMap { Report.median($0) } ?? [] }
    var coldBeforeLatencies: [Double] { r.coldBefore?.ms.compactMap { Report.median($0) } ?? [] }
    var coldCPU: [Double] { r.coldQueries?.cpuMS.compactMap { Report.median($0) } ?? [] }
    var coldBeforeCPU: [Double] { r.coldBefore?.cpuMS.compactMap { Report.median($0) } ?? [] }

    var markdown: String {
        let mb = Double(r.textBytes) / 1e6
        let niSec = r.ni?.seconds, nvSec = r.naive?.seconds, tvSec = r.tantivy?.seconds
        let niRate = niSec.map { mb / $0 }, nvRate = nvSec.map { mb / $0 }, tvRate = tvSec.map { mb / $0 }
        let niSize = Double(r.niBytes) / 1e6, nvSize = r.naive == nil ? nil : Double(r.naiveBytes) / 1e6
        let tvSize = r.tantivy.map { Double($0.bytes) / 1e6 }
        let niLat = latencies(r.niQueries), nvLat = latencies(r.naiveQueries), tvLat = latencies(r.tantivyQueries)
        let rss = { (kb: Int?) -> Double? in kb.map { Double($0) / 1024 } }
        let okQueries = niLat.count
        var s = ""
        s += "Corpus: **\(r.label)**, \(r.files) notices, \(f(mb)) MB of text"
        if let m = r.manifest { s += " (generated: seed \(m.seed), \(m.lexiconSize) filler words in the lexicon, \(m.authorities) authorities)" }
        s += "; \(r.ni?.paragraphs ?? 0) paragraphs in NoticeIndex, \(r.naive?.paragraphs ?? 0) rows in the baseline"
        if let t = r.tantivy { s += ", \(t.paragraphs) documents in Tantivy" }
        s += ".\n"
        s += "Machine: \(r.machine). Date: \(r.date). Queries: \(r.queries.count) (\(okQueries) ran without error), 1 warm-up + \(r.reps) timed runs each.\n"
        if let why = r.tantivySkipped { s += "Tantivy: skipped (\(why)).\n" }
        s += "\n| measure | NoticeIndex | naive FTS5 | Tantivy | NI / naive | NI / Tantivy | issue 14 target |\n|---|---|---|---|---|---|---|\n"
        func row(_ name: String, _ a: Double?, _ b: Double?, _ c: Double?, _ target: String, fmt: (Double?) -> String) {
            s += "| \(name) | \(fmt(a)) | \(fmt(b)) | \(fmt(c)) | \(ratio(a, b)) | \(ratio(a, c)) | \(target) |\n"
        }
        row("index MB/s (text MB / wall s)", niRate, nvRate, tvRate, "≥ 1.5× naive, ≥ Tantivy") { f($0) }
        row("index wall time, s", niSec, nvSec, tvSec, "") { f($0) }
        let cr = cpuRates
        row("index MB per CPU-second (all threads, user + system)", cr.ni, cr.naive, cr.tantivy, "") { f($0) }
        if let t = r.tantivy, let e = r.export {
            s += "| Tantivy: of which Python decoding, s; the bench's paragraph export (parsing), s | | | \(f(t.decodeSeconds)); \(f(e.seconds)) | | | |\n"
        }
        row("index size, MB", niSize, nvSize, tvSize, "") { f($0) }
        row("index size / text size", niSize / mb, nvSize.map { $0 / mb }, tvSize.map { $0 / mb }, "≤ 1.25") { f($0, 2) }
        row("peak RSS while indexing, MB", rss(r.ni?.peakRSSKB), rss(r.naive?.peakRSSKB), rss(r.tantivy?.peakRSSKB), "≤ 150") { f($0) }
        row("query p50, ms", Report.percentile(niLat, 50), Report.percentile(nvLat, 50), Report.percentile(tvLat, 50), "≤ 1") { ms($0) }
        row("query p95, ms", Report.percentile(niLat, 95), Report.percentile(nvLat, 95), Report.percentile(tvLat, 95), "≤ 5") { ms($0) }
        row("query max, ms", niLat.max(), nvLat.max(), tvLat.max(), "") { ms($0) }
        let niCPU = cpuLatencies(r.niQueries), nvCPU = cpuLatencies(r.naiveQueries), tvCPU = cpuLatencies(r.tantivyQueries)
        row("query CPU p50, ms (process, all threads)", Report.percentile(niCPU, 50), Report.percentile(nvCPU, 50), Report.percentile(tvCPU, 50), "") { ms($0) }
        row("query CPU p95, ms", Report.percentile(niCPU, 95), Report.percentile(nvCPU, 95), Report.percentile(tvCPU, 95), "") { ms($0) }
        row("open for querying, ms", r.niQueries?.openMS, r.naiveQueries?.openMS, r.tantivyQueries?.openMS, "") { ms($0) }
        row("peak RSS while querying, MB", rss(r.niQueries?.peakRSSKB), rss(r.naiveQueries?.peakRSSKB), rss(r.tantivyQueries?.peakRSSKB), "") { f($0) }
        if let n = r.noChange {
            s += "| no-change reindex, s (peak RSS MB) | \(f(n.seconds, 2)) (\(f(rss(n.peakRSSKB)))) | | | | | ≤ 2 s |\n"
        }
        if let o = r.onePercent {
            s += "| 1%-changed reindex (\(r.changedFiles) files), s (peak RSS MB) | \(f(o.seconds, 2)) (\(f(rss(o.peakRSSKB)))) | | | | | |\n"
        }
        let cold = coldLatencies
        if let c = r.coldQueries {
            let fails = c.exitStatus.filter { $0 > 1 }.count
            s += "| CLI as a whole process, p50 / p95 / max ms (`\(c.command)`, each query median of \(c.ms.first?.count ?? 0)\(fails > 0 ? "; \(fails) failed" : "")) | "
            s += "\(ms(Report.percentile(cold, 50))) / \(ms(Report.percentile(cold, 95))) / \(ms(cold.max())) | | | | | p50 ≤ 25 |\n"
            s += "| the same, CPU ms (user + system) p50 / p95 | \(ms(Report.percentile(coldCPU, 50))) / \(ms(Report.percentile(coldCPU, 95))) | | | | | |\n"
        }
        let before = coldBeforeLatencies
        if !before.isEmpty {
            s += "| the same, `--cli-before` binary (alternating query by query), p50 / p95 / max ms | "
            s += "\(ms(Report.percentile(before, 50))) / \(ms(Report.percentile(before, 95))) / \(ms(before.max())) | | | | | |\n"
            s += "| the same, `--cli-before`, CPU ms p50 / p95 | \(ms(Report.percentile(coldBeforeCPU, 50))) / \(ms(Report.percentile(coldBeforeCPU, 95))) | | | | | |\n"
        }
        var notes: [String] = []
        if let ni = r.ni, ni.failed > 0 { notes.append("NoticeIndex refused \(ni.failed) files (first: \(ni.firstFailure ?? "?"))") }
        if let o = r.onePercent, o.changed != r.changedFiles { notes.append("1% reindex saw \(o.changed) changed of \(r.changedFiles) touched") }
        if let n = r.noChange, n.new + n.changed > 0 { notes.append("no-change reindex re-indexed \(n.new + n.changed) files") }
        if !notes.isEmpty { s += "\nNotes: " + notes.joined(separator: "; ") + ".\n" }

        s += "\n| # | kind | query | options | NoticeIndex ms | notices matched (shown) | CLI ms | naive ms | paragraphs matched (shown) | Tantivy ms | paragraphs matched (shown) | NI / naive | NI / Tantivy | peers' query (naive MATCH) |\n"
        s += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        for (i, q) in r.queries.enumerated() {
            let a = r.niQueries?.queries[safe: i], b = r.naiveQueries?.queries[safe: i], c = r.tantivyQueries?.queries[safe: i]
            let med = { (x: QueryTimings.One?) -> Double? in x.flatMap { $0.error == nil ? Report.median($0.ms) : nil } }
            let cell = { (x: QueryTimings.One?) -> String in x?.error.map { "error: " + $0.prefix(60) } ?? self.ms(med(x)) }
            let counts = { (x: QueryTimings.One?) -> String in x.map { "\($0.matches) (\($0.returned))" } ?? "–" }
            let text = q.text.isEmpty ? "" : "`\(q.text.replacingOccurrences(of: "|", with: "\\|"))`"
            let opts = q.options.isEmpty ? "" : "`\(q.options)`"
            let naiveNote = [q.naive.isEmpty ? "" : "`\(q.naive.replacingOccurrences(of: "|", with: "\\|"))`", q.approx.isEmpty ? "" : "† " + q.approx]
                .filter { !$0.isEmpty }.joined(separator: " ")
            let cli = r.coldQueries?.ms[safe: i].flatMap { Report.median($0) }
            s += "| \(i + 1) | \(q.kind) | \(text) | \(opts) | \(cell(a)) | \(counts(a)) | \(ms(cli)) | "
            s += "\(cell(b)) | \(counts(b)) | \(cell(c)) | \(counts(c)) | \(ratio(med(a), med(b))) | \(ratio(med(a), med(c))) | \(naiveNote) |\n"
        }
        s += "\n† the peers cannot apply this filter; they run the MATCH shown instead, so their counts are not comparable.\n"
        return s
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
