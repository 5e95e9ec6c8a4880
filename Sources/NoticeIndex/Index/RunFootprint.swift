import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a run created on the way to a new index: the folders of `--db`, the database file and its lock
/// file. A run that ends with no index to show for it (refused, or nothing indexed but failures) takes
/// them away again, so a mistyped path leaves nothing that later queries would take for an empty index
/// ("No notices match"). Only what is provably this run's goes: a database file that did not exist
/// before the run, holds no notices and no files and is marked as NoticeIndex's, a lock file this run
/// created, and folders it created that are still empty.
struct RunFootprint {
    let path: String
    /// Whether nothing was at the database path when the run began.
    let databaseWasMissing: Bool
    /// Folders created for the database, outermost first.
    private(set) var createdFolders: [String] = []

    init(path: String, before: IndexFile.Kind) {
        self.path = path
        databaseWasMissing = before == .missing
    }

    /// Creates the folder of the database (and its parents), remembering those it made.
    mutating func createFolder() throws {
        let folder = (path as NSString).deletingLastPathComponent
        var missing: [String] = []
        var probe = folder
        while !probe.isEmpty, probe != "/", !FileManager.default.fileExists(atPath: probe) {
            missing.insert(probe, at: 0)
            probe = (probe as NSString).deletingLastPathComponent
        }
        for f in missing {
            guard mkdir(f, 0o755) == 0 || errno == EEXIST else {
                removeFolders()
                throw NoticeIndexError.database(path: path, reason: "cannot create its folder \(folder) (no permission, or a file in the way)")
            }
            createdFolders.append(f)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            removeFolders()
            throw NoticeIndexError.database(path: path, reason: "cannot create its folder \(folder) (no permission, or a file in the way)")
        }
    }

    /// After a run that indexed nothing: removes the database if it is new and empty, then (when no
    /// database is left) the lock file this run created and the folders it made.
    func leaveNoIndex(lock: IndexLock?) {
        if databaseWasMissing, isEmptyIndex() { IndexFile.remove(path) }
        guard IndexFile.classify(path) == .missing else { return }
        lock?.removeFile()
        removeFolders()
    }

    /// Whether the file at `path` is a NoticeIndex database with no notice and no file in it.
    private func isEmptyIndex() -> Bool {
        guard case .noticeIndex = IndexFile.classify(path), let db = try? Database(path: path, create: false) else { return false }
        let notices = (try? db.int("SELECT count(*) FROM notices")) ?? nil
        let files = (try? db.int("SELECT count(*) FROM files")) ?? nil
        return notices == 0 && files == 0
    }

    /// Removes the folders this run created, innermost first, each only while empty (`rmdir`).
    private func removeFolders() {
        for f in createdFolders.reversed() where rmdir(f) != 0 { return }
    }
}
