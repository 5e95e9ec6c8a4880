/// Where in a notice something was found: paragraph index (position in `ParsedNotice.paragraphs`, not its
/// number) and UTF-8 byte offsets into that paragraph's text, so results can point at and mark the source.
public struct Span: Sendable, Hashable, Codable {
    public var paragraph: Int
    public var start: Int
    public var end: Int

    public init(paragraph: Int, start: Int, end: Int) {
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }
}

/// The role a provision plays in a notice. `reliedOn` = relied on or decided; `mentioned` = in passing.
public enum ProvisionRole: String, Sendable, Codable {
    case reliedOn = "relied"
    case mentioned = "mentioned"
}

/// Public-sector families, inferred from the authority's name.
public enum Sector: String, Sendable, Codable, CaseIterable {
    case police
    case centralGovernment = "central government"
    case localGovernment = "local government"
    case health
    case education
    case other
}

/// One place a provision is cited.
public struct ProvisionMention: Sendable, Equatable {
    public var provision: Provision
    public var role: ProvisionRole
    public var span: Span
    /// The text as written ("sections 24(2), 31(3)" yields one mention per provision, each with its own span).
    public var text: String

    public init(provision: Provision, role: ProvisionRole, span: Span, text: String) {
        self.provision = provision
        self.role = role
        self.span = span
        self.text = text
    }
}

/// A decision on one provision, the way the ICO's listings label notices ("s31(3): not upheld"), from the
/// complainant's side: upheld = the complaint succeeded on that provision (an exemption wrongly applied,
/// information held after all, a procedural breach such as s10 or s17 found).
public struct Finding: Sendable, Equatable {
    public var provision: Provision
    public var finding: Outcome
    /// The clause the finding was read from (the first, when several agree), so a reader can check it.
    public var span: Span?
    /// The notice's own number of the paragraph `span` points into (¶14), for people.
    public var paragraphNumber: Int?

    public init(provision: Provision, finding: Outcome, span: Span? = nil, paragraphNumber: Int? = nil) {
        self.provision = provision
        self.finding = finding
        self.span = span
        self.paragraphNumber = paragraphNumber
    }
}

/// The public authority: name as written, a key under which its aliases meet, and its sector.
public struct AuthorityInfo: Sendable, Equatable {
    public var name: String
    /// e.g. "metropolitan police service" for "Commissioner of Police of the Metropolis" and "MPS".
    public var key: String
    public var sector: Sector

    public init(name: String, key: String, sector: Sector) {
        self.name = name
        self.key = key
        self.sector = sector
    }
}

/// One case cited by a notice, with every string that referred to it.
public struct CaseReference: Sendable, Equatable {
    /// Canonical id: neutral citation if known ("[2016] UKUT 535 (AAC)"), else appeal/file number
    /// ("EA/2018/0164", "GIA/3037/2011"), else normalised party names ("savic v information commissioner").
    public var key: String
    /// Party names when known ("Savic v Information Commissioner").
    public var name: String?
    /// Every form as written in this notice, first occurrence first, no duplicates.
    public var citations: [String]
    /// Other identifiers of the same case seen in this notice (appeal numbers, GIA numbers, neutral citation).
    public var aliases: [String]
    public var spans: [Span]

    public init(key: String, name: String? = nil, citations: [String] = [], aliases: [String] = [], spans: [Span] = []) {
        self.key = key
        self.name = name
        self.citations = citations
        self.aliases = aliases
        self.spans = spans
    }
}

/// What the extractors found in one notice.
public struct Extraction: Sendable, Equatable {
    public var provisions: [ProvisionMention]
    public var outcome: Outcome?
    public var findings: [Finding]
    public var authority: AuthorityInfo?
    public var cases: [CaseReference]

    public init(provisions: [ProvisionMention] = [], outcome: Outcome? = nil, findings: [Finding] = [],
                authority: AuthorityInfo? = nil, cases: [CaseReference] = []) {
        self.provisions = provisions
        self.outcome = outcome
        self.findings = findings
        self.authority = authority
        self.cases = cases
    }
}
