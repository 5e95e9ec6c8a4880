import Foundation
@testable import NoticeIndex

/// Builds a `ParsedNotice` for the seed notice by a minimal, test-only split (the real parser is developed
/// separately and is deliberately not used here): numbered paragraphs start at `N.` / `- N.`, the seed's
/// headings are listed by hand, quoted blocks join the paragraph before, footnote bodies are dropped.
enum SeedNoticeFixture {
    static let topHeadings: Set<String> = ["Decision (including any steps ordered)", "Request and response", "Scope of the case",
                                           "Reasons for decision", "Other matters", "Right of appeal"]
    static let subHeadings: Set<String> = [
        "Invoices which the MPS has confirmed holding", "Section 31- Law enforcement", "Public interest test",
        "Public interest arguments in favour of disclosure", "Public interest arguments in favour of maintaining the exemption",
        "Public interest balancing test", "Invoices which the MPS has neither confirmed nor denied holding",
        "Neither confirm nor deny (\"NCND\")", "Section 31 - Law enforcement",
        "Public interest arguments in favour of confirmation or denial",
        "Public interest arguments in favour of maintaining the exclusion to NCND",
    ]

    static var text: String {
        let here = URL(fileURLWithPath: #filePath)
        let url = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/seed-notice-2024-02-08-mps.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func notice() -> ParsedNotice {
        var paragraphs: [Paragraph] = []
        var top: String? = nil
        var sub: String? = nil
        var started = false
        for rawLine in text.components(separatedBy: "\n") {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("Signed") { if line.hasPrefix("Signed") { break }; continue }
            if topHeadings.contains(line) { top = line; sub = nil; started = true; continue }
            guard started else { continue }
            if subHeadings.contains(line) { sub = line; continue }
            if let f = line.unicodeScalars.first, "¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains(f) || line.range(of: #"^\d+\s?https?://"#, options: .regularExpression) != nil {
                continue  // footnote body
            }
            if line == "_" { continue }
            if line.hasPrefix("- ") { line.removeFirst(2) }
            if let m = line.range(of: #"^(\d+)\. "#, options: .regularExpression) {
                let number = Int(line[m].dropLast(2))!
                let headings = [top, sub].compactMap { $0 }
                paragraphs.append(Paragraph(number: number, headings: headings, text: String(line[m.upperBound...])))
            } else if !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].text += "\n" + line
            }
        }
        return ParsedNotice(law: .foia, date: "2024-02-08", authority: "Commissioner of Police of the Metropolis",
                            paragraphs: paragraphs, layout: .modern)
    }
}
