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

    func f(_ x: Double?, _ digits: Int = 1) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "–" }
    func ms(_ x: Double?) -> String {
        guard let x else { return "–" }
        return x < 10 ? String(format: "%.2f", x) : String(format: "%.1f", x)
    }
    func ratio(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, b > 0 else { return "–" }
        return String(format: "%.2f×", a / b)
    }

    var markdown: String {
        let mb = Double(r.textBytes) / 1e6
        let niSec = r.ni?.seconds, nvSec = r.naive?.seconds
        let niRate = niSec.map { mb / $0 }, nvRate = nvSec.map { mb / $0 }
        let niSize = Double(r.niBytes) / 1e6, nvSize = r.naive == nil ? nil : Double(r.naiveBytes) / 1e6
        let niLat = latencies(r.niQueries), nvLat = latencies(r.naiveQueries)
        let rss = { (kb: Int?) -> Double? in kb.map { Double($0) / 1024 } }
        let okQueries = niLat.count
        var s = ""
        s += "Corpus: \(r.files) notices, \(f(mb)) MB of text"
        if let m = r.manifest { s += " (generated: seed \(m.seed), \(m.lexiconSize) filler words in the lexicon, \(m.authorities) authorities)" }
        s += "; \(r.ni?.paragraphs ?? 0) paragraphs in NoticeIndex, \(r.naive?.paragraphs ?? 0) rows in the baseline.\n"
        s += "Machine: \(r.machine). Date: \(r.date). Queries: \(r.queries.count) (\(okQueries) ran without error), 1 warm-up + \(r.reps) timed runs each.\n\n"
        s += "| measure | NoticeIndex | naive FTS5 | NoticeIndex / naive | issue 6 target |\n|---|---|---|---|---|\n"
        s += "| index MB/s (text MB / wall s) | \(f(niRate)) | \(f(nvRate)) | \(ratio(niRate, nvRate)) | ≥ 17.5 |\n"
        s += "| index wall time, s | \(f(niSec)) | \(f(nvSec)) | \(ratio(niSec, nvSec)) | |\n"
        s += "| index size, MB (db + wal) | \(f(niSize)) | \(f(nvSize)) | \(ratio(niSize, nvSize)) | |\n"
        s += "| index size / text size | \(f(niSize / mb, 2)) | \(f(nvSize.map { $0 / mb }, 2)) | | ≤ 1.3 |\n"
        s += "| peak RSS while indexing, MB | \(f(rss(r.ni?.peakRSSKB))) | \(f(rss(r.naive?.peakRSSKB))) | \(ratio(rss(r.ni?.peakRSSKB), rss(r.naive?.peakRSSKB))) | ≤ 150 |\n"
        s += "| query p50, ms | \(ms(Report.percentile(niLat, 50))) | \(ms(Report.percentile(nvLat, 50))) | \(ratio(Report.percentile(niLat, 50), Report.percentile(nvLat, 50))) | ≤ 2 |\n"
        s += "| query p95, ms | \(ms(Report.percentile(niLat, 95))) | \(ms(Report.percentile(nvLat, 95))) | \(ratio(Report.percentile(niLat, 95), Report.percentile(nvLat, 95))) | ≤ 10 |\n"
        s += "| query max, ms | \(ms(niLat.max())) | \(ms(nvLat.max())) | \(ratio(niLat.max(), nvLat.max())) | ≤ 50 |\n"
        s += "| open for querying, ms | \(ms(r.niQueries?.openMS)) | \(ms(r.naiveQueries?.openMS)) | | |\n"
        s += "| peak RSS while querying, MB | \(f(rss(r.niQueries?.peakRSSKB))) | \(f(rss(r.naiveQueries?.peakRSSKB))) | | |\n"
        if let n = r.noChange {
            s += "| no-change reindex, s (peak RSS MB) | \(f(n.seconds, 2)) (\(f(rss(n.peakRSSKB)))) | | | ≤ 2 s |\n"
        }
        if let o = r.onePercent {
            s += "| 1%-changed reindex (\(r.changedFiles) files), s (peak RSS MB) | \(f(o.seconds, 2)) (\(f(rss(o.peakRSSKB)))) | | | |\n"
        }
        if let c = r.cold {
            s += "| cold CLI `\(c.command)`, median of 5, ms | \(ms(Report.median(c.ms))) (exit \(c.exitStatus)) | | | ≤ 100 |\n"
        }
        var notes: [String] = []
        if let ni = r.ni, ni.failed > 0 { notes.append("NoticeIndex refused \(ni.failed) files (first: \(ni.firstFailure ?? "?"))") }
        if let o = r.onePercent, o.changed != r.changedFiles { notes.append("1% reindex saw \(o.changed) changed of \(r.changedFiles) touched") }
        if let n = r.noChange, n.new + n.changed > 0 { notes.append("no-change reindex re-indexed \(n.new + n.changed) files") }
        if !notes.isEmpty { s += "\nNotes: " + notes.joined(separator: "; ") + ".\n" }

        s += "\n| # | kind | query | options | NoticeIndex ms | notices matched (shown) | naive ms | paragraphs matched (shown) | NI / naive | baseline approximation |\n"
        s += "|---|---|---|---|---|---|---|---|---|---|\n"
        for (i, q) in r.queries.enumerated() {
            let a = r.niQueries?.queries[safe: i], b = r.naiveQueries?.queries[safe: i]
            let am = a.flatMap { $0.error == nil ? Report.median($0.ms) : nil }
            let bm = b.flatMap { $0.error == nil ? Report.median($0.ms) : nil }
            let aCell = a?.error.map { "error: " + $0.prefix(60) } ?? ms(am)
            let bCell = b?.error.map { "error: " + $0.prefix(60) } ?? ms(bm)
            let text = q.text.isEmpty ? "" : "`\(q.text.replacingOccurrences(of: "|", with: "\\|"))`"
            let opts = q.options.isEmpty ? "" : "`\(q.options)`"
            let naiveNote = [q.naive.isEmpty ? "" : "`\(q.naive.replacingOccurrences(of: "|", with: "\\|"))`", q.approx.isEmpty ? "" : "† " + q.approx]
                .filter { !$0.isEmpty }.joined(separator: " ")
            s += "| \(i + 1) | \(q.kind) | \(text) | \(opts) | \(aCell) | \(a.map { "\($0.matches) (\($0.returned))" } ?? "–") | "
            s += "\(bCell) | \(b.map { "\($0.matches) (\($0.returned))" } ?? "–") | \(ratio(am, bm)) | \(naiveNote) |\n"
        }
        s += "\n† the baseline cannot apply this filter; it runs the MATCH shown instead, so its counts are not comparable.\n"
        return s
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
