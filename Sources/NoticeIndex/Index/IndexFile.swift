import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What is at a database path, decided before anything opens it for writing: NoticeIndex writes only
/// into its own databases, an empty file or a new path. A folder, another application's SQLite
/// database or any other file is refused, so a mistyped `--db` can never destroy someone's data.
///
/// A NoticeIndex database is marked with `PRAGMA application_id` (written when it is created, in
/// rollback-journal mode, so the mark is in the file's header and not only in a WAL). Databases made
/// before the mark are recognised by their tables.
public enum IndexFile {
    /// "NIDX", the SQLite header's application id of every NoticeIndex database.
    public static let applicationID: Int32 = 0x4E49_4458

    /// Tables whose presence marks a database made before `applicationID` existed.
    static let legacyTables: Set<String> = ["meta", "files", "notices", "notice_text", "notice_fts"]

    public enum Kind: Equatable, Sendable {
        /// Nothing there: a new index may be created.
        case missing
        /// A zero-length file (as `touch` or `mktemp` leave it): may become an index.
        case empty
        /// A NoticeIndex database, schema `version` (0 when created but no schema yet).
        case noticeIndex(version: Int)
        /// A NoticeIndex database (marked in its header) that SQLite cannot read as one.
        case damagedNoticeIndex(detail: String)
        /// Anything else, with what it is, for the refusal.
        case foreign(String)
    }

    /// The absolute path with symbolic links resolved, so that every way of naming one database (a
    /// relative path, a link to it, a linked folder) takes the same lock and opens the same file. A
    /// path that does not exist yet resolves through its folder.
    public static func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/")
            ? expanded : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
        if let real = realPath(absolute) { return real }
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        return ((realPath(folder) ?? (folder as NSString).standardizingPath) as NSString).appendingPathComponent(name)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// What is at `path`. Reads the file's first 100 bytes without SQLite (a FIFO or device is never
    /// opened for reading), then asks SQLite, read-only, for the marks a WAL may hold.
    public static func classify(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else {
            return errno == ENOENT ? .missing : .foreign("cannot be examined (\(String(cString: strerror(errno))))")
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .foreign("a folder")
        case S_IFREG: break
        default: return .foreign("not a regular file (a device, FIFO or socket)")
        }
        if st.st_size == 0 { return .empty }
        guard let header = firstBytes(path, count: 100) else { return .foreign("a file this user cannot read") }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return .foreign("not an SQLite database")
        }
        let headerID = Int32(bitPattern: UInt32(header[68]) << 24 | UInt32(header[69]) << 16 | UInt32(header[70]) << 8 | UInt32(header[71]))
        guard headerID == applicationID || headerID == 0 else {
            return .foreign("another application's SQLite database (application id \(headerID))")
        }
        // SQLite's own view: the header may have changed in a WAL not yet copied back. A run killed
        // mid-commit leaves a journal that only a writer can roll back: for a file marked as ours,
        // where this user may write, a read-write connection does that first.
        if headerID == applicationID, isWritable(path), access(path + "-journal", F_OK) == 0 {
            _ = try? Database(path: path, create: false).int("SELECT count(*) FROM sqlite_schema")
        }
        let db: Database
        do { db = try inspectionConnection(path) } catch {
            return headerID == applicationID ? .damagedNoticeIndex(detail: "cannot be opened") : .foreign("an SQLite database that cannot be opened")
        }
        do {
            let id = Int32(truncatingIfNeeded: try db.int("PRAGMA application_id") ?? 0)
            let version = try db.userVersion
            if id == applicationID { return .noticeIndex(version: version) }
            if id != 0 { return .foreign("another application's SQLite database (application id \(id))") }
            let tables = Set(try db.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')") { $0.string(0) ?? "" })
            if tables.isEmpty && version == 0 { return .empty }
            if legacyTables.isSubset(of: tables) { return .noticeIndex(version: version) }
            return .foreign("another application's SQLite database (tables: \(tables.sorted().prefix(4).joined(separator: ", ")))")
        } catch {
            return headerID == applicationID ? .damagedNoticeIndex(detail: "unreadable pages") : .foreign("an SQLite database that cannot be read")
        }
    }

    /// A read-only connection; immutable where a read-only one cannot read (a WAL file whose `-shm`
    /// this user cannot create). Never read-write: that could roll back another application's journal.
    static func inspectionConnection(_ path: String) throws -> Database {
        let db = try Database(path: path, readOnly: true, create: false)
        if (try? db.int("SELECT count(*) FROM sqlite_schema")) != nil || isWritable(path) { return db }
        return try Database(path: path, create: false, immutable: true)
    }

    static func firstBytes(_ path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        guard n >= 0 else { return nil }
        return Array(buffer.prefix(n))
    }

    /// Whether this process may write the file and create files beside it (`-journal`, `-wal`, `-shm`).
    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0 && access((path as NSString).deletingLastPathComponent, W_OK) == 0
    }

    /// Removes a database file and its journal companions.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Syncs the folder holding `path`, so a rename or new file in it survives a power cut.
    static func syncFolder(of path: String) {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
