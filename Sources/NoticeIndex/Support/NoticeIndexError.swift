/// The one error type of the library. Each case carries what a person needs to act on it: the file,
/// the query and position, or the database path, and never a raw SQLite message for query mistakes.
public enum NoticeIndexError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The user's query cannot be understood; `position` is a 1-based character offset when known.
    case query(String, position: Int?)
    /// A command-line value is wrong (`--since 2020-13`).
    case usage(String)
    /// One input file could not be indexed.
    case input(file: String, reason: String)
    /// The database is missing, corrupt, locked, or of another schema.
    case database(path: String, reason: String)
    /// SQLite reported a failure; `sql` is the statement (never the bound values).
    case sqlite(code: Int32, message: String, sql: String?)
    /// A tool the project needs is not installed (e.g. pdftotext from poppler-utils).
    case missingTool(String, hint: String)

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
        case let .sqlite(code, message, sql):
            return "SQLite error \(code): \(message)" + (sql.map { " in `\($0)`" } ?? "")
        case let .missingTool(tool, hint):
            return "\(tool) is not installed: \(hint)"
        }
    }
}
