/// Corpus shapes: the same notice model written out with different proportions, so that a speed
/// figure measured on one shape is not taken for a property of the engine. Each shape only changes
/// how the notice writer draws (from the notice's own random stream), so a shape, count and seed
/// still give byte-identical files; `standard` draws exactly as the generator always did.
enum CorpusShape: String, CaseIterable, Codable {
    /// bench's original mix: 12% delay notices, 22–85 paragraphs of 0–3 filler sentences, 10% pre-2011.
    case standard
    /// Fewer, much longer paragraphs (6–16 filler sentences each, 12–30 paragraphs a notice): long
    /// posting lists per paragraph, fewer paragraph boundaries, more text per notice.
    case longParagraphs = "long-paragraphs"
    /// Three to five provisions relied on, two passing mentions, a case cited in four paragraphs of
    /// ten and a "see also" provision list in half the paragraphs: the extractors' busiest text.
    case denseCitations = "dense-citations"
    /// Every notice in the pre-2011 layout, with the statutory text of each provision quoted in a
    /// "Legal Annex" and the fixed paragraphs of the period repeated: much template text, little filler.
    case pre2011 = "pre2011-boilerplate"
    /// Text as a PDF extractor leaves it: lines wrapped at 70–95 columns, words hyphenated across lines,
    /// a page footer and running header every 40–55 lines (often mid-sentence), form feeds.
    case pdfExtracted = "pdf-extracted"
    /// Short notices (half of them delay notices of 6–10 paragraphs, the rest 10–18), little filler:
    /// per-notice overhead dominates.
    case manyShort = "many-short"

    static var names: String { allCases.map(\.rawValue).joined(separator: " | ") }
}

/// The statutory wording quoted in a pre-2011 "Legal Annex" (written for the bench, paraphrasing the
/// structure of the Act rather than quoting it).
enum Boilerplate {
    static let annexIntro = "The relevant provisions of the Act are set out below for ease of reference."
    static let statute = [
        "{P} provides that information is exempt information if its disclosure under this Act would, or would be likely to, prejudice the matters set out in that section, and the duty to confirm or deny does not arise if, or to the extent that, compliance would have the same effect.",
        "Where a public authority relies on {P}, it must in accordance with section 17 of the Act give the applicant a notice which states that fact, specifies the exemption in question and states why the exemption applies, if that would not otherwise be apparent.",
        "In any case where the exemption in {P} is a qualified exemption, the public authority must consider whether in all the circumstances of the case the public interest in maintaining the exemption outweighs the public interest in disclosing the information.",
        "Section 1(1) provides that any person making a request for information to a public authority is entitled to be informed in writing by the public authority whether it holds information of the description specified in the request, and if that is the case, to have that information communicated to him.",
        "Section 10(1) provides that a public authority must comply with section 1(1) promptly and in any event not later than the twentieth working day following the date of receipt.",
        "Section 50(1) provides that any person may apply to the Commissioner for a decision whether, in any specified respect, a request for information made by the complainant to a public authority has been dealt with in accordance with the requirements of Part I of the Act.",
    ]
    static let period = [
        "The Commissioner has considered the complainant's correspondence and the public authority's responses, and has made enquiries of the public authority where necessary, before reaching the decision set out in this Notice.",
        "In reaching this decision the Commissioner has had regard to the guidance that he has published on the application of the exemption, and to the decisions of the Information Tribunal on similar requests.",
        "The Commissioner notes that the public authority did not provide the complainant with the outcome of its internal review within the time that the Code of Practice issued under section 45 of the Act recommends.",
    ]
}

extension NoticeWriter {
    /// Rewraps finished text as a PDF extractor leaves it. Blank lines (paragraph breaks) are kept;
    /// long lines are broken at a column of 70–95, sometimes inside a word with a hyphen; every 40–55
    /// output lines a page ends: page number, `Reference:` footer, form feed and a running header,
    /// wherever the break falls (mid-sentence included).
    static func pdfLayout(_ text: [UInt8], reference: String?, rng: inout SeededRandom) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 10)
        let width = rng.int(70...95)
        var linesOnPage = 0
        var page = 1
        var pageLength = rng.int(40...55)
        let ref = reference.map { Array("Reference: \($0)".utf8) }
        func newLine(_ out: inout [UInt8]) {
            out.append(10)
            linesOnPage += 1
            if linesOnPage >= pageLength {
                page += 1
                linesOnPage = 0
                pageLength = rng.int(40...55)
                out += Array("\n\(page)\n".utf8)
                if let ref { out += ref; out.append(10) }
                out.append(12)  // form feed
                if let ref, rng.chance(0.5) { out += ref; out.append(10) }
                out.append(10)
            }
        }
        for line in text.split(separator: 10, omittingEmptySubsequences: false) {
            var rest = ArraySlice(line)
            while rest.count > width {
                // Break at the last space before the column; hyphenate a long enough word a third of the time.
                let limit = rest.startIndex + width
                guard let space = rest[..<limit].lastIndex(of: 32), space > rest.startIndex else { break }
                let nextWordEnd = rest[(space + 1)...].firstIndex(of: 32) ?? rest.endIndex
                let word = rest[(space + 1)..<nextWordEnd]
                if word.count >= 8, word.allSatisfy({ ($0 >= 97 && $0 <= 122) }), rng.chance(0.33) {
                    let cut = space + 1 + word.count / 2
                    out += rest[..<cut]
                    out.append(45)  // "-"
                    newLine(&out)
                    rest = rest[cut...]
                } else {
                    out += rest[..<space]
                    newLine(&out)
                    rest = rest[(space + 1)...]
                }
            }
            out += rest
            newLine(&out)
        }
        return out
    }
}
