import Foundation
import NoticeIndex

/// Search engines over one index file, lent to one request at a time (an engine holds one SQLite
/// connection, which is not shared between threads).
///
/// Live reindexing: an incremental run commits into the same file, and each search's read transaction
/// sees either the old or the new index whole (the engine notices SQLite's `data_version` and reloads
/// what it caches). A `--rebuild` that writes a new file and renames it over the old one leaves open
/// connections reading the old file for ever, so every checkout compares the path's device and inode
/// with those the pooled engines were opened on; when they differ, the idle engines are dropped and
/// the next requests open the new file. Requests already running finish on the old file: a consistent
/// snapshot, then the new index, without a restart.
final class EnginePool: @unchecked Sendable {
    let path: String
    /// Idle engines kept for reuse; more are opened under load and the extras closed when returned.
    let maxIdle: Int
    private let lock = NSLock()
    private var idle: [SearchEngine] = []
    private var identity: FileIdentity?
    /// Bumped whenever the file is replaced; engines of older generations are closed when returned.
    private var generation = 0

    init(path: String, maxIdle: Int = 8) {
        self.path = path
        self.maxIdle = maxIdle
    }

    /// The file's identity: a rename over the path changes the inode.
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64

        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// Runs `body` with an engine of the index as the path names it now.
    func withEngine<T>(_ body: (SearchEngine) throws -> T) throws -> T {
        let (engine, gen) = try checkout()
        defer { checkin(engine, generation: gen) }
        return try body(engine)
    }

    private func checkout() throws -> (SearchEngine, Int) {
        let now = FileIdentity(path: path)
        lock.lock()
        if now != identity {
            identity = now
            generation += 1
            idle.removeAll()
        }
        let gen = generation
        if let e = idle.popLast() {
            lock.unlock()
            return (e, gen)
        }
        lock.unlock()
        let engine = try Self.open(path)
        return (engine, gen)
    }

    private func checkin(_ engine: SearchEngine, generation gen: Int) {
        lock.lock()
        defer { lock.unlock() }
        if gen == generation && idle.count < maxIdle { idle.append(engine) }
    }

    /// Opens an engine on the index (never creating or writing one: the server only reads).
    static func open(_ path: String) throws -> SearchEngine {
        try SearchEngine(databasePath: path)
    }
}
