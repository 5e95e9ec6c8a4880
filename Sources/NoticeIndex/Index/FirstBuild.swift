import Foundation

/// The marker a first build leaves while it writes without syncing (see `Indexer.run`), and what the
/// next run does when it finds one.
///
/// A first build writes with `synchronous = OFF`: its pages reach the disk when the operating system
/// gets to them. If the process dies, the machine still has them, so the next run can sync the file
/// and carry on; if the machine went down, any page may be missing, so the next run starts over. The
/// marker records the boot it was written in (Linux's boot id) to tell the two apart; without a boot
/// id, the next run starts over.
enum FirstBuild {
    static let key = "first_build"
    /// "done total": notices written so far and the notices the build will write, for readers.
    static let progressKey = "first_build_progress"

    /// This boot's id, or nil where the system has none.
    static var bootID: String? {
        guard let id = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return nil }
        let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The marker's value for a build running now.
    static var marker: String { "incomplete" + (bootID.map { " boot " + $0 } ?? "") }

    enum Found: Equatable {
        case none
        /// Cut off in this boot: its writes are in the OS cache.
        case interruptedThisBoot
        /// Cut off by a restart (or the boot is unknown): the file may be missing pages.
        case interruptedByRestart
    }

    /// What the database at `path` says about an unfinished first build. Opening it also rolls back
    /// a transaction the dead process left half done.
    static func state(of path: String) -> Found {
        guard FileManager.default.fileExists(atPath: path), let db = try? Database(path: path, create: false),
              case let .text(value)? = try? db.scalar("SELECT value FROM meta WHERE key = ?", [key]) else { return .none }
        if let boot = bootID, value == "incomplete boot " + boot { return .interruptedThisBoot }
        return .interruptedByRestart
    }

    /// How far an unfinished first build got, or nil when the index has none.
    static func progress(_ db: Database) throws -> (done: Int, total: Int)? {
        guard try db.scalar("SELECT value FROM meta WHERE key = ?", [key]) != nil else { return nil }
        var done = try db.int("SELECT count(*) FROM notices") ?? 0, total = done
        if case let .text(value)? = try db.scalar("SELECT value FROM meta WHERE key = ?", [progressKey]) {
            let parts = value.split(separator: " ").compactMap { Int($0) }
            if parts.count == 2 { done = parts[0]; total = parts[1] }
        }
        return (done, total)
    }

    /// Records how far the build is, in the open transaction (committed with the batch it counts).
    static func recordProgress(_ db: Database, _ progress: (done: Int, total: Int)) throws {
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", [progressKey, "\(progress.done) \(progress.total)"])
    }

    /// Forces every page of the file written so far onto the disk.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDWR)
        guard fd >= 0 else { throw NoticeIndexError.database(path: path, reason: "cannot open to sync: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw NoticeIndexError.database(path: path, reason: "cannot sync: \(String(cString: strerror(errno)))") }
    }
}
