import Foundation

/// Runs every extractor over a parsed notice. Never throws: an extractor that finds nothing returns nothing.
///
/// Stages: provisions per paragraph (with the section named before as context for `subsections (1)(a)`),
/// typo repair (`ProvisionRepair`), roles (`ProvisionRoles`), outcome and findings (`OutcomeExtractor`),
/// authority (`AuthorityNormalizer`), case law (`CaseLawExtractor`).
public enum NoticeExtractor {
    public static func extract(_ notice: ParsedNotice) -> Extraction {
        let paragraphs = notice.paragraphs
        let law = notice.law ?? inferLaw(paragraphs)

        // Headings: provisions they name, per heading path and notice-wide (by section/regulation family).
        var headingCache: [String: [Provision]] = [:]
        func headingProvisions(_ h: String) -> [Provision] {
            if let c = headingCache[h] { return c }
            let ps = ProvisionFinder.find(in: h, law: law).map(\.provision)
            headingCache[h] = ps
            return ps
        }
        // Each paragraph's section, once: the role and outcome stages both ask for it.
        let sections = paragraphs.map { NoticeSection(headings: $0.headings) }
        // Paragraphs come in runs under one heading path (the parser gives a run one shared array, so the
        // comparison is cheap): each path's headings are looked up once per run, not once per paragraph.
        var noticeHeadingFamilies = Set<String>()
        var lastCounted: [String]? = nil
        for (p, section) in zip(paragraphs, sections) {
            guard section == .body || section == .decision, p.headings != lastCounted else { continue }
            lastCounted = p.headings
            for h in p.headings { for prov in headingProvisions(h) { noticeHeadingFamilies.insert(ProvisionRoles.family(prov)) } }
        }

        // Provisions, paragraph by paragraph.
        var raw: [(paragraph: Int, item: RawProvision)] = []
        var context: Provision? = nil
        var lastHeading: [String]? = nil
        for (pi, p) in paragraphs.enumerated() {
            if p.headings != lastHeading {
                lastHeading = p.headings
                if let h = p.headings.last, let hp = headingProvisions(h).last { context = hp }
            }
            let items = ProvisionFinder.scan(p.text, law: law, context: context)
            for it in items { raw.append((pi, it)) }
            if let last = items.last(where: { $0.plausible && !$0.fromWords }) { context = last.provision }
        }
        raw = ProvisionRepair.repair(raw)

        // Roles.
        var cues = [CueText?](repeating: nil, count: paragraphs.count)  // shared with the outcome stage
        var mentions: [ProvisionMention] = []
        mentions.reserveCapacity(raw.count)
        var ownFamilies: (headings: [String], families: Set<String>)? = nil  // of the last path asked about
        for (pi, it) in raw {
            let p = paragraphs[pi]
            let cue = cues[pi] ?? CueText(p.text)
            cues[pi] = cue
            if ownFamilies?.headings != p.headings {
                ownFamilies = (p.headings, Set(p.headings.flatMap(headingProvisions).map(ProvisionRoles.family)))
            }
            let own = ownFamilies!.families
            let role = ProvisionRoles.role(of: it.provision, at: it.range, in: cue, section: sections[pi],
                                           ownHeadingFamilies: own, noticeHeadingFamilies: noticeHeadingFamilies, law: law)
            mentions.append(ProvisionMention(provision: it.provision, role: role,
                                             span: Span(paragraph: pi, start: it.range.lowerBound, end: it.range.upperBound),
                                             text: ProvisionFinder.slice(p.text, it.range)))
        }

        var outcome = OutcomeExtractor.extract(paragraphs, sections: sections, cues: cues, mentions: mentions, law: law)
        ProvisionRoles.demoteMachinery(&mentions, findings: &outcome.findings)
        ProvisionRoles.demoteDisclaimed(&mentions, cues: cues, findings: outcome.findings)
        for i in outcome.findings.indices {
            if let s = outcome.findings[i].span { outcome.findings[i].paragraphNumber = paragraphs[s.paragraph].number }
        }
        let authority = notice.authority.flatMap { name -> AuthorityInfo? in
            name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : AuthorityNormalizer.info(for: name)
        }
        return Extraction(provisions: mentions, outcome: outcome.outcome, findings: outcome.findings,
                          authority: authority, cases: CaseLawExtractor.extract(paragraphs))
    }

    /// The regime when the parser could not tell: EIR if the text names the Regulations and regulations
    /// more often than the Act and sections.
    static func inferLaw(_ paragraphs: [Paragraph]) -> Law {
        var eir = 0, foia = 0
        let e1 = Array("environmental information regulations".utf8), e2 = Array("regulation ".utf8)
        let f1 = Array("freedom of information act".utf8), f2 = Array("section ".utf8)
        for p in paragraphs {
            let low = Bytes.lowered(p.text)
            eir += Bytes.occurrences(of: e1, in: low).count * 3 + Bytes.occurrences(of: e2, in: low).count
            foia += Bytes.occurrences(of: f1, in: low).count * 3 + Bytes.occurrences(of: f2, in: low).count
        }
        return eir > foia ? .eir : .foia
    }
}
