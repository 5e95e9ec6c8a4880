import Foundation

/// A parsed and extracted notice, ready to be written.
public struct AnalyzedNotice: Sendable {
    public var file: String
    public var parsed: ParsedNotice
    public var extraction: Extraction
    /// What the notice gives the full-text index; built here, off the writer's thread.
    var document: FTSDocument

    public init(file: String, parsed: ParsedNotice, extraction: Extraction) {
        self.file = file
        self.parsed = parsed
        self.extraction = extraction
        self.document = FTSDocument(paragraphs: parsed.paragraphs.map { ($0.heading, $0.text) },
                                    terms: FTSDocument.terms(for: parsed, extraction: extraction))
    }

    /// Parses and extracts `text` read from `file`.
    public static func analyze(text: String, file: String) -> AnalyzedNotice {
        let parsed = NoticeParser.parse(text, fileName: (file as NSString).lastPathComponent)
        return AnalyzedNotice(file: file, parsed: parsed, extraction: NoticeExtractor.extract(parsed))
    }

    /// The stable id: the reference when the notice has one, else the file name without extension.
    public var uid: String {
        if let r = parsed.reference, !r.isEmpty { return r }
        return ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Relied-on provisions in their most specific form: `s31(1)` is dropped when `s31(1)(a)` is listed.
    public var listedProvisions: [Provision] {
        let relied = Set(extraction.provisions.filter { $0.role == .reliedOn }.map(\.provision))
        return relied.filter { p in !relied.contains { $0 != p && $0.isWithin(p) } }.sorted()
    }
}

/// Writes notices into the database. Callers wrap calls in transactions; one writer per database.
final class IndexWriter {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// Inserts one notice and everything derived from it; returns its id.
    @discardableResult
    func insert(_ n: AnalyzedNotice) throws -> Int64 {
        var uid = n.uid
        // Two files may carry the same reference (a notice downloaded twice): keep both, apart.
        if try db.int("SELECT 1 FROM notices WHERE uid = ?", [uid]) != nil {
            uid += "~" + ((n.file as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        let p = n.parsed
        let listed = n.listedProvisions
        let doc = n.document
        try db.run("""
            INSERT INTO notices(uid, reference, file, date, year, authority, authority_key, sector, law, outcome,
                                layout, paragraph_count, provisions, warnings, fts_terms)
            VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """, [uid, p.reference, n.file, p.date, p.date.flatMap { Int($0.prefix(4)) },
                  n.extraction.authority?.name ?? p.authority, n.extraction.authority?.key,
                  n.extraction.authority?.sector.rawValue, p.law?.rawValue, n.extraction.outcome?.rawValue,
                  p.layout.rawValue, p.paragraphs.count, listed.map(\.canonical).joined(separator: " "),
                  p.warnings.joined(separator: "\n"), doc.terms])
        let id = db.lastInsertRowID

        var headingNumbers: [String: Int] = [:]
        for (seq, para) in p.paragraphs.enumerated() {
            let heading = para.heading
            var no = headingNumbers[heading]
            if no == nil {
                no = headingNumbers.count
                headingNumbers[heading] = no
                try db.run("INSERT INTO headings(notice_id, heading_no, path) VALUES(?,?,?)", [id, no, heading])
            }
            try db.run("INSERT INTO paragraphs(notice_id, seq, number, heading_no, text) VALUES(?,?,?,?,?)",
                       [id, seq, para.number, no, para.text])
        }
        try writeProvisions(n, id: id, listed: Set(listed))
        for (position, f) in n.extraction.findings.enumerated() {
            try db.run("INSERT INTO findings(notice_id, position, provision, finding) VALUES(?,?,?,?)",
                       [id, position, f.provision.canonical, f.finding.rawValue])
        }
        try writeCases(n.extraction.cases, id: id)

        try db.run("INSERT INTO notice_fts(rowid, heading, decision, body, terms) VALUES(?,?,?,?,?)",
                   [id, doc.heading, doc.decision, doc.body, doc.terms])
        return id
    }

    private func writeProvisions(_ n: AnalyzedNotice, id: Int64, listed: Set<Provision>) throws {
        struct Level { var relied = false; var listed = false; var mentions = 0 }
        var levels: [Provision: Level] = [:]
        for m in n.extraction.provisions {
            try db.run("""
                INSERT OR IGNORE INTO provision_mentions(notice_id, seq, start, end, provision, role)
                VALUES(?,?,?,?,?,?)
                """, [id, m.span.paragraph, m.span.start, m.span.end, m.provision.canonical, m.role.rawValue])
            for (depth, p) in m.provision.lineage.enumerated() {
                var l = levels[p, default: Level()]
                if m.role == .reliedOn { l.relied = true }
                if depth == 0 { l.mentions += 1 }
                levels[p] = l
            }
        }
        for p in listed { levels[p, default: Level()].listed = true }
        for (p, l) in levels {
            try db.run("INSERT INTO provision_index(provision, notice_id, relied, listed, mentions) VALUES(?,?,?,?,?)",
                       [p.canonical, id, l.relied ? 1 : 0, l.listed ? 1 : 0, l.mentions])
        }
    }

    private func writeCases(_ cases: [CaseReference], id: Int64) throws {
        for c in cases {
            try db.run("INSERT INTO cases(key, name) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET name = coalesce(name, excluded.name)",
                       [c.key, c.name])
            guard let caseID = try db.int("SELECT id FROM cases WHERE key = ?", [c.key]) else { continue }
            for form in Set([c.key] + c.aliases + c.citations + [c.name].compactMap { $0 }) {
                try db.run("INSERT OR IGNORE INTO case_forms(form, case_id) VALUES(?, ?)", [CaseForms.normalise(form), caseID])
            }
            let spans = c.spans.map { "\($0.paragraph):\($0.start):\($0.end)" }.joined(separator: " ")
            try db.run("INSERT OR REPLACE INTO citations(notice_id, case_id, written, spans) VALUES(?,?,?,?)",
                       [id, caseID, c.citations.joined(separator: "\u{1F}"), spans])
        }
    }

    /// Removes a notice and everything derived from it, including its FTS entry.
    func delete(noticeID id: Int64) throws {
        let paragraphs = try StoredParagraphs.read(db, notice: id).map { (heading: $0.heading, text: $0.text) }
        var terms = ""
        if case let .text(t)? = try db.scalar("SELECT fts_terms FROM notices WHERE id = ?", [id]) { terms = t }
        let doc = FTSDocument(paragraphs: paragraphs, terms: terms)
        // Contentless table: FTS5 removes the entry given exactly the values it indexed.
        try db.run("INSERT INTO notice_fts(notice_fts, rowid, heading, decision, body, terms) VALUES('delete',?,?,?,?,?)",
                   [id, doc.heading, doc.decision, doc.body, doc.terms])
        for table in ["paragraphs", "headings", "provision_index", "provision_mentions", "findings", "citations"] {
            try db.run("DELETE FROM \(table) WHERE notice_id = ?", [id])
        }
        try db.run("DELETE FROM notices WHERE id = ?", [id])
        try db.run("DELETE FROM cases WHERE id NOT IN (SELECT case_id FROM citations)", [])
        try db.run("DELETE FROM case_forms WHERE case_id NOT IN (SELECT id FROM cases)", [])
    }
}

/// Reads a notice's paragraphs back with their heading paths.
enum StoredParagraphs {
    struct Row {
        var seq: Int
        var number: Int
        var heading: String
        var text: String
    }

    static func read(_ db: Database, notice id: Int64) throws -> [Row] {
        var headings: [Int: String] = [:]
        for (no, path) in try db.rows("SELECT heading_no, path FROM headings WHERE notice_id = ?", [id], { ($0.int(0), $0.string(1) ?? "") }) {
            headings[no] = path
        }
        return try db.rows("SELECT seq, number, heading_no, text FROM paragraphs WHERE notice_id = ? ORDER BY seq", [id]) {
            Row(seq: $0.int(0), number: $0.int(1), heading: headings[$0.int(2)] ?? "", text: $0.string(3) ?? "")
        }
    }
}

/// How case names and citations are compared: lower case, punctuation and brackets folded to spaces,
/// so `[2016] UKUT 535 (AAC)` and `2016 UKUT 535 AAC` meet, as do `EA/2018/0164` and `EA-2018-0164`.
enum CaseForms {
    static func normalise(_ text: String) -> String {
        Synonyms.wordsOf(text).joined(separator: " ")
    }
}
