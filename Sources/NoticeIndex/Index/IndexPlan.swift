import Foundation

/// What a run will do, decided before it writes: which files to read (new, or changed by size or
/// mtime), which notices to remove (files looked for and not found), and what is already known.
struct IndexPlan {
    struct Known { var size: Int; var mtime: Double; var hash: String; var noticeID: Int64? }

    let mode: WriteMode
    let paths: [String]
    /// The files table as it was, by path.
    let known: [String: Known]
    /// Files to read, in path order.
    var candidates: [(path: String, size: Int, mtime: Double)] = []
    /// Known files whose notices this run removes (or, in a rebuild, does not bring back).
    var gone: [String] = []
    /// The roots the removed files were under, for the message that stops a large removal.
    var goneRoots: [String] = []
    /// Links and second names of files and folders listed under another path (see `FileWalker`).
    var skipped: [IndexReport.Failure] = []
    /// Counts and failures known before writing (unchanged files, unlistable folders, odd files).
    var report = IndexReport()

    /// Notices in the index before this run.
    var present: Int { known.values.filter { $0.noticeID != nil }.count }

    /// The files table, by path.
    static func known(_ db: Database) throws -> [String: Known] {
        var known: [String: Known] = [:]
        for row in try db.rows("SELECT path, size, mtime, hash, notice_id FROM files", [], {
            ($0.string(0) ?? "", Known(size: $0.int(1), mtime: $0.double(2), hash: $0.string(3) ?? "",
                                     noticeID: $0.isNull(4) ? nil : $0.int64(4)))
        }) { known[row.0] = row.1 }
        return known
    }

    init(known: [String: Known], paths: [String], mode: WriteMode) throws {
        self.mode = mode
        self.paths = paths
        self.known = known

        let found = FileWalker.walk(paths)
        report.failed = found.failures
        skipped = found.skipped
        if mode.isBulk && !known.isEmpty, let root = found.unavailableRoots.first {
            throw NoticeIndexError.input(file: root, reason: "missing or cannot be listed; nothing was rebuilt (a rebuild now would drop its notices)")
        }
        var seen = Set<String>()
        for file in found.files {
            guard seen.insert(file).inserted else { continue }
            guard NoticeSource.extensions.contains((file as NSString).pathExtension.lowercased()) else {
                report.failed.append(.init(file: file, error: "not a .txt or .pdf file"))
                continue
            }
            guard let info = found.stats[file] else { continue }
            if mode == .incremental || mode == .firstBuild, let k = known[file], k.size == info.size, k.mtime == info.mtime, k.noticeID != nil {
                report.unchanged += 1
            } else {
                candidates.append((file, info.size, info.mtime))
            }
        }
        if mode == .rebuildInPlace {
            // A rebuild brings back only what it finds.
            gone = known.keys.filter { !seen.contains($0) }.sorted()
        } else {
            gone = known.keys.filter { !seen.contains($0) && found.mayRemove($0) }.sorted()
        }
        goneRoots = found.roots.filter { root in gone.contains { FileWalker.isWithin($0, root: root) } }
    }

    /// Stops a run that would remove more than `options.removalShare` of the index: the files of an
    /// unmounted share or a renamed folder look exactly like deleted ones.
    func checkRemovals(path: String, options: IndexOptions) throws {
        let notices = known.values.filter { $0.noticeID != nil }.count
        // A file now filed under another of its paths (a link found later, a hard link) is not a loss.
        let refiled = skipped.map(\.file)
        let removing = gone.filter { file in
            known[file]?.noticeID != nil && !refiled.contains { FileWalker.isWithin(file, root: $0) }
        }.count
        guard !options.allowRemovals, removing > options.removalFloor,
              Double(removing) > options.removalShare * Double(notices) else { return }
        throw NoticeIndexError.removalsNeedConfirmation(path: path, removing: removing, of: notices, folders: goneRoots)
    }
}
