import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opening a NoticeIndex database: checking what the file is before anything reads or writes it,
/// creating the schema, and turning every way it can be unusable into a typed error that names the
/// file and the way out.
public enum IndexDatabase {
    /// Every table and view of the schema: one missing means the file is damaged.
    static let requiredTables: Set<String> = [
        "meta", "files", "notices", "notice_text", "paragraphs", "headings", "provision_index", "provision_mentions",
        "findings", "cases", "case_forms", "citations", "notice_fts", "notice_vocab", "term_stats",
    ]

    /// Opens an existing index for reading, without writing to it: an index on a read-only file,
    /// folder or mount is read in place. Throws a typed error when there is no usable index.
    public static func openForReading(_ given: String, reads: IndexReads = .memoryMapped) throws -> Database {
        let path = IndexFile.resolve(given)
        switch IndexFile.classify(path) {
        case .missing:
            throw NoticeIndexError.database(path: path, reason: "no index here yet; build one with `search index PATH --db \(given)`")
        case .empty, .noticeIndex(version: 0):
            if IndexLock.isHeld(databasePath: path) { throw NoticeIndexError.beingBuilt(path: path, done: 0, total: 0, running: true) }
            throw NoticeIndexError.database(path: path, reason: "empty file, no index yet; build one with `search index PATH --db \(given)`")
        case let .foreign(what):
            throw NoticeIndexError.notAnIndex(path: path, what: what)
        case let .damagedNoticeIndex(detail):
            throw NoticeIndexError.damaged(path: path, detail: detail)
        case let .noticeIndex(version) where version != Schema.version:
            throw NoticeIndexError.otherSchema(path: path, found: version, expected: Schema.version)
        case .noticeIndex:
            break
        }
        let db = try openReadOnlyIfNeeded(path)
        do {
            try check(db)
            // Memory-mapped reads skip a copy per page; queries read many pages of the FTS index.
            if reads == .memoryMapped { try db.execute("PRAGMA mmap_size = \(mmapBytes)") }
        } catch let e as NoticeIndexError {
            throw e.at(path)
        }
        return db
    }

    /// A gigabyte of address space for memory-mapped reads (not memory: pages are mapped, not copied).
    static let mmapBytes = 1 << 30

    /// A normal connection where this user can write; otherwise a read-only one, and, when even that
    /// needs a file it cannot create (a WAL index's `-shm` in a read-only folder), an immutable one.
    /// Runs leave the index checkpointed and out of WAL mode, so an immutable reader sees all of it.
    static func openReadOnlyIfNeeded(_ path: String) throws -> Database {
        if IndexFile.isWritable(path) { return try Database(path: path, create: false) }
        if let db = try? Database(path: path, readOnly: true, create: false),
           (try? db.int("SELECT count(*) FROM sqlite_schema")) != nil {
            return db
        }
        return try Database(path: path, create: false, immutable: true)
    }

    /// That every table is there, and that no first build is under way or unfinished.
    static func check(_ db: Database) throws {
        let tables = Set(try db.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')") { $0.string(0) ?? "" })
        if let missing = requiredTables.subtracting(tables).sorted().first {
            throw NoticeIndexError.damaged(path: db.path, detail: "table \(missing) is missing")
        }
        if let progress = try FirstBuild.progress(db) {
            throw NoticeIndexError.beingBuilt(path: db.path, done: progress.done, total: progress.total,
                                              running: IndexLock.isHeld(databasePath: db.path))
        }
    }

    /// Opens `path` (which `IndexFile` classified as new, empty or an index of this version) for
    /// writing, with the schema in place. A new index is created in rollback-journal mode, so that its
    /// application id and version are in the file's header from the start, and with incremental
    /// auto-vacuum, so that a run can give back the pages FTS5's segment merges free (see
    /// `WriteSession.reclaimFreePages`).
    ///
    /// All three go in one deferred transaction. SQLite only takes the auto-vacuum setting before the
    /// file's first page is written, which `BEGIN IMMEDIATE` already does; and on its own the pragma
    /// writes that page unmarked, so a run killed just after it would leave a file (and a hot journal)
    /// that the next run could not prove was its own.
    static func openForWriting(_ path: String) throws -> Database {
        let db = try Database(path: path)
        if try db.userVersion == 0 {
            try db.execute("PRAGMA journal_mode = DELETE")
            try db.execute("BEGIN")
            do {
                try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
                try db.execute(Schema.create)
                try db.execute("PRAGMA application_id = \(IndexFile.applicationID); PRAGMA user_version = \(Schema.version)")
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        } else if try db.int("PRAGMA application_id") != Int(IndexFile.applicationID) {
            // An index made before the mark existed: mark it now.
            try db.execute("PRAGMA application_id = \(IndexFile.applicationID)")
        }
        try db.execute("PRAGMA foreign_keys = OFF")
        return db
    }

    /// The tables an index of this version should have that `db` lacks (a damaged index).
    static func missingTables(_ db: Database) throws -> [String] {
        let tables = Set(try db.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')") { $0.string(0) ?? "" })
        return requiredTables.subtracting(tables).sorted()
    }

    /// The folders earlier runs indexed (kept in `meta`), whatever the schema version; empty if none.
    public static func storedRoots(_ path: String) -> [String] {
        guard case .noticeIndex = IndexFile.classify(path), let db = try? Database(path: path, readOnly: true, create: false),
              case let .text(roots)? = try? db.scalar("SELECT value FROM meta WHERE key = 'roots'") else { return [] }
        return roots.split(separator: "\n").map(String.init)
    }

    /// Removes a database file and its journal companions.
    static func remove(_ path: String) { IndexFile.remove(path) }
}

/// How a reader takes pages from the index file.
public enum IndexReads: Sendable {
    /// Mapped into memory: no copy per page, and a page stays mapped for later searches. For a long-lived
    /// engine (the web server), which maps each page once.
    case memoryMapped
    /// Copied by read calls into SQLite's own page cache. For one search in a short process (a CLI
    /// query): mapping pages costs a page fault each and unmapping them all at exit, which came to about
    /// 2.5 of the 25 ms of CPU of a whole `search QUERY --json` process on a 25,000-notice index (issue 14).
    case copied
}
