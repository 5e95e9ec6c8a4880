import Foundation
import NoticeIndex

/// The whole notice (`/notices/{id}`): header, a citation line to copy, findings, provisions, cited
/// cases, then every numbered paragraph with an anchor (`#p56`) under its heading path. Reached from a
/// search (`?q=`), the query's matches are marked the way the search marked its snippets.
struct NoticePage {
    let record: NoticeRecord
    /// Each paragraph's text as segments (marked where the query matched); nil: no query.
    let marked: [[SnippetSegment]]?
    let query: String

    func render() -> String {
        let r = record
        let name = r.reference ?? r.id
        var out = "<article class=\"notice\"><h1>\(HTML.escape(name))</h1>"
        if !query.isEmpty {
            out += "<p><a href=\"\(HTML.href("/search", [("q", query)]))\">← back to the search for “\(HTML.escape(query))”</a></p>"
        }
        out += "<dl class=\"kv\">"
        func row(_ k: String, _ v: String?) { if let v { out += "<dt>\(k)</dt><dd>\(HTML.escape(v))</dd>" } }
        row("Reference", r.reference)
        row("Date", r.date)
        row("Authority", r.authority)
        row("Sector", r.sector)
        row("Law", r.law)
        row("Outcome", r.outcome)
        // The file name only: where the server keeps its files is not the reader's business.
        row("File", (r.file as NSString).lastPathComponent)
        out += "</dl>"
        out += "<h2>Citation</h2><p class=\"cite\">\(HTML.escape(r.citation.isEmpty ? Self.citation(r) : r.citation))</p>"
        if let findings = r.findings, !findings.isEmpty {
            out += "<h2>Findings</h2><ul class=\"findings\">"
            for f in findings {
                let cls = HTML.escape(f.finding.replacingOccurrences(of: " ", with: "-"))
                out += "<li><span class=\"tag \(cls)\">\(HTML.escape(f.provision))</span> \(HTML.escape(f.finding))"
                if let n = f.paragraph {
                    // Where the finding was read: a link to the paragraph and the words themselves.
                    out += " — <a href=\"#p\(n)\">¶\(n)</a>"
                    if let clause = Self.clause(f, in: r.fullParagraphs ?? []) { out += " <q>\(HTML.escape(clause))</q>" }
                }
                out += "</li>"
            }
            out += "</ul>"
        }
        if let warnings = r.warnings, !warnings.isEmpty {
            out += "<details class=\"warnings\"><summary>Parse warnings (\(warnings.count))</summary><ul>"
                + warnings.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul></details>"
        }
        if !r.provisions.isEmpty {
            out += "<h2>Provisions</h2><div class=\"tags\">" + r.provisions.map { p in
                "<a class=\"tag\" href=\"\(HTML.href("/search", [("provision", p)]))\">\(HTML.escape(p))</a>"
            }.joined() + "</div>"
        }
        if !r.cases.isEmpty {
            out += "<h2>Cases cited</h2><ul>" + r.cases.map { c in
                "<li><a href=\"\(HTML.href(HTML.casePath(c.key)))\">\(HTML.escape(c.key))</a>\(c.name.map { " — " + HTML.escape($0) } ?? "")</li>"
            }.joined() + "</ul>"
        }
        out += "<h2>Text</h2>"
        var lastHeading = ""
        for (i, p) in (r.fullParagraphs ?? []).enumerated() {
            if p.heading != lastHeading, !p.heading.isEmpty {
                out += "<h2 class=\"hp\">\(HTML.escape(p.heading))</h2>"
                lastHeading = p.heading
            }
            let text = marked.map { i < $0.count ? ResultHTML.marked($0[i]) : HTML.escape(p.text) } ?? HTML.escape(p.text)
            out += "<p class=\"np\" id=\"p\(p.number)\"><a class=\"pn\" href=\"#p\(p.number)\">\(p.number).</a>\(text)</p>"
        }
        out += "</article>"
        return HTML.page(title: name, query: query, body: out)
    }

    /// The words a finding was read from: its UTF-8 byte span in the paragraph, shortened for the list.
    static func clause(_ f: FindingSummary, in paragraphs: [ParagraphText]) -> String? {
        guard let n = f.paragraph, let a = f.start, let b = f.end, let p = paragraphs.first(where: { $0.number == n }) else { return nil }
        let bytes = Array(p.text.utf8)
        guard a >= 0, a < b, b <= bytes.count else { return nil }
        let text = String(decoding: bytes[a..<b], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 160 ? String(text.prefix(157)) + "…" : text
    }

    /// "Authority, ICO decision notice REF, 8 February 2024": the line to paste when the library gave none.
    static func citation(_ r: NoticeRecord) -> String {
        var parts: [String] = []
        if let a = r.authority { parts.append(a) }
        parts.append("ICO decision notice \(r.reference ?? r.id)")
        if let d = r.date { parts.append(longDate(d)) }
        return parts.joined(separator: ", ")
    }

    static func longDate(_ iso: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        let p = iso.split(separator: "-")
        guard p.count == 3, let m = Int(p[1]), (1...12).contains(m), let d = Int(p[2]) else { return iso }
        return "\(d) \(months[m - 1]) \(p[0])"
    }
}

/// `/cases`: case law cited across the index, most cited first.
struct CasesPage {
    let cases: [CitedCase]
    var name = ""

    func render() -> String {
        var out = """
            <h1>Case law cited in decision notices</h1>
            <form action="/cases" method="get"><p><input type="search" name="q" value="\(HTML.escape(name))"
            aria-label="Case name or citation" placeholder="Dransfield, [2016] UKUT 535 (AAC), EA/2018/0164">
            <button type="submit">Find cases</button></p></form>
            """
        out += "<table class=\"list\"><thead><tr><th>Case</th><th>Name</th><th>Citing notices</th></tr></thead><tbody>"
        for c in cases {
            out += "<tr><td><a href=\"\(HTML.href(HTML.casePath(c.key)))\">\(HTML.escape(c.key))</a></td>"
                + "<td>\(HTML.escape(c.name ?? ""))</td><td>\(c.count)</td></tr>"
        }
        out += "</tbody></table>"
        if cases.isEmpty {
            out += "<p class=\"summary\">" + (name.isEmpty ? "No case law is cited in this index." : "No cited case matches “\(HTML.escape(name))”.") + "</p>"
        }
        return HTML.page(title: "Case law", body: out)
    }

    /// The heading of `/cases/{key}`, above the citing notices (a search filtered on the case).
    static func intro(_ c: CitedCase) -> String {
        """
        <h1>\(HTML.escape(c.name ?? c.key))</h1>
        <p class="summary">\(HTML.escape(c.key)) · cited by \(c.count) notice\(c.count == 1 ? "" : "s")
        · <a href="\(HTML.href("/api/cases/" + QueryString.encode(c.key)))">JSON</a></p>
        """
    }
}
