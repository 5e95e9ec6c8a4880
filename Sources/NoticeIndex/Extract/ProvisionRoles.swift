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
/// 5a. after a reference cue in its sentence (`provides that`, `listed in`, `mentioned in`, `these requests`,
///    `previous request`) → mentioned: the law paraphrased, a list named, earlier requests' history;
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
        // reliance disclaimed: "the Home Office has not relied on section 27(2)", "Section 12 was not cited"
        "has not relied", "have not relied", "had not relied", "did not rely", "does not rely", "not relied on",
        "not relied upon", "not been relied", "not cited", "did not cite", "has not cited", "not invoked",
        "did not seek to rely", "not sought to rely",
        // a comparison: "the same as the test under section 14(1) of FOIA"
        "the same as", "same test as", "equivalent to", "mirrors", "analogous", "by analogy", "counterpart",
    ])

    /// The notice takes back or disclaims reliance on the provisions of the clause: they are only mentioned
    /// everywhere in the notice (a refusal "citing regulations 12(4)(b) and 12(5)(b)" and later "withdrew its
    /// reliance on regulation 12(5)(b)"), unless a finding names them.
    static let disclaimed = CueList(.disclaimed, [
        "no longer rel", "withdrew its reliance", "withdrawn its reliance", "has not relied", "have not relied",
        "had not relied", "did not rely", "does not rely", "not relied on", "not relied upon", "not been relied",
        "not cited", "did not cite", "has not cited", "not invoked", "did not seek to rely", "not sought to rely",
    ])

    /// Before a mention in its sentence, a provision named as law paraphrased or as a reference, not as what
    /// is relied on ("the interests protected by section 31(1)(a)", "relied on the matters at section 31(1)(b)"): "Section 30(3) provides that … exempt information by virtue of section 30(1) or (2)",
    /// "a body listed in section 23(3)", "the matters mentioned in section 31(1)", "a number of these
    /// requests had been refused under section 40(2)" (the complainant's earlier requests).
    static let reference = CueList(.reference, [
        "provides that", "provides:", "provide that", "provides as follows", "listed in", "specified in",
        "mentioned in", "referred to in", "previous request", "earlier request", "prior request", "these requests",
        "those requests", "other requests", "protected by", "matters at", "matters set out in",
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

    /// Provisions whose reliance the notice disclaims or withdraws (`disclaimed`) are mentioned in every
    /// paragraph, unless a finding names them.
    static func demoteDisclaimed(_ mentions: inout [ProvisionMention], cues: [CueText?], findings: [Finding]) {
        var gone = Set<Provision>()
        for m in mentions {
            guard let cue = cues[m.span.paragraph] else { continue }
            if cue.contains(any: disclaimed, in: cue.clause(containing: m.span.start)) { gone.insert(m.provision) }
        }
        for i in mentions.indices where mentions[i].role == .reliedOn && gone.contains(mentions[i].provision) {
            if !findings.contains(where: { $0.provision.isWithin(mentions[i].provision) }) { mentions[i].role = .mentioned }
        }
    }

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
        actNames.contains { Bytes.contains(cue.low, $0, in: s) }
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
        let sentence = cue.sentence(containing: range.lowerBound)
        if cue.occurrences(of: reference, in: sentence).contains(where: { $0.upperBound <= range.lowerBound }) { return .mentioned }
        if ownHeadingFamilies.contains(fam) || noticeHeadingFamilies.contains(fam) { return .reliedOn }
        if cue.contains(any: positive, in: cue.sentence(containing: range.lowerBound)) { return .reliedOn }
        return .mentioned
    }
}
