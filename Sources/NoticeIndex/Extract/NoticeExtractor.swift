/// Runs every extractor over a parsed notice. Never throws: an extractor that finds nothing returns nothing.
public enum NoticeExtractor {
    public static func extract(_ notice: ParsedNotice) -> Extraction {
        Extraction()
    }
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
