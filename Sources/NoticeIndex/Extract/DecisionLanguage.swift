/// The decision language of ICO notices, as a rule table a lawyer can read and extend.
///
/// Every list is a set of lower-case phrases found anywhere in a clause (the sentence cut at `;`, `but`,
/// `however`, `whereas`, `because`, `, as`, `since`). The outcome stage (`OutcomeExtractor`) reads them
/// from the complainant's side, the ICO's convention: a *win* for the authority is a finding of
/// **not upheld** on the provisions in the clause, a *loss* is **upheld**.
///
/// | rule | phrases (examples) | finding |
/// |---|---|---|
/// | authority right | entitled to rely, correctly, appropriately, properly, is engaged, correct to, exempt from disclosure, favours maintaining, complied with, has not breached (the longer of two overlapping phrases stands) | not upheld |
/// | authority wrong | not entitled, incorrectly, inappropriately, wrongly, failed to demonstrate, not engaged, breached, contravened, could not rely, unable to rely, shortcomings | upheld |
/// | negation and scope | a *negator* (`not`, `n't`, `unable`, `cannot`, `no longer`, `failed to demonstrate`, `not satisfied`, `does not find` …) up to six words before a win phrase, in the same clause, turns it into a loss: "does not find this exemption engaged", "failed to demonstrate that regulation 12(5)(e) is engaged", "has not been applied appropriately" | upheld |
/// | negated loss | a negator of a belief (`does not consider that`, `not persuaded that`, `no evidence that`) up to six words before a loss phrase: "does not consider that the council breached regulation 14(2)" | not upheld |
/// | some of / the remainder | a decision in a sentence that also says `some of the`, `some information`, `majority of`, `a limited amount`, `part of the information`, `with the exception of`, `but not part`, `but not to`; a win on part and a loss on the remainder merge | partly upheld |
/// | held / not held (not in a sentence ordering a step) | `does not hold`, `not in possession`, `unlikely to hold`, `journalism, art or literature` (the BBC derogation: held for those purposes is outside FOIA) | not upheld on s1(1)(a) (EIR: r5(1)) unless the clause names a provision of its own |
/// | held after all | `does hold`, `holds more`, `holds further`, `not provided all` (partly, with "some of") | upheld on s1(1)(a) (EIR: r5(1)) |
/// | confirm or deny | a loss about `neither confirm nor deny` with no provision named | upheld on s1(1)(a) (EIR: r5(1)) |
/// | the authority's position | `upholds the`, `position is upheld` | not upheld |
/// | public interest reversal | engaged, but `public interest favours disclosure` | upheld (partly with "some of") |
/// | the law, not a finding | outside the Decision section, a sentence stating the law, the guidance, a test, a tribunal's reasoning or advice to a party (`in order for`, `guidance explains`, `takes from`, `explained to him`, `a public authority may`, `the tribunal held`) | no finding |
/// | not decided | `has not considered`, `not necessary to consider`, `did not contest` … (`ProvisionRoles.negative`); a question: `considered whether`, `to determine whether` | no finding |
/// | narration | in the Decision section, a sentence that tells what a party did (`explained`, `argued`, `refused`, `citing`, `initially`, `disclosed`, `responded`) with no decision verb (`decision is`, `finds`, `found`, `decided`, `is satisfied` …) | no finding |
/// | the complaint | `the complaint is upheld` / `partly upheld` / `not upheld` | the notice's outcome, as stated |
/// | steps ordered | `the following steps`, `must disclose`, `orders its disclosure`, `requires the … to disclose` | the complainant won something: upheld if nothing else is |
///
/// A clause with a decision phrase but no provision takes, in order: the provisions of cue-less clauses
/// before it in the same sentence ("should have handled the request under regulation 12(5)(e) but it
/// correctly withheld the information"); with `this exemption`, `the exception` … the provisions of the
/// last sentence that named any; a delay (`within 20 working days`) → s10 (EIR r5(2)).
enum DecisionLanguage {
    static let wins = CueList(.wins, [
        "entitled to rely", "was entitled to", "is entitled to", "were entitled to", "correctly", "appropriately",
        "properly applied", "properly cited", "properly engaged", "applied properly", "engaged", "complied with", "dealt with the request in accordance", "correct to",
        "correct not to", "is satisfied that", "exempt from disclosure", "is exempt under", "was exempt under",
        "were exempt under", "are exempt under", "is exempt by virtue", "was exempt by virtue",
        "favours maintaining", "lies in maintaining", "rests in maintaining", "rests with the exception",
        "rests with the exemption", "in maintaining the exemption outweighs", "in maintaining the exception outweighs",
        "upholds the", "position is upheld", " applies", " apply to", "withheld correctly", "is manifestly unreasonable", "are manifestly unreasonable",
        "was manifestly unreasonable", "were manifestly unreasonable", "is vexatious", "was vexatious", "were vexatious",
        "not obliged to comply", "not required to comply", "not obliged to confirm", "entitled to refuse",
        "not breached", "did not breach", "has not breached", "no breach of", "not in breach",
    ])
    static let loses = CueList(.loses, [
        "not entitled", "incorrect ", "failed to demonstrate", "has not demonstrated", "not demonstrated", "incorrectly",
        "inappropriately", "wrongly", "not engaged", "breached", "breach of", "in breach", "breaches",
        "failed to comply", "did not comply", "has not complied", "not complied", "not fully comply", "failed to respond",
        "failed to provide", "did not respond", "not correctly", "cannot rely", "could not rely", "unable to rely",
        "not able to rely", "was not correct", "is not correct", "not correct to", "does not apply", "did not apply",
        "not dealt with the request in accordance", "did not deal with the request in accordance", "failed to issue",
        "outside the statutory", "failed to confirm", "is not satisfied", "was not entitled", "failed to carry out",
        "contravened", "failed to meet", "shortcoming", "should have been dealt with under", "should have been handled under",
        "should have been considered under", "does not engage", "do not engage", "did not engage", "not exempt",
        "upholds the complaint", "is not vexatious", "was not vexatious", "were not vexatious", "not manifestly unreasonable",
        "did not provide", "has not provided", "did not issue", "has not issued", "did not meet", "has not met",
        "was not met", "should have disclosed", "should have been disclosed", "should be disclosed", "should now be disclosed",
        "must be disclosed", "wrong to", "was wrong", " erred", "improperly", "not shown", "unable to demonstrate",
        "not able to demonstrate", "not been able to demonstrate", "not uphold the",
        // a duty met only late, after the complaint: it was not met in time ("The trust has now complied with
        // its obligations under section 1(1)(b)"); the longer phrase stands over "complied with"
        "has now complied", "have now complied", "has since complied", "have since complied", "subsequently complied",
        "belatedly complied", "eventually complied",
    ])
    /// Words that turn a following win phrase into a loss (see the table above).
    static let negators = CueList(.negator, [
        " not ", "n't ", " unable ", " cannot ", " no longer ", "neither ", "failed to demonstrate", "not demonstrated", "not satisfied",
        "not persuaded", "not convinced", "does not consider", "does not find", "did not find", "does not accept",
        "not shown", "unable to demonstrate", "not able to demonstrate",
    ])
    /// The negators of a belief: up to six words before a *loss* phrase they make it a win ("does not
    /// consider that the council breached regulation 14(2)", "is not persuaded that it failed to comply").
    static let beliefNegators = CueList(.beliefNegator, [
        "does not consider that", "did not consider that", "does not find that", "did not find that",
        "not persuaded that", "not convinced that", "does not accept that", "no evidence that", "has not found that",
    ])
    /// A decision on only part of the information: the finding is partly upheld.
    /// ("engaged in respect of part (a) but not part (b)": the elliptic `but not` clause is the remainder.)
    static let partial = CueList(.partial, [
        "some of the", "some information", "some of it", "majority of", "a limited amount", "part of the information",
        "parts of the information", "some but not all", "with the exception of", "but not part", "but not to ",
        "but not in respect", "but not for the", "but not all", "but not the remaining",
    ])
    /// Not held (or held outside the Act): the authority was right on the duty to confirm and communicate.
    static let heldWins = CueList(.heldWin, [
        "does not hold", "did not hold", "is not held", "was not held", "were not held", "are not held",
        "not in fact held", "not in possession", "unlikely to hold", " holds no", " held no", "no further information is held",
        "no further information was held", "no information is held", "no information was held", "no recorded information", "journalism, art or literature", "journalism, art and literature",
    ])
    /// Held after all: the complainant was right that more exists.
    static let heldLoses = CueList(.heldLose, [
        "does hold", "did hold", "did in fact hold", "does in fact hold", "in fact held", " holds the requested information",
        " held the requested information", " holds more", " held more", " holds further", " held further", "not provided all", "is likely to hold",
    ])
    /// In the Decision section: a party's own account, not a decision (unless the Commissioner is named).
    static let narration = CueList(.narration, [
        "explained", "argued", " said ", " says ", "claimed", "initially", "refused", "refusing", "citing", "contested",
        "complained", "stated", "upheld its", "maintained its", "sought to rely", "considered it to be", "disclosed",
        "released", "clarified", "responded", "withholding", "provided part", "provided some", "changed its view",
        "revised its position", "stating that", "issued a refusal notice",
    ])
    /// What makes a narrating sentence a decision after all ("the Commissioner has found that …").
    static let decisionVerbs = CueList(.decisionVerb, [
        "decision is", "decision that", "finds", "found", "find that", "concludes", "concluded", "decided",
        "considers that", "is satisfied", "upholds", "requires", "incorrectly stated", "wrongly stated",
        "incorrectly claimed", "wrongly claimed", "incorrectly said", "wrongly said",
    ])
    /// A question the notice goes on to answer, not an answer: the clause decides nothing.
    static let questions = CueList(.question, [
        "considered whether", "consider whether", "considering whether", "determine whether", "decide whether",
        "investigated whether", "establish whether", "is whether", "are whether", "was whether", "not whether",
        // an instruction, not a finding: "otherwise confirm to the complainant that no further information is held"
        "confirm to the complainant", "formally confirm",
    ])
    /// A statement of the law, the guidance, a test or a tribunal's reasoning, or advice to a party — not a
    /// finding of this notice, though it may say "engaged", "exempt under" or "not held": "In order for a
    /// prejudice based exemption such as section 31 to be engaged …", "The Commissioner's guidance explains
    /// that a public authority may refuse … or confirmed it is not held", "The Commissioner takes from Cobain
    /// that …", "The Commissioner has explained to him that … is exempt under section 40(1)". Outside the
    /// Decision section such a sentence decides nothing.
    static let generalStatements = CueList(.generalStatement, [
        "in order for", "guidance explains", "guidance states", "guidance says", "guidance sets out", "criteria must be met",
        "takes from", "explained to him", "explained to her", "explained to the complainant", "advised the complainant",
        "a public authority may", "a public authority is not", "a public authority must", "a public authority can",
        "a public authority should", "an authority may", "the tribunal held", "the tribunal found", "tribunal considered",
        "tribunal accepted", "tribunal explained",
    ])
    /// Outside the Decision section a sentence that does not name the Commissioner, a decision or a finding
    /// is still a finding when the public authority is its subject and a procedural provision its object
    /// ("The department did not breach section 10(1)", "The council failed to comply with regulation
    /// 14(2)"), unless it has one of these: an authority in general (the law: "A public authority must
    /// comply with section 10(1)", "An authority that fails to comply with section 17(1)"), a condition, a
    /// question ("This reasoning covers whether the council is entitled to rely on … 1(1)"), or a party's
    /// own account ("The complainant argued that …", "The department explained that it complied …").
    static let notTheAuthoritysFinding = CueList(.notTheAuthoritysFinding, [
        "a public authority", "an authority", "any authority", "any public authority", "public authorities", "if ",
        " would ", " unless ", "argued", "complained", "claimed", "alleged", "contended", "explained that", "explained it", " said ",
        "stated that", "told ", "believed", "believes", "suggested that", "asked ", "requires ", " whether ",
    ])
    /// Outside the Decision section, a sentence about another request, another case or another authority
    /// decides nothing in this notice ("In the complainant's previous request, the department failed to
    /// comply with section 10(1)", "Another public authority … failed to comply with section 10(1)").
    static let elsewhere = CueList(.elsewhere, [
        "previous request", "earlier request", "prior request", "another request", "other requests", "separate request",
        "previous decision notice", "another decision notice", "previous case", "another case", "similar case",
        "another public authority", "other public authorities", "another authority", "other authorities",
    ])
    /// An anaphor: the clause decides the provisions named just before.
    static let anaphora = CueList(.anaphor, [
        "this exemption", "that exemption", "the exemption", "this exception", "that exception", "the exception",
        "these exemptions", "those exemptions", "these exceptions", "those exceptions", "the exemptions", "the exceptions",
        "neither exception", "neither exemption", "either exception", "either exemption", "both exceptions", "both exemptions",
    ])
    /// In the Decision section, `requires` or `orders` with one of these is a step ordered ("the Commissioner
    /// requires the trust to disclose …"); `does not require … any steps` is read first.
    static let orderVerbs = CueList(.orderVerb, [
        "to disclose", "to issue", "to provide", "to confirm", "to reconsider", "to respond", "to release", "to carry out",
    ])
    static let orders = CueList(.orders, ["requires", " orders", " ordered"])
    /// The duty to confirm or deny: a loss about it with no provision named is a finding on s1(1)(a) (EIR r5(1)).
    static let confirmOrDeny = CueList(.confirmOrDeny, ["confirm nor deny", "confirm or deny"])
    /// A procedural breach named without a section ("breaches of certain procedural requirements").
    static let procedural = CueList(.proceduralBreach, ["procedural", "shortcoming"])
    static let complaintUpheld = CueList(.complaintUpheld, ["complaint is upheld", "upholds the complaint", "complaint is therefore upheld"])
    static let complaintPartly = CueList(.complaintPartly, [
        "complaint is partly upheld", "complaint is partially upheld", "complaint is upheld in part",
        "upholds the complaint in part", "complaint is therefore partly upheld",
    ])
    static let complaintNotUpheld = CueList(.complaintNotUpheld, ["complaint is not upheld", "does not uphold the complaint"])
}
