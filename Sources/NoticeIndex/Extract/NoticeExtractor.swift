/// Runs every extractor over a parsed notice. Never throws: an extractor that finds nothing returns nothing.
public enum NoticeExtractor {
    public static func extract(_ notice: ParsedNotice) -> Extraction {
        Extraction()
    }
}

/// A provision found in a piece of text, with its UTF-8 byte range in that text.
public struct FoundProvision: Sendable, Equatable {
    public var provision: Provision
    public var range: Range<Int>
    public var text: String

    public init(provision: Provision, range: Range<Int>, text: String) {
        self.provision = provision
        self.range = range
        self.text = text
    }
}

/// Finds FOIA sections and EIR regulations in text, and parses a user's spelling of one.
public enum ProvisionFinder {
    /// Every provision cited in `text`, in order. `law` is the notice's regime, used for bare numbers.
    public static func find(in text: String, law: Law?) -> [FoundProvision] { [] }

    /// A user's spelling: "31(3)", "s.31(3)", "section 31", "s 31 (3)", "reg 12(4)(b)", "12(4)(b)", "EIR 12.4.b".
    public static func parse(query: String) -> Provision? { Provision(canonical: query) }
}

/// Names of public authorities: a key under which aliases meet, and a sector.
public enum AuthorityNormalizer {
    public static func info(for name: String) -> AuthorityInfo {
        AuthorityInfo(name: name, key: name.lowercased(), sector: .other)
    }

    /// The key for what a user typed (`MPS`, `Metropolitan Police`, `Home Office`).
    public static func key(forQuery text: String) -> String { text.lowercased() }
}

/// Case-law citations.
public enum CaseLaw {
    /// The canonical key if `text` is a neutral citation or appeal/file number in any written form
    /// (`2016 UKUT 535 AAC` → `[2016] UKUT 535 (AAC)`, `EA-2018-0164` → `EA/2018/0164`), else nil.
    public static func canonicalKey(forCitation text: String) -> String? { nil }
}
