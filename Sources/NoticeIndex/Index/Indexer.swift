import CSQLite
import Foundation

/// What one `search index` run did; `--json` prints exactly this.
public struct IndexReport: Codable, Sendable, Equatable {
    public struct Failure: Codable, Sendable, Equatable {
        public var file: String
        public var error: String
    }
    public var new = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    public var failed: [Failure] = []
    public var seconds = 0.0
    /// Notices indexed this run whose parser left warnings (`search show ID --json` lists them).
    public var warned = 0

    /// The one-line summary for people and logs.
    public var summary: String {
        String(format: "indexed %d new, %d changed, %d removed, %d unchanged, %d failed in %.1f s",
               new, changed, removed, unchanged, failed.count, seconds)
            + (warned > 0 ? "; \(warned) with parse warnings (see show --json)" : "")
    }
}

/// Progress for a terminal progress line.
public struct IndexProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
    public var elapsed: Double
}

public struct IndexOptions: Sendable {
    /// Rebuild from scratch in one transaction: readers keep the old index until it commits.
    public var rebuild = false
    /// How long to wait for another run's lock before giving up.
    public var lockTimeout = 10.0
    /// Let a run remove more than `removalShare` of the index (the guard against an unmounted share or
    /// a renamed folder emptying the index).
    public var allowRemovals = false
    /// The share of the index a run may remove unconfirmed (a run removing `removalFloor` notices or
    /// fewer is never stopped).
    public var removalShare = 0.2
    public var removalFloor = 4
    /// Notices per transaction in incremental runs; each commit leaves the index consistent.
    public var batchSize = 256
    /// Notices per transaction in the first build of an empty index: fewer, larger FTS5 segments to
    /// merge (25k notices: 100 commits → 13, about 0.5 s less), and a killed first build is continued
    /// from its last commit (see `FirstBuild`).
    public var firstBuildBatchSize = 2048
    /// Refuse to start without the free space the run needs (see `FreeSpace`); off only in the test
    /// that fills the disk in the middle of a run.
    var checkFreeSpace = true
    /// Indexes up to this size get SQLite's `quick_check` on every run (see `IntegrityCheck`); tests set
    /// 0 to show what a run does with damage that no check before it found.
    var quickCheckBytes = IntegrityCheck.everyRunBytes
    /// Analysis threads (one per core); tests vary it to show the result does not depend on it.
    var workers = ProcessInfo.processInfo.activeProcessorCount
    public var progress: (@Sendable (IndexProgress) -> Void)?
    /// Notes for people (e.g. "rebuilding an index of an older schema").
    public var note: (@Sendable (String) -> Void)?

    public init(rebuild: Bool = false, lockTimeout: Double = 10.0, allowRemovals: Bool = false) {
        self.rebuild = rebuild
        self.lockTimeout = lockTimeout
        self.allowRemovals = allowRemovals
    }
}

/// Brings the index in line with the files under some paths: parses new and changed files (in parallel,
/// one writer), removes notices whose files are gone from those paths, and leaves the rest untouched.
///
/// A run goes through phases, each in its own type: what the database is and how to write it
/// (`IndexRun.target`), what changed on disk (`IndexPlan`), the guards that stop a run before it writes
/// (removals, free space), writing (`WriteSession`), and leaving the file for readers.
public enum Indexer {
    public static func run(paths: [String], database: String, options: IndexOptions = IndexOptions()) throws -> IndexReport {
        let started = Date()
        let path = IndexFile.resolve(database)
        do {
            // Refused before anything is created: no lock file or folder is left beside someone's file.
            let before = IndexFile.classify(path)
            // (A path whose folder is a file is "cannot create its folder", below.)
            if case let .foreign(what) = before, FileStat.of((path as NSString).deletingLastPathComponent)?.isDirectory == true {
                throw NoticeIndexError.notAnIndex(path: path, what: what)
            }
            if before == .missing, !paths.isEmpty {
                let roots = paths.map(FileWalker.absolutePath)
                if roots.allSatisfy({ FileStat.of($0) == nil }) {
                    throw NoticeIndexError.input(file: roots[0], reason: "no such file or folder (missing, unmounted or renamed?); nothing was indexed and no index was created")
                }
            }
            var footprint = RunFootprint(path: path, before: before)
            try footprint.createFolder()
            let lock: IndexLock
            do { lock = try IndexLock(databasePath: path, timeout: options.lockTimeout) } catch {
                footprint.leaveNoIndex(lock: nil)
                throw error
            }
            defer { withExtendedLifetime(lock) {} }
            var report: IndexReport
            do { report = try IndexRun(path: path, paths: paths, options: options).execute() } catch {
                footprint.leaveNoIndex(lock: lock)
                throw error
            }
            if report.new == 0 && report.changed == 0 && report.unchanged == 0 && !report.failed.isEmpty {
                footprint.leaveNoIndex(lock: lock)
            }
            report.seconds = Date().timeIntervalSince(started)
            return report
        } catch let e as NoticeIndexError {
            throw e.at(path)
        }
    }
}

/// One run of `Indexer.run`, holding the lock.
struct IndexRun {
    let path: String
    var paths: [String]
    let options: IndexOptions

    init(path: String, paths: [String], options: IndexOptions) {
        self.path = path
        self.paths = paths
        self.options = options
    }

    func execute() throws -> IndexReport {
        // With no paths, reindex what earlier runs indexed (so cron can run `search index` alone).
        var paths = self.paths
        if paths.isEmpty { paths = IndexDatabase.storedRoots(path) }
        guard !paths.isEmpty else {
            throw NoticeIndexError.usage("nothing to index: give the files or folders of notices (`search index PATH...`)")
        }
        let (mode, resuming) = try target()
        do {
            return try run(mode, resuming: resuming, paths: paths)
        } catch let error as NoticeIndexError where error.isDamage && !mode.isBeside {
            // Damage that no check before the run saw (pages only a write or a lookup reads): the
            // batches committed so far are of no use in a damaged file; build a sound one beside it.
            options.note?("\(path) is damaged (SQLite met unreadable pages while indexing); rebuilding it beside the old file")
            return try run(beside, resuming: false, paths: paths)
        }
    }

    /// Where a rebuild beside writes until it is complete.
    var beside: WriteMode { .rebuildBeside(temporary: path + ".rebuilding") }

    /// One attempt at the run in `mode`.
    func run(_ mode: WriteMode, resuming: Bool, paths given: [String]) throws -> IndexReport {
        var paths = given
        var carriedRoots: [String] = []
        let writePath: String
        if case let .rebuildBeside(temporary) = mode {
            try clearTemporary(temporary)
            writePath = temporary
            // The new file replaces the old one whole: it keeps every folder earlier runs indexed, and
            // indexes those still there along with the paths given (a rebuild nobody asked for must not
            // shrink the index). Nothing can be read from an old file too damaged to say.
            carriedRoots = IndexDatabase.storedRoots(path)
            let given = Set(paths.map(FileWalker.absolutePath))
            for root in carriedRoots where !given.contains(root) {
                if FileStat.of(root) != nil {
                    paths.append(root)
                } else {
                    options.note?("\(root), indexed by earlier runs, is missing: the rebuilt index has none of its notices until a run finds it again")
                }
            }
        } else {
            writePath = path
        }
        // A new file is planned and checked before it is created: a run refused for lack of space
        // leaves nothing behind.
        let newFile = mode.writesNewFile && !resuming && IndexFile.classify(writePath) != .noticeIndex(version: Schema.version)
        let existing = newFile ? nil : try IndexDatabase.openForWriting(writePath)
        let plan = try IndexPlan(known: try existing.map(IndexPlan.known) ?? [:], paths: paths, mode: mode)
        for skipped in plan.skipped { options.note?("\(skipped.file): \(skipped.error)") }
        try plan.checkRemovals(path: path, options: options)
        let needed = FreeSpace.needed(for: plan.candidates.map { ($0.path, $0.size) }, mode: mode)
        if options.checkFreeSpace { try FreeSpace.check(writePath, needed: needed) }
        let db = try existing ?? IndexDatabase.openForWriting(writePath)

        let session = try WriteSession(db, mode: mode, options: options, resuming: resuming,
                                       bulk: plan.candidates.count > plan.known.count / 4,
                                       planned: (plan.present, plan.present + plan.candidates.count))
        var report = plan.report
        let reserve = mode == .incremental || mode == .rebuildInPlace ? try FreeSpace.reserve(beside: writePath) : nil
        defer { if let reserve { unlink(reserve) } }
        do {
            try write(plan, session: session, carriedRoots: carriedRoots, report: &report)
            if let reserve { unlink(reserve) }
            try session.finish()
        } catch {
            // Give the disk back its reserve first: rolling back, copying the WAL back and every
            // reader's -shm need a little space.
            if let reserve { unlink(reserve) }
            session.rollback()
            session.settle()
            if case .rebuildBeside = mode { IndexFile.remove(writePath) }
            guard FreeSpace.isOutOfSpace(error) else { throw error }
            let state: String
            switch mode {
            case .firstBuild: state = "the next run continues the first build from what was committed"
            case .rebuildBeside: state = "the old file was left in place"
            default: state = "the index is as it was before this run, with the batches it had committed"
            }
            throw NoticeIndexError.database(
                path: path, reason: "the disk filled up while indexing; \(state). Free at least \(NoticeIndexError.megabytes(needed)) and run again")
        }
        if case let .rebuildBeside(temporary) = mode {
            try replace(path, with: temporary)
        }
        return report
    }

    /// Removes what an earlier rebuild beside left at `temporary` (killed, or out of space), but only
    /// if it is provably that: a NoticeIndex database (sound or not) or an empty file. Anything else
    /// there is someone's, and stops the run.
    func clearTemporary(_ temporary: String) throws {
        switch IndexFile.classify(temporary) {
        case .missing: return
        case .empty, .noticeIndex, .damagedNoticeIndex: IndexFile.remove(temporary)
        case let .foreign(what):
            throw NoticeIndexError.database(
                path: path, reason: "needs rebuilding beside itself, but \(temporary) is in the way (\(what)); move that file and run again")
        }
    }

    /// What is at the path and how this run will write it. Never writes to anything that is not a
    /// NoticeIndex database, an empty file or a new path.
    func target() throws -> (WriteMode, resuming: Bool) {
        switch IndexFile.classify(path) {
        case let .foreign(what):
            throw NoticeIndexError.notAnIndex(path: path, what: what)
        case .missing, .empty:
            return (.firstBuild, false)
        case let .damagedNoticeIndex(detail):
            options.note?("\(path) is damaged (\(detail)); building a new index beside it, to replace it when complete")
            return (beside, false)
        case let .noticeIndex(version) where version == 0:
            return (.firstBuild, false)
        case let .noticeIndex(version) where version != Schema.version:
            let age = version < Schema.version ? "an older" : "a newer"
            options.note?("\(path) was built by \(age) version of NoticeIndex (schema \(version)); rebuilding it beside the old file")
            return (beside, false)
        case .noticeIndex:
            break
        }
        switch FirstBuild.state(of: path) {
        case .none: break
        case .interruptedThisBoot:
            // The process died, the machine did not: sync what it wrote, then carry on from there.
            try FirstBuild.sync(path)
            options.note?("the first build of \(path) was interrupted; continuing it")
            return (.firstBuild, true)
        case .interruptedByRestart:
            options.note?("the first build of \(path) did not finish before a restart; starting it over")
            IndexFile.remove(path)
            return (.firstBuild, false)
        }
        do {
            return try inspect(beside: beside)
        } catch let error as NoticeIndexError where error.isDamage {
            options.note?("\(path) is damaged (SQLite cannot read all of it); rebuilding it beside the old file")
            return (beside, false)
        }
    }

    /// An index of this version: damaged (rebuilt beside), asked to be rebuilt, or brought up to date.
    func inspect(beside: WriteMode) throws -> (WriteMode, resuming: Bool) {
        let db = try Database(path: path, create: false)
        if let missing = try IndexDatabase.missingTables(db).first {
            options.note?("\(path) is damaged (table \(missing) is missing); rebuilding it beside the old file")
            return (beside, false)
        }
        if let problem = try IntegrityCheck.problemIfDue(db, fileSize: FileStat.of(path)?.size ?? 0, everyRunBytes: options.quickCheckBytes) {
            options.note?("\(path): \(problem); rebuilding it beside the old file")
            return (beside, false)
        }
        if options.rebuild {
            // A rebuild is asked for when something is wrong: one that SQLite finds damaged (which an
            // in-place rebuild would trip over) is built beside it instead. quick_check reads every
            // page once, a small cost next to the rebuild itself.
            if let problem = IntegrityCheck.pageProblem(db) {
                options.note?("\(path) is damaged (\(problem)); rebuilding it beside the old file")
                return (beside, false)
            }
            return (.rebuildInPlace, false)
        }
        let notices = try db.int("SELECT count(*) FROM notices") ?? 0
        let files = try db.int("SELECT count(*) FROM files") ?? 0
        let empty = notices == 0 && files == 0
        return (empty ? .firstBuild : .incremental, false)
    }

    /// Writes the plan: removals, then every candidate in path order.
    func write(_ plan: IndexPlan, session: WriteSession, carriedRoots: [String], report: inout IndexReport) throws {
        let db = session.db, mode = session.mode
        let writer = try IndexWriter(db)
        let started = Date()
        // The start, with the planned total (a first build has recorded it for readers by now).
        options.progress?(IndexProgress(done: 0, total: plan.candidates.count, bytes: 0, elapsed: 0))
        try session.begin()
        do {
            if mode == .rebuildInPlace {
                try db.execute("""
                    DELETE FROM files; DELETE FROM notices; DELETE FROM notice_text; DELETE FROM headings; DELETE FROM provision_index;
                    DELETE FROM provision_mentions; DELETE FROM findings; DELETE FROM cases; DELETE FROM case_forms;
                    DELETE FROM citations; INSERT INTO notice_fts(notice_fts) VALUES('delete-all');
                    """)
            } else {
                for file in plan.gone {
                    if let id = plan.known[file]?.noticeID { try writer.delete(noticeID: id) }
                    try db.run("DELETE FROM files WHERE path = ?", [file])
                    report.removed += 1
                }
            }
            // Workers read, parse and extract on every core; this thread only writes, in path order.
            let pipeline = AnalysisPipeline(plan.candidates, workers: options.workers,
                                            capacity: max(8, options.batchSize * 2))
            var done = 0, doneBytes = 0
            do {
                while let result = pipeline.next() {
                    try apply(result, plan: plan, writer: writer, report: &report)
                    done += 1
                    doneBytes += result.size
                    let committed = try session.noticeWritten {
                        try writer.refreshCaseNames()
                        if mode == .firstBuild {
                            try FirstBuild.recordProgress(db, (plan.present + done, plan.present + plan.candidates.count))
                        }
                    }
                    if committed || mode == .rebuildInPlace && done % session.batchSize == 0 {
                        options.progress?(IndexProgress(done: done, total: plan.candidates.count, bytes: doneBytes,
                                                        elapsed: Date().timeIntervalSince(started)))
                    }
                }
            } catch {
                pipeline.cancel()
                throw error
            }
            try writer.refreshCaseNames()
            // The union with earlier runs' roots, so `search index` alone reindexes every folder ever given.
            var earlier = carriedRoots
            if case let .text(stored)? = try? db.scalar("SELECT value FROM meta WHERE key = 'roots'") {
                earlier += stored.split(separator: "\n").map(String.init)
            }
            let roots = Set(earlier + plan.paths.map(FileWalker.absolutePath)).sorted().joined(separator: "\n")
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('roots', ?)", [roots])
            try session.commit()
        } catch {
            session.rollback()
            throw error
        }
        let changedNotices = report.new + report.changed + report.removed
        if changedNotices > 0 || mode.isBulk {
            try TermStatistics.update(db, changedNotices: changedNotices, bulk: session.bulk)
        }
    }

    /// Writes one analysed file: a failure is reported, a touched but identical file only gets its new
    /// mtime, anything else replaces the notice (the file row lands in the same transaction).
    func apply(_ r: Analysis, plan: IndexPlan, writer: IndexWriter, report: inout IndexReport) throws {
        let db = writer.db
        let fresh = plan.mode == .rebuildInPlace || plan.mode.writesNewFile && plan.known.isEmpty
        switch r.outcome {
        case let .failed(message):
            report.failed.append(.init(file: r.path, error: message))
        case let .parsed(hash, notice):
            let previous = fresh ? nil : plan.known[r.path]
            if let previous, previous.hash == hash, previous.noticeID != nil {
                try db.run("UPDATE files SET size = ?, mtime = ? WHERE path = ?", [r.size, r.mtime, r.path])
                report.unchanged += 1
                return
            }
            if let old = previous?.noticeID { try writer.delete(noticeID: old) }
            let id = try writer.insert(notice)
            try db.run("INSERT OR REPLACE INTO files(path, size, mtime, hash, notice_id) VALUES(?,?,?,?,?)",
                       [r.path, r.size, r.mtime, hash, id])
            if previous?.noticeID != nil { report.changed += 1 } else { report.new += 1 }
            if !notice.parsed.warnings.isEmpty { report.warned += 1 }
        }
    }

    /// Puts a finished rebuild in place of the old file: synced, then renamed over it (readers that
    /// open the path from then on see the new index; the old file's journal files are removed first,
    /// so SQLite cannot apply them to the new one).
    func replace(_ path: String, with temporary: String) throws {
        try FirstBuild.sync(temporary)
        for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
        guard rename(temporary, path) == 0 else {
            throw NoticeIndexError.database(path: path, reason: "cannot replace it with the rebuilt index at \(temporary) (\(String(cString: strerror(errno))))")
        }
        IndexFile.syncFolder(of: path)
    }
}
