import Foundation
import XCTest
@testable import NoticeIndex

/// Shared set-up for the fault tests: folders of notices, running `search` as another user, and a
/// small file system of a fixed size.
enum FaultSupport {
    static var search: String { TestSupport.productsDirectory.appendingPathComponent("search").path }

    /// Copies the first `count` corpus notices (in name order) into `folder`.
    @discardableResult
    static func copyCorpus(_ count: Int, into folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.prefix(count)
        return try files.map { f in
            let target = folder.appendingPathComponent(f.lastPathComponent)
            try FileManager.default.copyItem(at: f, to: target)
            return target
        }
    }

    /// `count` distinct notices made from the corpus, each with a word of its own.
    static func writeCopies(_ count: Int, into folder: URL, prefix: String = "copy") throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let texts = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
            .map { try String(contentsOf: $0, encoding: .utf8) }
        for i in 0..<count {
            let text = texts[i % texts.count] + "\n\(i + 1000). Marker paragraph uniqueword\(i) for the fault tests.\n"
            try text.write(to: folder.appendingPathComponent(String(format: "\(prefix)-%04d.txt", i)), atomically: false, encoding: .utf8)
        }
    }

    /// Runs `search` as the unprivileged user `nobody` (the test runs as root), or says why it cannot.
    static func runAsNobody(_ arguments: [String], cwd: URL? = nil) throws -> (code: Int32, out: String, err: String) {
        guard getuid() == 0 else { throw XCTSkip("runs `search` as another user, which needs root (CI runs as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { throw XCTSkip("needs runuser (util-linux)") }
        let probe = try TestSupport.run(["-u", "nobody", "--", search, "--help"], executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
        guard probe.code == 0 else { throw XCTSkip("user nobody cannot run the built binary here: \(probe.err)") }
        return try TestSupport.run(["-u", "nobody", "--", search] + arguments, executable: URL(fileURLWithPath: "/usr/sbin/runuser"), cwd: cwd)
    }

    /// Makes `url` and its parents up to the temporary folder readable (and with `writable`, writable)
    /// by everyone, so another user can reach it.
    static func openUp(_ url: URL, writable: Bool) throws {
        let mode: Int16 = writable ? 0o777 : 0o755
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    /// Mounts a tmpfs of `megabytes` at a new folder, unmounted when the test ends; skips where this
    /// machine does not allow mounting.
    static func smallDisk(_ test: XCTestCase, megabytes: Int) throws -> URL {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs to fill needs root (CI runs as root)") }
        let dir = try TestSupport.temporaryDirectory(test)
        let mountPoint = dir.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let r = try TestSupport.run(["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", mountPoint.path],
                                    executable: URL(fileURLWithPath: "/bin/mount"))
        guard r.code == 0 else { throw XCTSkip("cannot mount a tmpfs here (\(r.err.trimmingCharacters(in: .whitespacesAndNewlines)))") }
        test.addTeardownBlock { _ = try? TestSupport.run(["-l", mountPoint.path], executable: URL(fileURLWithPath: "/bin/umount")) }
        return mountPoint
    }

    /// Fills the file system holding `folder` until `leave` bytes are free (a real allocation).
    static func fill(_ folder: URL, leaving leave: Int) throws -> URL {
        let filler = folder.appendingPathComponent("filler")
        var s = statvfs()
        XCTAssertEqual(statvfs(folder.path, &s), 0)
        let free = Int(s.f_bavail) * Int(s.f_frsize)
        let fd = open(filler.path, O_WRONLY | O_CREAT, 0o600)
        defer { close(fd) }
        XCTAssertEqual(posix_fallocate(fd, 0, off_t(max(0, free - leave))), 0)
        return filler
    }

    /// The contents of a folder or file, to show that a refused command changed nothing.
    static func fingerprint(_ path: String) throws -> [String: Data] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [:] }
        if !isDir.boolValue { return [path: try Data(contentsOf: URL(fileURLWithPath: path))] }
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            out.merge(try fingerprint((path as NSString).appendingPathComponent(name))) { a, _ in a }
        }
        out[path + "/"] = Data()
        return out
    }
}
