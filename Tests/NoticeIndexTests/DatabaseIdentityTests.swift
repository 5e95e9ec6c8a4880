import CSQLite
import XCTest
@testable import NoticeIndex

/// What `--db` may point at: only a NoticeIndex database, an empty file or a new path is ever written;
/// a damaged or old NoticeIndex database is rebuilt beside itself and replaced when complete.
final class DatabaseIdentityTests: FolderTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try FaultSupport.copyCorpus(3, into: notices)
    }

    /// Another application's SQLite database, with the tables it might well have.
    func otherApplicationDatabase(_ name: String, userVersion: Int) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let db = try Database(path: path)
        try db.execute("""
            CREATE TABLE files(path TEXT, owner TEXT); CREATE TABLE meta(k, v); CREATE TABLE cases(id, client);
            INSERT INTO cases VALUES(1, 'Mrs Patel'); PRAGMA user_version = \(userVersion);
            """)
        return path
    }

    func testIndexRefusesEveryPathThatIsNotANoticeIndexDatabaseAndChangesNothing() throws {
        let folder = dir.appendingPathComponent("dirdb")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "quarterly figures".write(to: folder.appendingPathComponent("report.txt"), atomically: true, encoding: .utf8)
        let text = dir.appendingPathComponent("notes.txt")
        try "Meeting notes: ask the council about the parking contract.\n".write(to: text, atomically: true, encoding: .utf8)
        let targets: [(path: String, what: String)] = [
            (folder.path, "a folder"),
            (text.path, "not an SQLite database"),
            (try otherApplicationDatabase("app0.sqlite", userVersion: 0), "another application"),
            (try otherApplicationDatabase("app3.sqlite", userVersion: 3), "another application"),
            (try otherApplicationDatabase("app42.sqlite", userVersion: 42), "another application"),
        ]
        for target in targets {
            let before = try FaultSupport.fingerprint(target.path)
            for args in [["index", notices.path], ["index", "--rebuild", notices.path], ["commissioner"], ["export"]] {
                let r = try TestSupport.run(args + ["--db", target.path])
                XCTAssertEqual(r.code, 2, "\(args) on \(target.what): \(r.err)")
                let lines = r.err.split(separator: "\n")
                XCTAssertEqual(lines.count, 1, "one line: \(r.err)")
                XCTAssertTrue(r.err.contains(target.path) && r.err.contains(target.what), r.err)
                XCTAssertFalse(r.err.contains("--rebuild"), "a rebuild would destroy it: \(r.err)")
            }
            XCTAssertEqual(try FaultSupport.fingerprint(target.path), before, "\(target.path) untouched")
        }
    }

    func testAnEmptyFileANewPathAndABareFileNameBecomeAnIndex() throws {
        let empty = dir.appendingPathComponent("empty.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty.path, contents: nil))
        let cases: [(args: [String], env: [String: String], made: String)] = [
            (["--db", empty.path], [:], empty.path),
            (["--db", dir.appendingPathComponent("new/sub/index.sqlite").path], [:], dir.appendingPathComponent("new/sub/index.sqlite").path),
            (["--db", "bare.sqlite"], [:], dir.appendingPathComponent("bare.sqlite").path),
            ([], ["NOTICE_INDEX_DB": "env.sqlite"], dir.appendingPathComponent("env.sqlite").path),
        ]
        for c in cases {
            let r = try TestSupport.run(["index", notices.path] + c.args, environment: c.env, cwd: dir)
            XCTAssertEqual(r.code, 0, "\(c.args) \(c.env): \(r.err)")
            XCTAssertEqual(try SearchEngine(databasePath: c.made).noticeCount(), 3)
            XCTAssertEqual(IndexFile.classify(c.made), .noticeIndex(version: Schema.version), "marked as ours")
            let query = try TestSupport.run(["commissioner"] + c.args, environment: c.env, cwd: dir)
            XCTAssertEqual(query.code, 0, query.err)
        }
    }

    func testAnIndexOfAnotherVersionIsRebuiltBesideItAndRenamedOverItWhenComplete() throws {
        let db = db!   // captured by the progress closure below
        _ = try Indexer.run(paths: [notices.path], database: db)
        try Database(path: db).execute("PRAGMA user_version = 3")
        let oldInode = try FileManager.default.attributesOfItem(atPath: db)[.systemFileNumber] as? Int
        final class Seen: @unchecked Sendable { var duringBuild: [(inode: Int?, beside: Bool)] = []; var notes: [String] = [] }
        let seen = Seen()
        var options = IndexOptions()
        options.firstBuildBatchSize = 1
        options.note = { seen.notes.append($0) }
        options.progress = { _ in
            seen.duringBuild.append((try? FileManager.default.attributesOfItem(atPath: db)[.systemFileNumber] as? Int,
                                     FileManager.default.fileExists(atPath: db + ".rebuilding")))
        }
        let r = try Indexer.run(paths: [notices.path], database: db, options: options)
        XCTAssertEqual(r.new, 3)
        XCTAssertFalse(seen.duringBuild.isEmpty)
        for s in seen.duringBuild {
            XCTAssertEqual(s.inode, oldInode, "the old file stays in place while the new one is built")
            XCTAssertTrue(s.beside, "the new one is built beside it")
        }
        XCTAssertTrue(seen.notes.contains { $0.contains("older version") }, "\(seen.notes)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".rebuilding"))
        XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 3)
    }

    /// Ways a NoticeIndex database gets damaged, each applied to a fresh index.
    static let damage: [(name: String, apply: @Sendable (String) throws -> Void)] = [
        ("dropped notices table", { try Database(path: $0).execute("DROP TABLE notices") }),
        ("dropped headings and cases", { try Database(path: $0).execute("DROP TABLE headings; DROP TABLE cases") }),
        ("pages overwritten", { path in
            // Everything after the first page (which holds the header and the NoticeIndex mark).
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 4096)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
            try handle.close()
        }),
    ]

    func testADamagedIndexIsReportedToReadersAndRepairedByRebuild() throws {
        for (name, apply) in Self.damage {
            let db = dir.appendingPathComponent("\(name).sqlite").path
            _ = try Indexer.run(paths: [notices.path], database: db)
            try apply(db)
            for args in [["commissioner"], ["show", "seed-notice-2024-02-08-mps"], ["export"], ["cases"]] {
                let r = try TestSupport.run(args + ["--db", db])
                XCTAssertEqual(r.code, 2, "\(name) \(args): \(r.err)")
                XCTAssertTrue(r.err.contains(db) && r.err.contains("--rebuild"), "\(name): \(r.err)")
                XCTAssertFalse(r.err.contains("SQLite error") || r.err.contains("no such table"), "no raw SQLite text: \(r.err)")
                XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
            }
            let rebuilt = try TestSupport.run(["index", "--rebuild", notices.path, "--db", db])
            XCTAssertEqual(rebuilt.code, 0, "\(name): \(rebuilt.err)")
            XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 3, name)
            XCTAssertEqual(try TestSupport.run(["commissioner", "--db", db]).code, 0, name)
        }
    }

    func testIndexNoticesADamagedFullTextIndexAndRebuildsIt() throws {
        _ = try Indexer.run(paths: [notices.path], database: db)
        // FTS5's own blocks, removed behind its back (as a torn write or a bad disk would).
        var handle: OpaquePointer?
        XCTAssertEqual(sqlite3_open(db, &handle), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(handle, "DELETE FROM notice_fts_data WHERE id > 10", nil, nil, nil), SQLITE_OK)
        // A day later (the check runs when the last one is older than IntegrityCheck.interval).
        let dayAgo = Int(Date().timeIntervalSince1970 - IntegrityCheck.interval - 60)
        XCTAssertEqual(sqlite3_exec(handle, "UPDATE meta SET value = '\(dayAgo)' WHERE key = '\(IntegrityCheck.key)'", nil, nil, nil), SQLITE_OK)
        XCTAssertEqual(sqlite3_changes(handle), 1, "the build recorded its check")
        sqlite3_close(handle)
        let query = try TestSupport.run(["commissioner", "--db", db])
        XCTAssertEqual(query.code, 2, "a damaged index is a runtime failure, not a bad query: \(query.err)")
        XCTAssertTrue(query.err.contains(db) && query.err.contains("--rebuild"), query.err)

        let r = try TestSupport.run(["index", notices.path, "--db", db])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.err.contains("integrity check") && r.err.contains("rebuilding"), r.err)
        XCTAssertTrue(r.out.hasPrefix("indexed 3 new"), r.out)
        XCTAssertEqual(try TestSupport.run(["commissioner", "--db", db]).code, 0)
        XCTAssertNil(IntegrityCheck.problem(try Database(path: db)))
    }

    func testALinkToTheDatabaseSharesItsLock() throws {
        _ = try Indexer.run(paths: [notices.path], database: db)
        let linkedFolder = dir.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(atPath: linkedFolder.path, withDestinationPath: dir.path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.sqlite").path, withDestinationPath: db)
        let holder = try IndexLock(databasePath: IndexFile.resolve(db), timeout: 1)
        for other in [dir.appendingPathComponent("link.sqlite").path, linkedFolder.appendingPathComponent("index.sqlite").path] {
            let r = try TestSupport.run(["index", notices.path, "--db", other, "--lock-timeout", "0.3"])
            XCTAssertEqual(r.code, 2, r.err)
            XCTAssertTrue(r.err.contains("holds the lock") && r.err.contains("pid \(getpid())"), "one lock for every name: \(r.err)")
        }
        withExtendedLifetime(holder) {}
    }

    /// A hard link is a second name for the same file that resolving cannot see; the run's lock on the
    /// file itself keeps a run through it from writing at the same time.
    func testAHardLinkToTheDatabaseWaitsForTheRunHoldingTheFile() throws {
        _ = try Indexer.run(paths: [notices.path], database: db)
        let hard = dir.appendingPathComponent("hard.sqlite").path
        XCTAssertEqual(link(db, hard), 0)
        var holder: IndexLock? = try IndexLock(databasePath: IndexFile.resolve(db), timeout: 1)
        let r = try TestSupport.run(["index", notices.path, "--db", hard, "--lock-timeout", "0.3"])
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("hard link"), r.err)
        XCTAssertNotNil(holder)
        holder = nil
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", hard]).code, 0, "free once the holder ends")
    }
}
