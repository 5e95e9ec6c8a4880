import Foundation

/// The filler vocabulary: common English words at the head of a Zipf curve, a few thousand real
/// English and legal word forms behind them, and ~50,000 generated pseudo-words in the long tail, so
/// that rare terms (a handful of hits in 25,000 notices) exist and can be queried.
struct Lexicon {
    /// Words by rank, most frequent first; UTF-8 bytes ready to append.
    let words: [[UInt8]]
    let strings: [String]
    let sampler: ZipfSampler

    init(seed: UInt64, pseudoWords: Int = 50_000, exponent: Double = 1.0) {
        var rng = SeededRandom(seed: seed, stream: 0xFEED)
        var seen = Set<String>()
        var list: [String] = []
        func add(_ w: String) { if seen.insert(w).inserted { list.append(w) } }

        Lexicon.head.split(separator: " ").forEach { add(String($0)) }

        var real: [String] = []
        for base in Lexicon.bases.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) {
            real.append(base)
            for form in Lexicon.inflections(of: base) { real.append(form) }
        }
        rng.shuffle(&real)
        real.forEach(add)

        let onsets = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k", "l", "m",
                      "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sl", "sp", "st", "t", "th", "tr", "v", "w", "z"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"]
        let codas = ["", "", "", "n", "r", "l", "s", "m", "nd", "st", "x", "k", "th", "ck", "mp"]
        var made = 0
        while made < pseudoWords {
            let syllables = [2, 2, 2, 2, 2, 3, 3, 3, 3, 4][rng.int(10)]
            var w = ""
            for i in 0..<syllables {
                w += rng.pick(onsets) + rng.pick(vowels)
                if i == syllables - 1 || rng.chance(0.3) { w += rng.pick(codas) }
            }
            if w.count >= 5, seen.insert(w).inserted {
                list.append(w)
                made += 1
            }
        }
        strings = list
        words = list.map { Array($0.utf8) }
        sampler = ZipfSampler(count: list.count, exponent: exponent)
    }

    func word(_ rng: inout SeededRandom) -> [UInt8] { words[sampler.sample(&rng)] }

    /// The word at `rank`, and how often it is expected in `tokens` filler words.
    func expected(rank: Int, tokens: Double) -> (String, Double) {
        (strings[rank], sampler.probability(rank) * tokens)
    }

    /// A few regular inflections; some are not real English, which is fine for a benchmark vocabulary.
    static func inflections(of w: String) -> [String] {
        guard w.count >= 4 else { return [w + "s"] }
        var out = w.hasSuffix("y") ? [] : [w + "s"]
        if w.hasSuffix("e") {
            out += [w + "d", String(w.dropLast()) + "ing"]
        } else if w.hasSuffix("y") {
            out += [String(w.dropLast()) + "ies", String(w.dropLast()) + "ied"]
        } else {
            out += [w + "ed", w + "ing"]
        }
        if w.hasSuffix("ate") { out.append(String(w.dropLast()) + "ion") }
        if w.hasSuffix("al") { out.append(w + "ly") }
        return out
    }

    /// Commonest words of English and of notices, roughly in order of frequency.
    static let head = """
        the of to and a in that is information for be it on by as this was with not or which are has have would \
        any under its an request from been at commissioner public authority disclosure he his were requested \
        should also if held their there all may other can such this these whether will about complainant into \
        exemption interest only but does could more than case no one what so they being who when out some \
        decision notice section withheld response considered made provided data time those between because \
        within further however him both where same each new being after how then must given part would \
        likely reasons view act regulation position order process following relevant records regarding
        """

    /// Real English and legal base words (inflected forms are added).
    static let bases = """
        access account accountability accuracy act action activity address adequate adjudicate administer advice \
        affect agency agenda agreement allegation allocate allowance amend analysis annual appeal applicant apply \
        appoint approach appropriate approve archive argue arrangement assess asset assist assurance attach audit \
        balance barrister benefit boundary breach brief budget burden business calculate campaign candour capacity \
        category caution certify challenge charge charity circulate citizen claim clarify clause client collate \
        collect committee communicate community comparison compile complain complete comply compose concern \
        conclude condition conduct confer confidence confirm conflict consent consequence consider constable \
        consult contact contain contend context contract contribute control convey coordinate copy corporate \
        correspond cost council counsel court cover create credible crime criterion custody damage deadline \
        debate decide declare defence define delay delegate delete deliberate deliver demonstrate deny department \
        deploy describe design detail detect determine develop device differ direct disclose discover discuss \
        dispute distinguish document domain draft duty economy effect effective element email employ enable \
        enforce engage ensure enquire entitle environment equip escalate establish estimate evaluate evidence \
        examine exchange exclude executive exempt exercise exist expect expend explain expose extend extract \
        facility factor fairness fee file finance finding focus forecast formal format forward frame function \
        fund govern grant guidance handle harm hearing identify impact implement impose improve incident include \
        incur indicate individual inform inspect instruct insurance integrity intend interpret interview \
        investigate invoice involve issue judge judgment justify knowledge label lawful legislation letter \
        liability licence limit list litigate locate maintain manage mandate material matter measure meeting \
        memorandum method minute mitigate monitor motive negotiate neutral nominate note notify object obligate \
        obtain occupy offence offer officer operate opinion option outcome outline oversee panel parliament \
        participate partner payment penalty perform permit persist personnel persuade petition plan planning \
        police policy portfolio possess practice predict prejudice prepare present preserve prevent principle \
        priority privacy privilege procedure proceed produce professional programme prohibit project promote \
        proportion propose prosecute protect protocol provide provision publish purchase purpose pursue qualify \
        query question quote raise reason receive recommend reconsider record recover redact refer reflect \
        refuse regard register regulate reject relate release rely remain remedy renew report represent \
        reputation require research reserve resolve resource respond restrict retain reveal review revise risk \
        role safeguard sanction schedule scope scrutiny search secure security seek select sensitive serve \
        settle share signify site source specify staff standard statement statute strategy submit subsequent \
        substance suggest summary supervise supply support suspect sustain system target tender term test \
        threat threshold tribunal trust undertake update validate value verify victim volume warrant welfare \
        witness workforce assert breadth candid cohort culpable diligent disproportionate distress divulge \
        erode expedite fetter forensic frivolous hinder illustrate impartial imprudent inadvertent inference \
        intrusive jeopardise legitimate meritorious mosaic notional obstruct onerous oppressive paramount \
        plausible precedent pretext prudent recourse redress remit rigour salient serious speculative stringent \
        tangible transparent undermine unwarranted vexatious weight
        """
}
