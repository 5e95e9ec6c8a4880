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

    /// Text from the index or the user, made inert: an ESC in a file name must not reach the terminal.
    func safe(_ s: String) -> String { Printable.escaped(s) }

    func headline(_ r: NoticeRecord) -> String {
        var parts = [bold(safe(r.id))]
        parts.append(safe(r.date ?? "undated"))
        if let a = r.authority { parts.append(safe(a)) }
        if let l = r.law { parts.append(safe(l)) }
        if let o = r.outcome { parts.append(safe(o)) }
        return parts.joined(separator: " · ")
    }

    /// "1 notice matches", "12 notices match".
    static func matchCount(_ n: Int) -> String { n == 1 ? "1 notice matches" : "\(n) notices match" }

    func printResults(_ response: SearchResponse) {
        let asked = response.query.trimmingCharacters(in: .whitespaces).isEmpty
            ? response.filterSummary : "\"\(response.query)\"" + (response.filterSummary.isEmpty ? "" : " with " + response.filterSummary)
        if response.total == 0 {
            print("No notices match \(safe(asked)).")
            if !response.absent.isEmpty {
                let names = response.absent.map { $0.hasPrefix("\"") ? $0 : "\"\($0)\"" }
                let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
                print(safe(list) + (names.count == 1 ? " appears" : " appear") + " in no notice.")
            }
        }
        if !response.suggestions.isEmpty {
            let hints = response.suggestions.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.joined(separator: ", "))" }
            var line = "Did you mean: " + safe(hints.joined(separator: "; ")) + "?"
            if let fixed = response.correctedQuery { line += "  Try: search '\(safe(fixed))'" }
            print(line)
        }
        if !response.results.isEmpty, response.total == 0 || !response.suggestions.isEmpty { print("") }
        for (i, r) in response.results.enumerated() {
            printResult(r, number: response.offset + i + 1)
        }
        if let f = response.facets { printFacets(f) }
        if response.total > 0 {
            let shown = response.results.count
            let range = shown == 0 ? "showing none" : response.offset == 0 ? "showing \(shown)" : "showing \(response.offset + 1)–\(response.offset + shown)"
            print(dim("\(Self.matchCount(response.total)); \(range)."))
        }
        if !response.partial.isEmpty {
            var missing: [String] = []
            for r in response.partial { for m in r.missing ?? [] where !missing.contains(m) { missing.append(m) } }
            print("")
            print(bold("Not a match: \(response.partialTotal) notice\(response.partialTotal == 1 ? " has" : "s have") only some of the words") + " (missing: " + safe(missing.joined(separator: ", ")) + ")")
            print("")
            for (i, r) in response.partial.enumerated() {
                printResult(r, number: max(response.offset, response.total) + i + 1, missing: r.missing)
            }
        }
    }

    func printResult(_ r: NoticeRecord, number: Int, missing: [String]? = nil) {
        print("\(number). " + headline(r))
        if let missing, !missing.isEmpty { print("   missing: " + safe(missing.joined(separator: ", "))) }
        if !r.provisions.isEmpty { print("   provisions: " + safe(provisionList(r))) }
        if !r.cases.isEmpty {
            print("   cites: " + safe(r.cases.map { c in c.name.map { "\($0) \(c.key)" } ?? c.key }.joined(separator: "; ")))
        }
        for p in r.paragraphs {
            print("   " + bold("¶\(p.number)") + (p.heading.isEmpty ? "" : " " + safe(p.heading)))
            let text = p.segments.map { $0.marked ? (color ? bold(safe($0.text)) : "[\(safe($0.text))]") : safe($0.text) }.joined()
            print("      " + text)
        }
        print(dim("   " + safe(r.citation)))
        print(dim("   " + safe(r.file)))
        print("")
    }

    /// Provisions relied on, each with its finding when the notice decides it: `s31(3) (not upheld) s10`.
    func provisionList(_ r: NoticeRecord) -> String {
        let findings = r.findings ?? []
        return r.provisions.map { p in
            let decided = findings.filter { $0.provision == p }.map(\.finding)
            return decided.isEmpty ? p : "\(p) (\(decided.joined(separator: ", ")))"
        }.joined(separator: " ")
    }

    func printFacets(_ f: Facets) {
        for (name, values) in [("provisions", f.provisions), ("authorities", f.authorities), ("outcomes", f.outcomes), ("years", f.years)]
        where !values.isEmpty {
            print(bold(name) + ": " + safe(values.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")))
        }
        print("")
    }

    /// `s43(2): not upheld  ¶4 "correctly applied section 43(2) to …"` — the finding and the clause it was
    /// read from, so a reader can check it in one look.
    func findingLine(_ f: FindingSummary, in paragraphs: [ParagraphText]) -> String {
        var line = safe("\(f.provision): \(f.finding)")
        guard let n = f.paragraph else { return line }
        line += "  " + dim("¶\(n)")
        if let p = paragraphs.first(where: { $0.number == n }), let a = f.start, let b = f.end {
            let bytes = Array(p.text.utf8)
            if a >= 0, a < b, b <= bytes.count {
                var clause = String(decoding: bytes[a..<b], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if clause.count > 110 { clause = String(clause.prefix(107)) + "…" }
                line += " \"" + safe(clause) + "\""
            }
        }
        return line
    }

    func printNotice(_ r: NoticeRecord, paragraph: Int? = nil) {
        print(headline(r))
        if let ref = r.reference { print("reference: \(safe(ref))") }
        if !r.provisions.isEmpty { print("provisions: " + safe(r.provisions.joined(separator: " "))) }
        if let findings = r.findings, !findings.isEmpty {
            print("findings:")
            for f in findings { print("  " + findingLine(f, in: r.fullParagraphs ?? [])) }
        }
        for c in r.cases { print("cites: \(safe(c.key))" + (c.name.map { " — \(safe($0))" } ?? "")) }
        for w in r.warnings ?? [] { print(dim("parse warning: \(safe(w))")) }
        print("citation: " + safe(paragraph.map { "\(r.citation), para \($0)" } ?? r.citation))
        print(dim(safe(r.file)))
        var lastHeading = ""
        for p in r.fullParagraphs ?? [] {
            if p.heading != lastHeading, !p.heading.isEmpty {
                print("\n" + bold(safe(p.heading)))
                lastHeading = p.heading
            }
            print("\n" + bold("¶\(p.number)") + " " + Printable.escaped(p.text, keepNewlines: true))
        }
    }

    func printCases(_ list: CasesResponse) {
        for c in list.cases {
            print(String(format: "%4d  ", c.count) + bold(safe(c.key)) + (c.name.map { "  \(safe($0))" } ?? ""))
            print("      " + dim(safe(c.notices.prefix(8).joined(separator: ", ") + (c.notices.count > 8 ? ", …" : ""))))
        }
        if list.total > list.cases.count {
            print(dim("showing \(list.cases.count) of \(list.total) cases, most cited first; --limit \(list.total) lists them all"))
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
