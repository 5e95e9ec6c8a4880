import Foundation

/// Lists the notice files under the paths given to `search index`, following symbolic links but never
/// the same directory twice (a link loop ends instead of hanging), and reporting paths it cannot read.
enum FileWalker {
    struct Found {
        var files: [String] = []
        var failures: [IndexReport.Failure] = []
        /// Absolute forms of the given paths, which bound what a run may remove.
        var roots: [String] = []
    }

    static func walk(_ paths: [String]) -> Found {
        var found = Found()
        var visited = Set<String>()
        let fm = FileManager.default
        func visit(_ path: String, depth: Int) {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                found.failures.append(.init(file: path, error: "no such file or directory (or a broken link)"))
                return
            }
            if isDir.boolValue {
                let real = (path as NSString).resolvingSymlinksInPath
                guard visited.insert(real).inserted, depth < 64 else { return }
                guard let entries = try? fm.contentsOfDirectory(atPath: path) else {
                    found.failures.append(.init(file: path, error: "directory cannot be read (permission denied?)"))
                    return
                }
                for name in entries.sorted() where !name.hasPrefix(".") {
                    let child = (path as NSString).appendingPathComponent(name)
                    var childIsDir: ObjCBool = false
                    if fm.fileExists(atPath: child, isDirectory: &childIsDir), childIsDir.boolValue {
                        visit(child, depth: depth + 1)
                    } else if NoticeSource.extensions.contains((name as NSString).pathExtension.lowercased()) {
                        visit(child, depth: depth + 1)
                    } else if (try? fm.destinationOfSymbolicLink(atPath: child)) != nil, !fm.fileExists(atPath: child) {
                        found.failures.append(.init(file: child, error: "broken or looping symbolic link"))
                    }
                }
            } else {
                found.files.append(path)
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
