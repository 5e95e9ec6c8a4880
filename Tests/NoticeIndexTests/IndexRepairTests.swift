import XCTest
@testable import NoticeIndex

/// A plain `search index` never leaves the index worse than it found it and never lies about it:
/// damage it finds or meets is rebuilt beside, a refused or fruitless run leaves no file behind, a
/// rebuild keeps every folder earlier runs indexed, and no file it did not make is removed.
final class IndexRepairTests: XCTestCase {
    var dir: URL!
    /// Six corpus notices, made afresh for each test.
    var notices: URL { dir.appendingPathComponent("notices") }

    override func setUpWithError() throws {
        dir = try TestSupport.temporaryDirectory(self)
        try FaultSupport.copyCorpus(6, into: notices)
    }

    /// Overwrites `pages` (4096-byte pages, counted from 0) of the file with 0xff.
    func overwrite(_ path: String, pages: Range<Int>) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(pages.lowerBound * 4096))
        try handle.write(contentsOf: Data(repeating: 0xff, count: pages.count * 4096))
        try handle.close()
    }

    func pageCount(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) / 4096
    }

    func testAPlainRunRebuildsAnIndexWithDamagedPagesBesideIt() throws {
        let cases: [(name: String, pages: (Int) -> Range<Int>)] = [
            ("pages 40 to 60", { _ in 40..<60 }),
            ("the last eight pages", { $0 - 8..<$0 }),
        ]
        for c in cases {
            let db = dir.appendingPathComponent("damaged.sqlite").path
            IndexFile.remove(db)
            try FileManager.default.copyItem(atPath: TestSupport.corpusIndex, toPath: db)
            try overwrite(db, pages: c.pages(try pageCount(db)))
            let broken = try TestSupport.run(["police", "--db", db])
            XCTAssertEqual(broken.code, 2, "\(c.name): \(broken.err)")
            XCTAssertTrue(broken.err.contains("damaged"), "\(c.name): \(broken.err)")

            let run = try TestSupport.run(["index", TestSupport.corpus.path, "--db", db])
            XCTAssertEqual(run.code, 0, "\(c.name): \(run.err)")
            XCTAssertTrue(run.err.contains("damaged") && run.err.contains("rebuilding it beside"), "\(c.name): \(run.err)")
            XCTAssertTrue(run.out.contains("indexed 34 new"), "\(c.name): \(run.out)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".rebuilding"), c.name)
            let query = try TestSupport.run(["police", "--db", db])
            XCTAssertEqual(query.code, 0, "\(c.name): \(query.err)")
            XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 34, c.name)
        }
    }

    /// Damage that no check before the run looked for (quick_check off, as for an index over its size
    /// limit, and the FTS check not due) is met by the run itself, which then rebuilds beside.
    func testDamageMetWhileIndexingIsRebuiltBesideInsteadOfKept() throws {
        for table in ["files", "notices"] {
            let db = dir.appendingPathComponent("\(table).sqlite").path
            IndexFile.remove(db)
            _ = try Indexer.run(paths: [notices.path], database: db)
            let root = try Database(path: db, readOnly: true, create: false)
                .int("SELECT rootpage FROM sqlite_schema WHERE name = ?", [table]) ?? 0
            XCTAssertGreaterThan(root, 1)
            try overwrite(db, pages: root - 1..<root)
            // A changed notice: the run reads the files table and replaces a notice row.
            let changed = try FileManager.default.contentsOfDirectory(at: notices, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }[0]
            try (try String(contentsOf: changed, encoding: .utf8) + "\n99. An added paragraph about the appeal.\n")
                .write(to: changed, atomically: false, encoding: .utf8)
            var options = IndexOptions()
            options.quickCheckBytes = 0
            final class Notes: @unchecked Sendable { var lines: [String] = [] }
            let notes = Notes()
            options.note = { notes.lines.append($0) }
            let report = try Indexer.run(paths: [notices.path], database: db, options: options)
            XCTAssertEqual(report.new, 6, "\(table): \(notes.lines)")
            XCTAssertTrue(notes.lines.contains { $0.contains("rebuilding it beside") }, "\(table): \(notes.lines)")
            XCTAssertNil(IntegrityCheck.pageProblem(try Database(path: db)), table)
            XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 6, table)
        }
    }

    func testARefusedOrFruitlessRunLeavesNoFileBehind() throws {
        let folder = dir.appendingPathComponent("a folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = dir.appendingPathComponent("notes.txt")
        try "Call the council about the parking contract.\n".write(to: text, atomically: true, encoding: .utf8)
        let other = dir.appendingPathComponent("app.sqlite").path
        try Database(path: other).execute("CREATE TABLE clients(name); INSERT INTO clients VALUES('Mrs Patel')")
        let missing = dir.appendingPathComponent("nosuch").path
        let cases: [(name: String, args: [String], code: Int32, says: String)] = [
            ("only a missing folder, new index", ["index", missing, "--db", dir.appendingPathComponent("new.sqlite").path], 2, "nosuch"),
            ("only a missing folder, new index in new folders",
             ["index", missing, "--db", dir.appendingPathComponent("made/for/it/new.sqlite").path], 2, "nosuch"),
            ("no folder given, new index", ["index", "--db", dir.appendingPathComponent("none.sqlite").path], 64, "nothing to index"),
            ("a folder as --db", ["index", notices.path, "--db", folder.path], 2, "a folder"),
            ("a text file as --db", ["index", notices.path, "--db", text.path], 2, "not an SQLite database"),
            ("another application's database as --db", ["index", notices.path, "--db", other], 2, "another application"),
        ]
        for c in cases {
            let before = try FaultSupport.fingerprint(dir.path)
            let r = try TestSupport.run(c.args, cwd: dir)
            XCTAssertEqual(r.code, c.code, "\(c.name): \(r.err)")
            XCTAssertTrue(r.err.contains(c.says), "\(c.name): \(r.err)")
            XCTAssertEqual(try FaultSupport.fingerprint(dir.path).keys.sorted(), before.keys.sorted(), "\(c.name): nothing left behind")
            XCTAssertEqual(try FaultSupport.fingerprint(dir.path), before, "\(c.name): nothing changed")
        }
    }

    /// A new index whose run found nothing it could read is not left as an empty index (which later
    /// queries would answer with "No notices match").
    func testANewIndexThatGotNoNoticeIsRemovedWithItsLock() throws {
        let db = dir.appendingPathComponent("new.sqlite").path
        let missing = dir.appendingPathComponent("nosuch").path
        XCTAssertThrowsError(try Indexer.run(paths: [missing], database: db)) { error in
            XCTAssertTrue("\(error)".contains("nosuch"), "\(error)")
        }
        XCTAssertEqual(IndexFile.classify(db), .missing)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".lock"))
        // Given an existing index, the same run keeps it (and its notices).
        _ = try Indexer.run(paths: [notices.path], database: db)
        let kept = try Indexer.run(paths: [missing], database: db)
        XCTAssertEqual(kept.failed.count, 1)
        XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 6)
    }

    func testARebuildBesideKeepsEveryFolderEarlierRunsIndexed() throws {
        let more = dir.appendingPathComponent("more notices")
        try FaultSupport.writeCopies(3, into: more)
        let db = dir.appendingPathComponent("index.sqlite").path
        _ = try Indexer.run(paths: [notices.path], database: db)
        _ = try Indexer.run(paths: [more.path], database: db)
        try Database(path: db).execute("PRAGMA user_version = 3")   // built by an older version
        let report = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(report.new, 9, "both folders are in the rebuilt index")
        XCTAssertEqual(Set(IndexDatabase.storedRoots(db)), Set([notices.path, more.path].map(FileWalker.absolutePath)))
        XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 9)
    }

    /// Files at the names a run uses beside the database (`.rebuilding`, `.reserve`) are removed only
    /// when they are what an earlier run left; anything else stops the run and is left as it was.
    func testARunNeverRemovesAFileBesideTheIndexThatItDidNotMake() throws {
        let db = dir.appendingPathComponent("index.sqlite").path
        _ = try Indexer.run(paths: [notices.path], database: db)
        let cases: [(name: String, suffix: String, olderIndex: Bool)] = [
            ("someone's file where a rebuild would go", ".rebuilding", true),
            ("someone's file where the reserve would go", ".reserve", false),
        ]
        for c in cases {
            let theirs = db + c.suffix
            try "Draft reply to the Commissioner, do not delete.\n".write(toFile: theirs, atomically: true, encoding: .utf8)
            if c.olderIndex { try Database(path: db).execute("PRAGMA user_version = 3") }
            try FaultSupport.writeCopies(1, into: notices, prefix: "new-\(c.suffix.dropFirst())")   // something to write
            let r = try TestSupport.run(["index", notices.path, "--db", db])
            XCTAssertEqual(r.code, 2, "\(c.name): \(r.err)")
            XCTAssertTrue(r.err.contains(theirs) && r.err.contains("in the way"), "\(c.name): \(r.err)")
            XCTAssertEqual(try String(contentsOfFile: theirs, encoding: .utf8), "Draft reply to the Commissioner, do not delete.\n", c.name)
            try FileManager.default.removeItem(atPath: theirs)
            let again = try TestSupport.run(["index", notices.path, "--db", db])
            XCTAssertEqual(again.code, 0, "\(c.name): \(again.err)")
            if c.olderIndex { try? Database(path: db).execute("PRAGMA user_version = \(Schema.version)") }
        }
        // What an earlier run left (a rebuild killed midway) is cleared and the rebuild goes ahead.
        try FileManager.default.copyItem(atPath: db, toPath: db + ".rebuilding")
        try Database(path: db).execute("PRAGMA user_version = 3")
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", db]).code, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".rebuilding"))
    }

    /// Starts `search index` on `folder` and kills it (SIGKILL) once `started` holds; false when the
    /// run finished first.
    func killIndexRun(_ folder: URL, db: String, once started: () -> Bool) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FaultSupport.search)
        process.arguments = ["index", "--db", db, "--quiet", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, !started() { usleep(10_000) }
        guard process.isRunning else { return false }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return true
    }

    /// Killed while rebuilding beside: the old file is as it was, and the next run clears what the
    /// killed one left and completes the rebuild.
    func testARebuildBesideKilledMidwayLeavesTheOldFileAndTheNextRunFinishesIt() throws {
        let many = dir.appendingPathComponent("many")
        try FaultSupport.writeCopies(150, into: many)
        let db = dir.appendingPathComponent("index.sqlite").path
        _ = try Indexer.run(paths: [notices.path], database: db)
        try Database(path: db).execute("PRAGMA user_version = 3")   // built by an older version
        let before = try FaultSupport.fingerprint(db)
        let killed = try killIndexRun(many, db: db) { FileManager.default.fileExists(atPath: db + ".rebuilding") }
        guard killed else { throw XCTSkip("the rebuild finished before it could be killed") }
        XCTAssertEqual(try FaultSupport.fingerprint(db), before, "the old file is untouched")
        let r = try TestSupport.run(["index", "--db", db, many.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".rebuilding"))
        XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 156, "the new folder and the old one")
    }

    /// The disk fills up while a rebuild beside is written: the old file stays as it was, the partial
    /// new one goes, and with the space back the next run completes the rebuild.
    func testADiskFullDuringARebuildBesideLeavesTheOldFileInPlace() throws {
        let disk = try FaultSupport.smallDisk(self, megabytes: 24)
        let db = disk.appendingPathComponent("index.sqlite").path
        _ = try Indexer.run(paths: [notices.path], database: db)
        try Database(path: db).execute("PRAGMA user_version = 3")   // built by an older version
        let before = try FaultSupport.fingerprint(db)
        try FaultSupport.writeCopies(150, into: notices)
        let filler = try FaultSupport.fill(disk, leaving: 1 << 20)
        var options = IndexOptions()
        options.checkFreeSpace = false   // run into the full disk, past the check that would stop it first
        XCTAssertThrowsError(try Indexer.run(paths: [notices.path], database: db, options: options)) { error in
            XCTAssertTrue("\(error)".contains("disk filled up") && "\(error)".contains("old file was left in place"), "\(error)")
        }
        XCTAssertEqual(try FaultSupport.fingerprint(db), before, "the old file is untouched")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".rebuilding"), "the partial rebuild is gone")
        try FileManager.default.removeItem(at: filler)
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", db]).code, 0)
        XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 156)
    }

    /// Killed during a first build: the next reader is told how far it got out of how many, never "0 of 0".
    func testAFirstBuildKilledMidwayTellsReadersHowFarItGot() throws {
        let many = dir.appendingPathComponent("many")
        try FaultSupport.writeCopies(150, into: many)
        let db = dir.appendingPathComponent("index.sqlite").path
        // Killed once the build has begun writing (its marker is there).
        let killed = try killIndexRun(many, db: db) {
            guard let reader = try? Database(path: db, readOnly: true, create: false) else { return false }
            return (try? reader.scalar("SELECT value FROM meta WHERE key = ?", [FirstBuild.key])) ?? nil != nil
        }
        guard killed else { throw XCTSkip("the build finished before it could be killed") }
        let r = try TestSupport.run(["commissioner", "--db", db])
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("of 150 notices"), r.err)
        XCTAssertEqual(try TestSupport.run(["index", "--db", db, many.path]).code, 0)
        XCTAssertEqual(try SearchEngine(databasePath: db).noticeCount(), 150)
    }
}
