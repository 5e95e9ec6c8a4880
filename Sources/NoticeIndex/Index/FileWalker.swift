import Foundation

/// Lists the notice files under the paths given to `search index`, following symbolic links, at any
/// depth the system allows.
///
/// Folders are told apart by device and inode, never by name: each is entered once, so a link loop
/// (`back -> ..`, `self -> .`) ends at once instead of walking every spelling of the same folders, and is
/// reported once as skipped. Every folder reachable without a symbolic link is walked before any reached
/// through one, and a file reached by several paths (a link to it, a linked folder, a hard link) is
/// indexed once, under its first path in this order: a path without symbolic links before one through
/// a link, then the smallest path. The choice depends only on what is on disk, not on the walk order,
/// so every run files a notice under the same path. Links to files and folders outside the roots are
/// followed: the notice is filed under the link's path, inside the root, so what a run may remove stays
/// bounded by the roots.
///
/// Everything it cannot list is reported and remembered, because what a run removes is decided from
/// this listing: a notice is removed only when its file was looked for and is not there. A root that is
/// missing or cannot be listed (an unmounted share), a folder that cannot be read, and a path that was
/// skipped (not a regular file, too long a name) all keep their notices.
enum FileWalker {
    struct Found {
        /// Regular files with a notice extension, sorted by path, each file once.
        var files: [String] = []
        var failures: [IndexReport.Failure] = []
        /// Absolute forms of the given paths that could be listed: they bound what a run may remove.
        var roots: [String] = []
        /// Given paths that are missing or cannot be listed: nothing under them is removed.
        var unavailableRoots: [String] = []
        /// Folders and files below a root that were seen but not listed or read: kept as they are.
        var kept: [String] = []
        /// Size and mtime of each file, from the listing's own `stat`.
        var stats: [String: FileStat] = [:]
        /// Links and second names that were not followed, with why, for notes (not failures: nothing
        /// was lost, the folder or file is indexed under its other path).
        var skipped: [IndexReport.Failure] = []

        /// Whether a notice filed under `file` may be removed because the file was not found.
        func mayRemove(_ file: String) -> Bool {
            roots.contains { FileWalker.isWithin(file, root: $0) }
                && !unavailableRoots.contains { FileWalker.isWithin(file, root: $0) }
                && !kept.contains { FileWalker.isWithin(file, root: $0) }
        }
    }

    /// A file or folder's identity on this machine.
    struct Identity: Hashable { var device: UInt64; var inode: UInt64 }

    static func walk(_ paths: [String]) -> Found {
        var walk = Walk()
        for p in paths { walk.start(at: absolutePath(p)) }
        walk.run()
        return walk.finish()
    }

    /// The state of one listing: folders entered, and the chosen path of each file.
    private struct Walk {
        var found = Found()
        /// Folders entered, by identity, with the path they were entered by.
        var entered: [Identity: String] = [:]
        /// Folders to enter reached without a link (depth first, in name order), then those reached
        /// through one.
        var direct: [String] = []
        var linked: [String] = []
        /// Each file's chosen path so far, and whether that path goes through a link.
        var chosen: [Identity: (path: String, viaLink: Bool)] = [:]

        mutating func start(at root: String) {
            guard let info = FileStat.of(root) else {
                found.unavailableRoots.append(root)
                found.failures.append(.init(file: root, error: "\(describe(errno)); its notices were kept, nothing under it was removed"))
                return
            }
            if info.kind == .regular {
                found.roots.append(root)
                offer(root, info, viaLink: false)
                return
            }
            guard info.kind == .directory, (try? FileManager.default.contentsOfDirectory(atPath: root)) != nil else {
                found.unavailableRoots.append(root)
                let what = info.kind == .directory ? "folder cannot be listed (permission denied?)" : "not a regular file or folder"
                found.failures.append(.init(file: root, error: "\(what); its notices were kept, nothing under it was removed"))
                return
            }
            found.roots.append(root)
            direct.append(root)
        }

        mutating func run() {
            // Every root's own folders first (depth first, with a stack: no recursion limit, whatever the
            // depth), then those reached through links, in the order found, so that a linked folder is
            // entered only if no root holds it.
            while let folder = direct.popLast() { enter(folder, viaLink: false) }
            var next = 0
            while next < linked.count {
                enter(linked[next], viaLink: true)
                next += 1
            }
        }

        /// Lists one folder, unless it was entered already under another path.
        mutating func enter(_ folder: String, viaLink: Bool) {
            guard let info = FileStat.of(folder) else {
                // Gone or unreachable since its folder was listed: keep what was filed under it.
                found.kept.append(folder)
                found.failures.append(.init(file: folder, error: "\(describe(errno)); its notices were kept"))
                return
            }
            if let earlier = entered[info.identity] {
                if viaLink || (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) != nil {
                    let loop = FileWalker.isWithin(folder, root: earlier)
                    found.skipped.append(.init(file: folder, error: loop
                        ? "a symbolic link loop back to \(earlier); skipped"
                        : "a symbolic link to \(earlier), which is indexed under that path; skipped"))
                }
                return
            }
            entered[info.identity] = folder
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                found.kept.append(folder)
                found.failures.append(.init(file: folder, error: "folder cannot be read (permission denied?); its notices were kept"))
                return
            }
            var subfolders: [String] = [], links: [String] = []
            for name in entries.sorted() where !name.hasPrefix(".") {
                let child = (folder as NSString).appendingPathComponent(name)
                let isNotice = NoticeSource.extensions.contains((name as NSString).pathExtension.lowercased())
                let isLink = FileStat.isSymbolicLink(child)
                guard let childInfo = FileStat.of(child) else {
                    let reason = errno
                    if reason == ENAMETOOLONG {
                        found.kept.append(child)
                        found.failures.append(.init(file: child, error: "path too long for the system to open; skipped"))
                    } else if isLink {
                        found.failures.append(.init(file: child, error: "broken or looping symbolic link"))
                    } else if isNotice {
                        found.kept.append(child)
                        found.failures.append(.init(file: child, error: "\(describe(reason)); its notice was kept"))
                    }
                    continue
                }
                switch childInfo.kind {
                case .directory:
                    if isLink && !viaLink { links.append(child) } else { subfolders.append(child) }
                case .regular where isNotice:
                    offer(child, childInfo, viaLink: viaLink || isLink)
                case .other where isNotice:
                    found.kept.append(child)
                    found.failures.append(.init(file: child, error: "not a regular file (a FIFO, socket or device); skipped"))
                default:
                    break
                }
            }
            if viaLink { linked.append(contentsOf: subfolders) } else { direct.append(contentsOf: subfolders.reversed()) }
            linked.append(contentsOf: links)
        }

        /// Records a path to a notice file, keeping the preferred path of a file met more than once.
        mutating func offer(_ path: String, _ info: FileStat, viaLink: Bool) {
            let id = info.identity
            found.stats[path] = info
            guard let earlier = chosen[id] else {
                chosen[id] = (path, viaLink)
                return
            }
            if earlier.path == path { return }
            let keepEarlier = (earlier.viaLink ? 1 : 0, earlier.path) < (viaLink ? 1 : 0, path)
            let (kept, other) = keepEarlier ? (earlier.path, path) : (path, earlier.path)
            if !keepEarlier { chosen[id] = (path, viaLink) }
            found.skipped.append(.init(file: other, error: "the same file as \(kept), which is indexed under that path; skipped"))
        }

        mutating func finish() -> Found {
            let files = Set(chosen.values.map(\.path))
            found.stats = found.stats.filter { files.contains($0.key) }
            found.files = files.sorted()
            return found
        }
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file or folder (missing, unmounted or renamed?)"
        case EACCES, EPERM: return "permission denied"
        case ENAMETOOLONG: return "path too long"
        default: return String(cString: strerror(code))
        }
    }

    static func absolutePath(_ p: String) -> String {
        let expanded = (p as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
        return (full as NSString).standardizingPath
    }

    /// Whether `file` lies within `root` (the root itself, or below it).
    static func isWithin(_ file: String, root: String) -> Bool {
        file == root || file.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}

/// Size, modification time and kind of a path (following links), from one `stat` call: Foundation's
/// `attributesOfItem` builds a dictionary per file, which made a no-change run of 25k files spend most
/// of its time listing.
struct FileStat: Equatable {
    enum Kind: Equatable { case regular, directory, other }
    var size: Int
    /// Seconds since 1970, with the file system's nanoseconds.
    var mtime: Double
    var kind: Kind
    var device: UInt64 = 0
    var inode: UInt64 = 0
    var isDirectory: Bool { kind == .directory }
    var identity: FileWalker.Identity { .init(device: device, inode: inode) }

    /// Nil when `stat` fails; `errno` then says why.
    static func of(_ path: String) -> FileStat? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let kind: Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        return FileStat(size: Int(st.st_size), mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9, kind: kind,
                        device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Whether `path` itself is a symbolic link (`lstat`).
    static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }
}
