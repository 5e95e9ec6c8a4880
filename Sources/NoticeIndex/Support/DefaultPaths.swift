import Foundation

/// Where the index lives when `--db` is not given, and where the bundled corpus is.
public enum DefaultPaths {
    /// `$NOTICE_INDEX_DB`, else `$XDG_DATA_HOME/noticeindex/index.sqlite`, else
    /// `~/.local/share/noticeindex/index.sqlite`.
    public static func database(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, isDefault: Bool) {
        if let p = environment["NOTICE_INDEX_DB"], !p.isEmpty { return (p, false) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("noticeindex/index.sqlite"), true)
    }

    /// The `Corpus/` folder of the checkout containing `directory` (looking upwards), if any.
    public static func bundledCorpus(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var dir = (directory as NSString).standardizingPath
        let fm = FileManager.default
        while true {
            let corpus = (dir as NSString).appendingPathComponent("Corpus")
            let manifest = (dir as NSString).appendingPathComponent("Package.swift")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: manifest), fm.fileExists(atPath: corpus, isDirectory: &isDir), isDir.boolValue {
                return corpus
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }
}
