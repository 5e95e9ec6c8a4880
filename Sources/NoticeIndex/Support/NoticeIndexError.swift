/// The one error type of the library. Each case carries what a person needs to act on it: the file,
/// the query and position, or the database path, and never a raw SQLite message. Callers decide by
/// case, never by the text of a message.
public enum NoticeIndexError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The user's query cannot be understood; `position` is a 1-based character offset when known.
    case query(String, position: Int?)
    /// A command-line value is wrong (`--since 2020-13`).
    case usage(String)
    /// One input file could not be indexed.
    case input(file: String, reason: String)
    /// The database is missing, locked, full or unreadable; `reason` says what to do.
    case database(path: String, reason: String)
    /// SQLite reported a failure; `sql` is the statement (never the bound values). Its description says
    /// what the code means, not SQLite's own text; `at(path)` names the database.
    case sqlite(code: Int32, message: String, sql: String?)
    /// A tool the project needs is not installed (e.g. pdftotext from poppler-utils).
    case missingTool(String, hint: String)
    /// `path` is not a NoticeIndex database (a folder, another application's database, some other
    /// file), so nothing reads, rebuilds or writes it. `what` says what it is.
    case notAnIndex(path: String, what: String)
    /// A NoticeIndex database made by another version (schema `found`; this one reads `expected`).
    case otherSchema(path: String, found: Int, expected: Int)
    /// A NoticeIndex database that is damaged (`detail`: a missing table, a failed integrity check).
    case damaged(path: String, detail: String)
    /// The first build of the index has not finished: `running` if a run is building it now.
    case beingBuilt(path: String, done: Int, total: Int, running: Bool)
    /// The run would remove `removing` of the index's `of` notices; nothing was changed.
    case removalsNeedConfirmation(path: String, removing: Int, of: Int, folders: [String])
    /// Not enough free space for the run; nothing was changed. Bytes.
    case noSpace(path: String, needed: Int, available: Int)

    public var description: String {
        switch self {
        case let .query(message, position):
            return position.map { "\(message) (at character \($0))" } ?? message
        case let .usage(message):
            return message
        case let .input(file, reason):
            return "\(file): \(reason)"
        case let .database(path, reason):
            return "\(path): \(reason)"
        case let .sqlite(code, _, _):
            return Self.meaning(ofSQLiteCode: code)
        case let .missingTool(tool, hint):
            return "\(tool) is not installed: \(hint)"
        case let .notAnIndex(path, what):
            return "\(path): \(what), not a NoticeIndex database; nothing was read or changed (give --db the index file, or a new path)"
        case let .otherSchema(path, found, expected):
            let age = found < expected ? "an older" : "a newer"
            return "\(path): built by \(age) version of NoticeIndex (schema \(found); this one uses \(expected)); "
                + "rebuild it with `search index --rebuild PATH`"
        case let .damaged(path, detail):
            return "\(path): the index is damaged (\(detail)); rebuild it with `search index --rebuild PATH`"
        case let .beingBuilt(path, done, total, running):
            return running
                ? "\(path): the index is being built: \(done) of \(total) notices; try again shortly"
                : "\(path): the first build of this index was interrupted (\(done) of \(total) notices); run `search index` to finish it"
        case let .removalsNeedConfirmation(path, removing, total, folders):
            let under = folders.isEmpty ? "" : " (files gone from \(folders.joined(separator: ", ")))"
            return "\(path): this run would remove \(removing) of \(total) notices\(under); nothing was changed. "
                + "If the files really are gone, run again with --allow-removals"
        case let .noSpace(path, needed, available):
            return "\(path): not enough free space: this run needs about \(Self.megabytes(needed)) and "
                + "\(Self.megabytes(available)) is free; free some space and run again (nothing was changed)"
        }
    }

    /// The same failure, naming the database it happened in (SQLite's own errors carry no path).
    /// Whether SQLite found the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB, with any extended code).
    var isDamage: Bool {
        guard case let .sqlite(code, _, _) = self else { return false }
        return code & 0xff == 11 || code & 0xff == 26
    }

    public func at(_ path: String) -> NoticeIndexError {
        guard case let .sqlite(code, _, _) = self else { return self }
        return .database(path: path, reason: Self.meaning(ofSQLiteCode: code))
    }

    /// What an SQLite result code means for someone running `search`, and what to do about it.
    static func meaning(ofSQLiteCode code: Int32) -> String {
        switch code & 0xff {
        case 13: return "the disk is full; free some space and run again"
        case 10: return "input/output error on the database (is the disk full or failing?); free space or check the disk, then run again"
        case 11, 26: return "the index is damaged; rebuild it with `search index --rebuild PATH`"
        case 8: return "the index cannot be written here (a read-only file, folder or mount)"
        case 5, 6: return "the index is busy (another process is writing it); try again shortly"
        case 14: return "cannot open the index file (a missing folder, or no permission)"
        case 3, 23: return "permission denied on the index file"
        case 7: return "out of memory"
        case 1: return "a table or column the index needs is missing (damaged or incomplete); rebuild it with `search index --rebuild PATH`"
        default: return "unexpected database failure (SQLite code \(code)); if it persists, rebuild with `search index --rebuild PATH`"
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 10 << 20 ? "\(bytes >> 20) MB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
