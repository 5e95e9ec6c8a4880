/// Every ranking weight, in one place. Checked on the hand-judged queries over `Corpus/`
/// (`Tests/NoticeIndexTests/Relevance`) and tuned on generated notices with judgments from the generator
/// (`noticeindex-bench relevance --tune`); bench/RESULTS.md has P@5 and nDCG@10 with each weight switched
/// off and the tuning grid. The surface is flat around these values; switching the relied-provision,
/// outcome or cited-case boost off costs the most.
public struct RankingWeights: Sendable, Equatable {
    /// bm25 column weights of `notice_fts` (heading, decision, body, terms). Headings and the Decision
    /// section say what a notice turns on; body text also carries quoted submissions and boilerplate.
    public var heading = 4.0
    public var decision = 2.0
    public var body = 1.0
    public var terms = 1.5

    /// Boosts, as fractions of the best text score among the candidates, so they mean the same for
    /// one-word and ten-word queries.
    /// A query provision the notice relies on (or decides). 0.6 → 1.0 moved held-out nDCG@10 0.966 → 0.971.
    public var reliedProvision = 1.0
    /// A query provision the notice only mentions.
    public var mentionedProvision = 0.1
    /// The query names the notice's authority ("MPS", "Home Office").
    public var authority = 0.4
    /// The query names the notice's outcome ("not upheld").
    public var outcome = 0.3
    /// The query names a case the notice cites ("Dransfield").
    public var citedCase = 0.5

    /// How many notices bm25 hands to the re-ranker.
    public var candidates = 200

    public init() {}

    /// Plain bm25 over the notice text, for the side-by-side relevance table.
    public static var bm25Only: RankingWeights {
        var w = RankingWeights()
        w.heading = 1; w.decision = 1; w.body = 1; w.terms = 1
        w.reliedProvision = 0; w.mentionedProvision = 0; w.authority = 0; w.outcome = 0; w.citedCase = 0
        return w
    }
}
