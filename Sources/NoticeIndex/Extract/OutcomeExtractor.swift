/// The notice's per-provision findings and its outcome, from the complainant's side ("upheld" = the
/// complaint succeeded on that provision), as the ICO labels them.
///
/// Findings: each clause that states a decision is read by the rule table in `DecisionLanguage` (wins,
/// losses, negation and scope, some-of, held / not held, anaphora). Clauses are read in the Decision section
/// first (except sentences that only narrate what a party did), then in sentences elsewhere that state the
/// Commissioner's decision (they mention the Commissioner, a decision or a finding); the Decision section
/// wins on conflicts. Quoted text, `Other matters` and `Right of appeal` are ignored. Procedural provisions
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
                                       "within the time for compliance", "outside the statutory"])
    static let delayFailure = CueList(.delayFailure, ["fail", "did not", "breach", "outside", "late", "not respond", "not provide", "not issue"])
    static let decisionStatement = CueList(.decisionStatement, ["commissioner", "decision", "finds", "find that", "found that", "concludes"])

    static let procedural: Set<String> = ["s1", "s10", "s11", "s16", "s17", "r5", "r7", "r9", "r11", "r14"]

    struct Result: Equatable {
        var outcome: Outcome?
        var findings: [Finding]
    }

    /// Findings gathered for one tier (the Decision section, or the body), in first-seen order.
    private struct Tier {
        var order: [Provision] = []
        var found: [Provision: Finding] = [:]

        mutating func record(_ p: Provision, _ o: Outcome, _ span: Span) {
            if var old = found[p] {
                if old.finding != o { old.finding = .partlyUpheld }
                found[p] = old
            } else {
                found[p] = Finding(provision: p, finding: o, span: span)
                order.append(p)
            }
        }
    }

    /// Signals that bear on the outcome but name no provision.
    private struct Signals {
        var ordered = false, none = false, generalWin = false, generalLose = false, unnamedBreach = false
        var stated: Outcome? = nil
    }

    /// `mentions` are this notice's provision mentions with spans into `paragraphs`; `sections[i]` is
    /// paragraph i's `NoticeSection`, `cues[i]` its `CueText` if the role stage already built it.
    static func extract(_ paragraphs: [Paragraph], sections: [NoticeSection], cues: [CueText?], mentions: [ProvisionMention], law: Law) -> Result {
        var byParagraph: [Int: [ProvisionMention]] = [:]
        for m in mentions { byParagraph[m.span.paragraph, default: []].append(m) }
        var reader = Reader(law: law)
        for (pi, p) in paragraphs.enumerated() {
            let section = sections[pi]
            if section == .otherMatters || section == .rightOfAppeal { continue }
            let cue = cues[pi] ?? CueText(p.text)
            let ms = (byParagraph[pi] ?? []).filter { !cue.isQuoted($0.span.start..<$0.span.end) && $0.role == .reliedOn }
            reader.read(paragraph: pi, cue: cue, isDecision: section == .decision, mentions: ms)
        }
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
        let basis = decision.order.isEmpty ? findings : findings.filter { decision.found[$0.provision] != nil }
        return Result(outcome: outcome(of: basis, reader.signals), findings: findings)
    }

    /// Reads a notice paragraph by paragraph, sentence by sentence, clause by clause, collecting findings
    /// per tier and the signals that name no provision.
    private struct Reader {
        var decision = Tier(), body = Tier(), signals = Signals()
        /// The finding for held / not held without a provision: s1(1)(a), EIR r5(1).
        let held: Provision
        /// A delay with no section named: s10, EIR r5(2).
        let delayProvision: Provision
        /// The provisions of the last Decision sentence that named any (for anaphora).
        var last: [Provision] = []

        init(law: Law) {
            held = law == .eir ? Provision(law: .eir, parts: ["5", "1"]) : Provision(law: .foia, parts: ["1", "1", "a"])
            delayProvision = law == .eir ? Provision(law: .eir, parts: ["5", "2"]) : Provision(law: .foia, parts: ["10"])
        }

        /// Where the sentence being read is, and whether it decides on only some of the information.
        struct Place {
            var paragraph: Int
            var isDecision: Bool
            var cue: CueText
            var mentions: [ProvisionMention]
            var partial = false
        }

        mutating func recordWhole(_ prov: Provision, _ o: Outcome, _ r: Range<Int>, _ at: Place) {
            let span = Span(paragraph: at.paragraph, start: r.lowerBound, end: r.upperBound)
            if at.isDecision { decision.record(prov, o, span) } else { body.record(prov, o, span) }
        }

        mutating func record(_ prov: Provision, _ o: Outcome, _ r: Range<Int>, _ at: Place) {
            recordWhole(prov, at.partial ? .partlyUpheld : o, r, at)
        }

        mutating func read(paragraph pi: Int, cue: CueText, isDecision: Bool, mentions ms: [ProvisionMention]) {
            if isDecision { readSignals(cue) }
            var introduced = false  // "The Commissioner's decision is that:" — the bullets after it are decisions
            for s in cue.sentences {
                let stated = cue.contains(any: decisionStatement, in: s)
                defer {
                    if isDecision, cue.low[s].last(where: { $0 != 0x20 }) == 0x3A, cue.contains(any: DecisionLanguage.decisionVerbs, in: s) { introduced = true }
                }
                if !isDecision && !stated { continue }
                let inSentence = provisions(ms, in: s)
                if isDecision && !introduced && cue.contains(any: DecisionLanguage.narration, in: s) && !cue.contains(any: DecisionLanguage.decisionVerbs, in: s) {
                    if !inSentence.isEmpty { last = inSentence }  // "… and cited regulation 12(4)(e)": named for an anaphor
                    continue
                }
                let at = Place(paragraph: pi, isDecision: isDecision, cue: cue, mentions: ms,
                               partial: cue.contains(any: DecisionLanguage.partial, in: s))
                readSentence(s, inSentence, at)
                if isDecision, !inSentence.isEmpty { last = inSentence }
            }
        }

        /// Steps ordered or not, and an outcome the notice states, from a Decision paragraph.
        mutating func readSignals(_ cue: CueText) {
            let all = 0..<cue.low.count
            if cue.contains(any: noSteps, in: all) {
                signals.none = true
            } else if cue.contains(any: stepsOrdered, in: all)
                        || cue.sentences.contains(where: { cue.contains(any: DecisionLanguage.orders, in: $0) && cue.contains(any: DecisionLanguage.orderVerbs, in: $0) }) {
                signals.ordered = true
            }
            if cue.contains(any: DecisionLanguage.complaintPartly, in: all) { signals.stated = .partlyUpheld }
            else if cue.contains(any: DecisionLanguage.complaintNotUpheld, in: all) { signals.stated = .notUpheld }
            else if cue.contains(any: DecisionLanguage.complaintUpheld, in: all) { signals.stated = .upheld }
        }

        mutating func readSentence(_ s: Range<Int>, _ inSentence: [Provision], _ at: Place) {
            let cue = at.cue
            if cue.contains(any: publicInterestReversal, in: s) {
                let ps = inSentence.isEmpty && at.isDecision ? last : inSentence
                for prov in ps { record(prov, .upheld, s, at) }
                if ps.isEmpty, at.isDecision { signals.generalLose = true }
                return
            }
            var carry: [Provision] = []  // provisions of clauses before this one with no decision phrase
            for c in clauses(of: s, in: cue) { readClause(c, carry: &carry, at) }
        }

        mutating func readClause(_ c: Range<Int>, carry: inout [Provision], _ at: Place) {
            let cue = at.cue
            if cue.contains(any: ProvisionRoles.negative, in: c) || cue.contains(any: DecisionLanguage.questions, in: c) { carry = []; return }
            let hits = polarity(c, cue)
            // "neither confirm nor deny whether it holds the information" says nothing about holding it.
            let ncnd = cue.contains(any: DecisionLanguage.confirmOrDeny, in: c)
            let heldWin = !ncnd && cue.contains(any: DecisionLanguage.heldWins, in: c)
            let heldLose = !ncnd && !heldWin && cue.contains(any: DecisionLanguage.heldLoses, in: c)
            var inClause = provisions(at.mentions, in: c)
            if hits.wins.isEmpty && hits.loses.isEmpty && !heldWin && !heldLose {
                carry += inClause
                return
            }
            if heldWin || heldLose {
                // Held or not: a finding on the duty to confirm and communicate, unless the clause names a
                // provision of that family (r12(4)(a) for EIR "not held") itself. "does not hold some of the
                // information" is not held, not partly upheld; "has provided some of it but not all it holds"
                // is partly upheld.
                let own = inClause.filter { $0.isWithin(held.law == .eir ? Provision(law: .eir, parts: ["5"]) : Provision(law: .foia, parts: ["1"]))
                    || $0.isWithin(Provision(law: .eir, parts: ["12", "4", "a"])) }
                if own.isEmpty { heldWin ? recordWhole(held, .notUpheld, c, at) : record(held, .upheld, c, at) }
                if hits.wins.isEmpty && hits.loses.isEmpty {
                    for prov in own { heldWin ? recordWhole(prov, .notUpheld, c, at) : record(prov, .upheld, c, at) }
                    carry = []
                    return
                }
            }
            let lose = !hits.loses.isEmpty
            if inClause.isEmpty { inClause = carry }
            if inClause.isEmpty, at.isDecision, cue.contains(any: DecisionLanguage.anaphora, in: c) { inClause = last }
            if inClause.isEmpty, lose, cue.contains(any: delay, in: c), cue.contains(any: delayFailure, in: c) {
                inClause = [delayProvision]
            }
            if inClause.isEmpty, lose, at.isDecision, ncnd {
                inClause = [held]  // not entitled to neither confirm nor deny: the duty to confirm or deny, s1(1)(a)
            }
            carry = []
            if inClause.isEmpty {
                if at.isDecision, !(heldWin || heldLose) {
                    if lose { signals.generalLose = true } else { signals.generalWin = true }
                    if lose, cue.contains(any: DecisionLanguage.procedural, in: c) { signals.unnamedBreach = true }
                }
                return
            }
            if lose, !hits.wins.isEmpty, Set(inClause).count > 1 {
                // "although section 12(1) was applied correctly … it breached section 17": each provision
                // takes the nearest decision phrase.
                for m in at.mentions where c.contains(m.span.start) {
                    record(m.provision, nearestIsLoss(m, hits) ? .upheld : .notUpheld, c, at)
                }
            } else {
                for prov in inClause { record(prov, lose ? .upheld : .notUpheld, c, at) }
            }
        }
    }

    /// The notice's outcome from its findings and the signals that name no provision (the rule above).
    private static func outcome(of basis: [Finding], _ signals: Signals) -> Outcome? {
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

    /// The distinct relied-on provisions mentioned in `r`, in order.
    private static func provisions(_ ms: [ProvisionMention], in r: Range<Int>) -> [Provision] {
        var out: [Provision] = []
        for m in ms where r.contains(m.span.start) && !out.contains(m.provision) { out.append(m.provision) }
        return out
    }

    /// The sentence cut at its clause cuts, each clause from one cut to the next.
    private static func clauses(of s: Range<Int>, in cue: CueText) -> [Range<Int>] {
        var cuts = [s.lowerBound] + cue.occurrences(of: CueText.clauseCuts, in: s).map(\.lowerBound)
        cuts.sort()
        return cuts.enumerated().compactMap { k, lo in
            let c = lo..<max(lo, k + 1 < cuts.count ? cuts[k + 1] : s.upperBound)
            return c.isEmpty ? nil : c
        }
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
        var wins: [Range<Int>] = []
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

    /// Whether the loss phrase nearest to mention `m` is nearer than the nearest win phrase.
    private static func nearestIsLoss(_ m: ProvisionMention, _ hits: (wins: [Range<Int>], loses: [Range<Int>])) -> Bool {
        func distance(_ h: Range<Int>) -> Int {
            h.lowerBound >= m.span.end ? h.lowerBound - m.span.end : max(0, m.span.start - h.upperBound)
        }
        let l = hits.loses.map(distance).min() ?? Int.max, w = hits.wins.map(distance).min() ?? Int.max
        return l <= w
    }
}
