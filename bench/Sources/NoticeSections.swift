import Foundation

/// The notice itself, section by section (header, Decision, the modern or legacy body, annex,
/// signature), written with `NoticeWriter`'s output primitives.
extension NoticeWriter {
    mutating func write() -> [UInt8] {
        header()
        if plan.legacy { legacyBody() } else { modernBody() }
        signature()
        if model.shape == .pdfExtracted { return Self.pdfLayout(out, reference: plan.reference, rng: &rng) }
        return out
    }

    mutating func header() {
        let date = "\(plan.day) \(Self.months[plan.month - 1]) \(plan.year)"
        if let ref = plan.reference { line("Reference: \(ref)"); blank() }
        if plan.legacy {
            line(plan.law == "EIR" ? "Environmental Information Regulations 2004" : "Freedom of Information Act 2000 (Section 50)")
            blank(); line("Decision Notice"); blank()
        } else {
            line(plan.law == "EIR" ? "Environmental Information Regulations 2004 (EIR)" : "Freedom of Information Act 2000 (FOIA)")
            line("Decision notice"); blank()
        }
        line("Date: \(date)"); blank()
        if rng.chance(0.2) {
            line("Public Authority: \(plan.authority.name) Address: \(plan.authority.address.replacingOccurrences(of: "\n", with: " "))")
        } else {
            line("Public Authority: \(plan.authority.name)"); blank()
            line("Address: \(plan.authority.address)")
        }
        if rng.chance(0.1) { blank(); line("Complainant: Mr \(rng.pick(Catalog.surnames))") }
        blank()
    }

    mutating func decisionParagraphs() {
        currentProvision = plan.provisions[0]
        if plan.kind == .delay {
            numbered(plan.law == "EIR" ? Sentences.delayFindingEIR : Sentences.delayFinding, filler: 0...1)
        } else {
            numbered(Sentences.decisionIntro, filler: 0...1)
            switch plan.verdict {
            case .notUpheld: numbered(Sentences.notUpheld, filler: 0...1)
            case .upheld: numbered(Sentences.upheld, filler: 0...1)
            case .partlyUpheld: numbered(Sentences.partlyUpheld, filler: 0...1)
            }
            if plan.delayBreach { numbered(Sentences.delayFinding, filler: 0...0) }
        }
        if plan.verdict == .notUpheld {
            numbered(Sentences.noSteps, filler: 0...0)
        } else {
            numbered(Sentences.steps, filler: 0...0)
            bullets([rng.pick(Sentences.stepItems)] + (rng.chance(0.3) ? [rng.pick(Sentences.stepItems)] : []))
            numbered([], fixed: fill(Sentences.stepsDeadline))
        }
    }

    mutating func modernBody() {
        heading(rng.chance(0.85) ? "Decision (including any steps ordered)" : "Decision")
        decisionParagraphs()
        if plan.kind == .delay {
            heading("Request and response")
            for s in Sentences.delayRequest { numbered([s], filler: 0...1) }
            heading("Reasons for decision")
            for _ in 0..<max(1, plan.paragraphs - paragraph - 3) { numbered(Sentences.procedural, filler: 0...1) }
        } else {
            if rng.chance(0.25) {
                heading("Background")
                for _ in 0..<rng.int(1...3) { numbered([], filler: 2...4, fixed: fill("{A} is responsible for {X}.")) }
            }
            heading("Request and response")
            numbered(Sentences.request, filler: 0...0, quote: 1)
            for _ in 0..<rng.int(2...4) { numbered(Sentences.response, filler: 0...2, quote: 0.25) }
            passingMentions(.quoted)
            heading("Scope of the case")
            for _ in 0..<rng.int(2...4) { numbered(Sentences.scope, filler: 0...2) }
            passingMentions(.scope)
            heading("Reasons for decision")
            numbered(Sentences.reasonsIntro, filler: 0...1)
            provisionSections(budget: plan.paragraphs - paragraph - 6)
            if plan.delayBreach {
                heading("Procedural matters")
                currentProvision = Catalog.section10
                heading(Catalog.section10.heading(&rng))
                for _ in 0..<rng.int(1...3) { numbered(Sentences.procedural, filler: 0...1) }
            }
            let otherMention = plan.mentioned.contains { $0.site == .otherMatters }
            if rng.chance(0.5) || otherMention {
                heading("Other matters")
                for _ in 0..<rng.int(1...3) { numbered(Sentences.otherMatters, filler: 0...2) }
                passingMentions(.otherMatters)
            }
        }
        heading("Right of appeal")
        numbered([Sentences.appeal[0]], filler: 0...0)
        add(Sentences.tribunalAddress); add("\n\n")
        numbered([Sentences.appeal[1]], filler: 0...0)
        numbered([Sentences.appeal[2]], filler: 0...0)
    }

    /// The per-provision sections of "Reasons for decision", sharing `budget` paragraphs.
    mutating func provisionSections(budget: Int) {
        let share = max(3, budget / plan.provisions.count)
        for p in plan.provisions {
            currentProvision = p
            heading(p.heading(&rng))
            let bank: [String]
            switch (p.number, p.kind) {
            case ("14", _): bank = Sentences.vexatious
            case ("40", .absolute), ("13", _): bank = Sentences.personal
            case ("41", _): bank = Sentences.confidence
            case ("21", _): bank = Sentences.accessible
            case ("1", _), ("12", .absolute): bank = Sentences.notHeld
            case (_, .cost): bank = Sentences.cost
            case (_, .ncnd): bank = Sentences.ncnd + Sentences.prejudice
            default: bank = Sentences.prejudice
            }
            let hasPI = p.kind == .qualified || (p.kind == .ncnd && p.number != "23" && p.number != "40")
            let own = hasPI ? max(2, share * 3 / 5) : share
            for i in 0..<own {
                if i > 0 && rng.chance(model.shape == .denseCitations ? 0.4 : 0.05) {
                    numbered(Sentences.caseLaw, filler: 0...2)
                } else {
                    numbered(bank, filler: 0...2, quote: 0.12)
                }
            }
            if p.body == plan.provisions[0].body { passingMentions(.analysis) }
            if hasPI {
                let rest = max(4, share - own)
                heading("Public interest test")
                numbered(Sentences.publicInterest, filler: 0...2)
                heading("Public interest arguments in favour of disclosure")
                for _ in 0..<max(1, (rest - 2) / 2) { numbered(Sentences.piDisclosure, filler: 1...3, quote: 0.2) }
                heading(plan.law == "EIR" ? "Public interest in maintaining the exception" : "Public interest arguments in favour of maintaining the exemption")
                for _ in 0..<max(1, (rest - 2) / 2) { numbered(Sentences.piMaintaining, filler: 1...3, quote: 0.3) }
                heading(rng.chance(0.7) ? "Balance of the public interest" : "Public interest balancing test")
                numbered(Sentences.piBalance, filler: 0...2)
            }
        }
    }

    mutating func legacyBody() {
        heading("Summary")
        decisionParagraphs()
        heading("The Commissioner's Role")
        for s in Sentences.legacyRole { numbered([s], filler: 0...0) }
        if model.shape == .pre2011 { for s in Boilerplate.period { numbered([s], filler: 0...0) } }
        heading("The Request")
        numbered(Sentences.request, filler: 0...0, quote: 1)
        numbered(Sentences.response, filler: 0...2)
        passingMentions(.quoted)
        heading("The Investigation")
        heading("Chronology")
        for _ in 0..<rng.int(2...5) { numbered(Sentences.scope + Sentences.response, filler: 0...2) }
        passingMentions(.scope)
        heading("Analysis")
        if plan.kind == .delay {
            heading("Procedural Requirements")
            for _ in 0..<max(1, plan.paragraphs - paragraph - 3) { numbered(Sentences.procedural, filler: 0...1) }
        } else {
            heading("Exemptions")
            provisionSections(budget: plan.paragraphs - paragraph - 6)
            if plan.delayBreach {
                heading("Procedural Requirements")
                numbered(Sentences.procedural, filler: 0...1)
            }
        }
        heading("The Decision")
        currentProvision = plan.provisions[0]
        numbered(plan.verdict == .notUpheld ? Sentences.notUpheld : Sentences.upheld, filler: 0...1)
        heading("Steps Required")
        numbered(plan.verdict == .notUpheld ? Sentences.noSteps : Sentences.steps, filler: 0...0)
        heading("Right of Appeal")
        numbered([Sentences.appeal[0]], filler: 0...0)
        add(Sentences.tribunalAddress); add("\n\n")
        numbered([Sentences.appeal[2]], filler: 0...0)
        if model.shape == .pre2011 { legalAnnex() }
    }

    /// The pre-2011 "Legal Annex": the statutory text behind each provision relied on, then the fixed
    /// sections every notice of the period quoted (unnumbered, as the annexes were).
    mutating func legalAnnex() {
        heading("Legal Annex")
        line(Boilerplate.annexIntro); blank()
        for p in plan.provisions {
            currentProvision = p
            heading(p.heading(&rng))
            for s in Boilerplate.statute.prefix(3) { line(fill(s)); blank() }
        }
        currentProvision = plan.provisions[0]
        for s in Boilerplate.statute.dropFirst(3) { line(s); blank() }
    }

    mutating func signature() {
        add("\nSigned\n\n\(rng.pick(["Ben", "Sarah", "Carolyn", "Andrew", "Laura", "Gerrard", "Phillip", "Joanna"])) \(rng.pick(Catalog.surnames))\n")
        add("\(rng.pick(Sentences.signatures))\nInformation Commissioner's Office\nWycliffe House\nWater Lane\nWilmslow\nCheshire\nSK9 5AF\n")
    }
}
