import Foundation

/// A parsed and extracted notice, ready to be written.
public struct AnalyzedNotice: Sendable {
    public var file: String
    public var parsed: ParsedNotice
    public var extraction: Extraction
    /// What the notice gives the full-text index; built here, off the writer's thread.
    var document: FTSDocument
    /// Heading paths in order of first use (a paragraph's `heading_no` indexes this), and the
    /// compressed paragraph text; also built off the writer's thread.
    var headingPaths: [String]
    var storedText: StoredText
    var rows: NoticeRows

    public init(file: String, parsed: ParsedNotice, extraction: Extraction) {
        self.file = file
        self.parsed = parsed
        self.extraction = extraction
        // Each run of paragraphs under one heading path (one shared array from the parser) joins and
        // numbers its path once; the run's paragraphs then share one String, which FTSDocument compares.
        var numbers: [String: Int] = [:], paths: [String] = []
        var run: (headings: [String], heading: String, no: Int)? = nil
        var layout: [(number: Int, headingNo: Int, text: String)] = []
        var headed: [(heading: String, text: String)] = []
        for para in parsed.paragraphs {
            if run?.headings != para.headings {
                let heading = para.heading
                let no = numbers[heading] ?? paths.count
                if no == paths.count { numbers[heading] = no; paths.append(heading) }
                run = (para.headings, heading, no)
            }
            layout.append((para.number, run!.no, para.text))
            headed.append((run!.heading, para.text))
        }
        self.document = FTSDocument(paragraphs: headed, terms: FTSDocument.terms(for: parsed, extraction: extraction))
        headingPaths = paths
        storedText = StoredText(paragraphs: layout)
        rows = NoticeRows(extraction, listed: Self.listedProvisions(extraction))
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

    /// Relied-on and decided provisions in their most specific form: `s31(1)` is dropped when `s31(1)(a)` is
    /// listed. A finding may decide a provision the text never writes (`OutcomeExtractor.decidedUnwritten`).
    public var listedProvisions: [Provision] { Self.listedProvisions(extraction) }

    static func listedProvisions(_ extraction: Extraction) -> [Provision] {
        var relied = Set(extraction.provisions.filter { $0.role == .reliedOn }.map(\.provision))
        relied.formUnion(OutcomeExtractor.decidedUnwritten(extraction.findings, mentions: extraction.provisions))
        return relied.filter { p in !relied.contains { $0 != p && $0.isWithin(p) } }.sorted()
    }
}

/// Writes notices into the database. Callers wrap calls in transactions; one writer per database.
///
/// Everything but binding and stepping was done on the analysis workers (`AnalyzedNotice`,
/// `NoticeRows`, `StoredText`); the statements are prepared once per writer.
final class IndexWriter {
    let db: Database
    private let uidTaken, insertNotice, insertHeading, insertText, insertMention, insertLevel, insertFinding: Statement
    private let upsertCase, caseID, insertForm, insertCitation, insertFTS: Statement
    /// Cases whose citing notices changed since the last `refreshCaseNames`.
    private var touchedCases = Set<Int64>()

    init(_ db: Database) throws {
        self.db = db
        uidTaken = try Statement(db, "SELECT 1 FROM notices WHERE uid = ?")
        insertNotice = try Statement(db, """
            INSERT INTO notices(uid, reference, file, date, year, authority, authority_key, sector, law, outcome,
                                layout, paragraph_count, provisions, warnings, fts_terms)
            VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertHeading = try Statement(db, "INSERT INTO headings(notice_id, heading_no, path) VALUES(?,?,?)")
        insertText = try Statement(db, "INSERT INTO notice_text(notice_id, size, text, layout) VALUES(?,?,?,?)")
        insertMention = try Statement(db, """
            INSERT OR IGNORE INTO provision_mentions(notice_id, seq, start, end, provision, role) VALUES(?,?,?,?,?,?)
            """)
        insertLevel = try Statement(db, "INSERT INTO provision_index(provision, notice_id, relied, listed, mentions) VALUES(?,?,?,?,?)")
        insertFinding = try Statement(db, "INSERT INTO findings(notice_id, position, provision, finding, paragraph, start, end) VALUES(?,?,?,?,?,?,?)")
        upsertCase = try Statement(db, "INSERT INTO cases(key) VALUES(?) ON CONFLICT(key) DO NOTHING")
        caseID = try Statement(db, "SELECT id FROM cases WHERE key = ?")
        insertForm = try Statement(db, "INSERT OR IGNORE INTO case_forms(form, case_id) VALUES(?, ?)")
        insertCitation = try Statement(db, "INSERT OR REPLACE INTO citations(notice_id, case_id, written, spans, name) VALUES(?,?,?,?,?)")
        insertFTS = try Statement(db, "INSERT INTO notice_fts(rowid, heading, decision, body, terms) VALUES(?,?,?,?,?)")
    }

    private func isTaken(_ uid: String) throws -> Bool {
        defer { uidTaken.reset() }
        try uidTaken.bind(uid, at: 1)
        return try uidTaken.step()
    }

    /// Inserts one notice and everything derived from it; returns its id.
    @discardableResult
    func insert(_ n: AnalyzedNotice) throws -> Int64 {
        // Two files may carry the same reference (a notice downloaded twice): keep both, apart, as
        // `REF~file`; copies with the same file name in several folders as `REF~file~2`, `~3`, … (in
        // path order, so the same files always get the same ids).
        let base = n.uid, name = ((n.file as NSString).lastPathComponent as NSString).deletingPathExtension
        var uid = base, copy = 1
        while try isTaken(uid) {
            copy += 1
            uid = copy == 2 ? base + "~" + name : base + "~" + name + "~\(copy - 1)"
        }
        let p = n.parsed, rows = n.rows, doc = n.document
        try insertNotice.run(uid, p.reference, n.file, p.date, p.date.flatMap { Int($0.prefix(4)) },
                             n.extraction.authority?.name ?? p.authority, n.extraction.authority?.key,
                             n.extraction.authority?.sector.rawValue, p.law?.rawValue, n.extraction.outcome?.rawValue,
                             p.layout.rawValue, p.paragraphs.count, rows.listed, p.warnings.joined(separator: "\n"), doc.terms)
        let id = db.lastInsertRowID

        for (no, path) in n.headingPaths.enumerated() { try insertHeading.run(id, no, path) }
        try insertText.bind(id, at: 1)
        try insertText.bind(n.storedText.size, at: 2)
        try insertText.bindBlob(n.storedText.blob, at: 3)
        try insertText.bind(n.storedText.layout, at: 4)
        try insertText.execute()
        for m in rows.mentions { try insertMention.run(id, m.seq, m.start, m.end, m.provision, m.role) }
        for l in rows.levels { try insertLevel.run(l.provision, id, l.relied ? 1 : 0, l.listed ? 1 : 0, l.mentions) }
        for (position, f) in rows.findings.enumerated() { try insertFinding.run(id, position, f.provision, f.finding, f.paragraph, f.start, f.end) }
        for c in rows.citations {
            try upsertCase.run(c.key)
            try caseID.bind(c.key, at: 1)
            let found = try caseID.step() ? caseID.int64(0) : nil
            caseID.reset()
            guard let found else { continue }
            for form in c.forms { try insertForm.run(form, found) }
            try insertCitation.run(id, found, c.written, c.spans, c.name)
            touchedCases.insert(found)
        }
        try insertFTS.run(id, doc.heading, doc.decision, doc.body, doc.terms)
        return id
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
        touchedCases.formUnion(try db.rows("SELECT case_id FROM citations WHERE notice_id = ?", [id]) { $0.int64(0) })
        for table in ["notice_text", "headings", "provision_index", "provision_mentions", "findings", "citations"] {
            try db.run("DELETE FROM \(table) WHERE notice_id = ?", [id])
        }
        try db.run("DELETE FROM notices WHERE id = ?", [id])
        try db.run("DELETE FROM cases WHERE id NOT IN (SELECT case_id FROM citations)", [])
        try db.run("DELETE FROM case_forms WHERE case_id NOT IN (SELECT id FROM cases)", [])
    }
}

extension IndexWriter {
    /// Names every case whose citations changed by the fixed rule: the name most of its citing notices
    /// give it, ties going to the first in binary order. Before this, the first notice written named a
    /// case, so names depended on which worker finished first.
    func refreshCaseNames() throws {
        guard !touchedCases.isEmpty else { return }
        let update = try db.cached("""
            UPDATE cases SET name = (SELECT name FROM citations WHERE case_id = cases.id AND name IS NOT NULL
                                     GROUP BY name ORDER BY count(*) DESC, name LIMIT 1)
            WHERE id = ?
            """)
        for id in touchedCases.sorted() { try update.run(id) }
        touchedCases.removeAll()
    }
}

/// How case names and citations are compared: lower case, punctuation and brackets folded to spaces,
/// so `[2016] UKUT 535 (AAC)` and `2016 UKUT 535 AAC` meet, as do `EA/2018/0164` and `EA-2018-0164`.
enum CaseForms {
    static func normalise(_ text: String) -> String {
        Synonyms.wordsOf(text).joined(separator: " ")
    }
}
