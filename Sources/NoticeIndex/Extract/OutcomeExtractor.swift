/// The notice's per-provision findings and its outcome, from the complainant's side ("upheld" = the
/// complaint succeeded on that provision), as the ICO labels them.
///
/// Findings: each clause that states a decision is read by the rule table in `DecisionLanguage` (wins,
/// losses, negation and scope, some-of, held / not held, anaphora). Clauses are read in the Decision section
/// first (except sentences that only narrate what a party did), then in sentences elsewhere that state the
/// Commissioner's decision (they mention the Commissioner, a decision or a finding) or make the authority
/// the subject of a procedural finding ("The council did not breach section 10(1)", not the law, a party's
/// account or a condition: `DecisionLanguage.notTheAuthoritysFinding`), and not about another request or
/// authority (`DecisionLanguage.elsewhere`); the Decision section wins on conflicts. Quoted text, `Other matters` and `Right of appeal` are ignored. Procedural provisions
/// (s1, s10, s16, s17, r5, r11, r14) get findings of their own, upheld when a breach is found.
///
/// Notice-level outcome — the rule of the ICO's listings, applied to the findings (those of the Decision
/// section when it has any):
/// - all findings upheld → **upheld**; all not upheld → **not upheld**; anything else → **partly upheld**;
/// - a breach found with no provision named ("breaches of certain procedural requirements"), or a loss
///   with no provision anywhere, counts as one more *upheld*;
/// - steps ordered count as one more *upheld* (the complainant won something);
/// - with no findings: a win with no provision → not upheld; no steps required → not upheld;
/// - a notice that states it ("the complaint is partly upheld") has that outcome;
/// - no signal at all → nil.
enum OutcomeExtractor {
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
        "orders its disclosure", "orders the disclosure", "orders disclosure", "requires the public authority to disclose",
        "requires the public authority to issue", "issue a fresh response", "issue a new response", "to reprocess the request",
        "must provide", "must reconsider", "should provide the complainant",
    ])
    static let noSteps = CueList(.noSteps, [
        "does not require any steps", "requires no steps", "no steps are required", "does not require further steps",
        "does not require any further steps", "does not require the public authority to take any",
        "not require the public authority to take any", "not require the council to take any", "no further steps",
        "does not require any action", "no further action", "not require any steps", "does not require steps",
        "no steps are necessary", "not require any further steps", "requires no remedial steps", "no remedial steps",
        "does not therefore require any steps", "no steps to be taken", "requires no steps",
    ])
    static let delay = CueList(.delay, ["within 20 working days", "within twenty working days", "within the statutory time",
                                       "not yet complied", "yet to comply", "not yet responded", "yet to respond",
                                       "within the time for compliance", "outside the statutory"])
    static let delayFailure = CueList(.delayFailure, ["fail", "did not", "breach", "outside", "late", "not respond", "not provide", "not issue"])
    static let decisionStatement = CueList(.decisionStatement, ["commissioner", "decision", "finds", "find that", "found that", "concludes"])

    static let procedural: Set<String> = ["s1", "s10", "s11", "s16", "s17", "r5", "r7", "r9", "r11", "r14"]

    struct Result: Equatable {
        var outcome: Outcome?
        var findings: [Finding]
    }

    /// `mentions` are this notice's provision mentions with spans into `paragraphs`; `sections[i]` is
    /// paragraph i's `NoticeSection`, `cues[i]` its `CueText` if the role stage already built it.
    static func extract(_ paragraphs: [Paragraph], sections: [NoticeSection], cues: [CueText?], mentions: [ProvisionMention], law: Law) -> Result {
        let reader = read(paragraphs, sections: sections, cues: cues, mentions: mentions, law: law)
        let findings = merged(reader, mentions: mentions)
        let decision = reader.decision
        let basis = decision.order.isEmpty ? findings : findings.filter { decision.found[$0.provision] != nil }
        return Result(outcome: outcome(of: basis, reader.signals), findings: findings)
    }

    /// Every paragraph that can state a decision (not `Other matters` or `Right of appeal`), read with its
    /// relied-on mentions outside quoted text.
    private static func read(_ paragraphs: [Paragraph], sections: [NoticeSection], cues: [CueText?], mentions: [ProvisionMention], law: Law) -> FindingReader {
        var byParagraph: [Int: [ProvisionMention]] = [:]
        for m in mentions { byParagraph[m.span.paragraph, default: []].append(m) }
        var reader = FindingReader(law: law)
        for (pi, p) in paragraphs.enumerated() {
            let section = sections[pi]
            if section == .otherMatters || section == .rightOfAppeal { continue }
            let cue = cues[pi] ?? CueText(p.text)
            let ms = (byParagraph[pi] ?? []).filter { !cue.isQuoted($0.span.start..<$0.span.end) && $0.role == .reliedOn }
            reader.read(paragraph: pi, cue: cue, isDecision: section == .decision, mentions: ms)
        }
        return reader
    }

    /// The Decision section's findings, then the body's on provisions the Decision section does not decide;
    /// each on its most specific relied-on form, and a held / not held finding folded into a written one.
    private static func merged(_ reader: FindingReader, mentions: [ProvisionMention]) -> [Finding] {
        let (decision, body, held) = (reader.decision, reader.body, reader.held)
        var findings = decision.order.map { decision.found[$0]! }
        for p in body.order where decision.found[p] == nil { findings.append(body.found[p]!) }
        findings = mostSpecific(findings, relied: mentions.filter { $0.role == .reliedOn }.map(\.provision))
        if !mentions.contains(where: { $0.provision == held }) {
            // Only provisions written with their numbers: "not held" read as r12(4)(a) from the words alone is
            // the same finding as the held one, not a second provision to fold it into.
            let written = Set(mentions.filter { $0.text.contains(where: \.isNumber) }.map(\.provision))
            findings = foldHeld(findings, held: held, written: written)
        }
        return findings
    }

    /// The notice's outcome from its findings and the signals that name no provision (the rule above).
    private static func outcome(of basis: [Finding], _ signals: FindingReader.Signals) -> Outcome? {
        if let stated = signals.stated { return stated }
        var labels = Set(basis.map(\.finding))
        if signals.unnamedBreach || (signals.generalLose && basis.isEmpty) { labels.insert(.upheld) }
        if signals.ordered, !labels.contains(.upheld), !labels.contains(.partlyUpheld) { labels.insert(.upheld) }
        if labels.isEmpty {
            if signals.generalWin || signals.none { return .notUpheld }
            return nil
        }
        return labels.count == 1 ? labels.first! : .partlyUpheld
    }

    /// "Section 22 is not engaged" in a notice that relies on s22(1) alone decides s22(1): a finding on a
    /// provision with exactly one more specific relied-on form takes that form (unless that form has a
    /// finding already).
    static func mostSpecific(_ findings: [Finding], relied: [Provision]) -> [Finding] {
        var out: [Finding] = []
        for var f in findings {
            // The tests inside a provision (r13(2A), s40(3A)) are not forms of it that a notice decides.
            let inner = Set(relied.filter { p in
                p != f.provision && p.isWithin(f.provision) && !ProvisionRoles.tests.contains { p.isWithin($0) }
            })
            if inner.count == 1, let p = inner.first { f.provision = p }
            // Decision-section findings come first and stand; a body finding on the same provision adds nothing.
            if !out.contains(where: { $0.provision == f.provision }) { out.append(f) }
        }
        return out
    }

    /// Provisions the findings decide that no written relied-on form names ("does not hold the information"
    /// decides s1(1)(a), EIR r5(1), "failed to respond within 20 working days" s10): the notice decides them
    /// all the same, so they are listed with its provisions. Not when a relied-on form of the provision, or
    /// one within it, is relied on, nor EIR r5(1) beside the not-held exception r12(4)(a) written with its
    /// number (one duty; "not held" in words alone also reads as r12(4)(a), and does not count).
    static func decidedUnwritten(_ findings: [Finding], mentions: [ProvisionMention]) -> [Provision] {
        let relied = mentions.filter { $0.role == .reliedOn }
        let notHeld = [Provision(law: .eir, parts: ["5", "1"]), Provision(law: .eir, parts: ["12", "4", "a"])]
        func same(_ m: ProvisionMention, _ p: Provision) -> Bool {
            let a = m.provision
            if a.isWithin(p) || p.isWithin(a) { return true }
            return m.text.contains(where: \.isNumber) && notHeld.contains { a.isWithin($0) } && notHeld.contains { p.isWithin($0) }
        }
        return findings.map(\.provision).filter { p in !relied.contains { same($0, p) } }
    }

    /// A held / not held finding made without a provision (`held`, s1(1)(a) or r5(1), not written in the
    /// notice) and a finding on a written provision of the same duty (s1(1)(a) "did not comply with section
    /// 1(1)"; EIR r5(1), or the not-held exception r12(4)(a)) are one finding.
    static func foldHeld(_ findings: [Finding], held: Provision, written: Set<Provision>) -> [Finding] {
        let duties = held.law == .eir ? [held, Provision(law: .eir, parts: ["12", "4", "a"])] : [Provision(law: .foia, parts: ["1"])]
        guard let h = findings.firstIndex(where: { $0.provision == held }),
              let k = findings.firstIndex(where: { f in
                  f.provision != held && written.contains(f.provision) && duties.contains { f.provision.isWithin($0) }
              }) else { return findings }
        var out = findings
        if out[k].finding != out[h].finding { out[k].finding = .partlyUpheld }
        out.remove(at: h)
        return out
    }

    /// The win and loss phrases of a clause after negation and scope: of overlapping phrases the longer
    /// stands ("inappropriately" is a loss, "has not breached" a win); a win phrase with a negator up to six words before it ("does not
    /// find this exemption engaged", "failed to demonstrate that … is engaged") is a loss.
    static func polarity(_ c: Range<Int>, _ cue: CueText) -> (wins: [Range<Int>], loses: [Range<Int>]) {
        // Of a win and a loss phrase that overlap, the longer stands: "inappropriately" is a loss, "has not
        // breached" a win; a tie goes to the loss ("incorrect to").
        let allWins = cue.occurrences(of: DecisionLanguage.wins, in: c)
        var loses = cue.occurrences(of: DecisionLanguage.loses, in: c).filter { l in !allWins.contains { $0.overlaps(l) && $0.count > l.count } }
        let held = cue.occurrences(of: DecisionLanguage.heldWins, in: c) + cue.occurrences(of: DecisionLanguage.heldLoses, in: c)
        let rawWins = allWins.filter { w in !loses.contains { $0.overlaps(w) && $0.count >= w.count } }
        let taken = loses + rawWins + held
        // A negator inside another phrase ("did not respond", "does not hold") negates that phrase only;
        // a scope phrase that is also a loss ("failed to demonstrate") still reaches forward.
        let negators = cue.occurrences(of: DecisionLanguage.negators, in: c).filter { n in
            let core = n.lowerBound + 1..<n.upperBound - 1
            return !taken.contains { $0.overlaps(core) && !($0.lowerBound >= n.lowerBound && $0.upperBound <= n.upperBound) }
        }
        // "does not consider that the council breached regulation 14(2)": a negated finding of a breach is
        // a win (only the negators of a belief reach over a loss phrase; "not" alone is part of most losses).
        let beliefs = cue.occurrences(of: DecisionLanguage.beliefNegators, in: c)
        var rawWinsPlus = rawWins
        loses.removeAll { l in
            let negated = beliefs.contains { n in
                n.upperBound <= l.lowerBound && !n.overlaps(l) && words(in: cue.low, n.upperBound..<l.lowerBound) <= 6
            }
            if negated { rawWinsPlus.append(l) }
            return negated
        }
        var wins: [Range<Int>] = []
        for w in rawWinsPlus where !rawWins.contains(w) { wins.append(w) }
        for w in rawWins {
            let negated = negators.contains { n in
                n.upperBound <= w.lowerBound + 1 && words(in: cue.low, n.upperBound..<max(n.upperBound, w.lowerBound)) <= 6
            }
            if negated { loses.append(w) } else { wins.append(w) }
        }
        return (wins, loses)
    }

    /// The number of words in `low[r]`.
    private static func words(in low: [UInt8], _ r: Range<Int>) -> Int {
        var count = 0, inWord = false
        for i in r {
            let space = low[i] == 0x20 || low[i] == 0x0A
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
