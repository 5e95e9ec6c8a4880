/// The access-to-information regime a notice decides under.
public enum Law: String, Sendable, Codable, CaseIterable {
    case foia = "FOIA"
    case eir = "EIR"
}

/// How the ICO labels a complaint: from the complainant's side, so "upheld" means the authority was wrong.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case upheld = "upheld"
    case partlyUpheld = "partly upheld"
    case notUpheld = "not upheld"

    /// The spelling the CLI accepts (`--outcome partly-upheld`).
    public var slug: String { rawValue.replacingOccurrences(of: " ", with: "-") }

    public init?(slug: String) {
        let s = slug.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        guard let o = Outcome.allCases.first(where: { $0.slug == s }) else { return nil }
        self = o
    }
}

/// Which layout the parser recognised; `unstructured` means it fell back to one paragraph per block.
public enum Layout: String, Sendable, Codable {
    case modern
    case legacy
    case unstructured
}

/// One numbered paragraph of a notice, with the quoted correspondence and bullets that follow it.
public struct Paragraph: Sendable, Equatable, Codable {
    /// The notice's own number (¶56). Unnumbered fallback blocks are numbered 1...n in order.
    public var number: Int
    /// Heading path, outermost first, e.g. ["Reasons for decision", "Section 31 - Law enforcement"].
    public var headings: [String]
    /// The paragraph's text; continuation blocks (quotes, bullets) are joined with "\n".
    public var text: String

    public init(number: Int, headings: [String], text: String) {
        self.number = number
        self.headings = headings
        self.text = text
    }

    /// The heading path as shown to people: "Reasons for decision › Section 31 - Law enforcement".
    public var heading: String { headings.joined(separator: " › ") }
}

/// A footnote body found between paragraphs (`² https://…`).
public struct Footnote: Sendable, Equatable, Codable {
    public var marker: String
    public var text: String

    public init(marker: String, text: String) {
        self.marker = marker
        self.text = text
    }
}

/// One notice as the parser understood it: header fields plus ordered paragraphs.
public struct ParsedNotice: Sendable, Equatable {
    /// Normalised reference (`FS50587581`, `FER0449366`, `IC-219436-J1G5`), nil when the notice has none.
    public var reference: String?
    public var law: Law?
    /// ISO date `yyyy-mm-dd` of the notice.
    public var date: String?
    /// The public authority's name as written.
    public var authority: String?
    public var complainant: String?
    public var paragraphs: [Paragraph]
    public var footnotes: [Footnote]
    public var layout: Layout
    /// What the parser could not make sense of, for people ("no numbered paragraphs; split on blank lines").
    public var warnings: [String]

    public init(reference: String? = nil, law: Law? = nil, date: String? = nil, authority: String? = nil,
                complainant: String? = nil, paragraphs: [Paragraph] = [], footnotes: [Footnote] = [],
                layout: Layout = .modern, warnings: [String] = []) {
        self.reference = reference
        self.law = law
        self.date = date
        self.authority = authority
        self.complainant = complainant
        self.paragraphs = paragraphs
        self.footnotes = footnotes
        self.layout = layout
        self.warnings = warnings
    }
}
