import Foundation

/// What the generator made one notice say, written as it writes the notice: one JSON line per notice in
/// `.truth.jsonl` beside the corpus (hidden, so indexers skip it). `relevance` builds its judged queries
/// from these lines, so the judgments come from the generator's intent, never from the library's
/// extraction of the text.
struct GeneratedTruth: Codable {
    struct CitedCase: Codable {
        /// The name a researcher types: "Dransfield", "Savic", "EA/2019/0123".
        var name: String
        /// The long form as first written.
        var citation: String
        /// The provision under discussion where it was cited (canonical).
        var under: String
    }
    var file: String
    var law: String
    /// "full" or "delay".
    var kind: String
    var legacy: Bool
    var date: String
    var authority: String
    /// The library's spelling: "upheld", "partly upheld", "not upheld" (from the complainant's side).
    var outcome: String
    /// Provisions the notice turns on, canonical (`s31(3)`, `r12(4)(b)`); `s10(1)` when it finds a delay.
    var relied: [String]
    /// Provisions it cites only in passing and does not rely on.
    var mentioned: [String]
    var cases: [CitedCase]

    static let fileName = ".truth.jsonl"

    static func load(from dir: String) throws -> [GeneratedTruth] {
        let path = (dir as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError.failed("no \(fileName) in \(dir): generate the corpus again with this build")
        }
        let decoder = JSONDecoder()
        return try data.split(separator: 10).map { try decoder.decode(GeneratedTruth.self, from: Data($0)) }
    }
}

extension NoticeWriter {
    /// The truth for the notice just written (call after `write()`).
    func truth(file: String) -> GeneratedTruth {
        var relied = plan.provisions.map(\.canonical)
        if plan.delayBreach && plan.kind == .full && !relied.contains("s10(1)") { relied.append("s10(1)") }
        var mentioned = plan.mentioned.map(\.spec.canonical)
        // Fixed citations inside templates (advice and assistance, the code of practice, contempt,
        // the EIR presumption), recorded when the notice happens to contain them.
        for (text, canonical) in Sentences.boilerplateMentions where !relied.contains(canonical) && !mentioned.contains(canonical) {
            if Self.contains(out, Array(text.utf8)) { mentioned.append(canonical) }
        }
        let outcome: String
        switch plan.verdict {
        case .upheld: outcome = "upheld"
        case .partlyUpheld: outcome = "partly upheld"
        // A delay found beside exemptions upheld is "partly upheld": the complainant won on that point,
        // which is how the ICO's listings (and the library's outcome rule) label such notices.
        case .notUpheld: outcome = plan.delayBreach ? "partly upheld" : "not upheld"
        }
        return GeneratedTruth(file: file, law: plan.law, kind: plan.kind == .delay ? "delay" : "full", legacy: plan.legacy,
                              date: String(format: "%04d-%02d-%02d", plan.year, plan.month, plan.day), authority: plan.authority.name,
                              outcome: outcome, relied: relied, mentioned: mentioned,
                              cases: citedCases.map { .init(name: $0.name, citation: $0.citation, under: $0.under) })
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
