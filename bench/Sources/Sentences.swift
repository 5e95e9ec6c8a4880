/// Sentence templates by section of a notice. Placeholders: {A} the authority as the text refers to
/// it, {AN} its full name, {P} the provision of the section (spelt anew each time), {PL} the list of
/// provisions the authority cited, {T} that provision's title, {D} an earlier date, {C} a case
/// citation, {N} a small number, {M} a provision mentioned in passing, {X} a short filler phrase, {HRS} hours, {LIM} the cost limit.
enum Sentences {
    static let decisionIntro = [
        "The complainant has requested information from {AN} about {X}. {A} refused the request, citing {PL}.",
        "The complainant requested information relating to {X}. {A} relied on {PL} to withhold the information.",
        "The complainant has requested copies of records concerning {X}. {A} refused to provide it, citing {PL}.",
    ]
    static let notUpheld = [
        "The Commissioner's decision is that {A} was entitled to rely on {P} to refuse the request.",
        "The Commissioner's decision is that {A} correctly applied {P} to the withheld information.",
        "The Commissioner's decision is that {P} is engaged and that the public interest favours maintaining the exemption.",
    ]
    static let upheld = [
        "The Commissioner's decision is that {A} was not entitled to rely on {P} to refuse the request.",
        "The Commissioner's decision is that {A} has failed to demonstrate that {P} is engaged.",
        "The Commissioner's decision is that {A} incorrectly applied {P} to the requested information.",
    ]
    static let partlyUpheld = [
        "The Commissioner's decision is that {A} was entitled to rely on {P} for part of the information, but it was not entitled to withhold the remainder.",
        "The Commissioner finds that {P} was correctly applied to some of the information but that {A} has failed to demonstrate that it applies to the rest.",
    ]
    static let noSteps = [
        "The Commissioner does not require any steps.",
        "The Commissioner does not require the public authority to take any steps as a result of this decision.",
        "No steps are required.",
        "The Commissioner requires no steps to be taken.",
    ]
    static let steps = [
        "The Commissioner requires the public authority to take the following steps to ensure compliance with the legislation.",
    ]
    static let stepItems = [
        "Disclose the withheld information to the complainant.",
        "Issue a fresh response to the request which does not rely on {P}.",
        "Disclose the information that the Commissioner has found is not exempt, redacting any personal data.",
        "Provide the complainant with a substantive response to the request in accordance with its obligations.",
    ]
    static let stepsDeadline =
        "The public authority must take these steps within {DAYS} calendar days of the date of this decision notice. Failure to comply may result in the Commissioner making written certification of this fact to the High Court pursuant to section 54 of the Act and may be dealt with as a contempt of court."
    static let delayFinding = [
        "The Commissioner's decision is that {A} has failed to respond within 20 working days and has therefore breached section 10(1) of FOIA.",
        "The Commissioner finds that {A} did not respond to the request within the statutory time for compliance.",
    ]
    static let delayFindingEIR = [
        "The Commissioner's decision is that {A} failed to respond within 20 working days and so breached regulation 5(2) of the EIR.",
    ]
    static let request = [
        "On {D}, the complainant wrote to {A} and requested information in the following terms:",
        "On {D}, the complainant made the following request for information:",
        "The complainant wrote to {A} on {D} and asked for:",
    ]
    static let response = [
        "{A} responded on {D}. It refused to provide the requested information, citing {PL}.",
        "Following an internal review, {A} wrote to the complainant on {D}. It maintained its original position.",
        "{A} provided its internal review response on {D}, in which it upheld its position.",
        "The complainant requested an internal review on {D}.",
        "{A} responded on {D}, apologising for the delay. It disclosed some information but withheld the remainder under {P}.",
    ]
    static let delayRequest = [
        "On {D}, the complainant wrote to {A} and requested information about {X}.",
        "The complainant contacted the Commissioner on {D} to complain that {A} had not responded to the request.",
        "The Commissioner wrote to {A} on {D} reminding it of its responsibilities and asking it to provide a response within 10 working days.",
        "At the date of this notice, {A} has not provided a response to the request.",
    ]
    static let scope = [
        "The complainant contacted the Commissioner on {D} to complain about the way their request for information had been handled.",
        "The Commissioner considers that the scope of this case is to determine whether {A} was entitled to rely on {P} to withhold the requested information.",
        "During the course of the investigation, {A} revised its position and also cited {P}.",
        "The Commissioner has viewed the withheld information.",
        "The complainant did not contest the application of {P}, so it has not been considered further.",
    ]
    static let reasonsIntro = [
        "This reasoning covers whether {A} is entitled to rely on {PL} to refuse the request.",
        "The Commissioner has first considered {P}.",
    ]
    static let prejudice = [
        "{P} is a prejudice-based exemption.",
        "In order for a prejudice based exemption such as {P} to be engaged, three criteria must be met.",
        "The Commissioner accepts that disclosure would be likely to prejudice {T}.",
        "{A} argued that disclosure would, or would be likely to, prejudice {T}.",
        "The Commissioner is satisfied that the exemption at {P} is engaged and has gone on to consider the public interest test.",
        "There must be a causal relationship between the potential disclosure and the prejudice which the exemption is designed to protect.",
        "The Commissioner does not accept that {A} has demonstrated a causal link between disclosure and the harm it envisages.",
    ]
    static let ncnd = [
        "{P} provides an exemption from the duty to confirm or deny whether information is held.",
        "{A} would neither confirm nor deny (NCND) holding any information falling within the scope of the request, citing {P}.",
        "The Commissioner is satisfied that {A} was entitled to neither confirm nor deny holding the requested information.",
        "To confirm or deny whether the information is held would itself disclose information that is exempt under {P}.",
        "The Commissioner must consider whether confirming or denying, rather than disclosing, would be likely to cause the prejudice claimed.",
        "A public authority must be consistent in its use of neither confirm nor deny responses, whether or not information is held.",
    ]
    static let cost = [
        "{P} allows a public authority to refuse a request where the cost of compliance would exceed the appropriate limit.",
        "The appropriate limit is {LIM}, which equates to {HRS} hours of work at a rate of £25 per hour.",
        "{A} estimated that it would take {N} hours to locate, retrieve and extract the requested information.",
        "The Commissioner considers that the estimate provided by {A} is reasonable and based on cogent evidence.",
        "The Commissioner considers the request to be manifestly unreasonable on the grounds of the cost and burden of compliance.",
        "{A} was under a duty to provide advice and assistance under section 16 of FOIA so that the complainant could refine the request.",
    ]
    static let vexatious = [
        "{P} states that a public authority is not obliged to comply with a request if it is vexatious.",
        "The Upper Tribunal in {C} defined a vexatious request as a manifestly unjustified, inappropriate or improper use of a formal procedure.",
        "The Commissioner considers that the request is vexatious.",
        "The request places a disproportionate burden on {A} and there is little serious purpose or value in it.",
        "The Commissioner has considered the four broad themes identified in {C}: the burden of the request, the motive of the requester, the value or serious purpose of the request and any harassment or distress to staff.",
        "{A} considered the request vexatious given the history of previous requests on the same matter.",
    ]
    static let personal = [
        "{P} provides that information is exempt if it is the personal data of an individual other than the requester and disclosure would contravene any of the data protection principles.",
        "The Commissioner has considered whether disclosure would be lawful under Article 6(1)(f) of the UK GDPR.",
        "The Commissioner accepts that the complainant is pursuing a legitimate interest, but disclosure is not necessary to meet it.",
        "The individuals concerned would have a reasonable expectation that their personal data would not be disclosed to the world at large.",
        "The Commissioner is satisfied that the withheld information is personal data.",
    ]
    static let confidence = [
        "{P} applies where disclosure would constitute a breach of confidence actionable by that or any other person.",
        "The Commissioner is satisfied that the information has the necessary quality of confidence.",
        "The information was imparted in circumstances importing an obligation of confidence.",
    ]
    static let notHeld = [
        "The Commissioner's approach is to decide, on the civil standard of the balance of probabilities, whether the information is held.",
        "{A} explained the searches it carried out, including searches of its electronic records using relevant search terms.",
        "The Commissioner is satisfied that, on the balance of probabilities, {A} does not hold the requested information.",
        "The complainant believes that further information must be held, given {X}.",
    ]
    static let accessible = [
        "{P} provides that information which is reasonably accessible to the applicant by other means is exempt.",
        "{A} directed the complainant to the information published on its website.",
    ]
    static let publicInterest = [
        "The public interest test requires the Commissioner to consider whether, in all the circumstances of the case, the public interest in maintaining the exemption outweighs the public interest in disclosure.",
        "There is a general public interest in transparency and accountability in the way public money is spent.",
        "The Commissioner recognises the public interest in openness about {X}.",
    ]
    static let piDisclosure = [
        "The complainant argued that disclosure would increase public understanding of {X}.",
        "There is a public interest in {A} being open about how it reaches decisions.",
        "Disclosure would allow the public to scrutinise {X}.",
    ]
    static let piMaintaining = [
        "{A} argued that there is a very strong public interest in protecting {T}.",
        "There is a strong public interest in safeguarding the integrity of investigations and operations.",
        "Disclosure would be likely to have a chilling effect on the free and frank exchange of views.",
    ]
    static let piBalance = [
        "The Commissioner considers that the public interest in maintaining the exemption outweighs the public interest in disclosure.",
        "Having weighed the arguments, the Commissioner finds that the balance of the public interest favours disclosure.",
        "The Commissioner has found that the public interest is balanced in favour of maintaining the exemption.",
        "Under the EIR there is a presumption in favour of disclosure under regulation 12(2), which the Commissioner has taken into account.",
    ]
    static let caseLaw = [
        "In {C} the Tribunal found that the exemption was engaged on similar facts.",
        "The Commissioner has taken into account the approach set out in {C}.",
        "As the Upper Tribunal observed in {C}, the question is one of degree.",
    ]
    static let procedural = [
        "Section 10(1) of FOIA requires a public authority to respond to a request promptly and in any event not later than the twentieth working day following the date of receipt.",
        "{A} did not respond to the request within 20 working days and therefore breached section 10(1) of FOIA.",
        "The Commissioner has made a record of the delay in this case.",
    ]
    static let otherMatters = [
        "Although they do not form part of this notice the Commissioner wishes to highlight the following matters of concern.",
        "The code of practice issued under section 45 of FOIA states that internal reviews should be completed within 20 working days.",
        "The Commissioner has made a record of the delay in this case. This may form evidence in future enforcement action against {A}.",
        "The Commissioner expects {A} to review its records management practices.",
    ]
    /// Passing mentions of a provision the notice does not rely on ({M}). Real notices are full of them,
    /// and they are what the relied-vs-mentioned boost exists for. Each is worded the way the ICO words
    /// such mentions: a provision not considered, a reliance withdrawn, a neighbouring provision
    /// contrasted, quoted correspondence, a reminder under "Other matters".
    static let passingAnalysis = [
        "As the Commissioner has found that {P} is engaged, she has not gone on to consider whether {M} also applies.",
        "The Commissioner notes that {M} is a separate provision with its own test, and it is not necessary to consider it here.",
        "{A} also referred to {M} in its submissions, which the Commissioner has not gone on to consider.",
    ]
    static let passingScope = [
        "{A} has since withdrawn its reliance on {M}, so the Commissioner has not considered it.",
        "The complainant did not contest the position under {M}, so it has not been considered further.",
    ]
    /// Quoted: the authority's or the complainant's own words, inside quotation marks.
    static let passingQuoted = [
        "I do not see how {M} could have anything to do with this request.",
        "We have also considered {M} but do not consider it relevant to this request.",
        "For completeness, {M} is not relevant here.",
    ]
    static let passingOther = [
        "The Commissioner reminds {A} that {M} may be relevant to requests of this kind in future.",
        "The Commissioner would expect {A} to consider {M} afresh should a similar request be made.",
    ]
    /// Fixed provisions the templates above this line cite, recorded as mentioned when they appear.
    static let boilerplateMentions: [(text: String, canonical: String)] = [
        ("section 16 of FOIA", "s16"), ("section 45 of FOIA", "s45"), ("section 54 of the Act", "s54"), ("regulation 12(2)", "r12(2)"),
    ]
    static let appeal = [
        "Either party has the right to appeal against this decision notice to the First-tier Tribunal (Information Rights). Information about the appeals process may be obtained from:",
        "If you wish to appeal against a decision notice, you can obtain information on how to appeal along with the relevant forms from the Information Tribunal website.",
        "Any Notice of Appeal should be served on the Tribunal within 28 (calendar) days of the date on which this decision notice is sent.",
    ]
    static let tribunalAddress = """
        First-tier Tribunal (Information Rights)
        GRC & GRP Tribunals,
        PO Box 9300,
        LEICESTER,
        LE1 8DJ

        Tel: 0203 936 8963
        Fax: 0870 739 5836
        Email: grc@justice.gov.uk
        Website: www.justice.gov.uk/tribunals/general-regulatory-chamber
        """
    static let signatures = ["Group Manager", "Senior Case Officer", "Head of FOI Casework and Appeals", "Senior Policy Officer"]
    static let legacyRole = [
        "The Commissioner's role is to decide whether a request for information made to a public authority has been dealt with in accordance with the requirements of Part 1 of the Act.",
        "This Notice sets out his decision.",
    ]
}
