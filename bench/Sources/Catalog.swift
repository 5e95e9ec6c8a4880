import Foundation

/// A public authority as a notice names it: full name, how the text refers to it, and an address.
struct Authority {
    var name: String
    var short: String
    var address: String
}

/// A provision a generated notice can turn on, with its heading title and how it may be written.
struct ProvisionSpec {
    enum Kind { case procedural, absolute, qualified, ncnd, cost }
    var law: String          // "FOIA" or "EIR"
    var number: String       // "31"
    var subs: [String]       // ["1", "a"]
    var title: String
    var kind: Kind

    /// `31(1)(a)`
    var body: String { number + subs.map { "(\($0))" }.joined() }

    /// The library's canonical form, `s31(1)(a)` / `r12(4)(b)`, as the truth sidecar records it.
    var canonical: String { (law == "EIR" ? "r" : "s") + body }

    /// One of the spellings real notices use.
    func written(_ rng: inout SeededRandom) -> String {
        if law == "EIR" {
            switch rng.int(10) {
            case 0...4: return "regulation " + body
            case 5, 6: return "reg " + body
            case 7: return "regulation \(body) of the EIR"
            case 8: return "EIR " + body
            default: return "regulation " + body
            }
        }
        switch rng.int(12) {
        case 0...5: return "section " + body
        case 6, 7: return "s." + body
        case 8: return "s" + body
        case 9: return "section \(body) of FOIA"
        case 10: return "section \(body) of the FOIA"
        default: return "section " + body
        }
    }

    /// The per-provision heading: "Section 31 - Law enforcement", "Regulation 12(4)(b) – manifestly unreasonable".
    func heading(_ rng: inout SeededRandom) -> String {
        let dash = rng.chance(0.5) ? " - " : " – "
        if law == "EIR" { return "Regulation " + body + dash + title }
        return "Section " + (rng.chance(0.6) ? number : body) + dash + title
    }
}

/// A case the notices cite, in its long and short forms.
struct CaseSpec {
    var long: String
    var short: String
}

enum Catalog {
    static let foia: [(ProvisionSpec, Double)] = [
        (.init(law: "FOIA", number: "1", subs: ["1"], title: "General right of access", kind: .procedural), 8),
        (.init(law: "FOIA", number: "12", subs: ["1"], title: "Cost of compliance exceeds appropriate limit", kind: .cost), 10),
        (.init(law: "FOIA", number: "14", subs: ["1"], title: "Vexatious requests", kind: .absolute), 10),
        (.init(law: "FOIA", number: "21", subs: [], title: "Information accessible by other means", kind: .absolute), 3),
        (.init(law: "FOIA", number: "22", subs: [], title: "Information intended for future publication", kind: .qualified), 2),
        (.init(law: "FOIA", number: "23", subs: ["5"], title: "Information supplied by, or concerning, certain security bodies", kind: .ncnd), 2),
        (.init(law: "FOIA", number: "24", subs: ["1"], title: "National security", kind: .qualified), 2),
        (.init(law: "FOIA", number: "24", subs: ["2"], title: "National security", kind: .ncnd), 1.5),
        (.init(law: "FOIA", number: "27", subs: ["1", "a"], title: "International relations", kind: .qualified), 3),
        (.init(law: "FOIA", number: "30", subs: ["1"], title: "Investigations and proceedings", kind: .qualified), 4),
        (.init(law: "FOIA", number: "31", subs: ["1", "a"], title: "Law enforcement", kind: .qualified), 5),
        (.init(law: "FOIA", number: "31", subs: ["1", "b"], title: "Law enforcement", kind: .qualified), 3),
        (.init(law: "FOIA", number: "31", subs: ["3"], title: "Law enforcement", kind: .ncnd), 3),
        (.init(law: "FOIA", number: "35", subs: ["1", "a"], title: "Formulation or development of government policy", kind: .qualified), 4),
        (.init(law: "FOIA", number: "36", subs: ["2", "b", "i"], title: "Prejudice to the effective conduct of public affairs", kind: .qualified), 4),
        (.init(law: "FOIA", number: "38", subs: ["1"], title: "Health and safety", kind: .qualified), 2),
        (.init(law: "FOIA", number: "40", subs: ["2"], title: "Personal information", kind: .absolute), 12),
        (.init(law: "FOIA", number: "40", subs: ["5"], title: "Personal information", kind: .ncnd), 3),
        (.init(law: "FOIA", number: "41", subs: [], title: "Information provided in confidence", kind: .absolute), 4),
        (.init(law: "FOIA", number: "42", subs: [], title: "Legal professional privilege", kind: .qualified), 4),
        (.init(law: "FOIA", number: "43", subs: ["2"], title: "Commercial interests", kind: .qualified), 6),
        (.init(law: "FOIA", number: "43", subs: ["3"], title: "Commercial interests", kind: .ncnd), 2),
    ]

    static let eir: [(ProvisionSpec, Double)] = [
        (.init(law: "EIR", number: "5", subs: ["1"], title: "duty to make environmental information available", kind: .procedural), 3),
        (.init(law: "EIR", number: "12", subs: ["4", "a"], title: "information not held", kind: .absolute), 5),
        (.init(law: "EIR", number: "12", subs: ["4", "b"], title: "manifestly unreasonable", kind: .cost), 6),
        (.init(law: "EIR", number: "12", subs: ["4", "d"], title: "material in the course of completion", kind: .qualified), 3),
        (.init(law: "EIR", number: "12", subs: ["4", "e"], title: "internal communications", kind: .qualified), 4),
        (.init(law: "EIR", number: "12", subs: ["5", "a"], title: "international relations, defence, national security or public safety", kind: .qualified), 2),
        (.init(law: "EIR", number: "12", subs: ["5", "b"], title: "the course of justice", kind: .qualified), 4),
        (.init(law: "EIR", number: "12", subs: ["5", "e"], title: "confidentiality of commercial or industrial information", kind: .qualified), 5),
        (.init(law: "EIR", number: "12", subs: ["5", "f"], title: "interests of the person who provided the information", kind: .qualified), 2),
        (.init(law: "EIR", number: "13", subs: ["1"], title: "personal data", kind: .absolute), 4),
    ]

    static let section10 = ProvisionSpec(law: "FOIA", number: "10", subs: ["1"], title: "Time for compliance", kind: .procedural)
    static let regulation5_2 = ProvisionSpec(law: "EIR", number: "5", subs: ["2"], title: "time for compliance", kind: .procedural)

    static let leadingCases: [CaseSpec] = [
        .init(long: "Savic v Information Commissioner, Attorney General's Office and Cabinet Office [2016] UKUT 535 (AAC)", short: "Savic"),
        .init(long: "Information Commissioner v Devon County Council & Dransfield [2012] UKUT 440 (AAC)", short: "Dransfield"),
        .init(long: "Craven v Information Commissioner and Department for Energy and Climate Change [2012] UKUT 442 (AAC)", short: "Craven"),
        .init(long: "Privacy International v the Information Commissioner & MPS (EA/2018/0164)", short: "Privacy International"),
        .init(long: "Dransfield v Information Commissioner and Devon County Council [2015] EWCA Civ 454", short: "Dransfield"),
    ]

    static let surnames = """
        Adams Ahmed Ali Allen Atkinson Bailey Baker Barnes Bell Bennett Brown Burton Campbell Carter Chapman Clarke \
        Cole Collins Cook Cooper Cox Davies Dixon Edwards Ellis Evans Fisher Foster Fox Graham Gray Green Griffiths \
        Hall Harris Harrison Hill Holmes Hughes Hunt Jackson James Jenkins Johnson Kaur Kelly Khan King Knight Lee \
        Lewis Lloyd Marshall Martin Mason Matthews Mills Mitchell Moore Morgan Morris Murphy Owen Palmer Parker \
        Patel Pearson Phillips Powell Price Reid Reynolds Richards Roberts Robinson Rogers Russell Saunders Scott \
        Shaw Simpson Singh Smith Stevens Stewart Taylor Thomas Thompson Turner Walker Ward Watson White Wilkinson \
        Williams Wilson Wood Wright Young
        """.split(separator: " ").map(String.init)

    /// About 50 First-tier Tribunal appeals, the same for a given seed.
    static func tribunalCases(seed: UInt64) -> [CaseSpec] {
        var rng = SeededRandom(seed: seed, stream: 0xCA5E)
        var out: [CaseSpec] = []
        var used = Set<String>()
        while out.count < 50 {
            let year = rng.int(2006...2024)
            let number = String(format: "EA/%d/%04d", year, rng.int(1...420))
            guard used.insert(number).inserted else { continue }
            let name = rng.pick(surnames)
            out.append(.init(long: "\(name) v Information Commissioner (\(number))", short: number))
        }
        return out
    }

    static let places = """
        Barnsley Bath Bedford Birmingham Blackburn Blackpool Bolton Bournemouth Bradford Brighton Bristol Bromley \
        Bury Calderdale Cambridge Camden Canterbury Cardiff Carlisle Cheltenham Cheshire Chester Chichester \
        Colchester Cornwall Coventry Croydon Cumbria Darlington Derby Devon Doncaster Dorset Dudley Durham Ealing \
        Enfield Essex Exeter Gateshead Gloucester Greenwich Hackney Halton Hampshire Haringey Harrow Hertfordshire \
        Hillingdon Hull Ipswich Islington Kent Kirklees Knowsley Lambeth Lancashire Leeds Leicester Lewisham \
        Lincoln Liverpool Luton Manchester Medway Merton Middlesbrough Milton\\ Keynes Newcastle Newham Norfolk \
        Northampton Norwich Nottingham Oldham Oxford Peterborough Plymouth Poole Portsmouth Reading Redbridge \
        Rochdale Rotherham Salford Sandwell Sefton Sheffield Shropshire Slough Solihull Somerset Southampton \
        Southwark Stockport Stockton Suffolk Sunderland Surrey Sutton Swansea Swindon Tameside Telford Thurrock \
        Torbay Trafford Wakefield Walsall Warrington Warwickshire Westminster Wigan Wiltshire Wirral Wolverhampton \
        Worcester York
        """.split(separator: " ").map { $0.replacingOccurrences(of: "\\", with: " ") }

    static let policeForces = """
        Avon and Somerset Constabulary|Bedfordshire Police|Cambridgeshire Constabulary|Cheshire Constabulary|\
        City of London Police|Cleveland Police|Cumbria Constabulary|Derbyshire Constabulary|Devon and Cornwall Police|\
        Dorset Police|Durham Constabulary|Dyfed-Powys Police|Essex Police|Gloucestershire Constabulary|\
        Greater Manchester Police|Gwent Police|Hampshire Constabulary|Hertfordshire Constabulary|Humberside Police|\
        Kent Police|Lancashire Constabulary|Leicestershire Police|Lincolnshire Police|Merseyside Police|\
        Norfolk Constabulary|North Wales Police|North Yorkshire Police|Northamptonshire Police|Northumbria Police|\
        Nottinghamshire Police|South Wales Police|South Yorkshire Police|Staffordshire Police|Suffolk Constabulary|\
        Surrey Police|Sussex Police|Thames Valley Police|Warwickshire Police|West Mercia Police|\
        West Midlands Police|West Yorkshire Police|Wiltshire Police|British Transport Police|Police Service of Northern Ireland
        """.split(separator: "|").map(String.init)

    static let departments: [(String, String)] = [
        ("Home Office", "the Home Office"), ("Cabinet Office", "the Cabinet Office"), ("Ministry of Justice", "the MoJ"),
        ("Ministry of Defence", "the MoD"), ("Department for Education", "the DfE"), ("Department of Health and Social Care", "the DHSC"),
        ("Department for Transport", "the DfT"), ("Department for Work and Pensions", "the DWP"), ("HM Treasury", "HM Treasury"),
        ("Foreign, Commonwealth & Development Office", "the FCDO"), ("Department for Environment, Food and Rural Affairs", "Defra"),
        ("Department for Business and Trade", "the department"), ("Department for Levelling Up, Housing and Communities", "the department"),
        ("Department for Culture, Media and Sport", "DCMS"), ("HM Revenue and Customs", "HMRC"), ("Crown Prosecution Service", "the CPS"),
        ("Environment Agency", "the Agency"), ("Natural England", "Natural England"), ("Highways England", "the public authority"),
        ("Office for Students", "the OfS"), ("Ofsted", "Ofsted"), ("Care Quality Commission", "the CQC"), ("Charity Commission", "the Commission"),
        ("Financial Conduct Authority", "the FCA"), ("Transport for London", "TfL"), ("British Broadcasting Corporation", "the BBC"),
        ("Independent Office for Police Conduct", "the IOPC"), ("HM Land Registry", "the Land Registry"), ("Legal Aid Agency", "the LAA"),
        ("Driver and Vehicle Licensing Agency", "the DVLA"), ("Health and Safety Executive", "the HSE"), ("Nursing and Midwifery Council", "the NMC"),
    ]

    static let streets = ["High Street", "Town Hall", "Civic Centre", "County Hall", "Station Road", "Church Street", "Market Place",
                          "Victoria Street", "Park Lane", "King Street", "Queen Street", "Mill Road", "London Road", "The Guildhall"]

    /// About 400 authorities, the Metropolitan Police first (it is the commonest in the ICO's own lists).
    static func authorities(seed: UInt64) -> [Authority] {
        var rng = SeededRandom(seed: seed, stream: 0xA117)
        func address(_ town: String) -> String {
            let letters = Array("ABCDEFGHJKLMNPRSTUWXYZ")
            let pc = "\(letters[rng.int(letters.count)])\(letters[rng.int(letters.count)])\(rng.int(1...20)) \(rng.int(1...9))\(letters[rng.int(letters.count)])\(letters[rng.int(letters.count)])"
            return "\(rng.int(1...200)) \(rng.pick(streets))\n\(town) \(pc)"
        }
        var out: [Authority] = [
            .init(name: "Commissioner of Police of the Metropolis", short: "the MPS", address: "New Scotland Yard\nBroadway London SW1H 0BG"),
        ]
        var tail: [Authority] = []
        for force in policeForces {
            tail.append(.init(name: rng.chance(0.3) ? "Chief Constable of \(force)" : force, short: rng.chance(0.5) ? "the police" : "the force",
                              address: address(rng.pick(places))))
        }
        for (name, short) in departments { tail.append(.init(name: name, short: short, address: address("London"))) }
        let councilKinds = ["City Council", "County Council", "Borough Council", "District Council", "Metropolitan Borough Council", "Council"]
        for place in places {
            tail.append(.init(name: "\(place) \(rng.pick(councilKinds))", short: "the council", address: address(place)))
            if rng.chance(0.6) {
                tail.append(.init(name: "\(place) \(rng.pick(["Teaching Hospitals NHS Trust", "University Hospitals NHS Foundation Trust", "NHS Trust", "Integrated Care Board"]))",
                                  short: "the trust", address: address(place)))
            }
            if rng.chance(0.55) {
                tail.append(.init(name: rng.chance(0.5) ? "University of \(place)" : "\(place) University", short: "the university", address: address(place)))
            }
            if rng.chance(0.35) {
                tail.append(.init(name: "\(place) \(rng.pick(["Fire and Rescue Service", "Academy Trust", "Clinical Commissioning Group", "Town Council"]))",
                                  short: "the public authority", address: address(place)))
            }
        }
        rng.shuffle(&tail)
        out += tail
        return out
    }
}
