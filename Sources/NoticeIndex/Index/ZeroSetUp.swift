import Foundation

/// When `search QUERY` builds an index before answering: the policy behind the README's zero set-up,
/// kept in the library so that every front end (the CLI, the web server) follows the same rule.
///
/// Only the default database is ever built implicitly, only from the bundled corpus (or the folders
/// it was last built from), and only when it is missing or was made by another version of NoticeIndex.
/// A database named with `--db` or `$NOTICE_INDEX_DB` is opened as it is.
public enum ZeroSetUp {
    public static func engine(databasePath path: String, isDefault: Bool, corpus: String?, reads: IndexReads = .memoryMapped,
                              note: @escaping @Sendable (String) -> Void) throws -> SearchEngine {
        guard isDefault, let corpus else { return try SearchEngine(databasePath: path, reads: reads) }
        switch IndexFile.classify(IndexFile.resolve(path)) {
        case .missing:
            note("no index yet at \(path); indexing the bundled corpus (\(corpus)) first…")
        case .noticeIndex(let version) where version != Schema.version:
            note("the index at \(path) was made by another version of NoticeIndex; rebuilding it…")
        default:
            return try SearchEngine(databasePath: path, reads: reads)
        }
        var options = IndexOptions()
        options.note = note
        let roots = IndexDatabase.storedRoots(path)
        let report = try Indexer.run(paths: roots.isEmpty ? [corpus] : roots, database: path, options: options)
        note(report.summary)
        return try SearchEngine(databasePath: path, reads: reads)
    }
}
