import Foundation

/// Lists the notice files under the paths given to `search index`, following symbolic links but never
/// the same directory twice (a link loop ends instead of hanging), at any depth the system allows.
///
/// Everything it cannot list is reported and remembered, because what a run removes is decided from
/// this listing: a notice is removed only when its file was looked for and is not there. A root that is
/// missing or cannot be listed (an unmounted share), a folder that cannot be read, and a path that was
/// skipped (not a regular file, too long a name) all keep their notices.
enum FileWalker {
    struct Found {
        /// Regular files with a notice extension, sorted by path.
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

        /// Whether a notice filed under `file` may be removed because the file was not found.
        func mayRemove(_ file: String) -> Bool {
            roots.contains { FileWalker.isWithin(file, root: $0) }
                && !unavailableRoots.contains { FileWalker.isWithin(file, root: $0) }
                && !kept.contains { FileWalker.isWithin(file, root: $0) }
        }
    }

    static func walk(_ paths: [String]) -> Found {
        var found = Found()
        var visited = Set<String>()
        let fm = FileManager.default
        for p in paths {
            let root = absolutePath(p)
            guard let info = FileStat.of(root) else {
                found.unavailableRoots.append(root)
                found.failures.append(.init(file: root, error: "\(describe(errno)); its notices were kept, nothing under it was removed"))
                continue
            }
            if info.kind == .regular {
                found.roots.append(root)
                found.files.append(root)
                found.stats[root] = info
                continue
            }
            guard info.kind == .directory, (try? fm.contentsOfDirectory(atPath: root)) != nil else {
                found.unavailableRoots.append(root)
                let what = info.kind == .directory ? "folder cannot be listed (permission denied?)" : "not a regular file or folder"
                found.failures.append(.init(file: root, error: "\(what); its notices were kept, nothing under it was removed"))
                continue
            }
            found.roots.append(root)
            // Depth-first with an explicit stack: no recursion limit, whatever the depth.
            var stack = [root]
            while let folder = stack.popLast() {
                let real = (folder as NSString).resolvingSymlinksInPath
                guard visited.insert(real).inserted else { continue }
                guard let entries = try? fm.contentsOfDirectory(atPath: folder) else {
                    found.kept.append(folder)
                    found.failures.append(.init(file: folder, error: "folder cannot be read (permission denied?); its notices were kept"))
                    continue
                }
                var subfolders: [String] = []
                for name in entries where !name.hasPrefix(".") {
                    let child = (folder as NSString).appendingPathComponent(name)
                    let isNotice = NoticeSource.extensions.contains((name as NSString).pathExtension.lowercased())
                    guard let childInfo = FileStat.of(child) else {
                        let reason = errno
                        if reason == ENAMETOOLONG {
                            found.kept.append(child)
                            found.failures.append(.init(file: child, error: "path too long for the system to open; skipped"))
                        } else if (try? fm.destinationOfSymbolicLink(atPath: child)) != nil {
                            found.failures.append(.init(file: child, error: "broken or looping symbolic link"))
                        } else if isNotice {
                            found.kept.append(child)
                            found.failures.append(.init(file: child, error: "\(describe(reason)); its notice was kept"))
                        }
                        continue
                    }
                    switch childInfo.kind {
                    case .directory:
                        subfolders.append(child)
                    case .regular where isNotice:
                        found.files.append(child)
                        found.stats[child] = childInfo
                    case .other where isNotice:
                        found.kept.append(child)
                        found.failures.append(.init(file: child, error: "not a regular file (a FIFO, socket or device); skipped"))
                    default:
                        break
                    }
                }
                stack.append(contentsOf: subfolders.sorted(by: >))
            }
        }
        found.files.sort()
        return found
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
    var isDirectory: Bool { kind == .directory }

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
        return FileStat(size: Int(st.st_size), mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9, kind: kind)
    }
}
