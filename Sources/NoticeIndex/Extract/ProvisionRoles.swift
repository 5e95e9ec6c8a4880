/// Decides whether each mention is relied on / decided (`.reliedOn`) or only mentioned (`.mentioned`).
///
/// In order, first rule that applies wins:
/// 1. boilerplate provisions — s50 (application), s54 (contempt), s57–s60 (appeals), s77, s78, and EIR r18 —
///    are mentioned unless the paragraph's own heading names them;
/// 2. paragraphs under `Other matters` or `Right of appeal` only mention;
/// 3. quoted passages (correspondence, quoted law) only mention;
/// 4. a negative cue in the same clause (`has not gone on to consider`, `did not contest`, `no reference was
///    made to`, `not necessary to consider`, `contempt`) or a comparison (`the same as`, `equivalent to`)
///    → mentioned;
/// 4a. in an EIR notice, a section outside the Decision section whose sentence names no Act (`the grid
///    references in section 5` of a report) → mentioned;
/// 5. the Decision / Summary section → relied on;
/// 6. a heading names the provision's section or regulation (`Section 31 - Law enforcement` covers every
///    `31(x)` in the notice, since headings are a notice-level signal) → relied on;
/// 7. a positive cue in the same sentence (`citing`, `cited`, `relied on/upon`, `entitled to rely`,
///    `applied`, `by virtue of`, `refused … under`, `withheld under`, `exempt under`, `engaged`, a breach)
///    → relied on;
/// 8. otherwise mentioned.
enum ProvisionRoles {
    static let boilerplate: Set<String> = ["s50", "s54", "s57", "s58", "s59", "s60", "s77", "s78", "r18"]

    static let negative = CueList(.negative, [
        "not gone on to consider", "not go on to consider", "not going on to consider", "not necessary to consider",
        "not necessary to go on", "not found it necessary", "not been further considered", "not further considered",
        "has not considered", "not been considered", "need not consider", "not need to consider", "not needed to consider",
        "no need to consider", "did not contest",
        "does not contest", "not contested", "has not disputed", "did not dispute", "does not dispute",
        "no reference was made", "not challenged", "did not challenge", "does not challenge", "contempt",
        "no longer rel", "withdrew its reliance", "withdrawn its reliance", "not form part of this",
        // a comparison: "the same as the test under section 14(1) of FOIA"
        "the same as", "same test as", "equivalent to", "mirrors", "analogous", "by analogy", "counterpart",
    ])

    static let positive = CueList(.positive, [
        "citing", "cited", "cite ", "relied", "relying", "rely on", "rely upon", "reliance", "applied", "applying",
        "application of", "by virtue of", "withheld", "withhold", "exempt under", "exempt by virtue", "exempt from disclosure", "refused", "refusing", "engaged",
        "engage", "neither confirm nor deny", "ncnd", "decision is", "entitled", "correctly", "invoked", "breach",
        "complied", "comply", "failed to", "under section", "under regulation", "finds that",
    ])

    /// The machinery every notice cites on the way to its decision: the right of access (s1, r5), refusal
    /// notices (s17, r14), the codes of practice (s45, r16). Cited in a Decision section or under a heading
    /// they say how, not what, the notice decided; they count as relied on only when a finding names them
    /// (or a part of them).
    static let machinery: [Provision] = ["s1", "s17", "s40(1)", "s45", "r5", "r14", "r16"].compactMap(Provision.init(canonical:))

    /// Tests applied inside another provision — the public interest tests (s2, r12(1)(b), r12(2)), the
    /// conditions of section 40 and regulation 13 (s40(3A), r13(2A)…), r12(8) — are never what a notice
    /// decides: always mentioned, and no finding of their own.
    static let tests: [Provision] = ["s2", "s40(3A)", "s40(3B)", "s40(4A)", "r12(1)", "r12(2)", "r12(8)",
                                     "r13(2A)", "r13(2B)", "r13(3A)"].compactMap(Provision.init(canonical:))

    static func demoteMachinery(_ mentions: inout [ProvisionMention], findings: inout [Finding]) {
        findings.removeAll { f in tests.contains { f.provision.isWithin($0) } }
        for i in mentions.indices where mentions[i].role == .reliedOn {
            let p = mentions[i].provision
            if tests.contains(where: { p.isWithin($0) }) {
                mentions[i].role = .mentioned
            } else if machinery.contains(where: { p.isWithin($0) }), !findings.contains(where: { $0.provision.isWithin(p) }) {
                mentions[i].role = .mentioned
            }
        }
    }

    private static let actNames: [[UInt8]] = ["foia", "freedom of information", " act", "foi "].map { Array($0.utf8) }

    /// Whether a sentence names the Act its sections belong to (`section 14(1) of FOIA`, `the Act`).
    static func namesAnAct(_ cue: CueText, _ s: Range<Int>) -> Bool {
        actNames.contains { TextBytes.contains(cue.low, $0, in: s) }
    }

    static func family(_ p: Provision) -> String { (p.law == .foia ? "s" : "r") + p.parts[0] }

    static func role(of provision: Provision, at range: Range<Int>, in cue: CueText, section: NoticeSection,
                     ownHeadingFamilies: Set<String>, noticeHeadingFamilies: Set<String>, law: Law = .foia) -> ProvisionRole {
        let fam = family(provision)
        if boilerplate.contains(fam) && !ownHeadingFamilies.contains(fam) { return .mentioned }
        if section == .otherMatters || section == .rightOfAppeal { return .mentioned }
        if cue.isQuoted(range) { return .mentioned }
        if cue.contains(any: negative, in: cue.clause(containing: range.lowerBound)) { return .mentioned }
        if law == .eir, provision.law == .foia, section != .decision, !namesAnAct(cue, cue.sentence(containing: range.lowerBound)) {
            return .mentioned
        }
        if section == .decision { return .reliedOn }
        if ownHeadingFamilies.contains(fam) || noticeHeadingFamilies.contains(fam) { return .reliedOn }
        if cue.contains(any: positive, in: cue.sentence(containing: range.lowerBound)) { return .reliedOn }
        return .mentioned
    }
}
