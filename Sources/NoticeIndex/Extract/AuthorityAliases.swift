/// The data behind `AuthorityNormalizer`: families of names for one body. Each entry is a key (as
/// `AuthorityNormalizer` would print it), its sector, and the names and short forms it is written as. Names
/// are normalised when the table is built, so they are written here as people write them.
enum AuthorityAliases {
    struct Family {
        var key: String
        var sector: Sector
        /// Full names; matched in notices and queries.
        var names: [String]
        /// Short forms (acronyms, nicknames). Also matched in notices, since a notice's header sometimes uses
        /// them, but kept separate so the table reads clearly.
        var short: [String] = []
    }

    static let families: [Family] = [
        // Police
        Family(key: "metropolitan police service", sector: .police,
               names: ["Commissioner of Police of the Metropolis", "Metropolitan Police Service",
                       "Commissioner of the Metropolitan Police Service", "Commissioner of the Metropolitan Police",
                       "Metropolitan Police", "Metropolitan Police Commissioner", "Metropolitan Police Force",
                       "Commissioner of Police for the Metropolis", "New Scotland Yard", "Met Police Service"],
               short: ["MPS", "the Met", "Met", "Met Police", "The Met Police"]),
        Family(key: "police service of northern ireland", sector: .police,
               names: ["Police Service of Northern Ireland", "Chief Constable of the Police Service of Northern Ireland",
                       "Northern Ireland Police Service"], short: ["PSNI"]),
        Family(key: "british transport police", sector: .police,
               names: ["British Transport Police", "Chief Constable of British Transport Police",
                       "British Transport Police Authority"], short: ["BTP"]),
        Family(key: "city of london police", sector: .police,
               names: ["City of London Police", "Commissioner of the City of London Police",
                       "Commissioner of Police for the City of London"]),
        Family(key: "police scotland", sector: .police, names: ["Police Scotland", "Police Service of Scotland"]),
        Family(key: "national crime agency", sector: .police, names: ["National Crime Agency"], short: ["NCA"]),
        Family(key: "independent office for police conduct", sector: .police,
               names: ["Independent Office for Police Conduct", "Independent Police Complaints Commission"],
               short: ["IOPC", "IPCC"]),
        Family(key: "college of policing", sector: .police, names: ["College of Policing"]),
        Family(key: "national police chiefs council", sector: .police,
               names: ["National Police Chiefs' Council", "National Police Chiefs Council", "Association of Chief Police Officers"],
               short: ["NPCC", "ACPO"]),
        // Central government
        Family(key: "home office", sector: .centralGovernment,
               names: ["Home Office", "Secretary of State for the Home Department", "UK Border Agency"], short: ["HO"]),
        Family(key: "ministry of justice", sector: .centralGovernment, names: ["Ministry of Justice"], short: ["MoJ"]),
        Family(key: "department for education", sector: .centralGovernment,
               names: ["Department for Education"], short: ["DfE"]),
        Family(key: "department of health and social care", sector: .centralGovernment,
               names: ["Department of Health and Social Care", "Department of Health & Social Care", "Department of Health"],
               short: ["DHSC", "DoH"]),
        Family(key: "cabinet office", sector: .centralGovernment, names: ["Cabinet Office"]),
        Family(key: "hm treasury", sector: .centralGovernment,
               names: ["HM Treasury", "Her Majesty's Treasury", "His Majesty's Treasury", "The Treasury"], short: ["HMT"]),
        Family(key: "hm revenue and customs", sector: .centralGovernment,
               names: ["HM Revenue and Customs", "HM Revenue & Customs", "Her Majesty's Revenue and Customs",
                       "His Majesty's Revenue and Customs", "Her Majesty's Revenue & Customs", "His Majesty's Revenue & Customs",
                       "Commissioners for Her Majesty's Revenue and Customs", "Commissioners for His Majesty's Revenue and Customs",
                       "The Commissioners for HM Revenue and Customs", "Commissioners for HMRC"],
               short: ["HMRC"]),
        Family(key: "department for work and pensions", sector: .centralGovernment,
               names: ["Department for Work and Pensions", "Department for Work & Pensions"], short: ["DWP"]),
        // The FCO merged into the FCDO in 2020; researchers follow the department across the rename.
        Family(key: "foreign commonwealth and development office", sector: .centralGovernment,
               names: ["Foreign, Commonwealth & Development Office", "Foreign, Commonwealth and Development Office",
                       "Foreign and Commonwealth Office", "Foreign & Commonwealth Office"], short: ["FCDO", "FCO"]),
        Family(key: "ministry of defence", sector: .centralGovernment, names: ["Ministry of Defence"], short: ["MoD"]),
        Family(key: "driver and vehicle licensing agency", sector: .centralGovernment,
               names: ["Driver and Vehicle Licensing Agency", "Driver & Vehicle Licensing Agency"], short: ["DVLA"]),
        Family(key: "department for transport", sector: .centralGovernment, names: ["Department for Transport"], short: ["DfT"]),
        // MHCLG was DLUHC 2021–2024 and MHCLG again since; one department.
        Family(key: "ministry of housing communities and local government", sector: .centralGovernment,
               names: ["Ministry of Housing, Communities and Local Government", "Ministry of Housing, Communities & Local Government",
                       "Department for Levelling Up, Housing and Communities", "Department for Communities and Local Government"],
               short: ["MHCLG", "DLUHC", "DCLG"]),
        Family(key: "department for environment food and rural affairs", sector: .centralGovernment,
               names: ["Department for Environment, Food and Rural Affairs", "Department for Environment, Food & Rural Affairs"],
               short: ["Defra"]),
        Family(key: "department for culture media and sport", sector: .centralGovernment,
               names: ["Department for Culture, Media and Sport", "Department for Digital, Culture, Media and Sport",
                       "Department for Culture, Media & Sport"], short: ["DCMS"]),
        Family(key: "department for business and trade", sector: .centralGovernment,
               names: ["Department for Business and Trade", "Department for Business & Trade"], short: ["DBT"]),
        Family(key: "department for business energy and industrial strategy", sector: .centralGovernment,
               names: ["Department for Business, Energy and Industrial Strategy", "Department for Business, Energy & Industrial Strategy"],
               short: ["BEIS"]),
        Family(key: "crown prosecution service", sector: .centralGovernment, names: ["Crown Prosecution Service"], short: ["CPS"]),
        Family(key: "hm courts and tribunals service", sector: .centralGovernment,
               names: ["HM Courts and Tribunals Service", "HM Courts & Tribunals Service", "Her Majesty's Courts and Tribunals Service",
                       "His Majesty's Courts and Tribunals Service"], short: ["HMCTS"]),
        Family(key: "hm prison and probation service", sector: .centralGovernment,
               names: ["HM Prison and Probation Service", "Her Majesty's Prison and Probation Service",
                       "His Majesty's Prison and Probation Service", "National Offender Management Service"],
               short: ["HMPPS", "NOMS"]),
        Family(key: "office for national statistics", sector: .centralGovernment, names: ["Office for National Statistics"], short: ["ONS"]),
        Family(key: "environment agency", sector: .centralGovernment, names: ["Environment Agency"]),
        Family(key: "ofsted", sector: .education,
               names: ["Office for Standards in Education, Children's Services and Skills", "Office for Standards in Education",
                       "Ofsted"]),
        Family(key: "national highways", sector: .centralGovernment,
               names: ["National Highways", "Highways England", "Highways England Company Limited", "Highways Agency"]),
        Family(key: "the national archives", sector: .centralGovernment, names: ["The National Archives", "National Archives"],
               short: ["TNA"]),
        Family(key: "national savings and investments", sector: .centralGovernment,
               names: ["National Savings and Investments", "National Savings & Investments"], short: ["NS&I", "NSI"]),
        Family(key: "financial conduct authority", sector: .other, names: ["Financial Conduct Authority", "Financial Services Authority"],
               short: ["FCA"]),  // not "FSA": the Food Standards Agency uses it too
        Family(key: "information commissioners office", sector: .other,
               names: ["Information Commissioner's Office", "Information Commissioner"], short: ["ICO"]),
        // Health
        Family(key: "nhs england", sector: .health, names: ["NHS England", "NHS Commissioning Board"]),
        Family(key: "care quality commission", sector: .health, names: ["Care Quality Commission"], short: ["CQC"]),
        Family(key: "uk health security agency", sector: .health,
               names: ["UK Health Security Agency", "Public Health England"], short: ["UKHSA", "PHE"]),
        // Local government
        Family(key: "transport for london", sector: .localGovernment, names: ["Transport for London"], short: ["TfL"]),
        Family(key: "greater london authority", sector: .localGovernment, names: ["Greater London Authority", "Mayor of London"], short: ["GLA"]),
        // Other
        Family(key: "british broadcasting corporation", sector: .other, names: ["British Broadcasting Corporation"], short: ["BBC"]),
    ]

    /// Normalised name or short form → key (used for names in notices).
    static let keys: [String: String] = {
        var t: [String: String] = [:]
        for f in families {
            for n in f.names + f.short { t[AuthorityNormalizer.normalize(n)] = f.key }
            t[AuthorityNormalizer.normalize(f.key)] = f.key
        }
        return t
    }()

    /// Extra spellings users type that would be ambiguous in a notice header.
    static let queryAliases: [String: String] = {
        var t: [String: String] = [:]
        for (alias, key) in [("met", "metropolitan police service"), ("met police", "metropolitan police service"),
                             ("metropolitan", "metropolitan police service"), ("scotland yard", "metropolitan police service"),
                             ("revenue and customs", "hm revenue and customs"), ("treasury", "hm treasury"),
                             ("defence", "ministry of defence"), ("justice", "ministry of justice"),
                             // Short forms that would be ambiguous in a notice ("EA/2018/0164" is an appeal).
                             ("ea", "environment agency"), ("wyp", "west yorkshire police"),
                             ("gmp", "greater manchester police"), ("wmp", "west midlands police"),
                             ("tvp", "thames valley police"), ("syp", "south yorkshire police")] {
            t[AuthorityNormalizer.normalize(alias)] = key
        }
        return t
    }()

    static let sectors: [String: Sector] = {
        var t: [String: Sector] = [:]
        for f in families { t[f.key] = f.sector }
        return t
    }()
}
