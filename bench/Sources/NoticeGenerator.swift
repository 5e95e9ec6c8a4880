import Foundation

/// Shared, read-only material for generating one corpus: the same for a seed, whatever the thread.
final class CorpusModel: @unchecked Sendable {
    let seed: UInt64
    let shape: CorpusShape
    let lexicon: Lexicon
    let authorities: [Authority]
    let authorityRank: ZipfSampler
    let tribunalCases: [CaseSpec]
    let foia = WeightedChoice(Catalog.foia)
    let eir = WeightedChoice(Catalog.eir)

    init(seed: UInt64, shape: CorpusShape = .standard) {
        self.seed = seed
        self.shape = shape
        lexicon = Lexicon(seed: seed)
        authorities = Catalog.authorities(seed: seed)
        authorityRank = ZipfSampler(count: authorities.count, exponent: 0.8)
        tribunalCases = Catalog.tribunalCases(seed: seed)
    }
}

/// What one generated notice is about; written out by `NoticeWriter`.
struct NoticePlan {
    enum Kind { case delay, full }
    enum Verdict { case upheld, partlyUpheld, notUpheld }
    var kind: Kind
    var legacy: Bool
    var law: String
    var provisions: [ProvisionSpec]
    var delayBreach: Bool
    var verdict: Verdict
    var authority: Authority
    var year: Int
    var month: Int
    var day: Int
    var reference: String?
    var paragraphs: Int
    /// Provisions the notice mentions in passing without relying on them, and where each is mentioned.
    var mentioned: [(spec: ProvisionSpec, site: MentionSite)] = []
}

/// Where a passing mention goes: the analysis of a relied-on provision, the scope of the case, quoted
/// correspondence, or "Other matters" (modern layout only).
enum MentionSite: CaseIterable { case analysis, scope, quoted, otherMatters }

/// Writes one notice as text: header, headings, numbered paragraphs with quotes and bullets, page
/// footers, and filler drawn from the Zipf vocabulary. Counts the filler words it wrote.
struct NoticeWriter {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    let model: CorpusModel
    var rng: SeededRandom
    var out: [UInt8] = []
    var fillerWords = 0
    var paragraph = 0
    var plan: NoticePlan
    private var dashMarkers: Bool
    private var footers: Bool
    private var page = 1
    private var sincePage = 0
    private var citedLong = Set<String>()
    /// The provision the section being written discusses (set by the section writers in NoticeSections.swift).
    var currentProvision: ProvisionSpec
    private var currentMention: ProvisionSpec?
    private var footnote = 0
    /// Cases cited, first citation first: short name, long form, and the provision under discussion.
    private(set) var citedCases: [(name: String, citation: String, under: String)] = []

    init(model: CorpusModel, index: Int) {
        self.model = model
        rng = SeededRandom(seed: model.seed, stream: UInt64(index) &+ 1)
        plan = NoticeWriter.makePlan(model: model, rng: &rng)
        dashMarkers = rng.chance(0.35)
        footers = rng.chance(0.6)
        currentProvision = plan.provisions[0]
        out.reserveCapacity(20_000)
    }

    static func makePlan(model: CorpusModel, rng: inout SeededRandom) -> NoticePlan {
        let shape = model.shape
        let legacy = rng.chance(0.1) || shape == .pre2011
        let year = legacy ? rng.int(2006...2011) : rng.int(2012...2025)
        let law = rng.chance(0.2) ? "EIR" : "FOIA"
        let kind: NoticePlan.Kind = rng.chance(shape == .manyShort ? 0.5 : 0.12) ? .delay : .full
        let choice = law == "EIR" ? model.eir : model.foia
        var provisions: [ProvisionSpec] = []
        let wanted = kind == .delay ? 1 : (shape == .denseCitations ? rng.int(3...5) : [1, 1, 1, 2, 2, 3][rng.int(6)])
        var picks = 0
        while provisions.count < wanted && picks < 200 {
            picks += 1
            let p = choice.pick(&rng)
            if !provisions.contains(where: { $0.body == p.body }) { provisions.append(p) }
        }
        if kind == .delay { provisions = [law == "EIR" ? Catalog.regulation5_2 : Catalog.section10] }
        let verdict: NoticePlan.Verdict
        if kind == .delay {
            verdict = .upheld
        } else {
            let u = rng.unit()
            verdict = u < 0.55 ? .notUpheld : (u < 0.75 ? .partlyUpheld : .upheld)
        }
        let reference: String?
        if rng.chance(0.03) {
            reference = nil
        } else if year >= 2020 && rng.chance(0.8) {
            let letters = Array("ABCDEFGHJKLMNPQRSTVWXYZ0123456789")
            let suffix = String((0..<4).map { _ in letters[rng.int(letters.count)] })
            reference = "IC-\(rng.int(40_000...330_000))-\(suffix)"
        } else {
            reference = law == "EIR" ? String(format: "FER0%06d", rng.int(100_000...999_999)) : String(format: "FS50%06d", rng.int(100_000...999_999))
        }
        let paragraphs: Int
        switch (shape, kind) {
        case (.manyShort, .delay): paragraphs = rng.int(6...10)
        case (.manyShort, .full): paragraphs = rng.int(10...18)
        case (.longParagraphs, .full): paragraphs = rng.int(12...30)
        case (_, .delay): paragraphs = rng.int(8...14)
        case (_, .full): paragraphs = rng.int(22...85)
        }
        var plan = NoticePlan(kind: kind, legacy: legacy, law: law, provisions: provisions, delayBreach: kind == .delay || rng.chance(0.25),
                              verdict: verdict, authority: model.authorities[model.authorityRank.sample(&rng)],
                              year: year, month: rng.int(1...12), day: rng.int(1...28), reference: reference, paragraphs: paragraphs)
        // Passing mentions in 45% of full notices (a fifth of those have two), drawn like relied-on
        // provisions but from other sections or regulations: the library reads a heading such as
        // "Section 31 - Law enforcement" as covering every 31(x), so a same-family mention would test
        // that rule rather than the relied-vs-mentioned boost.
        if kind == .full && (shape == .denseCitations || rng.chance(0.45)) {
            let wantedMentions = shape == .denseCitations ? 2 : (rng.chance(0.2) ? 2 : 1)
            // (EIR exceptions are all regulation 12, so an EIR notice's mentions are mostly 5(1) and 13(1).)
            var families = Set(provisions.map(\.number))
            var tries = 0
            while plan.mentioned.count < wantedMentions && tries < 20 {
                tries += 1
                let m = choice.pick(&rng)
                guard families.insert(m.number).inserted else { continue }
                let sites: [MentionSite] = legacy ? [.analysis, .scope, .quoted] : MentionSite.allCases
                plan.mentioned.append((m, sites[rng.int(sites.count)]))
            }
        }
        return plan
    }

    // MARK: - Output primitives

    mutating func add(_ s: String) { out.append(contentsOf: s.utf8) }
    mutating func line(_ s: String) { add(s); out.append(10) }
    mutating func blank() { out.append(10) }

    /// A heading on its own line, with blank lines around it.
    mutating func heading(_ s: String) {
        add("\n"); add(s); add("\n\n")
    }

    mutating func date(beforeNotice: Bool = true) -> String {
        let y = beforeNotice ? plan.year - (rng.chance(0.6) ? 1 : 0) : plan.year
        return "\(rng.int(1...28)) \(Self.months[rng.int(12)]) \(y)"
    }

    /// Filler: 6-20 words from the Zipf vocabulary, capitalised, with a full stop.
    mutating func fillerSentence() {
        let n = rng.int(6...17)
        for i in 0..<n {
            let w = model.lexicon.word(&rng)
            if i == 0 {
                var first = w
                if first[0] >= 97 && first[0] <= 122 { first[0] -= 32 }
                out.append(contentsOf: first)
            } else {
                out.append(32)
                if rng.chance(0.03) { add(String(rng.int(2...500))); out.append(32) }
                out.append(contentsOf: w)
            }
        }
        fillerWords += n
        out.append(46)
    }

    mutating func phrase() -> String {
        var words: [String] = []
        for _ in 0..<rng.int(3...6) {
            words.append(model.lexicon.strings[model.lexicon.sampler.sample(&rng)])
        }
        fillerWords += words.count
        return (rng.chance(0.5) ? "the " : "") + words.joined(separator: " ")
    }

    mutating func provisionList() -> String {
        let written = plan.provisions.map { $0.written(&rng) }
        if written.count == 1 { return written[0] }
        if rng.chance(0.5) {
            // "sections 24(2), 31(3) and 40(5) of FOIA"
            let word = plan.law == "EIR" ? "regulations " : "sections "
            let bodies = plan.provisions.map(\.body)
            return word + bodies.dropLast().joined(separator: ", ") + " and " + bodies.last! + (plan.law == "EIR" ? " of the EIR" : " of FOIA")
        }
        return written.dropLast().joined(separator: ", ") + " and " + written.last!
    }

    mutating func citation() -> String {
        let kind = currentProvision
        var pool: [CaseSpec]
        switch (kind.number, kind.kind) {
        case ("14", _), (_, .cost): pool = [Catalog.leadingCases[1], Catalog.leadingCases[2], Catalog.leadingCases[4]]
        case (_, .ncnd), ("23", _), ("24", _): pool = [Catalog.leadingCases[3], Catalog.leadingCases[0]]
        default: pool = [Catalog.leadingCases[0]]
        }
        if rng.chance(0.7) { pool = [model.tribunalCases[rng.int(model.tribunalCases.count)]] }
        let c = rng.pick(pool)
        if !citedCases.contains(where: { $0.citation == c.long }) { citedCases.append((c.short, c.long, kind.canonical)) }
        if citedLong.insert(c.short).inserted {
            // Footnote markers glued to names, as PDF extraction leaves them.
            if rng.chance(0.15) {
                footnote += 1
                return c.long + ["¹", "²", "³", "⁴", "⁵"][min(4, footnote - 1)]
            }
            return c.long
        }
        return c.short
    }

    /// Fills a template's placeholders.
    mutating func fill(_ template: String) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + 64)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let key = rest[rest.index(after: open)..<close]
            switch key {
            case "A": result += plan.authority.short
            case "AN": result += plan.authority.name
            case "P": result += currentProvision.written(&rng)
            case "PL": result += provisionList()
            case "M": result += currentMention?.written(&rng) ?? ""
            case "T": result += currentProvision.title.lowercased()
            case "D": result += date()
            case "C": result += citation()
            case "N": result += String(rng.int(19...400))
            case "X": result += phrase()
            case "HRS": result += plan.authority.short.contains("the department") || plan.authority.short.hasPrefix("the D") ? "24" : "18"
            case "LIM": result += plan.authority.short.hasPrefix("the D") ? "£600" : "£450"
            case "DAYS": result += plan.year >= 2023 ? "30" : "35"
            default: result += "{" + key + "}"
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        // Sentence-initial "the" from {A}, "section" from {P}.
        if result.contains(". the ") { result = result.replacingOccurrences(of: ". the ", with: ". The ") }
        if let first = result.first, first.isLowercase { result = first.uppercased() + result.dropFirst() }
        return result
    }

    /// A page break with the footer real PDFs leave: sometimes between paragraphs, sometimes mid-sentence.
    mutating func footerText() -> String {
        page += 1
        let ref = plan.reference ?? ""
        return "\n\n\n\(page)\n\n" + (ref.isEmpty ? "" : "Reference: \(ref)\n\n\n")
    }

    /// One numbered paragraph: a template sentence from `bank` plus filler, sometimes a quote block.
    /// `quoted` replaces the random quote block with that sentence in quotation marks.
    mutating func numbered(_ bank: [String], filler: ClosedRange<Int> = 0...3, quote: Double = 0, fixed: String? = nil, quoted: String? = nil) {
        paragraph += 1
        let start = out.count
        if dashMarkers && (rng.chance(0.4) || paragraph <= 3) { add("- ") }
        add("\(paragraph). ")
        var sentence = fixed ?? fill(rng.pick(bank))
        var fillers = rng.int(filler)
        switch model.shape {
        case .longParagraphs where fixed == nil: fillers = rng.int(6...16)
        case .manyShort, .pre2011: fillers = min(fillers, 1)
        case .denseCitations where rng.chance(0.5):
            sentence += fill(rng.pick([" See also {PL}, and {C}.", " The Commissioner has also considered {P} in the light of {C}.",
                                       " As to {PL}, see {C}."]))
        default: break
        }
        let before = fillers > 0 && rng.chance(0.3) ? 1 : 0
        for _ in 0..<before { fillerSentence(); out.append(32) }
        add(sentence)
        for _ in before..<fillers { out.append(32); fillerSentence() }
        if footers, paragraph > 2, rng.chance(0.03) {
            // A footer in the middle of the paragraph: split at a space past the start.
            if let space = out[(start + (out.count - start) / 2)...].firstIndex(of: 32) {
                out.replaceSubrange(space..<space + 1, with: Array(footerText().utf8))
            }
        }
        out.append(10)
        if let quoted {
            add("\n\"\(quoted)\"\n")
        } else if quote > 0 && rng.chance(quote) {
            quoteBlock()
        }
        if footnote > 0 && rng.chance(0.5) {
            add("\n\(["¹", "²", "³", "⁴", "⁵"][min(4, footnote - 1)]) https://www.gov.uk/administrative-appeals-tribunal-decisions/\(rng.int(1000...9999))\n")
            footnote = 0
        }
        out.append(10)
        sincePage += 1
        if footers && sincePage >= 7 && rng.chance(0.5) {
            add(footerText())
            sincePage = 0
        }
    }

    mutating func quoteBlock() {
        out.append(10)
        add("\"")
        for i in 0..<rng.int(1...4) {
            if i > 0 { add(rng.chance(0.3) ? "\n\n" : " ") }
            if rng.chance(0.2) { add("\(i + 1). ") }
            fillerSentence()
        }
        add("\"\n")
    }

    /// One paragraph per passing mention planned for `site`.
    mutating func passingMentions(_ site: MentionSite) {
        for (spec, s) in plan.mentioned where s == site {
            currentMention = spec
            switch site {
            case .analysis: numbered(Sentences.passingAnalysis, filler: 0...1)
            case .scope: numbered(Sentences.passingScope, filler: 0...1)
            case .otherMatters: numbered(Sentences.passingOther, filler: 0...1)
            case .quoted:
                let said = fill(rng.pick(Sentences.passingQuoted))
                numbered([], filler: 0...0, fixed: fill(rng.pick(["{A}'s internal review response included the following:",
                                                                  "The correspondence included the following passage:"])), quoted: said)
            }
            currentMention = nil
        }
    }

    mutating func bullets(_ items: [String]) {
        for item in items { add(" • "); add(fill(item)); out.append(10) }
        out.append(10)
    }
}
