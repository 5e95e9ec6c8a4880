/// A case and the notices that cite it, for `search cases`.
public struct CitedCase: Sendable, Equatable, Encodable {
    public var key: String
    public var name: String?
    public var count: Int
    public var notices: [String]

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)
        try c.encode(count, forKey: .count)
        try c.encode(notices, forKey: .notices)
    }
    enum CodingKeys: String, CodingKey { case key, name, count, notices }
}

/// The answer of `search cases --json` (and the web API's `/api/cases`): `{"cases": [...]}`.
public struct CasesResponse: Sendable, Equatable, Encodable {
    public var cases: [CitedCase]
    /// Every cited case that matches, however many `cases` shows (so "showing 20 of 26" can be said).
    public var total: Int
    public init(cases: [CitedCase], total: Int? = nil) {
        self.cases = cases
        self.total = total ?? cases.count
    }
}

extension SearchEngine {
    /// One notice with every paragraph, by id, reference (any spelling) or file name.
    public func show(_ ref: String) throws -> NoticeRecord? {
        let reader = NoticeReader(db: db)
        guard let id = try reader.find(ref) else { return nil }
        return try reader.fullRecord(id: id)
    }

    /// Cases cited across the index, most cited first; with `matching`, only the cases that text names
    /// (party words such as "Dransfield", a neutral citation or an appeal number, as `--cites` reads them).
    public func cases(limit: Int, matching: String? = nil) throws -> [CitedCase] {
        try caseList(limit: limit, matching: matching).cases
    }

    /// The most-cited cases (those whose name or citation matches `matching`, when given), most cited
    /// first, with how many match in all.
    public func caseList(limit: Int, matching: String? = nil) throws -> CasesResponse {
        var only = ""
        var values: [SQLBindable?] = []
        if let matching {
            let folded = CompatibilityFolding.fold(matching)
            guard folded.count <= QueryParser.maxValueCharacters else {
                throw NoticeIndexError.usage("a case name of \(folded.count) characters is too long (at most \(QueryParser.maxValueCharacters))")
            }
            // What `--cites` reads as this case, and every case whose name or key holds each word (a
            // researcher listing "Dransfield" wants the Upper Tribunal and the Court of Appeal both).
            var ids = Set(try FilterSQL.caseIDs(for: folded, db: db))
            let words = Synonyms.wordsOf(folded).prefix(8)
            if !words.isEmpty {
                var sql = "SELECT id FROM cases WHERE 1"
                var likes: [SQLBindable?] = []
                for w in words {
                    sql += " AND (coalesce(name, '') || ' ' || key) LIKE ? ESCAPE '\\'"
                    likes.append("%" + FilterSQL.likeEscaped(w) + "%")
                }
                ids.formUnion(try db.rows(sql, likes) { $0.int64(0) })
            }
            if ids.isEmpty { return CasesResponse(cases: []) }
            only = "WHERE c.id IN (SELECT value FROM json_each(?))"
            values.append(NoticeReader.jsonArray(ids.sorted()))
        }
        let total = try db.int("SELECT count(DISTINCT c.id) FROM cases c JOIN citations ci ON ci.case_id = c.id \(only)", values) ?? 0
        values.append(limit)
        let rows = try db.rows("""
            SELECT c.id, c.key, c.name, count(*) AS n FROM cases c JOIN citations ci ON ci.case_id = c.id \(only)
            GROUP BY c.id ORDER BY n DESC, c.key LIMIT ?
            """, values) { ($0.int64(0), $0.string(1) ?? "", $0.string(2), $0.int(3)) }
        let cases = try rows.map { id, key, name, n in
            let notices = try db.rows("""
                SELECT n.uid FROM citations ci JOIN notices n ON n.id = ci.notice_id WHERE ci.case_id = ?
                ORDER BY n.date DESC, n.uid
                """, [id]) { $0.string(0) ?? "" }
            return CitedCase(key: key, name: name, count: n, notices: notices)
        }
        return CasesResponse(cases: cases, total: total)
    }

    /// Every notice in date order, one at a time, so an export of the whole collection streams.
    public func forEachNotice(_ body: (NoticeRecord) throws -> Void) throws {
        let ids = try db.rows("SELECT id FROM notices ORDER BY date, uid") { $0.int64(0) }
        let reader = NoticeReader(db: db)
        for id in ids {
            if let r = try reader.fullRecord(id: id) { try body(r) }
        }
    }
}
