import XCTest
@testable import NoticeIndex

final class AuthorityTests: XCTestCase {
    private func key(_ name: String) -> String { AuthorityNormalizer.info(for: name).key }

    func testAliasesOfOneBodyMeetOnOneKey() {
        let families: [(String, [String])] = [
            // the Metropolitan Police under every name notices and users give it
            ("metropolitan police service", ["Commissioner of Police of the Metropolis", "Metropolitan Police Service",
                                             "Commissioner of the Metropolitan Police Service", "Metropolitan Police", "MPS", "the Met",
                                             "The Commissioner of Police of the Metropolis (MPS)"]),
            // Northern Ireland's force
            ("police service of northern ireland", ["Police Service of Northern Ireland", "PSNI",
                                                    "Chief Constable of the Police Service of Northern Ireland"]),
            // British Transport Police
            ("british transport police", ["British Transport Police", "BTP", "Chief Constable of British Transport Police"]),
            // a county force under chief constable / constabulary / police spellings
            ("devon and cornwall police", ["Chief Constable of Devon and Cornwall Police", "Devon & Cornwall Police",
                                           "Devon and Cornwall Constabulary", "Chief Constable of Devon & Cornwall Constabulary"]),
            // HMRC with both monarchs and a dropped apostrophe from PDF extraction
            ("hm revenue and customs", ["HMRC", "Her Majesty's Revenue and Customs", "His Majesty's Revenue and Customs",
                                        "HM Revenue & Customs", "Her Majesty s Revenue and Customs"]),
            // short forms of departments
            ("ministry of justice", ["Ministry of Justice", "MoJ", "MOJ"]),
            ("department for education", ["Department for Education", "DfE"]),
            ("department of health and social care", ["Department of Health and Social Care", "DHSC", "Department of Health & Social Care"]),
            ("department for work and pensions", ["Department for Work and Pensions", "DWP"]),
            ("foreign commonwealth and development office", ["Foreign, Commonwealth & Development Office", "FCDO"]),
            ("ministry of defence", ["Ministry of Defence", "MoD"]),
            // bodies met in real ICO listings, under their old names and short forms
            ("national highways", ["Highways England Company Limited", "Highways England", "National Highways"]),
            ("the national archives", ["National Archives", "The National Archives", "TNA"]),
            ("national savings and investments", ["National Savings and Investments", "NS&I"]),
            ("financial conduct authority", ["The Financial Conduct Authority", "FCA"]),
            ("ofsted", ["Ofsted (Office for Standards in Education)", "Office for Standards in Education", "Ofsted"]),
            ("foreign commonwealth and development office", ["Foreign and Commonwealth Office", "FCO",
                                                             "Foreign, Commonwealth and Development Office"]),
            ("driver and vehicle licensing agency", ["DVLA", "Driver and Vehicle Licensing Agency"]),
            ("hm treasury", ["HM Treasury", "Her Majesty's Treasury"]),
            ("cabinet office", ["Cabinet Office", "The Cabinet Office"]),
            ("home office", ["Home Office", "The Home Office"]),
            // London boroughs in every form meet on "<place> council"
            ("camden council", ["London Borough of Camden", "Camden Council", "Camden London Borough Council", "The London Borough of Camden"]),
            // royal boroughs
            ("kensington and chelsea council", ["Royal Borough of Kensington and Chelsea", "Kensington & Chelsea Council"]),
            // borough and metropolitan borough councils
            ("wigan council", ["Wigan Metropolitan Borough Council", "Wigan Council", "Metropolitan Borough of Wigan"]),
            ("basingstoke and deane council", ["Basingstoke and Deane Borough Council", "Borough of Basingstoke and Deane"]),
            // district councils are the place's council
            ("bradford council", ["City of Bradford Metropolitan District Council", "Bradford Metropolitan District Council"]),
            // county councils keep their type
            ("devon county council", ["Devon County Council"]),
            // city councils keep their type
            ("leeds city council", ["Leeds City Council", "City of Leeds Council"]),
            // an NHS trust before and after foundation status
            ("leeds teaching hospitals nhs trust", ["Leeds Teaching Hospitals NHS Trust", "Leeds Teaching Hospitals NHS Foundation Trust"]),
        ]
        for (expected, names) in families {
            for n in names { XCTAssertEqual(key(n), expected, n) }
        }
    }

    func testOtherNamesKeyOnTheirNormalisedForm() {
        // lowercase, `the` dropped, punctuation stripped, `&` spelled out
        XCTAssertEqual(key("The University of Oxford"), "university of oxford")
        XCTAssertEqual(key("Ofcom"), "ofcom")
        XCTAssertEqual(key("Historic England & Friends, Ltd."), "historic england and friends ltd")
        // a police and crime commissioner is not the force
        XCTAssertEqual(key("Police and Crime Commissioner for Kent"), "kent police and crime commissioner")
        XCTAssertNotEqual(key("Police and Crime Commissioner for Kent"), key("Kent Police"))
        // parish councils keep their type
        XCTAssertEqual(key("Little Snoring Parish Council"), "little snoring parish council")
    }

    func testSectorIsInferredFromTheName() {
        let cases: [(String, Sector)] = [
            ("Commissioner of Police of the Metropolis", .police),     // alias table
            ("Chief Constable of Kent Police", .police),               // chief constable
            ("Avon and Somerset Constabulary", .police),               // constabulary
            ("Home Office", .centralGovernment),                       // department in the table
            ("Department for Levelling Up, Housing and Communities", .centralGovernment),
            ("Ministry of Agriculture", .centralGovernment),           // ministry by rule
            ("Devon County Council", .localGovernment),                // county council
            ("London Borough of Camden", .localGovernment),            // borough
            ("Leeds Teaching Hospitals NHS Foundation Trust", .health), // NHS trust
            ("NHS England", .health),                                  // NHS body
            ("University of Oxford", .education),                      // university
            ("Harris Federation Academy", .education),                 // academy
            ("King's College London", .education),                     // college
            ("Financial Conduct Authority", .other),                   // not every authority is local
            ("British Broadcasting Corporation", .other),              // broadcaster
        ]
        for (name, sector) in cases { XCTAssertEqual(AuthorityNormalizer.info(for: name).sector, sector, name) }
    }

    func testKeepsTheNameAsWritten() {
        XCTAssertEqual(AuthorityNormalizer.info(for: "Commissioner of Police of the Metropolis").name, "Commissioner of Police of the Metropolis")
    }

    func testQueryKeysMeetNoticeKeys() {
        let cases: [(String, String)] = [
            ("MPS", "Commissioner of Police of the Metropolis"),   // acronym
            ("Metropolitan Police", "Metropolitan Police Service"), // short name
            ("met police", "Commissioner of Police of the Metropolis"), // colloquial, lowercase
            ("Home Office", "Home Office"),                         // department
            ("hmrc", "Her Majesty's Revenue and Customs"),          // lowercase acronym
            ("london borough of camden", "Camden Council"),         // borough forms
            ("kent police", "Chief Constable of Kent Police"),      // force
        ]
        for (q, name) in cases { XCTAssertEqual(AuthorityNormalizer.key(forQuery: q), key(name), q) }
    }

    func testBarePlaceQueryMatchesEveryBodyOfThatPlace() {
        // "camden" has no type word: it matches by word prefix
        XCTAssertTrue(AuthorityNormalizer.matches(key: key("London Borough of Camden"), query: "camden"))
        XCTAssertTrue(AuthorityNormalizer.matches(key: key("Kent County Council"), query: "Kent"))
        XCTAssertTrue(AuthorityNormalizer.matches(key: key("Kent Police"), query: "Kent"))
        // but not a different place that merely starts with the same letters
        XCTAssertFalse(AuthorityNormalizer.matches(key: key("Kentish Town Council"), query: "Kent"))
        XCTAssertFalse(AuthorityNormalizer.matches(key: key("Home Office"), query: ""))
    }
}

final class AuthorityAddressTests: XCTestCase {
    func testAKnownAuthorityIsCutFromAnAddressRunIntoIt() {
        let cases: [(String, String)] = [
            // (the header's value, the name kept)
            ("Commissioner of the Metropolitan Police Service New Scotland Yard", "Commissioner of the Metropolitan Police Service"),
            ("Home Office 2 Marsham Street", "Home Office"),
            ("Commissioner of Police of the Metropolis", "Commissioner of Police of the Metropolis"),  // no address: unchanged
            ("Parish of Little Wexley Village Hall", "Parish of Little Wexley Village Hall"),        // unknown: left as written
        ]
        for (written, name) in cases {
            XCTAssertEqual(AuthorityNormalizer.info(for: written).name, name, written)
        }
        XCTAssertEqual(AuthorityNormalizer.info(for: cases[0].0).key, AuthorityNormalizer.key(forQuery: "MPS"))
    }
}
