/// Turns filters into SQL over `notices` with bound parameters only, listing the allowed notices: the
/// ranking function skips every other match before reading its positions (`NoticeScorer`), and a
/// filters-only search counts, orders and pages them in SQL (`FilterBrowse`).
struct FilterSQL {
    /// `SELECT id FROM notices WHERE …`; nil when there are no filters.
    var subquery: String
    /// The WHERE conditions of `subquery` alone, for queries over `notices` that count, order or page.
    var conditions: String
    var values: [SQLBindable?]
    /// A `--cites` value that names no case: nothing can match.
    var matchesNothing = false
    /// Whether a condition lists ids from another table (provision, finding, cited case): such a search
    /// is led by those ids rather than by a scan in date order (`FilterBrowse`).
    var listsIDs = false
    /// Whether a condition is one known authority's alias key (`--authority MPS`): few notices each, so
    /// such a search is led by that authority's notices (`FilterBrowse`).
    var namesKnownAuthority = false
    /// Whether there is a `law = ?` or an `outcome = ?` condition: each has an index in browse order.
    var filtersLaw = false, filtersOutcome = false

    init?(_ f: QueryFilters, db: Database) throws {
        guard !f.isEmpty else { return nil }
        var clauses: [String] = []
        var values: [SQLBindable?] = []
        for p in f.provisions {
            clauses.append("id IN (SELECT notice_id FROM provision_index WHERE provision = ? AND relied = 1)")
            values.append(p.canonical)
        }
        for a in f.authorities {
            let key = AuthorityNormalizer.key(forQuery: a)
            if Self.isKnownAuthority(a) {
                // A name or alias of a known body (`EA`, `WYP`): its key alone, so "EA" is not read as
                // two letters inside every authority's name.
                clauses.append("authority_key = ?")
                values.append(key)
                namesKnownAuthority = true
            } else {
                // The alias key first; the name as written as a fallback for authorities with no alias.
                clauses.append("(authority_key = ? OR authority LIKE ? ESCAPE '\\')")
                values.append(key)
                values.append("%" + Self.likeEscaped(a) + "%")
            }
        }
        for finding in f.findings {
            // The provision itself or one within it: `14=not-upheld` covers a finding on s14(1).
            clauses.append("id IN (SELECT notice_id FROM findings WHERE finding = ? AND (provision = ? OR substr(provision, 1, ?) = ?))")
            values.append(finding.finding.rawValue)
            values.append(finding.provision.canonical)
            values.append(finding.provision.canonical.count + 1)
            values.append(finding.provision.canonical + "(")
        }
        if !f.sectors.isEmpty {
            clauses.append("sector IN (" + f.sectors.map { _ in "?" }.joined(separator: ",") + ")")
            values += f.sectors.map { $0.rawValue }
        }
        if let o = f.outcome { clauses.append("outcome = ?"); values.append(o.rawValue); filtersOutcome = true }
        if let l = f.law { clauses.append("law = ?"); values.append(l.rawValue); filtersLaw = true }
        if let s = f.since { clauses.append("date >= ?"); values.append(s) }
        if let u = f.until { clauses.append("date <= ?"); values.append(u) }
        for c in f.cites {
            let ids = try Self.caseIDs(for: c, db: db)
            if ids.isEmpty { matchesNothing = true }
            clauses.append("id IN (SELECT notice_id FROM citations WHERE case_id IN (\(ids.map(String.init).joined(separator: ","))))")
        }
        conditions = clauses.joined(separator: " AND ")
        subquery = "SELECT id FROM notices WHERE " + conditions
        listsIDs = !f.provisions.isEmpty || !f.findings.isEmpty || !f.cites.isEmpty
        self.values = values
    }

    /// Every allowed notice id.
    func ids(_ db: Database) throws -> [Int64] {
        matchesNothing ? [] : try db.rows(subquery, values) { $0.int64(0) }
    }

    /// Cases a `--cites` value names: a citation in any written form, or words of the party names.
    static func caseIDs(for text: String, db: Database) throws -> [Int64] {
        if let key = CaseLaw.canonicalKey(forCitation: text) {
            let ids = try db.rows("SELECT id FROM cases WHERE key = ?", [key]) { $0.int64(0) }
            if !ids.isEmpty { return ids }
        }
        let form = CaseForms.normalise(text)
        guard !form.isEmpty else { return [] }
        let exact = try db.rows("SELECT case_id FROM case_forms WHERE form = ?", [form]) { $0.int64(0) }
        if !exact.isEmpty { return Array(Set(exact)) }
        let words = form.split(separator: " ").map(String.init)
        var sql = "SELECT DISTINCT case_id FROM case_forms WHERE 1"
        var values: [SQLBindable?] = []
        for w in words {
            sql += " AND (' ' || form || ' ') LIKE ? ESCAPE '\\'"
            values.append("% " + likeEscaped(w) + " %")
        }
        return try db.rows(sql, values) { $0.int64(0) }
    }

    /// Whether a user's authority text is a name or short form in the alias table (or a query alias).
    static func isKnownAuthority(_ text: String) -> Bool {
        let norm = AuthorityNormalizer.normalize(text)
        return AuthorityAliases.queryAliases[norm] != nil || AuthorityAliases.keys[norm] != nil
    }

    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
