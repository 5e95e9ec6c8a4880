import Foundation

/// Lists the notice files under the paths given to `search index`, following symbolic links but never
/// the same directory twice (a link loop ends instead of hanging), and reporting paths it cannot read.
enum FileWalker {
    struct Found {
        var files: [String] = []
        var failures: [IndexReport.Failure] = []
        /// Absolute forms of the given paths, which bound what a run may remove.
        var roots: [String] = []
        /// Size and mtime of each file, from the listing's own `stat`.
        var stats: [String: FileStat] = [:]
    }

    static func walk(_ paths: [String]) -> Found {
        var found = Found()
        var visited = Set<String>()
        let fm = FileManager.default
        func visit(_ path: String, depth: Int) {
            guard let info = FileStat.of(path) else {
                found.failures.append(.init(file: path, error: "no such file or directory (or a broken link)"))
                return
            }
            if info.isDirectory {
                let real = (path as NSString).resolvingSymlinksInPath
                guard visited.insert(real).inserted, depth < 64 else { return }
                guard let entries = try? fm.contentsOfDirectory(atPath: path) else {
                    found.failures.append(.init(file: path, error: "directory cannot be read (permission denied?)"))
                    return
                }
                for name in entries.sorted() where !name.hasPrefix(".") {
                    let child = (path as NSString).appendingPathComponent(name)
                    let childInfo = FileStat.of(child)
                    if childInfo?.isDirectory == true {
                        visit(child, depth: depth + 1)
                    } else if NoticeSource.extensions.contains((name as NSString).pathExtension.lowercased()) {
                        if let childInfo { found.files.append(child); found.stats[child] = childInfo } else { visit(child, depth: depth + 1) }
                    } else if childInfo == nil, (try? fm.destinationOfSymbolicLink(atPath: child)) != nil {
                        found.failures.append(.init(file: child, error: "broken or looping symbolic link"))
                    }
                }
            } else {
                found.files.append(path)
                found.stats[path] = info
            }
        }
        for p in paths {
            let absolute = absolutePath(p)
            found.roots.append(absolute)
            visit(absolute, depth: 0)
        }
        return found
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
    var size: Int
    /// Seconds since 1970, with the file system's nanoseconds.
    var mtime: Double
    var isDirectory: Bool

    static func of(_ path: String) -> FileStat? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStat(size: Int(st.st_size),
                        mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9,
                        isDirectory: (st.st_mode & S_IFMT) == S_IFDIR)
    }
}
