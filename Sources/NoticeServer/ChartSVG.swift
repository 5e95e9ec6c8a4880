/// A small bar chart of matches by year, each bar stacked by outcome, drawn on the server as inline SVG
/// (no script, no image request; readable with CSS off through each bar's `<title>`).
struct ChartSVG {
    /// year → outcome slug (`upheld`, `partly-upheld`, `not-upheld`) → notices.
    let counts: [String: [String: Int]]

    static let outcomes = ["upheld", "partly-upheld", "not-upheld"]
    static let width = 640.0, height = 150.0, axis = 18.0, top = 8.0

    func render() -> String {
        let years = counts.keys.compactMap(Int.init).sorted()
        guard let first = years.first, let last = years.last else { return "" }
        let span = Array(first...last)
        let totals = span.map { y in counts[String(y)]?.values.reduce(0, +) ?? 0 }
        guard let peak = totals.max(), peak > 0 else { return "" }
        let slot = Self.width / Double(span.count)
        let barWidth = max(2, slot * 0.72)
        let plot = Self.height - Self.axis - Self.top
        var bars = ""
        var labels = ""
        for (i, year) in span.enumerated() {
            let x = Double(i) * slot + (slot - barWidth) / 2
            var y = Self.height - Self.axis
            let byOutcome = counts[String(year)] ?? [:]
            for outcome in Self.outcomes {
                guard let n = byOutcome[outcome], n > 0 else { continue }
                let h = plot * Double(n) / Double(peak)
                y -= h
                bars += "<rect class=\"c-\(outcome)\" x=\(Self.f(x)) y=\(Self.f(y)) width=\(Self.f(barWidth)) height=\(Self.f(h))>"
                    + "<title>\(year): \(n) \(outcome.replacingOccurrences(of: "-", with: " "))</title></rect>"
            }
            // Label every year when few, else every few years, always the first and last.
            let every = max(1, span.count / 8)
            if i % every == 0 || i == span.count - 1 {
                labels += "<text x=\(Self.f(Double(i) * slot + slot / 2)) y=\(Self.f(Self.height - 4)) text-anchor=\"middle\" font-size=\"11\" fill=\"#5b6470\">\(year)</text>"
            }
        }
        let total = totals.reduce(0, +)
        let legend = Self.outcomes.map { "<span class=\"sw c-\($0)\"></span>\($0.replacingOccurrences(of: "-", with: " "))" }.joined()
        return """
            <figure class="chart"><svg viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-label="Matches by year and outcome: \(total) notices from \(first) to \(last)">\
            <line x1="0" y1="\(Self.f(Self.height - Self.axis))" x2="\(Int(Self.width))" y2="\(Self.f(Self.height - Self.axis))" stroke="#d8dde3"/>\
            \(bars)\(labels)<text x="4" y="14" font-size="11" fill="#5b6470">peak \(peak)</text></svg>
            <figcaption class="legend">Matches by year and outcome\(legend)</figcaption></figure>
            """
    }

    static func f(_ v: Double) -> String {
        "\"" + String(Double(Int(v * 10)) / 10) + "\""
    }
}
