import Foundation
import NoticeIndex

/// Output for people: one block per notice, matches in bold on a terminal (plain when piped or when
/// NO_COLOR is set).
struct TerminalOutput {
    let color: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        color = isatty(1) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    func headline(_ r: NoticeRecord) -> String {
        var parts = [bold(r.id)]
        parts.append(r.date ?? "undated")
        if let a = r.authority { parts.append(a) }
        if let l = r.law { parts.append(l) }
        if let o = r.outcome { parts.append(o) }
        return parts.joined(separator: " · ")
    }

    func printResults(_ response: SearchResponse, limit: Int) {
        if response.total == 0 {
            var line = "No notices match \"\(response.query)\"."
            let hints = response.suggestions.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.joined(separator: ", "))" }
            if !hints.isEmpty { line += " Did you mean: " + hints.joined(separator: "; ") + "?" }
            print(line)
        }
        for (i, r) in response.results.enumerated() {
            print("\(i + 1). " + headline(r))
            if !r.provisions.isEmpty { print("   provisions: " + r.provisions.joined(separator: " ")) }
            if !r.cases.isEmpty {
                print("   cites: " + r.cases.map { c in c.name.map { "\($0) \(c.key)" } ?? c.key }.joined(separator: "; "))
            }
            for p in r.paragraphs {
                print("   " + bold("¶\(p.number)") + (p.heading.isEmpty ? "" : " " + p.heading))
                let text = p.segments.map { $0.marked ? (color ? bold($0.text) : "[\($0.text)]") : $0.text }.joined()
                print("      " + text)
            }
            print(dim("   " + r.file))
            print("")
        }
        if let f = response.facets { printFacets(f) }
        if response.total > 0 {
            let shown = min(limit, response.results.count)
            print(dim("\(response.total) notice\(response.total == 1 ? "" : "s") match; showing \(shown)."))
        }
    }

    func printFacets(_ f: Facets) {
        for (name, values) in [("provisions", f.provisions), ("authorities", f.authorities), ("outcomes", f.outcomes), ("years", f.years)]
        where !values.isEmpty {
            print(bold(name) + ": " + values.map { "\($0.0) (\($0.1))" }.joined(separator: ", "))
        }
        print("")
    }

    /// `s43(2): not upheld  ¶4 "correctly applied section 43(2) to …"` — the finding and the clause it was
    /// read from, so a reader can check it in one look.
    func findingLine(_ f: FindingSummary, in paragraphs: [ParagraphText]) -> String {
        var line = "\(f.provision): \(f.finding)"
        guard let n = f.paragraph else { return line }
        line += "  " + dim("¶\(n)")
        if let p = paragraphs.first(where: { $0.number == n }), let a = f.start, let b = f.end {
            let bytes = Array(p.text.utf8)
            if a >= 0, a < b, b <= bytes.count {
                var clause = String(decoding: bytes[a..<b], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if clause.count > 110 { clause = String(clause.prefix(107)) + "…" }
                line += " \"" + clause + "\""
            }
        }
        return line
    }

    func printNotice(_ r: NoticeRecord) {
        print(headline(r))
        if let ref = r.reference { print("reference: \(ref)") }
        if !r.provisions.isEmpty { print("provisions: " + r.provisions.joined(separator: " ")) }
        if let findings = r.findings, !findings.isEmpty {
            print("findings:")
            for f in findings { print("  " + findingLine(f, in: r.fullParagraphs ?? [])) }
        }
        for c in r.cases { print("cites: \(c.key)" + (c.name.map { " — \($0)" } ?? "")) }
        for w in r.warnings ?? [] { print(dim("parse warning: \(w)")) }
        print(dim(r.file))
        var lastHeading = ""
        for p in r.fullParagraphs ?? [] {
            if p.heading != lastHeading, !p.heading.isEmpty {
                print("\n" + bold(p.heading))
                lastHeading = p.heading
            }
            print("\n" + bold("¶\(p.number)") + " " + p.text)
        }
    }

    func printCases(_ cases: [CitedCase]) {
        for c in cases {
            print(String(format: "%4d  ", c.count) + bold(c.key) + (c.name.map { "  \($0)" } ?? ""))
            print("      " + dim(c.notices.prefix(8).joined(separator: ", ") + (c.notices.count > 8 ? ", …" : "")))
        }
    }

    /// "\r 120/2500 files · 4.1 MB/s · ETA 40 s" on stderr.
    static let progressLine: @Sendable (IndexProgress) -> Void = { p in
        let mbps = p.elapsed > 0 ? Double(p.bytes) / 1_048_576 / p.elapsed : 0
        let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let line = String(format: "\r\u{1B}[K%d/%d files · %.1f MB/s · ETA %.0f s", p.done, p.total, mbps, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
