import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Disk space: checked before a run writes anything, and a reserve held while it writes.
///
/// The estimate is from what the index measured: the file is about 1.2× the text it holds (a PDF
/// holds far less text than its size). A first build or rebuild writes the whole index once; an
/// incremental run writes changed pages to the WAL and then copies them into the file, so twice.
///
/// The reserve (`<db>.reserve`, 4 MB) is released the moment a write fails for lack of space. A
/// reader of a WAL database must be able to rebuild its `-shm` index, and the run must be able to copy
/// the WAL back: with the disk full to the last byte, neither could, and every query failed until
/// someone freed space by hand.
enum FreeSpace {
    static let reserveBytes = 4 << 20

    /// Bytes free to this user in the folder of `path`, or nil when the system cannot say.
    static func available(at path: String) -> Int? {
        var s = statvfs()
        guard statvfs((path as NSString).deletingLastPathComponent, &s) == 0 else { return nil }
        return Int(s.f_bavail) * Int(s.f_frsize)
    }

    /// The space a run writing `files` needs, in `mode`.
    static func needed(for files: [(path: String, size: Int)], mode: WriteMode) -> Int {
        let text = files.reduce(0.0) { sum, f in sum + Double(f.size) * (f.path.lowercased().hasSuffix(".pdf") ? 0.3 : 1.3) }
        let writes = mode == .incremental ? 2.0 : 1.0
        return Int(text * writes) + reserveBytes + (1 << 20)
    }

    /// Fails, before anything is written, when `needed` bytes are not free.
    static func check(_ path: String, needed: Int) throws {
        guard let free = available(at: path), free < needed else { return }
        throw NoticeIndexError.noSpace(path: path, needed: needed, available: free)
    }

    /// Claims the reserve beside the database (really allocated, not a sparse file); nil when it cannot
    /// be made. Only a file this run created is ever removed: a reserve left by a killed run (4 MB of
    /// zeros) is replaced, anything else at that name is someone's and stops the run.
    static func reserve(beside path: String) throws -> String? {
        let reserve = path + ".reserve"
        if let info = FileStat.of(reserve) {
            guard isLeftoverReserve(reserve, info) else {
                throw NoticeIndexError.database(
                    path: path, reason: "\(reserve) is in the way (a file this program did not leave); move it and run again")
            }
            unlink(reserve)
        }
        let fd = open(reserve, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let rc = posix_fallocate(fd, 0, off_t(reserveBytes))
        if rc == ENOSPC {
            unlink(reserve)
            throw NoticeIndexError.noSpace(path: path, needed: reserveBytes, available: available(at: path) ?? 0)
        }
        return reserve
    }

    /// Whether the file at `reserve` is what `reserve(beside:)` makes: exactly the reserve's size, all zeros.
    static func isLeftoverReserve(_ reserve: String, _ info: FileStat) -> Bool {
        guard info.kind == .regular, info.size == reserveBytes,
              let data = FileManager.default.contents(atPath: reserve), data.count == reserveBytes else { return false }
        return data.allSatisfy { $0 == 0 }
    }

    /// Whether an error is the disk running out (SQLite reports it as FULL, or as an I/O error).
    static func isOutOfSpace(_ error: Error) -> Bool {
        guard case let NoticeIndexError.sqlite(code, _, _) = error else { return false }
        return code & 0xff == 13 || code & 0xff == 10
    }
}
