import Foundation

/// Turns one notice's text into header fields and numbered paragraphs. Never throws: odd text degrades.
public enum NoticeParser {
    /// Parses `text`. `fileName` is only used in warnings.
    public static func parse(_ text: String, fileName: String? = nil) -> ParsedNotice {
        // Placeholder until the parser lands: one paragraph per blank-line block.
        var notice = ParsedNotice(layout: .unstructured)
        var n = 0
        for block in text.components(separatedBy: "\n\n") where !block.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            n += 1
            notice.paragraphs.append(Paragraph(number: n, headings: [], text: block.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return notice
    }
}
