/// The notice's outcome and per-provision findings, from the complainant's side ("upheld" = the authority
/// was wrong on that point), as the ICO labels them.
///
/// Findings: each clause that states a decision (`entitled to rely on`, `correctly applied`, `appropriately
/// cited`, `is engaged` → the provisions in it are *not upheld*; `not entitled`, `failed to demonstrate`,
/// `incorrectly applied`, `not engaged`, `breached`, `failed to respond` → *upheld*; both in one clause →
/// *partly upheld*). Clauses are read in the Decision section first, then in sentences elsewhere that state
/// the Commissioner's decision (they mention the Commissioner, a decision or a finding); the Decision section
/// wins on conflicts. Quoted text, `Other matters` and `Right of appeal` are ignored. A delay with no section
/// named (`failed to respond within 20 working days`) is a finding on s10 (FOIA) or r5(2) (EIR).
///
/// Notice-level outcome (the rule, kept consistent):
/// - steps ordered and no exemption/exception upheld → **upheld**;
/// - steps ordered and some exemption upheld (partial disclosure ordered) → **partly upheld**;
/// - no steps: an exemption fails and another is upheld → **partly upheld**; an exemption fails → **upheld**;
/// - no steps, exemptions upheld, but a procedural breach found (s10, s11, s16, s17; EIR r5, r7, r9, r11,
///   r14) → **partly upheld** — the complainant won on that point, which is how the ICO's own listings
///   label such notices ("not upheld" on the exemption, "upheld" on the delay);
/// - no steps, exemptions upheld, no breach → **not upheld**;
/// - a procedural breach only (delay-only notices) → **upheld**;
/// - only a steps signal: ordered → upheld, none required → not upheld; no signal at all → nil.
enum OutcomeExtractor {
    static let wins = CueList(.wins, [
        "entitled to rely", "was entitled to", "is entitled to", "were entitled to", "correctly applied", "correctly relied",
        "correctly cited", "appropriately cited", "appropriately applied", "appropriately relied", "properly applied",
        "properly cited", "correctly withheld", "correctly refused", "correctly engaged", "is engaged", "was engaged",
        "are engaged", "were engaged", "complied with", "dealt with the request in accordance", "was correct to",
        "correctly stated", "correctly confirmed", "does not hold", "did not hold", "is satisfied that",
        "applied correctly", "cited correctly", "relied on correctly", "withheld correctly", "refused correctly",
        "applied appropriately", "applied properly", "engaged correctly",
    ])
    static let loses = CueList(.loses, [
        "not entitled", "failed to demonstrate", "has not demonstrated", "incorrectly applied", "incorrectly relied",
        "incorrectly cited", "wrongly", "not engaged", "breached", "breach of", "in breach", "failed to comply",
        "did not comply", "has not complied", "not complied", "failed to respond", "failed to provide", "did not respond",
        "not correctly", "cannot rely", "could not rely", "was not correct", "does not apply", "did not apply",
        "not dealt with the request in accordance", "did not deal with the request in accordance", "failed to issue",
        "outside the statutory", "failed to confirm", "is not satisfied", "was not entitled", "failed to carry out",
    ])
    /// The exemption is engaged but the public interest favours disclosure: the complainant wins on it,
    /// whatever "is engaged" earlier in the same sentence says.
    static let publicInterestReversal = CueList(.publicInterestReversal, [
        "does not outweigh the public interest in disclosure", "do not outweigh the public interest in disclosure",
        "public interest favours disclosure", "public interest favours disclosing", "public interest in disclosure outweighs",
        "public interest in disclosing the information outweighs", "balance of the public interest favours disclosure",
        "is outweighed by the public interest in disclosure", "are outweighed by the public interest in disclosure",
        "public interest lies in disclosure", "does not outweigh the public interest in disclosing",
        "presumption in favour of disclosure is not rebutted",
    ])
    static let stepsOrdered = CueList(.stepsOrdered, [
        "the following step", "to take the following", "must take the following", "calendar days of the date of this",
        "requires the public authority to take", "requires the council to take", "must disclose", "must issue",
    ])
    static let noSteps = CueList(.noSteps, [
        "does not require any steps", "requires no steps", "no steps are required", "does not require further steps",
        "does not require any further steps", "does not require the public authority to take any",
        "not require the public authority to take any", "not require the council to take any", "no further steps",
        "does not require any action", "no further action", "not require any steps", "does not require steps",
        "no steps are necessary", "not require any further steps",
    ])
    static let delay = CueList(.delay, ["within 20 working days", "within twenty working days", "within the statutory time",
                                       "within the time for compliance", "outside the statutory"])
    static let delayFailure = CueList(.delayFailure, ["fail", "did not", "breach", "outside", "late", "not respond", "not provide", "not issue"])
    static let decisionStatement = CueList(.decisionStatement, ["commissioner", "decision", "finds", "find that", "found that", "concludes"])

    static let procedural: Set<String> = ["s10", "s11", "s16", "s17", "r5", "r7", "r9", "r11", "r14"]

    /// Per-provision findings for a clause holding both a losing and a winning cue and more than one
    /// relied-on provision; nil otherwise. A winning cue inside a losing one ("not entitled") is ignored.
    static func nearestCueFindings(_ c: Range<Int>, cue: CueText, mentions: [ProvisionMention]) -> [(Provision, Outcome)]? {
        let inClause = mentions.filter { c.contains($0.span.start) && $0.role == .reliedOn }
        guard Set(inClause.map(\.provision)).count > 1 else { return nil }
        let loseHits = cue.occurrences(of: loses, in: c)
        let winHits = cue.occurrences(of: wins, in: c).filter { w in !loseHits.contains { $0.overlaps(w) } }
        guard !loseHits.isEmpty, !winHits.isEmpty else { return nil }
        func distance(_ m: ProvisionMention, _ h: Range<Int>) -> Int {
            h.lowerBound >= m.span.end ? h.lowerBound - m.span.end : max(0, m.span.start - h.upperBound)
        }
        return inClause.map { m in
            let l = loseHits.map { distance(m, $0) }.min()!, w = winHits.map { distance(m, $0) }.min()!
            return (m.provision, l <= w ? .upheld : .notUpheld)
        }
    }

    struct Result: Equatable {
        var outcome: Outcome?
        var findings: [Finding]
    }

    /// `mentions` are this notice's provision mentions with spans into `paragraphs`; `sections[i]` is
    /// paragraph i's `NoticeSection`, `cues[i]` its `CueText` if the role stage already built it.
    static func extract(_ paragraphs: [Paragraph], sections: [NoticeSection], cues: [CueText?], mentions: [ProvisionMention], law: Law) -> Result {
        var byParagraph: [Int: [ProvisionMention]] = [:]
        for m in mentions { byParagraph[m.span.paragraph, default: []].append(m) }
        var decision: [Provision: Outcome] = [:]
        var decisionOrder: [Provision] = []
        var body: [Provision: Outcome] = [:]
        var bodyOrder: [Provision] = []
        var ordered = false, none = false, generalWin = false, generalLose = false
        let delayProvision = law == .eir ? Provision(law: .eir, parts: ["5", "2"]) : Provision(law: .foia, parts: ["10"])

        func record(_ p: Provision, _ o: Outcome, decisionTier: Bool) {
            if decisionTier {
                if let old = decision[p] { decision[p] = old == o ? o : .partlyUpheld } else { decision[p] = o; decisionOrder.append(p) }
            } else {
                if let old = body[p] { body[p] = old == o ? o : .partlyUpheld } else { body[p] = o; bodyOrder.append(p) }
            }
        }

        var cuts: [Int] = []
        for (pi, p) in paragraphs.enumerated() {
            let section = sections[pi]
            if section == .otherMatters || section == .rightOfAppeal { continue }
            let isDecision = section == .decision
            let cue = cues[pi] ?? CueText(p.text)
            if isDecision {
                let all = 0..<cue.low.count
                if cue.contains(any: noSteps, in: all) { none = true } else if cue.contains(any: stepsOrdered, in: all) { ordered = true }
            }
            let ms = (byParagraph[pi] ?? []).filter { !cue.isQuoted($0.span.start..<$0.span.end) }
            for s in cue.sentences {
                if !isDecision && !cue.contains(any: decisionStatement, in: s) { continue }
                if cue.contains(any: publicInterestReversal, in: s) {
                    let inSentence = ms.filter { s.contains($0.span.start) && $0.role == .reliedOn }.map(\.provision)
                    for prov in inSentence { record(prov, .upheld, decisionTier: isDecision) }
                    if inSentence.isEmpty, isDecision { generalLose = true }
                    continue
                }
                // Clauses within the sentence: from each cut to the next (the last to the sentence's end).
                // `cuts` is reused across sentences, which are many.
                cuts.removeAll(keepingCapacity: true)
                cuts.append(s.lowerBound)
                for o in cue.occurrences(of: CueText.clauseCuts, in: s) { cuts.append(o.lowerBound) }
                cuts.sort()
                for (k, lo) in cuts.enumerated() {
                    let c = lo..<max(lo, k + 1 < cuts.count ? cuts[k + 1] : s.upperBound)
                    if c.isEmpty { continue }
                    let lose = cue.contains(any: loses, in: c)
                    let win = !lose && cue.contains(any: wins, in: c)
                    guard lose || win else { continue }
                    // "although section 12(1) was applied correctly … it breached section 17": both kinds
                    // of cue in one clause, several provisions — each takes the nearest cue.
                    if lose, let split = Self.nearestCueFindings(c, cue: cue, mentions: ms) {
                        for (prov, o) in split { record(prov, o, decisionTier: isDecision) }
                        continue
                    }
                    let o: Outcome = lose ? .upheld : .notUpheld
                    var inClause = ms.filter { c.contains($0.span.start) && $0.role == .reliedOn }.map(\.provision)
                    if lose, inClause.isEmpty, cue.contains(any: delay, in: c), cue.contains(any: delayFailure, in: c) {
                        inClause = [delayProvision]
                    }
                    if inClause.isEmpty, isDecision {
                        if lose { generalLose = true } else { generalWin = true }
                    }
                    for prov in inClause { record(prov, o, decisionTier: isDecision) }
                }
            }
        }
        var findings = decisionOrder.map { Finding(provision: $0, finding: decision[$0]!) }
        for p in bodyOrder where decision[p] == nil { findings.append(Finding(provision: p, finding: body[p]!)) }

        // Notice-level outcome, from the Decision section's findings if it has any, else all findings.
        let basis = decision.isEmpty ? findings : findings.filter { decision[$0.provision] != nil }
        func isProcedural(_ p: Provision) -> Bool { procedural.contains(ProvisionRoles.family(p)) }
        let substantiveUpheld = basis.contains { !isProcedural($0.provision) && $0.finding != .notUpheld } || (generalLose && basis.isEmpty)
        let exemptionHeld = basis.contains { !isProcedural($0.provision) && $0.finding != .upheld } || (generalWin && basis.isEmpty)
        let breach = basis.contains { isProcedural($0.provision) && $0.finding != .notUpheld }
        let outcome: Outcome?
        if ordered {
            outcome = exemptionHeld ? .partlyUpheld : .upheld
        } else if substantiveUpheld {
            outcome = exemptionHeld ? .partlyUpheld : .upheld
        } else if exemptionHeld {
            outcome = breach ? .partlyUpheld : .notUpheld
        } else if breach {
            outcome = .upheld
        } else if none {
            outcome = .notUpheld
        } else {
            outcome = nil
        }
        return Result(outcome: outcome, findings: findings)
    }
}
