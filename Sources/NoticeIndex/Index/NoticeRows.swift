/// The rows one notice adds to the ordinary tables, computed on an analysis worker so that the single
/// writer thread only binds values and steps statements (canonical provision names, the provision
/// hierarchy, normalised case forms and span lists were a third of its time at 25k notices).
struct NoticeRows: Sendable {
    struct Mention: Sendable { var seq: Int; var start: Int; var end: Int; var provision: String; var role: String }
    struct ProvisionLevel: Sendable { var provision: String; var relied: Bool; var listed: Bool; var mentions: Int }
    struct Finding: Sendable { var provision: String; var finding: String; var paragraph: Int?; var start: Int?; var end: Int? }
    struct Citation: Sendable { var key: String; var name: String?; var forms: [String]; var written: String; var spans: String }

    /// Relied-on provisions, most specific form, space-separated (the `notices.provisions` column).
    var listed: String
    var mentions: [Mention] = []
    var levels: [ProvisionLevel] = []
    var findings: [Finding]
    var citations: [Citation]

    init(_ extraction: Extraction, listed: [Provision]) {
        self.listed = listed.map(\.canonical).joined(separator: " ")
        struct Level { var relied = false; var listed = false; var mentions = 0 }
        var levels: [Provision: Level] = [:]
        for m in extraction.provisions {
            mentions.append(Mention(seq: m.span.paragraph, start: m.span.start, end: m.span.end,
                                    provision: m.provision.canonical, role: m.role.rawValue))
            for (depth, p) in m.provision.lineage.enumerated() {
                var l = levels[p, default: Level()]
                if m.role == .reliedOn { l.relied = true }
                if depth == 0 { l.mentions += 1 }
                levels[p] = l
            }
        }
        for p in listed { levels[p, default: Level()].listed = true }
        self.levels = levels.sorted { $0.key < $1.key }.map {
            ProvisionLevel(provision: $0.key.canonical, relied: $0.value.relied, listed: $0.value.listed, mentions: $0.value.mentions)
        }
        findings = extraction.findings.map {
            Finding(provision: $0.provision.canonical, finding: $0.finding.rawValue, paragraph: $0.paragraphNumber,
                    start: $0.span?.start, end: $0.span?.end)
        }
        citations = extraction.cases.map { c in
            Citation(key: c.key, name: c.name,
                     forms: Set([c.key] + c.aliases + c.citations + [c.name].compactMap { $0 }).map(CaseForms.normalise).sorted(),
                     written: c.citations.joined(separator: "\u{1F}"),
                     spans: c.spans.map { "\($0.paragraph):\($0.start):\($0.end)" }.joined(separator: " "))
        }
    }
}
