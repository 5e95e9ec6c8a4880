import XCTest
@testable import NoticeIndex

/// The nightly reindex under faults: missing and unreadable folders, mass removals, files that are
/// not files, a full disk, a read-only index, readers during a first build.
final class FaultTests: FolderTestCase {
    func count(_ path: String? = nil) throws -> Int { try SearchEngine(databasePath: path ?? db).noticeCount() }

    // MARK: Safe removals

    func testAMissingOrUnlistableRootRemovesNothingAndExitsTwo() throws {
        try FaultSupport.copyCorpus(6, into: notices)
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", db]).code, 0)
        let moved = dir.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: notices, to: moved)   // an unmounted share, a rename
        for args in [["index", notices.path], ["index"], ["index", "--allow-removals", notices.path]] {
            let r = try TestSupport.run(args + ["--db", db])
            XCTAssertEqual(r.code, 2, "\(args): \(r.out) \(r.err)")
            XCTAssertTrue(r.err.contains(notices.path) && r.err.contains("kept"), r.err)
            XCTAssertTrue(r.out.contains("0 removed"), r.out)
            XCTAssertEqual(try count(), 6, "\(args): nothing removed")
        }
        let rebuild = try TestSupport.run(["index", "--rebuild", notices.path, "--db", db])
        XCTAssertEqual(rebuild.code, 2, rebuild.err)
        XCTAssertEqual(try count(), 6, "a rebuild without its folder changes nothing")
        try FileManager.default.moveItem(at: moved, to: notices)
        let back = try TestSupport.run(["index", "--db", db])
        XCTAssertEqual(back.code, 0, back.err)
        XCTAssertTrue(back.out.contains("0 new, 0 changed, 0 removed, 6 unchanged"), back.out)
    }

    func testAnUnreadableSubfolderOrFileKeepsItsNotices() throws {
        let sub = notices.appendingPathComponent("2019")
        try FaultSupport.copyCorpus(2, into: notices)
        let inSub = try FaultSupport.copyCorpus(3, into: sub)
        for url in [dir!, notices!, sub] { try FaultSupport.openUp(url, writable: true) }
        // Built by the unprivileged user, who then loses access to the subfolder and to one file.
        let first = try FaultSupport.runAsNobody(["index", notices.path, "--db", db])
        XCTAssertEqual(first.code, 0, first.err)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: sub.path)
        try FileManager.default.moveItem(at: inSub[0], to: notices.appendingPathComponent("moved-out.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: notices.appendingPathComponent("moved-out.txt").path)
        let r = try FaultSupport.runAsNobody(["index", notices.path, "--db", db, "--json"])
        XCTAssertEqual(r.code, 2, r.err)
        let report = try JSONDecoder().decode(IndexReport.self, from: Data(r.out.utf8))
        XCTAssertEqual(report.removed, 0, "nothing under the unreadable folder was removed: \(r.out)")
        XCTAssertTrue(report.failed.contains { $0.file == sub.path && $0.error.contains("kept") }, "\(report.failed)")
        XCTAssertTrue(report.failed.contains { $0.file.hasSuffix("moved-out.txt") && $0.error.contains("permission") }, "\(report.failed)")
        XCTAssertEqual(try count(), 5, "the subfolder's three notices and the other two stay")
    }

    func testARunThatWouldRemoveMoreThanAFifthOfTheIndexStopsUntilConfirmed() throws {
        let files = try FaultSupport.copyCorpus(20, into: notices)
        try Indexer.run(paths: [notices.path], database: db)
        for f in files.prefix(5) { try FileManager.default.removeItem(at: f) }   // 25%
        let stopped = try TestSupport.run(["index", notices.path, "--db", db])
        XCTAssertEqual(stopped.code, 2)
        XCTAssertTrue(stopped.err.contains("would remove 5 of 20 notices") && stopped.err.contains("--allow-removals"), stopped.err)
        XCTAssertEqual(try count(), 20, "nothing changed")
        let confirmed = try TestSupport.run(["index", notices.path, "--db", db, "--allow-removals"])
        XCTAssertEqual(confirmed.code, 0, confirmed.err)
        XCTAssertTrue(confirmed.out.contains("5 removed"), confirmed.out)
        // A few removals at a time pass unconfirmed, as nightly runs need.
        for f in files[5..<8] { try FileManager.default.removeItem(at: f) }
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", db]).code, 0)
        XCTAssertEqual(try count(), 12)
    }

    // MARK: Odd files

    func testOnlyRegularFilesAreReadAndTheRunFinishes() throws {
        try FaultSupport.copyCorpus(2, into: notices)
        XCTAssertEqual(mkfifo(notices.appendingPathComponent("pipe.txt").path, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: notices.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: notices.appendingPathComponent("null.txt").path, withDestinationPath: "/dev/null")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FaultSupport.search)
        process.arguments = ["index", notices.path, "--db", db, "--json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); XCTFail("the run hung on a special file") }
        process.waitUntilExit()
        let report = try JSONDecoder().decode(IndexReport.self, from: out.fileHandleForReading.readDataToEndOfFile())
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertEqual(report.new, 2)
        for name in ["pipe.txt", "zero.txt", "null.txt"] {
            XCTAssertTrue(report.failed.contains { $0.file.hasSuffix("/" + name) && $0.error.contains("not a regular file") }, "\(name): \(report.failed)")
        }
    }

    func testReadingIsBoundedWhateverTheFileClaims() throws {
        try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
        let zero = notices.appendingPathComponent("zero.txt")
        try FileManager.default.createSymbolicLink(atPath: zero.path, withDestinationPath: "/dev/zero")
        // Named directly (not found by the listing): still refused, without reading it.
        XCTAssertThrowsError(try NoticeSource.bytes(of: zero.path)) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
        // A regular file at the limit is read; one byte over is refused by the read itself.
        let atLimit = notices.appendingPathComponent("at-limit.txt")
        try Data(repeating: 0x61, count: NoticeSource.maxBytes).write(to: atLimit)
        XCTAssertEqual(try NoticeSource.bytes(of: atLimit.path).count, NoticeSource.maxBytes)
        let over = notices.appendingPathComponent("over.txt")
        try Data(repeating: 0x61, count: NoticeSource.maxBytes + 1).write(to: over)
        XCTAssertThrowsError(try NoticeSource.bytes(of: over.path))
    }

    func testNULBytesSeparateWordsWhereverTheyAreAndOnlyMostlyControlBytesMeanBinary() throws {
        let seed = try String(contentsOf: TestSupport.seed, encoding: .utf8)
        // A NUL inside a numbered paragraph near the start (first 8 KB) and one far past it.
        func withNUL(_ words: String, beforeParagraph number: Int) throws -> Data {
            let marker = "\n\(number). "
            let range = try XCTUnwrap(seed.range(of: marker))
            return Data((seed[..<range.upperBound] + words + " " + seed[range.upperBound...]).utf8)
        }
        let early = try withNUL("alpha\0omega", beforeParagraph: 3)
        let late = try withNUL("gammaray\0deltawing", beforeParagraph: 27)
        XCTAssertLessThan(early.firstIndex(of: 0)!, 8192)
        XCTAssertGreaterThan(late.firstIndex(of: 0)!, 8192)
        try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
        try early.write(to: notices.appendingPathComponent("early.txt"))
        try late.write(to: notices.appendingPathComponent("late.txt"))
        let r = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(r.new, 2, "\(r.failed)")
        let engine = try SearchEngine(databasePath: db)
        let cases: [(String, Int)] = [("alpha", 1), ("omega", 1), ("alphaomega", 0), ("gammaray", 1), ("deltawing", 1), ("gammaraydeltawing", 0)]
        for (word, total) in cases {
            XCTAssertEqual(try engine.search(try QueryParser.parse(word)).total, total, word)
        }
        XCTAssertTrue(NoticeSource.isBinary(Data([0x00, 0x01, 0xFF, 0x00, 0x42] + Array(repeating: 0, count: 100))))
        XCTAssertFalse(NoticeSource.isBinary(early))
    }

    func testFilesInDeepFoldersAreIndexed() throws {
        var deep = notices!
        for level in 0..<80 { deep.appendPathComponent("d\(level)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.seed, to: deep.appendingPathComponent("deep.txt"))
        let r = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(r.new, 1, "80 folders down is indexed, not silently skipped: \(r.failed)")
        XCTAssertTrue(r.failed.isEmpty, "\(r.failed)")
    }

    // MARK: Read-only

    func testAReadOnlyIndexAnswersEveryCommandForAnUnprivilegedUser() throws {
        try FaultSupport.copyCorpus(4, into: notices)
        let served = dir.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let index = served.appendingPathComponent("index.sqlite").path
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", index]).code, 0)
        // The run leaves the file checkpointed and out of WAL mode: nothing beside it to write.
        let header = try XCTUnwrap(IndexFile.firstBytes(index, count: 20))
        XCTAssertEqual(header.count, 20)
        XCTAssertEqual(header[18], 1, "rollback-journal mode in the header")
        XCTAssertFalse(FileManager.default.fileExists(atPath: index + "-wal"))
        // A copy left in WAL mode (as when a reader was connected at the end of a run): a reader that
        // cannot create its -shm file reads it immutable.
        let walCopy = served.appendingPathComponent("wal.sqlite").path
        try FileManager.default.copyItem(atPath: index, toPath: walCopy)
        try Database(path: walCopy).execute("PRAGMA journal_mode = WAL")
        XCTAssertEqual(try XCTUnwrap(IndexFile.firstBytes(walCopy, count: 20))[18], 2, "WAL mode in the header")
        for file in [index, walCopy] { try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: served.path)
        try FaultSupport.openUp(dir, writable: false)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: served.path) }
        let firstID = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(try TestSupport.run(["export", "--db", index]).out
            .split(separator: "\n")[0].utf8)) as? [String: Any])?["id"] as? String)
        let commands: [[String]] = [["commissioner"], ["show", firstID], ["cases"], ["export"], ["export", "--format", "csv"]]
        for args in commands {
            let r = try FaultSupport.runAsNobody(args + ["--db", index])
            XCTAssertEqual(r.code, 0, "\(args): \(r.err)")
            XCTAssertFalse(r.out.isEmpty, "\(args)")
        }
        let wal = try FaultSupport.runAsNobody(["commissioner", "--db", walCopy])
        XCTAssertEqual(wal.code, 0, "WAL-mode copy: \(wal.err)")
        let write = try FaultSupport.runAsNobody(["index", notices.path, "--db", index])
        XCTAssertEqual(write.code, 2)
        XCTAssertTrue(write.err.contains(index) && write.err.contains("read-only"), write.err)
    }

    // MARK: Disk full

    func testAFullDiskMidRunLeavesThePreviousIndexQueryable() throws {
        let disk = try FaultSupport.smallDisk(self, megabytes: 24)
        let index = disk.appendingPathComponent("index.sqlite").path
        try FaultSupport.copyCorpus(10, into: notices)
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", index]).code, 0)
        let before = try TestSupport.run(["export", "--db", index]).out
        try FaultSupport.writeCopies(150, into: notices)       // ~2.6 MB of new text
        let filler = try FaultSupport.fill(disk, leaving: FreeSpace.reserveBytes + 300_000)
        var options = IndexOptions(allowRemovals: true)
        options.checkFreeSpace = false   // run into the full disk, past the check that would stop it first
        options.batchSize = 16
        XCTAssertThrowsError(try Indexer.run(paths: [notices.path], database: index, options: options)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(index) && text.contains("disk filled up") && text.contains("Free at least"), text)
        }
        // No manual step: queries, show and export answer at once, from the index as last committed.
        let query = try TestSupport.run(["commissioner", "--db", index, "--limit", "1"])
        XCTAssertEqual(query.code, 0, query.err)
        let export = try TestSupport.run(["export", "--db", index])
        XCTAssertEqual(export.code, 0, export.err)
        func ids(_ jsonl: String) throws -> Set<String> {
            Set(try jsonl.split(separator: "\n").map { line in
                try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String)
            })
        }
        XCTAssertEqual(try ids(before).count, 10)
        XCTAssertTrue(try ids(before).isSubset(of: try ids(export.out)), "every notice of the previous index is still there")
        XCTAssertNil(IntegrityCheck.problem(try Database(path: index, readOnly: true, create: false)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: index + ".reserve"), "the reserve is given back")

        // With the space back, the next run finishes the job.
        try FileManager.default.removeItem(at: filler)
        let next = try TestSupport.run(["index", notices.path, "--db", index])
        XCTAssertEqual(next.code, 0, next.err)
        XCTAssertEqual(try count(index), 160)
    }

    func testAFirstBuildWithoutEnoughFreeSpaceIsRefusedBeforeWriting() throws {
        let disk = try FaultSupport.smallDisk(self, megabytes: 8)
        let index = disk.appendingPathComponent("index.sqlite").path
        try FaultSupport.writeCopies(200, into: notices)   // ~3.5 MB of text
        _ = try FaultSupport.fill(disk, leaving: 2 << 20)
        let r = try TestSupport.run(["index", notices.path, "--db", index])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains(index) && r.err.contains("not enough free space") && r.err.contains("MB"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: index), "nothing was written")
    }

    // MARK: Readers during a first build

    func testReadersDuringAFirstBuildAreToldItIsBeingBuilt() throws {
        try FaultSupport.writeCopies(12, into: notices)
        final class Seen: @unchecked Sendable { var errors: [NoticeIndexError] = []; var cli: [(Int32, String)] = [] }
        let seen = Seen()
        let path = db!
        var options = IndexOptions()
        options.firstBuildBatchSize = 4
        options.progress = { _ in
            do { _ = try SearchEngine(databasePath: path) } catch let e as NoticeIndexError { seen.errors.append(e) } catch {}
            if seen.cli.isEmpty, let r = try? TestSupport.run(["show", "copy-0001", "--db", path]) { seen.cli.append((r.code, r.err)) }
        }
        _ = try Indexer.run(paths: [notices.path], database: db, options: options)
        XCTAssertEqual(seen.errors.count, 3, "\(seen.errors)")
        for (i, e) in seen.errors.enumerated() {
            XCTAssertEqual(e, .beingBuilt(path: IndexFile.resolve(path), done: 4 * (i + 1), total: 12, running: true))
        }
        XCTAssertEqual(seen.cli.first?.0, 2)
        XCTAssertTrue(seen.cli.first?.1.contains("the index is being built: 4 of 12 notices; try again shortly") ?? false, "\(seen.cli)")
        XCTAssertEqual(try count(), 12, "complete afterwards")
    }

    // MARK: Errors

    func testEveryFailureIsOneLineNamingTheFileAndExitTwo() throws {
        try FaultSupport.copyCorpus(2, into: notices)
        XCTAssertEqual(try TestSupport.run(["index", notices.path, "--db", db]).code, 0)
        let blocker = dir.appendingPathComponent("plain-file")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let interrupted = dir.appendingPathComponent("interrupted.sqlite").path
        _ = try Indexer.run(paths: [notices.path], database: interrupted)
        try Database(path: interrupted).run("INSERT INTO meta(key, value) VALUES(?, ?)", [FirstBuild.key, FirstBuild.marker])
        let cases: [(args: [String], names: String, says: String)] = [
            (["index", notices.path, "--db", blocker.path + "/index.sqlite"], blocker.path, "cannot create its folder"),
            (["commissioner", "--db", dir.appendingPathComponent("none/index.sqlite").path], "none/index.sqlite", "no index here yet"),
            (["index", dir.appendingPathComponent("nowhere").path, "--db", db], "nowhere", "kept"),
            (["commissioner", "--db", interrupted], interrupted, "was interrupted"),
            (["export", "--db", interrupted], interrupted, "run `search index` to finish it"),
        ]
        for c in cases {
            let r = try TestSupport.run(c.args)
            XCTAssertEqual(r.code, 2, "\(c.args): \(r.err)")
            let lines = r.err.split(separator: "\n")
            XCTAssertTrue(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("search: ") }, r.err)
            if c.args[0] != "index" || c.says != "kept" { XCTAssertEqual(lines.count, 1, "one line: \(r.err)") }
            XCTAssertTrue(r.err.contains(c.names) && r.err.contains(c.says), "\(c.args): \(r.err)")
            for bad in ["SQLite error", "Error Domain", "NSCocoaErrorDomain", "Fatal error"] {
                XCTAssertFalse(r.err.contains(bad), "\(c.args): \(r.err)")
            }
        }
    }
}
