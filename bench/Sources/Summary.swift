import Foundation

/// `summarize --results a.json,b.json,…`: one row per run (`results.json` files written by `run`),
/// the per-shape table with both peers and the issue 14 targets met or missed.
enum Summary {
    static func run(_ args: Arguments) throws {
        let paths = try args.required("results").split(separator: ",").map(String.init)
        let runs = try paths.map { try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: $0))) }
        print(table(runs.map(Report.init)))
    }

    static func table(_ reports: [Report]) -> String {
        var s = "| shape | notices | text MB | KB / notice | NI MB/s | naive MB/s | Tantivy MB/s | NI / naive | NI / Tantivy | NI p50 / p95 ms | naive p50 / p95 ms | Tantivy p50 / p95 ms | CLI p50 / p95 ms (before) | CLI CPU p50 ms (before) | NI RSS indexing MB | NI size / text | Tantivy size / text | load before / after |\n"
        s += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        var cpu = "| shape | NI / naive / Tantivy MB per CPU-s | NI / naive (CPU) | NI / Tantivy (CPU) | query CPU p50 / p95 ms: NI | naive | Tantivy | CLI CPU p50 ms (before) | load before / after |\n|---|---|---|---|---|---|---|---|---|\n"
        var checks = "| shape | index ≥ 1.5× naive | index ≥ Tantivy | p50 ≤ 1 ms | p95 ≤ 5 ms | CLI p50 ≤ 25 ms | RSS ≤ 150 MB | size ≤ 1.25× |\n|---|---|---|---|---|---|---|---|\n"
        for rep in reports {
            let r = rep.r
            let mb = Double(r.textBytes) / 1e6
            let ni = r.ni.map { mb / $0.seconds }, nv = r.naive.map { mb / $0.seconds }, tv = r.tantivy.map { mb / $0.seconds }
            let niLat = rep.latencies(r.niQueries), nvLat = rep.latencies(r.naiveQueries), tvLat = rep.latencies(r.tantivyQueries)
            let cold = rep.coldLatencies
            let pair = { (l: [Double]) -> String in l.isEmpty ? "–" : "\(rep.ms(Report.percentile(l, 50))) / \(rep.ms(Report.percentile(l, 95)))" }
            let rss = r.ni.map { Double($0.peakRSSKB) / 1024 }
            let size = Double(r.niBytes) / 1e6 / mb
            let tvSize = r.tantivy.map { Double($0.bytes) / 1e6 / mb }
            s += "| \(r.label) | \(r.files) | \(rep.f(mb)) | \(rep.f(Double(r.textBytes) / Double(max(1, r.files)) / 1000)) | \(rep.f(ni)) | \(rep.f(nv)) | \(rep.f(tv)) | "
            s += "\(rep.ratio(ni, nv)) | \(rep.ratio(ni, tv)) | \(pair(niLat)) | \(pair(nvLat)) | \(pair(tvLat)) | \(pair(cold))\(rep.coldBeforeLatencies.isEmpty ? "" : " (\(pair(rep.coldBeforeLatencies)))") | \(rep.ms(Report.percentile(rep.coldCPU, 50)))\(rep.coldBeforeCPU.isEmpty ? "" : " (\(rep.ms(Report.percentile(rep.coldBeforeCPU, 50))))") | \(rep.f(rss)) | \(rep.f(size, 2)) | \(rep.f(tvSize, 2)) | \(r.loadBefore) / \(r.loadAfter) |\n"
            let cr = rep.cpuRates
            let niC = rep.cpuLatencies(r.niQueries), nvC = rep.cpuLatencies(r.naiveQueries), tvC = rep.cpuLatencies(r.tantivyQueries)
            cpu += "| \(r.label) | \(rep.f(cr.ni)) / \(rep.f(cr.naive)) / \(rep.f(cr.tantivy)) | \(rep.ratio(cr.ni, cr.naive)) | \(rep.ratio(cr.ni, cr.tantivy)) | "
            cpu += "\(pair(niC)) | \(pair(nvC)) | \(pair(tvC)) | \(rep.ms(Report.percentile(rep.coldCPU, 50)))\(rep.coldBeforeCPU.isEmpty ? "" : " (\(rep.ms(Report.percentile(rep.coldBeforeCPU, 50))))") | \(r.loadBefore) / \(r.loadAfter) |\n"
            func mark(_ ok: Bool?) -> String { ok.map { $0 ? "yes" : "**no**" } ?? "–" }
            let p50 = Report.percentile(niLat, 50), p95 = Report.percentile(niLat, 95), c50 = Report.percentile(cold, 50)
            checks += "| \(r.label) | \(mark(ni.flatMap { a in nv.map { a >= 1.5 * $0 } })) (\(rep.ratio(ni, nv))) | \(mark(ni.flatMap { a in tv.map { a >= $0 } })) (\(rep.ratio(ni, tv))) | "
            checks += "\(mark(p50.map { $0 <= 1 })) (\(rep.ms(p50))) | \(mark(p95.map { $0 <= 5 })) (\(rep.ms(p95))) | \(mark(c50.map { $0 <= 25 })) (\(rep.ms(c50))) | "
            checks += "\(mark(rss.map { $0 <= 150 })) (\(rep.f(rss))) | \(mark(size <= 1.25)) (\(rep.f(size, 2))) |\n"
        }
        return s + "\n" + cpu + "\n" + checks
    }
}
