import Foundation
import NoticeIndex

/// What a person recorded a notice really says (`Corpus/truth/*.json`, format in FORMAT.md).
public struct NoticeTruth: Decodable, Sendable {
    public struct TruthFinding: Decodable, Sendable { public var provision: String; public var finding: String }
    public struct TruthCase: Decodable, Sendable { public var key: String; public var name: String?; public var forms: [String]? }
    public var file: String
    public var reference: String?
    public var law: String?
    public var date: String?
    public var authority: String?
    public var sector: String?
    public var layout: String?
    public var paragraph_count: Int?
    public var outcome: String?
    public var provisions: [String]
    public var mentioned_provisions: [String]?
    public var findings: [TruthFinding]?
    public var cases: [TruthCase]?
    public var headings: [String: String]?
}

/// Precision and recall of one field over the whole corpus, or agreement for single-valued fields.
public struct FieldAccuracy: Sendable, Equatable {
    public var field: String
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    /// Human-readable misses and extras, "file: item".
    public var misses: [String] = []
    public var extras: [String] = []

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
}

/// Compares the parser and extractors with the truth files: per field precision and recall.
public enum TruthEvaluation {
    public static func loadTruths(in corpus: String) throws -> [NoticeTruth] {
        let dir = (corpus as NSString).appendingPathComponent("truth")
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(NoticeTruth.self, from: Data(contentsOf: URL(fileURLWithPath: (dir as NSString).appendingPathComponent($0))))
        }
    }

    /// Case keys as the extractor spells them, so `[2023] UKFTT 00427 (GRC)` and `... 427 ...` compare equal.
    static func caseKey(_ key: String) -> String { CaseLaw.canonicalKey(forCitation: key) ?? key.lowercased() }

    public static func evaluate(corpus: String) throws -> [FieldAccuracy] {
        var fields: [String: FieldAccuracy] = [:]
        func score(_ name: String, expected: Set<String>, actual: Set<String>, file: String) {
            var f = fields[name] ?? FieldAccuracy(field: name)
            f.truePositives += expected.intersection(actual).count
            f.falseNegatives += expected.subtracting(actual).count
            f.falsePositives += actual.subtracting(expected).count
            f.misses += expected.subtracting(actual).sorted().map { "\(file): \($0)" }
            f.extras += actual.subtracting(expected).sorted().map { "\(file): \($0)" }
            fields[name] = f
        }
        func single(_ name: String, _ expected: String?, _ actual: String?, file: String) {
            // A single-valued field: right (tp), wrong (fp + fn), or missing (fn).
            score(name, expected: Set([expected].compactMap { $0 }), actual: Set([actual].compactMap { $0 }), file: file)
        }
        for truth in try loadTruths(in: corpus) {
            let path = (corpus as NSString).appendingPathComponent(truth.file)
            let notice = AnalyzedNotice.analyze(text: try NoticeSource.text(of: path), file: path)
            let p = notice.parsed, x = notice.extraction
            let file = truth.file
            single("reference", truth.reference, p.reference, file: file)
            single("law", truth.law, p.law?.rawValue, file: file)
            single("date", truth.date, p.date, file: file)
            single("authority", truth.authority, p.authority, file: file)
            single("sector", truth.sector, x.authority?.sector.rawValue, file: file)
            single("layout", truth.layout, p.layout.rawValue, file: file)
            single("paragraph count", truth.paragraph_count.map(String.init), String(p.paragraphs.filter { $0.number > 0 }.count), file: file)
            single("outcome", truth.outcome, x.outcome?.rawValue, file: file)
            score("provisions relied on", expected: Set(truth.provisions), actual: Set(notice.listedProvisions.map(\.canonical)), file: file)
            let allCited = Set(x.provisions.map(\.provision.canonical))
            let expectedCited = Set(truth.provisions + (truth.mentioned_provisions ?? []))
            score("provisions cited (any role)", expected: expectedCited, actual: allCited.intersection(expectedCited).union(allCited.subtracting(expectedCited).filter { c in
                // A less specific level of a provision the truth lists (s31 for s31(1)(a)) is not an error.
                !expectedCited.contains { Provision(canonical: $0)?.isWithin(Provision(canonical: c)!) ?? false }
            }), file: file)
            score("findings", expected: Set((truth.findings ?? []).map { "\($0.provision)=\($0.finding)" }),
                  actual: Set(x.findings.map { "\($0.provision.canonical)=\($0.finding.rawValue)" }), file: file)
            score("cases", expected: Set((truth.cases ?? []).map { caseKey($0.key) }), actual: Set(x.cases.map { caseKey($0.key) }), file: file)
            var headingChecks: Set<String> = [], headingActual: Set<String> = []
            for (number, heading) in truth.headings ?? [:] {
                headingChecks.insert("¶\(number) \(heading)")
                if let para = p.paragraphs.first(where: { String($0.number) == number }) { headingActual.insert("¶\(number) \(para.heading)") }
            }
            score("heading paths", expected: headingChecks, actual: headingActual, file: file)
        }
        let order = ["reference", "law", "date", "authority", "sector", "layout", "paragraph count", "heading paths",
                     "outcome", "provisions relied on", "provisions cited (any role)", "findings", "cases"]
        return order.compactMap { fields[$0] }
    }

    /// A Markdown table of the results.
    public static func table(_ results: [FieldAccuracy]) -> String {
        var out = "| field | precision | recall | right | wrong or extra | missed |\n|---|---|---|---|---|---|\n"
        for f in results {
            out += String(format: "| %@ | %.1f%% | %.1f%% | %d | %d | %d |\n", f.field, f.precision * 100, f.recall * 100,
                          f.truePositives, f.falsePositives, f.falseNegatives)
        }
        return out
    }
}
