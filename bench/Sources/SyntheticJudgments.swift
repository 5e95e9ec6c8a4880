import Foundation
import NoticeIndex
import NoticeEvaluation

/// A judged query set built from the generator's truth sidecar, for `relevance`.
///
/// Every query has a primary condition (relies on a provision, cites a case, is by an authority) and
/// optional secondary ones (the authority, outcome or case the query also names). A notice meeting the
/// primary condition and every secondary one is grade 2; the primary alone, grade 1; otherwise 0. So a
/// notice that only *mentions* the query's provision is not relevant, which is what makes the
/// relied-vs-mentioned boost measurable. Judgments reward exactly what the generator encodes; see
/// bench/RESULTS.md for what that leaves out.
struct SyntheticQuery {
    enum Condition {
        /// Relies on the provision, or on anything under it when `family` (`section 31` → every 31(x)).
        case relies(String, family: Bool)
        case reliesAny([String])
        case authority(String)
        case outcome(String)
        case cites(String)

        func holds(_ t: GeneratedTruth) -> Bool {
            switch self {
            case let .relies(p, family):
                return t.relied.contains { $0 == p || (family && $0.hasPrefix(p + "(")) }
            case let .reliesAny(ps): return t.relied.contains { ps.contains($0) }
            case let .authority(a): return t.authority == a
            case let .outcome(o): return t.outcome == o
            case let .cites(c): return t.cases.contains { $0.name == c }
            }
        }
    }

    var kind: String
    var text: String
    var primary: Condition
    var secondary: [Condition] = []

    func grade(_ t: GeneratedTruth) -> Int {
        guard primary.holds(t) else { return 0 }
        return secondary.allSatisfy { $0.holds(t) } ? 2 : 1
    }
}

enum SyntheticJudgments {
    /// The order kinds are reported in.
    static let kinds = ["provision", "provision + authority", "provision + outcome", "case", "case + words", "authority", "combined"]

    /// What each leading case is about, as the generator cites them (`NoticeWriter.citation`): a
    /// citing notice that relies on one of these is grade 2 for a query naming the case.
    static let caseTopics: [String: [String]] = [
        "Dransfield": ["s14(1)"],
        "Craven": ["s14(1)", "s12(1)", "r12(4)(b)"],
        "Privacy International": ["s23(5)", "s24(2)"],
        "Savic": ["s23(5)", "s24(2)", "s31(3)", "s40(5)", "s43(3)"],
    ]

    /// How a researcher types an authority: "Metropolitan Police" for the MPS, the force's name without
    /// "Chief Constable of", otherwise the name as the notice gives it.
    static func typed(_ authority: String) -> String {
        if authority == "Commissioner of Police of the Metropolis" { return "Metropolitan Police" }
        if authority.hasPrefix("Chief Constable of ") { return String(authority.dropFirst("Chief Constable of ".count)) }
        return authority
    }

    /// About 40 queries: fixed provision, outcome and case queries, plus authority queries chosen from
    /// the corpus (the commonest authorities, and for each the provision it most often relies on, so
    /// that every query has grade-2 notices).
    static func queries(_ truths: [GeneratedTruth]) -> [SyntheticQuery] {
        var out: [SyntheticQuery] = []
        func add(_ kind: String, _ text: String, _ primary: SyntheticQuery.Condition, _ secondary: [SyntheticQuery.Condition] = []) {
            out.append(SyntheticQuery(kind: kind, text: text, primary: primary, secondary: secondary))
        }
        // Provisions in the spellings researchers use; `section 31` is a family; s1(1) ("not held")
        // is one the library treats as machinery unless a finding names it.
        for (text, p, family) in [("section 31(3)", "s31(3)", false), ("s.40(2)", "s40(2)", false), ("reg 12(4)(b)", "r12(4)(b)", false),
                                  ("section 43(2)", "s43(2)", false), ("s14(1)", "s14(1)", false), ("regulation 12(5)(e)", "r12(5)(e)", false),
                                  ("section 31", "s31", true), ("s.42", "s42", false), ("section 1(1)", "s1(1)", false)] {
            add("provision", text, .relies(p, family: family))
        }

        var byAuthority: [String: [GeneratedTruth]] = [:]
        for t in truths { byAuthority[t.authority, default: []].append(t) }
        let authorities = byAuthority.keys.sorted { (byAuthority[$0]!.count, $1) > (byAuthority[$1]!.count, $0) }
        let spelt: [(String, String)] = [("section 31(3)", "s31(3)"), ("s.40(2)", "s40(2)"), ("section 43(2)", "s43(2)"), ("s14(1)", "s14(1)"),
                                         ("section 12(1)", "s12(1)"), ("section 30(1)", "s30(1)"), ("reg 12(4)(b)", "r12(4)(b)"),
                                         ("section 36(2)(b)(i)", "s36(2)(b)(i)"), ("section 41", "s41"), ("section 35(1)(a)", "s35(1)(a)")]
        // Ranks 1–6 and two rarer authorities; the MPS gets the brief's `section 31(3) Metropolitan Police`.
        for rank in [0, 1, 2, 3, 4, 5, 9, 19] where rank < authorities.count {
            let a = authorities[rank]
            let notices = byAuthority[a]!
            let pick = rank == 0 && a == "Commissioner of Police of the Metropolis" ? spelt[0]
                : spelt.max { x, y in
                    let cx = notices.filter { $0.relied.contains(x.1) }.count, cy = notices.filter { $0.relied.contains(y.1) }.count
                    return cx != cy ? cx < cy : spelt.firstIndex { $0 == x }! > spelt.firstIndex { $0 == y }!
                }!
            add("provision + authority", "\(pick.0) \(typed(a))", .relies(pick.1, family: false), [.authority(a)])
        }

        for (text, p, family, outcome) in [("section 14(1) not upheld", "s14(1)", false, "not upheld"), ("s.40(2) upheld", "s40(2)", false, "upheld"),
                                           ("reg 12(4)(b) partly upheld", "r12(4)(b)", false, "partly upheld"),
                                           ("section 43(2) not upheld", "s43(2)", false, "not upheld"),
                                           ("section 12 upheld", "s12", true, "upheld"), ("regulation 13 not upheld", "r13", true, "not upheld")] {
            add("provision + outcome", text, .relies(p, family: family), [.outcome(outcome)])
        }

        for name in ["Dransfield", "Savic", "Craven", "Privacy International"] {
            add("case", name, .cites(name), [.reliesAny(caseTopics[name]!)])
        }
        // The most cited First-tier Tribunal appeal, by its number.
        var appeals: [String: Int] = [:]
        for t in truths { for c in Set(t.cases.map(\.name)) where c.hasPrefix("EA/") { appeals[c, default: 0] += 1 } }
        if let ea = appeals.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key { add("case", ea, .cites(ea)) }

        add("case + words", "Dransfield vexatious", .cites("Dransfield"), [.reliesAny(["s14(1)"])])
        add("case + words", "Savic NCND", .cites("Savic"), [.reliesAny(caseTopics["Savic"]!)])
        add("case + words", "section 14(1) Dransfield", .relies("s14(1)", family: false), [.cites("Dransfield")])

        for a in authorities.prefix(4) { add("authority", typed(a), .authority(a)) }

        let a2 = authorities.count > 1 ? authorities[1] : authorities[0], a3 = authorities.count > 2 ? authorities[2] : a2
        add("combined", "section 31(3) NCND Metropolitan Police not upheld", .relies("s31(3)", family: false),
            [.authority("Commissioner of Police of the Metropolis"), .outcome("not upheld")])
        add("combined", "s.40(2) personal data \(typed(a2))", .relies("s40(2)", family: false), [.authority(a2)])
        add("combined", "Craven manifestly unreasonable reg 12(4)(b)", .relies("r12(4)(b)", family: false), [.cites("Craven")])
        add("combined", "section 43(2) commercial interests upheld", .relies("s43(2)", family: false), [.outcome("upheld")])
        add("combined", "section 36(2)(b)(i) \(typed(a3)) partly upheld", .relies("s36(2)(b)(i)", family: false),
            [.authority(a3), .outcome("partly upheld")])
        return out
    }

    /// The first `n` queries taken in turn from each kind, so a short run still covers every kind.
    static func limit(_ queries: [SyntheticQuery], to n: Int) -> [SyntheticQuery] {
        guard n < queries.count else { return queries }
        var buckets = kinds.map { k in queries.filter { $0.kind == k } }
        var picked: [SyntheticQuery] = []
        while picked.count < n {
            for i in buckets.indices where !buckets[i].isEmpty && picked.count < n { picked.append(buckets[i].removeFirst()) }
        }
        return kinds.flatMap { k in picked.filter { $0.kind == k } }
    }

    /// The judgments in the library's format (file base name → grade), decoded into `RelevanceJudgments`.
    static func judgments(_ queries: [SyntheticQuery], truths: [GeneratedTruth]) throws -> (RelevanceJudgments, Data) {
        struct Judged: Encodable { var query: String; var relevant: [String: Int]; var note: String }
        struct File: Encodable { var queries: [Judged] }
        let file = File(queries: queries.map { q in
            var relevant: [String: Int] = [:]
            for t in truths {
                let g = q.grade(t)
                if g > 0 { relevant[(t.file as NSString).deletingPathExtension] = g }
            }
            return Judged(query: q.text, relevant: relevant, note: q.kind)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(file)
        return (try JSONDecoder().decode(RelevanceJudgments.self, from: data), data)
    }
}
