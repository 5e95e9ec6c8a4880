import Foundation
import NoticeIndex

/// The search page (`/` and `/search`): the query box keeping the query, filters as form fields, facets
/// as links that add a filter, a chart of matches by year and outcome, the matching notices with their
/// pinpointed paragraphs, then notices with only some of the words, apart. Driven by the library's
/// `SearchResponse`, so fields the library adds show up by adding a line here.
struct SearchPage {
    let params: SearchParameters
    let response: SearchResponse?
    /// Where the form and paging links point (`/search`, or `/cases/{key}` for a case's citing notices).
    var action = "/search"
    var title: String?
    var intro = ""

    func render() -> String {
        let heading = title ?? (params.q.isEmpty ? (params.hasFilters ? "Filtered notices" : "Search ICO decision notices") : params.q)
        var body = intro
        body += "<div class=\"layout\"><aside>\(facetsHTML())</aside><section class=\"results\">"
        body += filtersForm()
        if let response {
            body += summary(response)
            body += didYouMean(response)
            body += ChartSVG(counts: Self.chartCounts(response)).render()
            body += resultsHTML(response)
            body += pager(response)
        } else {
            body += """
                <p class="summary">Type words, phrases in quotes, or provisions in any spelling
                (<a href="/search?q=section+31%283%29+NCND">section 31(3) NCND</a>,
                <a href="/search?q=%22manifestly+unreasonable%22+reg+12%284%29%28b%29">"manifestly unreasonable" reg 12(4)(b)</a>),
                or filter by provision, authority, outcome, law, cited case and date.</p>
                """
        }
        body += "</section></div>"
        return HTML.page(title: heading, query: params.q, headerSearch: false, body: body)
    }

    /// The strict matches per year and outcome slug, from the facets.
    static func chartCounts(_ r: SearchResponse) -> [String: [String: Int]] {
        (r.facets?.yearsByOutcome ?? [:]).mapValues { byOutcome in
            Dictionary(byOutcome.map { ($0.key.replacingOccurrences(of: " ", with: "-"), $0.value) }, uniquingKeysWith: +)
        }
    }

    /// A link to this search with `change` applied (a filter added, another page), paging reset unless
    /// the change sets it.
    func link(_ change: (inout SearchParameters) -> Void) -> String {
        var p = params
        p.offset = 0
        p.facets = false
        change(&p)
        return HTML.href(action, p.pairs())
    }

    private func facetsHTML() -> String {
        guard let f = response?.facets, response?.total ?? 0 > 0 else { return "" }
        var out = ""
        func list(_ title: String, _ values: [(String, Int)], _ add: (String) -> ((inout SearchParameters) -> Void)?) {
            guard !values.isEmpty else { return }
            out += "<h2>\(HTML.escape(title))</h2><ul class=\"facet\">"
            for (name, n) in values.prefix(12) {
                if let change = add(name) {
                    out += "<li><a href=\"\(link(change))\">\(HTML.escape(name))</a><span class=\"n\">\(n)</span></li>"
                } else {
                    out += "<li><span>\(HTML.escape(name))</span><span class=\"n\">\(n)</span></li>"
                }
            }
            out += "</ul>"
        }
        list("Provisions", f.provisions) { name in
            params.provisions.contains(name) ? nil : { $0.provisions.append(name) }
        }
        list("Outcomes", f.outcomes) { name in
            name == "unknown" || params.outcome != nil ? nil : { $0.outcome = name.replacingOccurrences(of: " ", with: "-") }
        }
        list("Authorities", f.authorities) { name in
            // A notice has one authority and each given must match: a second would empty the list.
            name == "unknown" || !params.authorities.isEmpty ? nil : { $0.authorities.append(name) }
        }
        list("Years", f.years) { name in
            Int(name) == nil ? nil : { $0.since = name; $0.until = name }
        }
        return out
    }

    private func filtersForm() -> String {
        func field(_ label: String, _ name: String, _ value: String?, placeholder: String) -> String {
            "<label>\(label)<input name=\"\(name)\" value=\"\(HTML.escape(value ?? ""))\" placeholder=\"\(HTML.escape(placeholder))\"></label>"
        }
        func select(_ label: String, _ name: String, _ value: String?, _ options: [(String, String)], any: Bool = true) -> String {
            var s = "<label>\(label)<select name=\"\(name)\">" + (any ? "<option value=\"\">any</option>" : "")
            for (v, text) in options {
                let selected = value.map { SearchParameters.normalisedChoice($0) == v } ?? false
                s += "<option value=\"\(v)\"\(selected ? " selected" : "")>\(text)</option>"
            }
            return s + "</select></label>"
        }
        var repeated = ""
        // Second and later values of repeatable filters are kept as hidden fields (shown as facets applied).
        for p in params.provisions.dropFirst() { repeated += "<input type=\"hidden\" name=\"provision\" value=\"\(HTML.escape(p))\">" }
        for a in params.authorities.dropFirst() { repeated += "<input type=\"hidden\" name=\"authority\" value=\"\(HTML.escape(a))\">" }
        for c in params.cites.dropFirst() { repeated += "<input type=\"hidden\" name=\"cites\" value=\"\(HTML.escape(c))\">" }
        for f in params.findings.dropFirst() { repeated += "<input type=\"hidden\" name=\"finding\" value=\"\(HTML.escape(f))\">" }
        return """
            <form class="searchform" action="\(HTML.escape(action))" method="get">
            <p><input type="search" name="q" value="\(HTML.escape(params.q))" aria-label="Search ICO decision notices" size="60" placeholder="section 31(3) NCND" autofocus>
            <button type="submit">Search</button></p>
            <details class="filters"\(params.hasFilters ? " open" : "")><summary>Filters</summary>
            \(field("Provision", "provision", params.provisions.first, placeholder: "31(3), reg 12(4)(b)"))
            \(field("Authority", "authority", params.authorities.first, placeholder: "MPS, Home Office"))
            \(select("Outcome", "outcome", params.outcome, [("upheld", "upheld"), ("partly-upheld", "partly upheld"), ("not-upheld", "not upheld")]))
            \(select("Law", "law", params.law, [("foia", "FOIA"), ("eir", "EIR")]))
            \(field("Cites", "cites", params.cites.first, placeholder: "Savic, [2016] UKUT 535 (AAC)"))
            \(field("Finding", "finding", params.findings.first, placeholder: "14(1)=not-upheld"))
            \(field("Since", "since", params.since, placeholder: "YYYY or YYYY-MM-DD"))
            \(field("Until", "until", params.until, placeholder: "YYYY or YYYY-MM-DD"))
            \(select("Sort", "sort", params.sort, [("relevance", "relevance"), ("newest", "newest first"), ("oldest", "oldest first")], any: false))
            \(repeated)
            </details></form>
            """
    }

    private func summary(_ r: SearchResponse) -> String {
        guard r.total > 0 else {
            let what = params.q.isEmpty ? "these filters" : "“\(HTML.escape(params.q))”"
            var line = "<p class=\"summary\">No notices match \(what)."
            if r.partialTotal > 0 { line += " \(r.partialTotal) have some of the words (below)." }
            if !r.absent.isEmpty {
                // The same words the terminal prints: which required terms no indexed notice holds.
                let names = r.absent.map { "“\(HTML.escape($0.hasPrefix("\"") ? String($0.dropFirst().dropLast()) : $0))”" }
                let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
                line += " \(list) \(names.count == 1 ? "appears" : "appear") in no notice."
            }
            return line + "</p>"
        }
        let first = params.offset + 1
        let last = params.offset + r.results.count
        var s = "<p class=\"summary\"><strong>\(r.total)</strong> notice\(r.total == 1 ? "" : "s") match"
        if last >= first { s += " · showing \(first)–\(last)" }
        if r.partialTotal > 0 { s += " · \(r.partialTotal) more have only some of the words" }
        return s + "</p>"
    }

    /// "Did you mean": the corrected query first, then each word's alternatives.
    private func didYouMean(_ r: SearchResponse) -> String {
        guard !r.suggestions.isEmpty || r.correctedQuery != nil else { return "" }
        var queries: [String] = []
        if let corrected = r.correctedQuery { queries.append(corrected) }
        for (word, alternatives) in r.suggestions.sorted(by: { $0.key < $1.key }) {
            for alt in alternatives { queries.append(Self.replaceWord(word, with: alt, in: params.q)) }
        }
        var seen = Set<String>()
        let links = queries.filter { seen.insert($0).inserted && $0 != params.q }.prefix(6).map { q in
            "<a href=\"\(link { $0.q = q })\">\(HTML.escape(q))</a>"
        }
        return links.isEmpty ? "" : "<p class=\"didyoumean\">Did you mean: \(links.joined(separator: " · "))?</p>"
    }

    static func replaceWord(_ word: String, with alt: String, in q: String) -> String {
        q.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.caseInsensitiveCompare(word) == .orderedSame ? alt : String($0) }
            .joined(separator: " ")
    }

    /// The strict matches, then, apart and under their own heading, notices with only some of the words,
    /// each naming what it lacks.
    private func resultsHTML(_ r: SearchResponse) -> String {
        var out = r.results.map { ResultHTML(record: $0, query: params.q).render() }.joined()
        if !r.partial.isEmpty {
            out += "<h2 class=\"partial-head\">Notices with only some of the words (\(r.partialTotal))</h2>"
            out += r.partial.map { ResultHTML(record: $0, query: params.q, partial: true).render() }.joined()
        }
        return out
    }

    private func pager(_ r: SearchResponse) -> String {
        var links: [String] = []
        if params.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(link { $0.offset = max(0, params.offset - params.limit) })\">← previous</a>")
        }
        if params.offset + r.results.count < r.total, params.limit > 0, params.offset + params.limit <= SearchParameters.maxOffset {
            links.append("<a rel=\"next\" href=\"\(link { $0.offset = params.offset + params.limit })\">next →</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pager\">\(links.joined())</nav>"
    }
}

/// One result: headline link, metadata, provisions with their findings, cited cases, pinpointed paragraphs.
struct ResultHTML {
    let record: NoticeRecord
    let query: String
    var partial = false

    func render() -> String {
        let r = record
        let keep: [(String, String)] = query.isEmpty ? [] : [("q", query)]
        var out = "<article class=\"result\(partial ? " partial" : "")\">"
        out += "<h3><a href=\"\(HTML.href(HTML.noticePath(r.id), keep))\">\(HTML.escape(r.reference ?? r.id))</a></h3>"
        out += "<div class=\"meta\">" + Self.meta(r) + "</div>"
        if partial, let missing = r.missing, !missing.isEmpty {
            out += "<div class=\"missing\">lacks: " + missing.map { "<s>\(HTML.escape($0))</s>" }.joined(separator: " ") + "</div>"
        }
        out += Self.provisionTags(r)
        if !r.cases.isEmpty {
            out += "<div class=\"tags\">cites: " + r.cases.map { c in
                "<a href=\"\(HTML.href(HTML.casePath(c.key)))\">\(HTML.escape(c.name.map { "\($0) \(c.key)" } ?? c.key))</a>"
            }.joined(separator: "; ") + "</div>"
        }
        for p in r.paragraphs {
            out += "<p class=\"para\"><a class=\"pn\" href=\"\(HTML.href(HTML.noticePath(r.id), keep, fragment: "p\(p.number)"))\">¶\(p.number)</a>"
            if !p.heading.isEmpty { out += "<span class=\"hd\">\(HTML.escape(p.heading))</span><br>" }
            out += Self.marked(p.segments) + "</p>"
        }
        return out + "</article>"
    }

    static func meta(_ r: NoticeRecord) -> String {
        var parts: [String] = []
        parts.append(r.date ?? "undated")
        if let a = r.authority { parts.append(a) }
        if let l = r.law { parts.append(l) }
        var out = parts.map { "<span>\(HTML.escape($0))</span>" }.joined()
        if let o = r.outcome { out += "<b class=\"tag \(HTML.escape(o.replacingOccurrences(of: " ", with: "-")))\">\(HTML.escape(o))</b>" }
        return out
    }

    /// Provisions, each with the finding on it when the notice decides it.
    static func provisionTags(_ r: NoticeRecord) -> String {
        guard !r.provisions.isEmpty else { return "" }
        var findings: [String: String] = [:]
        for f in r.findings ?? [] { findings[f.provision] = f.finding }
        return "<div class=\"tags\">" + r.provisions.map { p in
            let f = findings[p]
            let cls = f.map { " " + HTML.escape($0.replacingOccurrences(of: " ", with: "-")) } ?? ""
            return "<span class=\"tag\(cls)\">\(HTML.escape(p))\(f.map { ": " + HTML.escape($0) } ?? "")</span>"
        }.joined() + "</div>"
    }

    static func marked(_ segments: [SnippetSegment]) -> String {
        segments.map { $0.marked ? "<mark>\(HTML.escape($0.text))</mark>" : HTML.escape($0.text) }.joined()
    }
}

extension SearchParameters {
    /// `not upheld` / `Not-Upheld` / `FOIA` as the form's option values.
    static func normalisedChoice(_ s: String) -> String {
        s.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
    }
}
