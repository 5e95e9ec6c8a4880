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
    public init(cases: [CitedCase]) { self.cases = cases }
}

extension SearchEngine {
    /// One notice with every paragraph, by id, reference (any spelling) or file name.
    public func show(_ ref: String) throws -> NoticeRecord? {
        let reader = NoticeReader(db: db)
        guard let id = try reader.find(ref) else { return nil }
        return try reader.fullRecord(id: id)
    }

    /// Cases cited across the index, most cited first.
    public func cases(limit: Int) throws -> [CitedCase] {
        let rows = try db.rows("""
            SELECT c.id, c.key, c.name, count(*) AS n FROM cases c JOIN citations ci ON ci.case_id = c.id
            GROUP BY c.id ORDER BY n DESC, c.key LIMIT ?
            """, [limit]) { ($0.int64(0), $0.string(1) ?? "", $0.string(2), $0.int(3)) }
        return try rows.map { id, key, name, n in
            let notices = try db.rows("""
                SELECT n.uid FROM citations ci JOIN notices n ON n.id = ci.notice_id WHERE ci.case_id = ?
                ORDER BY n.date DESC, n.uid
                """, [id]) { $0.string(0) ?? "" }
            return CitedCase(key: key, name: name, count: n, notices: notices)
        }
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
