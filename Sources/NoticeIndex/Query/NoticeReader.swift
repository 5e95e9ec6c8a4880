/// Reads notices back out of the index for results, `show` and `export`.
struct NoticeReader {
    let db: Database

    static let columns = "id, uid, reference, file, date, authority, law, outcome, provisions, authority_key, sector, layout"

    /// The record for one notice id, without paragraphs.
    func record(id: Int64) throws -> NoticeRecord? {
        try db.rows("SELECT \(Self.columns) FROM notices WHERE id = ?", [id], makeRecord).first
    }

    func makeRecord(_ s: Statement) throws -> NoticeRecord {
        let id = s.int64(0)
        var record = NoticeRecord(
            id: s.string(1) ?? "", reference: s.string(2), file: s.string(3) ?? "", date: s.string(4),
            authority: s.string(5), law: s.string(6), outcome: s.string(7),
            provisions: (s.string(8) ?? "").split(separator: " ").map(String.init),
            cases: try cases(of: id), score: nil, paragraphs: [], fullParagraphs: nil, findings: try findings(of: id),
            authorityKey: s.string(9), sector: s.string(10), layout: s.string(11))
        record.rowID = id
        record.citation = CitationLine.notice(authority: record.authority, reference: record.reference, id: record.id, date: record.date)
        return record
    }

    func cases(of id: Int64) throws -> [CaseSummary] {
        try db.rows("""
            SELECT c.key, c.name, ci.written FROM citations ci JOIN cases c ON c.id = ci.case_id
            WHERE ci.notice_id = ? ORDER BY c.key
            """, [id]) {
            CaseSummary(key: $0.string(0) ?? "", name: $0.string(1),
                        citations: ($0.string(2) ?? "").split(separator: "\u{1F}").map(String.init))
        }
    }

    /// The record with every paragraph and the findings, for `show` and `export`.
    func fullRecord(id: Int64) throws -> NoticeRecord? {
        guard var r = try record(id: id) else { return nil }
        r.fullParagraphs = try StoredParagraphs.read(db, notice: id).map { ParagraphText(number: $0.number, heading: $0.heading, text: $0.text) }
        r.warnings = try db.rows("SELECT warnings FROM notices WHERE id = ?", [id]) { $0.string(0) ?? "" }.first
            .map { $0.split(separator: "\n").map(String.init) } ?? []
        return r
    }

    /// The notice's findings in order, each with the span it was read from.
    func findings(of id: Int64) throws -> [FindingSummary] {
        try db.rows("SELECT provision, finding, paragraph, start, end FROM findings WHERE notice_id = ? ORDER BY position", [id]) {
            FindingSummary(provision: $0.string(0) ?? "", finding: $0.string(1) ?? "", paragraph: $0.isNull(2) ? nil : $0.int(2),
                           start: $0.isNull(3) ? nil : $0.int(3), end: $0.isNull(4) ? nil : $0.int(4))
        }
    }

    /// Finds a notice by id (uid), reference in any written form, or file name.
    func find(_ ref: String) throws -> Int64? {
        let t = ref.trimmingCharacters(in: .whitespaces)
        if let id = try db.int("SELECT id FROM notices WHERE uid = ? COLLATE NOCASE", [t]) { return Int64(id) }
        if let id = try db.int("SELECT id FROM notices WHERE reference = ? COLLATE NOCASE", [t]) { return Int64(id) }
        let normalised = ReferenceNormalizer.normalize(t) ?? t.uppercased()
        if let id = try db.int("SELECT id FROM notices WHERE reference = ?", [normalised]) { return Int64(id) }
        if let id = try db.int("SELECT id FROM notices WHERE file = ? OR file LIKE ? ESCAPE '\\'",
                               [t, "%/" + FilterSQL.likeEscaped(t)]) { return Int64(id) }
        if let id = try db.int("SELECT id FROM notices WHERE file LIKE ? ESCAPE '\\'",
                               ["%/" + FilterSQL.likeEscaped(t) + ".%"]) { return Int64(id) }
        return nil
    }

    /// For each candidate, whether it relies on (true) or only mentions (false) each of `provisions`
    /// (or something within it). One cached statement whatever the ids: they are bound as a JSON array.
    func provisionRoles(_ ids: [Int64], provisions: [Provision]) throws -> [Int64: [Provision: Bool]] {
        var out: [Int64: [Provision: Bool]] = [:]
        guard !ids.isEmpty else { return out }
        let list = Self.jsonArray(ids)
        for p in provisions {
            for (id, relied) in try db.rows("""
                SELECT notice_id, relied FROM provision_index WHERE provision = ? AND notice_id IN (SELECT value FROM json_each(?))
                """, [p.canonical, list], { ($0.int64(0), $0.int(1) == 1) }) {
                out[id, default: [:]][p] = relied
            }
        }
        return out
    }

    /// Where the indexer found provisions in one notice, by paragraph. `parsed` keeps the provisions
    /// already read from their canonical spelling (a notice repeats a few of them many times).
    func provisionMentions(of id: Int64, parsed: inout [String: Provision]) throws -> Pinpointer.Mentions {
        var out: Pinpointer.Mentions = [:]
        for (seq, start, end, canonical) in try db.rows("SELECT seq, start, end, provision FROM provision_mentions WHERE notice_id = ?",
                                                         [id], { ($0.int(0), $0.int(1), $0.int(2), $0.string(3) ?? "") }) {
            if parsed[canonical] == nil, let p = Provision(canonical: canonical) { parsed[canonical] = p }
            guard let p = parsed[canonical], start <= end else { continue }
            out[seq, default: []].append(FoundProvision(provision: p, range: start..<end, text: ""))
        }
        return out
    }

    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}
