/// Reads a notice's paragraphs back with their heading paths: the read side of what `IndexWriter` stores
/// (`StoredText`'s compressed text and layout, and the `headings` table), used by `show`, `export` and the
/// pinpointing of a results page. Its own file because Query reads it while only Index writes.
enum StoredParagraphs {
    struct Row {
        var seq: Int
        var number: Int
        var heading: String
        var text: String
    }

    static func read(_ db: Database, notice id: Int64) throws -> [Row] {
        try decode(try fetch(db, notice: id))
    }

    /// What is stored for one notice, copied out of SQLite: decoding needs no connection, so the
    /// notices of a results page can be decoded and pinpointed in parallel.
    struct Stored: Sendable {
        var notice: Int64
        var path: String
        var size: Int
        var blob: [UInt8]
        var layout: [UInt8]
        var headings: [Int: String]
    }

    static func fetch(_ db: Database, notice id: Int64) throws -> Stored {
        var headings: [Int: String] = [:]
        for (no, path) in try db.rows("SELECT heading_no, path FROM headings WHERE notice_id = ?", [id], { ($0.int(0), $0.string(1) ?? "") }) {
            headings[no] = path
        }
        let s = try db.cached("SELECT size, text, layout FROM notice_text WHERE notice_id = ?")
        defer { s.reset() }
        try s.bind([id])
        guard try s.step() else { return Stored(notice: id, path: db.path, size: 0, blob: [], layout: Array("[]".utf8), headings: headings) }
        return Stored(notice: id, path: db.path, size: s.int(0), blob: s.withBlob(1) { Array($0) }, layout: s.withTextBytes(2) { Array($0) }, headings: headings)
    }

    static func decode(_ stored: Stored) throws -> [Row] {
        try decode(stored) { _, _, _ in true }
    }

    /// The paragraphs `keep` accepts, given each one's `seq`, heading path and UTF-8 text in the
    /// inflated buffer: only those become Strings. Pinpointing screens a results page's ~500
    /// paragraphs for the query's words this way; a String per paragraph was a tenth of a rare-word
    /// search's CPU (issue 14).
    static func decode(_ stored: Stored, keeping keep: (_ seq: Int, _ heading: String, _ text: UnsafeBufferPointer<UInt8>) -> Bool) throws -> [Row] {
        guard let text = stored.blob.withUnsafeBytes({ StoredText.decompress($0, size: stored.size) }) else {
            throw NoticeIndexError.database(path: stored.path, reason: "the stored text of notice \(stored.notice) is damaged; rebuild with `search index --rebuild PATH`")
        }
        let layout = stored.layout.withUnsafeBytes { StoredText.parseLayout($0) }
        guard layout.allSatisfy({ 0 <= $0.start && $0.start <= $0.end && $0.end <= text.count }) else {
            throw NoticeIndexError.database(path: stored.path, reason: "the paragraph layout of notice \(stored.notice) is damaged; rebuild with `search index --rebuild PATH`")
        }
        return text.withUnsafeBufferPointer { all in
            var rows: [Row] = []
            for (seq, p) in layout.enumerated() {
                let heading = stored.headings[p.headingNo] ?? ""
                let bytes = UnsafeBufferPointer(rebasing: all[p.start..<p.end])
                if keep(seq, heading, bytes) {
                    rows.append(Row(seq: seq, number: p.number, heading: heading, text: String(decoding: bytes, as: UTF8.self)))
                }
            }
            return rows
        }
    }
}
