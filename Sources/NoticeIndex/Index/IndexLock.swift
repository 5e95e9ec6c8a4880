import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock beside the database (`index.sqlite.lock`) held for a whole `search index` run, so two
/// runs never interleave. The kernel releases it when the holder dies, even on SIGKILL, so a killed run
/// never leaves a stale lock behind. The path is the database's resolved path (`IndexFile.resolve`), so a
/// link to the database and the database itself share one lock.
///
/// A hard link (`ln index.sqlite other.sqlite`) is a second name that resolving cannot see through, so the
/// run also takes an exclusive `flock` on the database file itself (its inode) when it exists. On Linux
/// `flock` is independent of SQLite's `fcntl` locks. It is held until the run ends, so during a rebuild
/// beside and rename the old file stays locked until the new one has replaced it.
final class IndexLock {
    private var fd: Int32 = -1
    private var fileFD: Int32 = -1
    let path: String
    /// Whether this run created the lock file (so it may remove it again: see `removeFile`).
    private(set) var createdFile = false

    /// Waits up to `timeout` seconds for the lock; then fails naming the process that holds it.
    init(databasePath: String, timeout: Double) throws {
        path = databasePath + ".lock"
        let deadline = Date().addingTimeInterval(timeout)
        // A lock file may be removed by the run that created it (`removeFile`), so the lock taken is
        // the one on the file the name holds once it is ours: otherwise retried.
        while true {
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            createdFile = fd >= 0
            if fd < 0 && errno == EEXIST {
                fd = open(path, O_RDWR | O_CLOEXEC)
                if fd < 0 && errno == ENOENT { continue }   // removed by its creator just now
            }
            guard fd >= 0 else {
                throw NoticeIndexError.database(
                    path: path, reason: "cannot create the lock file (\(String(cString: strerror(errno)))); an index in a read-only folder can be queried but not updated")
            }
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if Date() >= deadline {
                    let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    close(fd)
                    let who = holder.isEmpty ? "another process" : holder
                    throw NoticeIndexError.database(
                        path: databasePath,
                        reason: "another `search index` run holds the lock (\(who)); waited \(Int(timeout)) s, try again later")
                }
                usleep(100_000)
            }
            var held = stat(), now = stat()
            if fstat(fd, &held) == 0, stat(path, &now) == 0, held.st_dev == now.st_dev, held.st_ino == now.st_ino { break }
            close(fd)
        }
        do {
            fileFD = try Self.lockFile(databasePath, deadline: deadline, timeout: timeout)
        } catch {
            flock(fd, LOCK_UN)
            close(fd)
            if createdFile { unlink(path) }
            throw error
        }
        let me = "pid \(getpid()), started \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = me.withCString { write(fd, $0, strlen($0)) }
    }

    /// Removes the lock file if this run created it (a run that leaves no index leaves no lock file
    /// either). Safe while held: a run waiting on the removed file finds the name gone or changed and
    /// takes the lock again on what the name holds.
    func removeFile() {
        if createdFile { unlink(path) }
    }

    /// Takes an exclusive flock on the database file (if it exists) until `deadline`; -1 if there is no file.
    /// Retries when the name was renamed over while waiting, so the lock is on the file the name holds now.
    private static func lockFile(_ databasePath: String, deadline: Date, timeout: Double) throws -> Int32 {
        while true {
            let ffd = open(databasePath, O_RDONLY | O_CLOEXEC)
            guard ffd >= 0 else { return -1 }
            while flock(ffd, LOCK_EX | LOCK_NB) != 0 {
                if Date() >= deadline {
                    close(ffd)
                    throw NoticeIndexError.database(
                        path: databasePath,
                        reason: "another `search index` run is writing this database file under another name (a hard link); waited \(Int(timeout)) s, try again later")
                }
                usleep(100_000)
            }
            var held = stat(), now = stat()
            if fstat(ffd, &held) == 0, stat(databasePath, &now) == 0, held.st_dev == now.st_dev, held.st_ino == now.st_ino {
                return ffd
            }
            close(ffd)
        }
    }

    /// Whether a run holds the lock of the database at `databasePath` now (readers use it to tell a
    /// first build in progress from one that was cut off). Takes nothing if the lock is free.
    static func isHeld(databasePath: String) -> Bool {
        let fd = open(databasePath + ".lock", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    deinit {
        if fileFD >= 0 {
            flock(fileFD, LOCK_UN)
            close(fileFD)
        }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
