/// Turns one notice's text into header fields and numbered paragraphs. Never throws: odd text degrades.
///
/// Pipeline: `TextCleaner` (PDF artefacts, page furniture, footnotes, one-line notices) →
/// `StructureParser` (which lines start paragraphs, headings, where the header ends) → `HeaderParser`
/// (reference, law, date, authority, complainant from the header text).
public enum NoticeParser {
    /// How much of the body to search for the law when the header names none.
    private static let lawFallbackBytes = 20_000
    /// The most header text handed to the header parser (a notice squashed onto one line has no clear end).
    private static let headerLimitBytes = 6_000

    /// Parses `text`. `fileName` is only used in warnings.
    public static func parse(_ text: String, fileName: String? = nil) -> ParsedNotice {
        let prefix = fileName.map { "\($0): " } ?? ""
        let cleaned = TextCleaner.clean(text)
        guard !cleaned.lines.isEmpty else {
            return ParsedNotice(layout: .unstructured, warnings: [prefix + "empty text: nothing to parse"])
        }
        let structure = StructureParser.parse(cleaned)

        let headerText = joinedText(of: cleaned, lines: structure.headerLines, limit: headerLimitBytes)
        let bodyStart = structure.headerLines.upperBound
        var header = HeaderParser.parse(headerText, footerReference: cleaned.footerReference, body: {
            joinedText(of: cleaned, lines: bodyStart..<cleaned.lines.count, limit: lawFallbackBytes)
        })
        if header.date == nil, let dated = structure.datedLine { header.date = DateParser.firstDate(in: dated) }

        var warnings = structure.warnings
        let layout: Layout
        if !structure.numbered {
            layout = .unstructured
            warnings.append("no numbered paragraphs found; split into \(structure.paragraphs.count) blocks on blank lines")
        } else if structure.sawModernHeading {
            layout = .modern
        } else if header.isLegacy || structure.sawLegacyHeading {
            layout = .legacy
        } else {
            layout = .modern
        }
        if cleaned.resplit { warnings.append("text had almost no line breaks; re-split on paragraph numbers") }
        if header.date == nil { warnings.append("no decision date found") }
        if header.law == nil { warnings.append("could not tell FOIA from EIR") }

        return ParsedNotice(reference: header.reference, law: header.law, date: header.date,
                            authority: header.authority, complainant: header.complainant,
                            paragraphs: structure.paragraphs, footnotes: cleaned.footnotes,
                            layout: layout, warnings: warnings.map { prefix + $0 })
    }

    /// Cleaned lines joined with "\n", stopping once `limit` bytes are reached.
    private static func joinedText(of c: CleanedText, lines: Range<Int>, limit: Int) -> String {
        var out: [UInt8] = []
        for i in lines {
            let r = c.lines[i]
            out.append(contentsOf: c.bytes[r.lowerBound..<min(r.upperBound, r.lowerBound + limit)])
            out.append(Bytes.lf)
            if out.count >= limit { break }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
