/// Reads a notice paragraph by paragraph, sentence by sentence, clause by clause, collecting findings per
/// tier (the Decision section, the body) and the signals that name no provision; `OutcomeExtractor` merges
/// the tiers and applies the outcome rule. The phrases it reads are `DecisionLanguage`'s rule table and the
/// cue lists of `OutcomeExtractor`.
struct FindingReader {
    /// Findings gathered for one tier (the Decision section, or the body), in first-seen order.
    struct Tier {
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
    struct Signals {
        var ordered = false, none = false, generalWin = false, generalLose = false, unnamedBreach = false
        var stated: Outcome? = nil
    }

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
        /// The sentence orders a step ("requires the trust to issue a fresh response which does not
        /// state that the information is not held"): held / not held words in it describe the response
        /// to be made, not a finding.
        var ordering = false
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
            let stated = cue.contains(any: OutcomeExtractor.decisionStatement, in: s)
            defer {
                if isDecision, cue.low[s].last(where: { $0 != 0x20 }) == 0x3A, cue.contains(any: DecisionLanguage.decisionVerbs, in: s) { introduced = true }
            }
            var ms = ms
            if !isDecision {
                if cue.contains(any: DecisionLanguage.generalStatements, in: s) || cue.contains(any: DecisionLanguage.elsewhere, in: s) { continue }
                if !stated {
                    // "The department did not breach section 10(1)": the authority as the subject of a
                    // procedural finding; only its procedural provisions are decided.
                    if cue.contains(any: DecisionLanguage.notTheAuthoritysFinding, in: s) { continue }
                    ms = ms.filter { s.contains($0.span.start) && OutcomeExtractor.procedural.contains(ProvisionRoles.family($0.provision)) }
                    if ms.isEmpty { continue }
                }
            }
            let inSentence = Self.provisions(ms, in: s)
            if isDecision && !introduced && cue.contains(any: DecisionLanguage.narration, in: s) && !cue.contains(any: DecisionLanguage.decisionVerbs, in: s) {
                if !inSentence.isEmpty { last = inSentence }  // "… and cited regulation 12(4)(e)": named for an anaphor
                continue
            }
            let at = Place(paragraph: pi, isDecision: isDecision, cue: cue, mentions: ms,
                           partial: cue.contains(any: DecisionLanguage.partial, in: s),
                           ordering: cue.contains(any: DecisionLanguage.orders, in: s) && cue.contains(any: DecisionLanguage.orderVerbs, in: s))
            readSentence(s, inSentence, at)
            if isDecision, !inSentence.isEmpty { last = inSentence }
        }
    }

    /// Steps ordered or not, and an outcome the notice states, from a Decision paragraph.
    mutating func readSignals(_ cue: CueText) {
        let all = 0..<cue.low.count
        if cue.contains(any: OutcomeExtractor.noSteps, in: all) {
            signals.none = true
        } else if cue.contains(any: OutcomeExtractor.stepsOrdered, in: all)
                    || cue.sentences.contains(where: { cue.contains(any: DecisionLanguage.orders, in: $0) && cue.contains(any: DecisionLanguage.orderVerbs, in: $0) }) {
            signals.ordered = true
        }
        if cue.contains(any: DecisionLanguage.complaintPartly, in: all) { signals.stated = .partlyUpheld }
        else if cue.contains(any: DecisionLanguage.complaintNotUpheld, in: all) { signals.stated = .notUpheld }
        else if cue.contains(any: DecisionLanguage.complaintUpheld, in: all) { signals.stated = .upheld }
    }

    mutating func readSentence(_ s: Range<Int>, _ inSentence: [Provision], _ at: Place) {
        let cue = at.cue
        if cue.contains(any: OutcomeExtractor.publicInterestReversal, in: s) {
            let ps = inSentence.isEmpty && at.isDecision ? last : inSentence
            for prov in ps { record(prov, .upheld, s, at) }
            if ps.isEmpty, at.isDecision { signals.generalLose = true }
            return
        }
        var carry: [Provision] = []  // provisions of clauses before this one with no decision phrase
        for c in Self.clauses(of: s, in: cue) { readClause(c, carry: &carry, at) }
    }

    mutating func readClause(_ c: Range<Int>, carry: inout [Provision], _ at: Place) {
        let cue = at.cue
        if cue.contains(any: ProvisionRoles.negative, in: c) || cue.contains(any: DecisionLanguage.questions, in: c) { carry = []; return }
        let hits = OutcomeExtractor.polarity(c, cue)
        // "neither confirm nor deny whether it holds the information" says nothing about holding it.
        let ncnd = cue.contains(any: DecisionLanguage.confirmOrDeny, in: c)
        let heldWin = !ncnd && !at.ordering && cue.contains(any: DecisionLanguage.heldWins, in: c)
        let heldLose = !ncnd && !at.ordering && !heldWin && cue.contains(any: DecisionLanguage.heldLoses, in: c)
        var inClause = Self.provisions(at.mentions, in: c)
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
        if inClause.isEmpty, lose, cue.contains(any: OutcomeExtractor.delay, in: c), cue.contains(any: OutcomeExtractor.delayFailure, in: c) {
            inClause = [delayProvision]
        }
        if inClause.isEmpty, lose, at.isDecision, ncnd {
            inClause = [held]  // not entitled to neither confirm nor deny: the duty to confirm or deny, s1(1)(a)
        }
        carry = []
        // "did not deal with the request in accordance with section 10(1), in that it failed to comply with
        // section 1(1) within 20 working days": the delay is the finding; the duty it delayed is its object.
        // "has not yet complied with section 1(1)" (a delay-only notice, the ICO's FOI 10): the finding is on the
        // time limit too, as the ICO labels a late or missing response.
        if cue.contains(any: OutcomeExtractor.delay, in: c) {
            let duty = held.law == .eir ? held : Provision(law: .foia, parts: ["1"])
            if lose, !inClause.contains(where: { $0.isWithin(delayProvision) }), inClause.contains(where: { $0.isWithin(duty) }) {
                inClause.append(delayProvision)
            }
            if inClause.contains(where: { $0.isWithin(delayProvision) }) { inClause.removeAll { $0.isWithin(duty) } }
        }
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
                record(m.provision, Self.nearestIsLoss(m, hits) ? .upheld : .notUpheld, c, at)
            }
        } else {
            for prov in inClause { record(prov, lose ? .upheld : .notUpheld, c, at) }
        }
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

    /// Whether the loss phrase nearest to mention `m` is nearer than the nearest win phrase.
    private static func nearestIsLoss(_ m: ProvisionMention, _ hits: (wins: [Range<Int>], loses: [Range<Int>])) -> Bool {
        func distance(_ h: Range<Int>) -> Int {
            h.lowerBound >= m.span.end ? h.lowerBound - m.span.end : max(0, m.span.start - h.upperBound)
        }
        let l = hits.loses.map(distance).min() ?? Int.max, w = hits.wins.map(distance).min() ?? Int.max
        return l <= w
    }
}
