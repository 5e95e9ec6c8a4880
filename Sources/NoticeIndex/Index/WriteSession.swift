import Foundation

/// How a run writes the database. Chosen once per run (`IndexRun.target`); the session below owns
/// everything that follows from it: journal mode, syncing, transaction and batch boundaries, and the
/// state the file is left in.
enum WriteMode: Equatable {
    /// A new or empty index, or the continuation of one whose process died: rollback journal (pages
    /// appended to a new file need no journal, so the data is written once instead of to a WAL and
    /// again at the checkpoint; 25k: 23.9 s → 21.0 s), no fsync per batch (~3 s at 25k), and a marker
    /// written durably first that tells the next run to continue or start over (`FirstBuild`), and
    /// tells readers the index is not complete yet.
    case firstBuild
    /// An index brought up to date: WAL, a commit per batch, each leaving the index consistent.
    case incremental
    /// `--rebuild` of a healthy index: one WAL transaction, so readers answer from the old index
    /// until the new one commits.
    case rebuildInPlace
    /// A damaged index or one of another version: built as a first build into `temporary`, beside it,
    /// and renamed over it only when complete and synced.
    case rebuildBeside(temporary: String)

    /// Rewrites the whole index (an incremental run can also be a bulk load: see `WriteSession.bulk`).
    var isBulk: Bool { self != .incremental }
    var isBeside: Bool {
        if case .rebuildBeside = self { return true }
        return false
    }
    var writesNewFile: Bool {
        switch self {
        case .firstBuild, .rebuildBeside: return true
        default: return false
        }
    }
}

final class WriteSession {
    let db: Database
    let mode: WriteMode
    let batchSize: Int
    /// Writes much of the index: the whole of it, or more than a quarter of it again.
    let bulk: Bool
    private var inBatch = 0

    /// Page cache while writing, in KiB (32 MiB; SQLite's default is 2 MiB): FTS5 segment merges reread
    /// recent pages, and a larger cache keeps them in memory for the length of a run.
    static let cacheKiB = 32768
    /// WAL pages between checkpoints in an incremental run (SQLite's default, named here because the bulk
    /// modes turn it off): keeps the WAL, and so the free space a run needs, small.
    static let checkpointPages = 1000

    /// `planned`: notices in the index before this run and once it is done (a first build's progress).
    init(_ db: Database, mode: WriteMode, options: IndexOptions, resuming: Bool, bulk: Bool,
         planned: (done: Int, total: Int) = (0, 0)) throws {
        self.db = db
        self.mode = mode
        self.bulk = bulk || mode.isBulk
        batchSize = mode.writesNewFile ? options.firstBuildBatchSize : options.batchSize
        // A larger page cache for writing; the WAL is copied back once at the end of a bulk load
        // rather than every 1000 pages (which wrote the data twice during the run). An incremental run
        // keeps SQLite's checkpoints, so its WAL stays small (see `FreeSpace`).
        try db.execute("PRAGMA cache_size = -\(Self.cacheKiB)")
        switch mode {
        case .firstBuild, .rebuildBeside:
            try db.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
            if case .firstBuild = mode {
                // The marker and the planned total, durably, before the first batch: readers are told
                // "N of M" from the start, and after a kill, not "0 of 0".
                try db.transaction {
                    if !resuming { try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", [FirstBuild.key, FirstBuild.marker]) }
                    try FirstBuild.recordProgress(db, planned)
                }
            }
            try db.execute("PRAGMA synchronous = OFF")
        case .incremental:
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = \(self.bulk ? 0 : Self.checkpointPages)")
        case .rebuildInPlace:
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0")
        }
        // A bulk load does not merge FTS segments as it goes (FTS5's automerge): only FTS5's crisis
        // merges, which keep each level under 16 segments. Nor does it end with a full merge
        // ('optimize'): at 25k notices that rewrote the whole FTS index (1.1 s) for no measurable query
        // gain. Automerge is restored by `finish`, including after a killed bulk load.
        if self.bulk { try db.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('automerge', 0)") }
    }

    /// Starts the run's writing: the one transaction of an in-place rebuild, or the first batch.
    func begin() throws { try db.execute("BEGIN IMMEDIATE") }

    /// After each notice: commits the batch once it is full (except in an in-place rebuild, which is
    /// one transaction). Returns whether it committed.
    func noticeWritten(beforeCommit: () throws -> Void) throws -> Bool {
        inBatch += 1
        guard inBatch >= batchSize else { return false }
        inBatch = 0
        guard mode != .rebuildInPlace else { return false }
        try beforeCommit()
        try db.execute("COMMIT; BEGIN IMMEDIATE")
        return true
    }

    func commit() throws { try db.execute("COMMIT") }
    func rollback() { try? db.execute("ROLLBACK") }

    /// The end of a successful run: automerge back on, every page on the disk, the first-build marker
    /// gone, and the file checkpointed and out of WAL mode, so that a reader (even one that cannot
    /// write the file or its folder) opens it without writing anything. Leaving WAL mode needs the
    /// only connection; with readers connected the file stays in WAL mode, checkpointed.
    func finish() throws {
        try db.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('automerge', 4)")
        if mode.writesNewFile {
            // From here on every commit syncs: this one makes all of the build's pages durable, and
            // only the next one removes its marker.
            try db.execute("PRAGMA synchronous = FULL")
            try db.transaction {
                try db.run("DELETE FROM meta WHERE key IN (?, ?)", [FirstBuild.key, FirstBuild.progressKey])
                try IntegrityCheck.markChecked(db)   // a new FTS index, written in one go
            }
        }
        reclaimFreePages()
        settle()
    }

    /// Free pages above this share of the file are given back to the file system at the end of a run.
    static let reclaimFreeShare = 0.02

    /// Gives back the file's free pages. A bulk load merges FTS5 segments and frees the pages of the
    /// old ones; what the last merges freed stays in the file as free pages: 15 % of the file at 25k
    /// notices and 27 % (1.5 GB) at 250k, measured before this. `incremental_vacuum` moves the pages
    /// at the end of the file into those holes and truncates it, a cost in proportion to the free
    /// pages rather than to the index. Best effort: the index is complete and durable before this
    /// starts, and a failure (a full disk while it journals) leaves it as it was, still queryable.
    /// An index made before auto-vacuum was set (`auto_vacuum` 0) is left as it is.
    func reclaimFreePages() {
        guard (try? db.int("PRAGMA auto_vacuum")) == 2,
              let free = try? db.int("PRAGMA freelist_count"), let pages = try? db.int("PRAGMA page_count"),
              pages > 0, Double(free) > Double(pages) * Self.reclaimFreeShare else { return }
        try? db.execute("PRAGMA incremental_vacuum")
    }

    /// Copies the WAL back and leaves WAL mode, where it can (also after a failed run).
    func settle() {
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try? db.execute("PRAGMA journal_mode = DELETE")
    }
}
