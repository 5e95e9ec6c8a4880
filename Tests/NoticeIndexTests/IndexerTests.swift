import XCTest
@testable import NoticeIndex

/// Incremental runs, bad input, locking, schema versions and rebuilds.
final class IndexerTests: FolderTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
    }

    /// Copies `count` corpus notices into the notices folder.
    @discardableResult
    func addCorpusNotices(_ count: Int) throws -> [URL] { try FaultSupport.copyCorpus(count, into: notices) }

    @discardableResult
    func index(_ paths: [String]? = nil, rebuild: Bool = false) throws -> IndexReport {
        try Indexer.run(paths: paths ?? [notices.path], database: db, options: IndexOptions(rebuild: rebuild, lockTimeout: 0.5))
    }

    func count() throws -> Int { try SearchEngine(databasePath: db).noticeCount() }

    func ftsIntegrity() throws {
        let d = try Database(path: db)
        try d.execute("INSERT INTO notice_fts(notice_fts, rank) VALUES('integrity-check', 1)")
    }

    func testRerunsParseOnlyNewAndChangedFilesAndRemoveVanishedOnes() throws {
        let files = try addCorpusNotices(4)
        var r = try index()
        XCTAssertEqual([r.new, r.changed, r.removed, r.unchanged, r.failed.count], [4, 0, 0, 0, 0], r.summary)

        r = try index()
        XCTAssertEqual([r.new, r.changed, r.removed, r.unchanged], [0, 0, 0, 4], "nothing changed")

        // Touched but identical content: the hash says unchanged.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: files[0].path)
        r = try index()
        XCTAssertEqual([r.new, r.changed, r.unchanged], [0, 0, 4], "touch only")

        // Edited content: reparsed and replaced.
        let text = try String(contentsOf: files[1], encoding: .utf8)
        try (text + "\nAn added sentence about zebracrossings.\n").write(to: files[1], atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: files[2])
        r = try index()
        XCTAssertEqual([r.new, r.changed, r.removed, r.unchanged], [0, 1, 1, 2], r.summary)
        XCTAssertEqual(try count(), 3)
        let hits = try SearchEngine(databasePath: db).search(try QueryParser.parse("zebracrossings"))
        XCTAssertEqual(hits.total, 1, "the changed text is searchable")
        try ftsIntegrity()
    }

    func testTermStatisticsAreRecountedOnceEnoughOfTheIndexHasChanged() throws {
        let files = try addCorpusNotices(32)
        try index()
        func stats() throws -> [String: Int] {
            let d = try Database(path: db)
            return Dictionary(uniqueKeysWithValues: try d.rows("SELECT term, docs FROM term_stats") { ($0.string(0) ?? "", $0.int(1)) })
        }
        func vocabulary() throws -> [String: Int] {
            let d = try Database(path: db)
            return Dictionary(uniqueKeysWithValues: try d.rows("SELECT term, doc FROM notice_vocab WHERE doc >= 2") { ($0.string(0) ?? "", $0.int(1)) })
        }
        XCTAssertEqual(try stats(), try vocabulary(), "counted after the first build")

        // One notice in 32 (3%) changes: under the 5% threshold, the counts stay as they were.
        func amend(_ file: URL) throws {
            let text = try String(contentsOf: file, encoding: .utf8)
            try (text + "\nA note on quuxwidgets and information.\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let before = try stats()
        try amend(files[0])
        try index()
        XCTAssertEqual(try stats(), before, "one changed notice does not recount")
        XCTAssertEqual(try Database(path: db).int("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'term_stats_pending'"), 1)

        // A second change brings the total to 2 of 32 (6%): recounted.
        try amend(files[1])
        try index()
        XCTAssertEqual(try stats(), try vocabulary())
        XCTAssertEqual(try stats()["quuxwidget"], 2)
    }

    func testAFirstBuildCutOffByARestartIsStartedOver() throws {
        try addCorpusNotices(5)
        try index()
        XCTAssertNil(try Database(path: db).scalar("SELECT value FROM meta WHERE key = 'first_build'"), "a finished build leaves no marker")
        // As a first build cut off by a power failure leaves it: a marker from another boot, some notices.
        let d = try Database(path: db)
        try d.execute("INSERT INTO meta(key, value) VALUES('first_build', 'incomplete boot 00000000-dead'); DELETE FROM notices WHERE id > 2")
        final class Notes: @unchecked Sendable { var all: [String] = [] }
        let notes = Notes()
        var options = IndexOptions(lockTimeout: 0.5)
        options.note = { notes.all.append($0) }
        let r = try Indexer.run(paths: [notices.path], database: db, options: options)
        XCTAssertEqual(r.new, 5, "every file indexed again from an empty index")
        XCTAssertTrue(notes.all.contains { $0.contains("before a restart") }, "\(notes.all)")
        XCTAssertEqual(try count(), 5)
        XCTAssertNil(try Database(path: db).scalar("SELECT value FROM meta WHERE key = 'first_build'"))
        try ftsIntegrity()
    }

    func testAFirstBuildWhoseProcessDiedIsContinued() throws {
        try XCTSkipIf(FirstBuild.bootID == nil, "no boot id on this system: every interrupted first build starts over")
        let files = try addCorpusNotices(5)
        try index()
        // As a killed first build leaves it in the same boot: this boot's marker, two notices written.
        let d = try Database(path: db)
        let kept = try d.rows("SELECT path FROM files WHERE notice_id <= 2", [], { $0.string(0) ?? "" })
        try d.run("INSERT INTO meta(key, value) VALUES(?, ?)", [FirstBuild.key, FirstBuild.marker])
        let writer = try IndexWriter(d)
        for id in try d.rows("SELECT id FROM notices WHERE id > 2", [], { $0.int64(0) }) { try writer.delete(noticeID: id) }
        try d.execute("DELETE FROM files WHERE notice_id > 2")
        XCTAssertEqual(kept.count, 2)
        let r = try index()
        XCTAssertEqual([r.new, r.unchanged], [3, 2], "the two written notices are kept, the other three added")
        XCTAssertEqual(try count(), files.count)
        XCTAssertNil(try Database(path: db).scalar("SELECT value FROM meta WHERE key = 'first_build'"))
    }

    func testAnEngineLeftOpenSeesNoticesIndexedAfterItOpened() throws {
        let files = try addCorpusNotices(6)
        try FileManager.default.removeItem(at: files[5])
        try index()
        let engine = try SearchEngine(databasePath: db)
        XCTAssertEqual(try engine.search(try QueryParser.parse("commissioner"), facets: true).total, 5)
        try FileManager.default.copyItem(at: TestSupport.corpus.appendingPathComponent(files[5].lastPathComponent), to: files[5])
        try index()
        let after = try engine.search(try QueryParser.parse("commissioner"), limit: 10, facets: true)
        XCTAssertEqual(after.total, 6)
        XCTAssertEqual(try XCTUnwrap(after.facets).outcomes.map(\.1).reduce(0, +), 6, "facets count the new notice")
        XCTAssertTrue(after.results.allSatisfy { ($0.score ?? 0) > 0 })
    }

    func testRemovalIsLimitedToTheFoldersOfThisRun() throws {
        try addCorpusNotices(2)
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.seed, to: other.appendingPathComponent("seed.txt"))
        _ = try index([notices.path, other.path])
        let r = try index([notices.path])
        XCTAssertEqual(r.removed, 0, "notices under folders not named on this run stay")
        XCTAssertEqual(try count(), 3)
    }

    func testIndexWithNoPathsReindexesTheFoldersOfEarlierRuns() throws {
        try addCorpusNotices(2)
        _ = try index()
        try FileManager.default.copyItem(at: TestSupport.seed, to: notices.appendingPathComponent("late.txt"))
        let r = try Indexer.run(paths: [], database: db)
        XCTAssertEqual(r.new, 1)
    }

    func testBadFilesAreReportedWithReasonsAndTheRestIsIndexed() throws {
        try addCorpusNotices(1)
        let fm = FileManager.default
        let seedText = try String(contentsOf: TestSupport.seed, encoding: .utf8)
        // (file name, bytes, expected fragment of the reason; nil = must index fine)
        var cp1252 = Data("Freedom of Information Act 2000 (FOIA)\nDecision notice\n\nDate: 1 March 2019\n\nPublic Authority: Leeds City Council\n\nDecision (including any steps ordered)\n\n1. The complainant asked about the council\u{2019}s caf\u{E9} contracts \u{2013} the Commissioner decided.\n".utf8)
        cp1252 = String(decoding: cp1252, as: UTF8.self).data(using: .windowsCP1252)!
        let cases: [(String, Data, String?)] = [
            ("empty.txt", Data(), "empty"),
            ("binary.txt", Data([0x00, 0x01, 0xFF, 0x00, 0x42] + Array(repeating: 0, count: 100)), "binary"),
            ("shopping-list.txt", Data("eggs\nmilk\nbread\n\nremember the bins on tuesday\n".utf8), "does not look like an ICO decision notice"),
            ("windows-1252.txt", cp1252, nil),
            ("invalid-utf8.txt", Data(seedText.utf8.prefix(4000)) + Data([0xC3, 0x28, 0xFF]) + Data(seedText.utf8.dropFirst(4000)), nil),
            ("corrupt.pdf", Data("%PDF-1.4\n%garbage that is not a pdf at all\n".utf8), "PDF"),
            ("notes.pdf", Data("not a pdf".utf8), "not a PDF"),
        ]
        for (name, data, _) in cases { try data.write(to: notices.appendingPathComponent(name)) }
        // 50 MB: refused by size before it is read.
        let big = notices.appendingPathComponent("huge.txt")
        XCTAssertTrue(fm.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        // A symlink loop and a broken link.
        try fm.createSymbolicLink(atPath: notices.appendingPathComponent("loop").path, withDestinationPath: notices.path)
        try fm.createSymbolicLink(atPath: notices.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/notice.txt")

        let r = try index()
        let reasons = Dictionary(r.failed.map { (($0.file as NSString).lastPathComponent, $0.error) }, uniquingKeysWith: { a, _ in a })
        for (name, _, fragment) in cases {
            if let fragment {
                XCTAssertTrue(reasons[name]?.contains(fragment) ?? false, "\(name): \(reasons[name] ?? "not reported")")
            } else {
                XCTAssertNil(reasons[name], "\(name) should index: \(reasons[name] ?? "")")
            }
        }
        XCTAssertTrue(reasons["huge.txt"]?.contains("50.0 MB") ?? false, reasons["huge.txt"] ?? "huge.txt not reported")
        XCTAssertNotNil(reasons["gone.txt"], "broken link reported")
        XCTAssertEqual(r.new, 3, "the corpus notice and both odd encodings are indexed: \(r.summary)")
        let cafe = try SearchEngine(databasePath: db).search(try QueryParser.parse("café"))
        XCTAssertEqual(cafe.total, 1, "Windows-1252 text is decoded, not dropped")
    }

    func testAFileDeletedAfterListingIsReportedNotFatal() {
        let outcome = AnalysisPipeline.analyze(dir.appendingPathComponent("vanished.txt").path)
        guard case let .failed(reason) = outcome else { return XCTFail("expected a failure") }
        XCTAssertTrue(reason.contains("disappeared"), reason)
    }

    func testUnreadableFilesAreReported() throws {
        try addCorpusNotices(1)
        let secret = notices.appendingPathComponent("secret.txt")
        try FileManager.default.copyItem(at: TestSupport.seed, to: secret)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        if getuid() == 0 {
            // root reads any file; run the real binary as an unprivileged user instead.
            guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { throw XCTSkip("needs runuser as root") }
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: notices.path)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "nobody", "--", TestSupport.productsDirectory.appendingPathComponent("search").path,
                                 "index", "--db", db, "--json", notices.path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 2, "some file failed")
            let report = try JSONDecoder().decode(IndexReport.self, from: data)
            XCTAssertEqual(report.new, 1)
            XCTAssertTrue(report.failed.contains { $0.file.hasSuffix("secret.txt") && $0.error.contains("permission") }, "\(report.failed)")
        } else {
            let r = try index()
            XCTAssertTrue(r.failed.contains { $0.file.hasSuffix("secret.txt") && $0.error.contains("permission") }, "\(r.failed)")
        }
    }

    func testASecondRunWaitsThenFailsNamingTheLockHolder() throws {
        try addCorpusNotices(1)
        let holder = try IndexLock(databasePath: db, timeout: 1)
        XCTAssertThrowsError(try index()) { error in
            guard case let NoticeIndexError.database(_, reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("pid \(getpid())"), reason)
        }
        withExtendedLifetime(holder) {}
    }

    func testAnIndexOfAnotherSchemaIsRefusedForQueriesAndRebuiltByIndex() throws {
        try addCorpusNotices(2)
        _ = try index()
        try Database(path: db).execute("PRAGMA user_version = 1")
        XCTAssertThrowsError(try SearchEngine(databasePath: db)) { error in
            XCTAssertEqual(error as? NoticeIndexError, .otherSchema(path: db, found: 1, expected: Schema.version))
            XCTAssertTrue("\(error)".contains("older version") && "\(error)".contains("--rebuild"), "\(error)")
        }
        let r = try Indexer.run(paths: [notices.path], database: db)
        XCTAssertEqual(r.new, 2, "rebuilt from scratch")
        XCTAssertEqual(try count(), 2)
    }

    func testAFileOfRandomBytesIsRefusedEvenByRebuildAndLeftAsItWas() throws {
        try addCorpusNotices(1)
        let bytes = Data(repeating: 0x41, count: 8192)
        try bytes.write(to: URL(fileURLWithPath: db))
        XCTAssertThrowsError(try SearchEngine(databasePath: db)) { error in
            XCTAssertEqual(error as? NoticeIndexError, .notAnIndex(path: db, what: "not an SQLite database"))
        }
        XCTAssertThrowsError(try index(), "without --rebuild the file is left alone")
        XCTAssertThrowsError(try index(rebuild: true), "and with it: it may be someone's data")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes)
    }

    func testRebuildKeepsReadersOnTheOldIndexUntilItCommits() throws {
        try addCorpusNotices(3)
        _ = try index()
        try FileManager.default.copyItem(at: TestSupport.seed, to: notices.appendingPathComponent("extra.txt"))
        final class Seen: @unchecked Sendable { var counts: [Int] = [] }
        let seen = Seen()
        let dbPath = db!
        var options = IndexOptions(rebuild: true)
        options.batchSize = 1
        options.progress = { _ in
            // A separate connection, as a concurrent `search` would have.
            if let reader = try? SearchEngine(databasePath: dbPath), let n = try? reader.noticeCount() { seen.counts.append(n) }
        }
        let r = try Indexer.run(paths: [notices.path], database: db, options: options)
        XCTAssertEqual(r.new, 4)
        XCTAssertFalse(seen.counts.isEmpty)
        XCTAssertEqual(Set(seen.counts), [3], "readers saw only the old index during the rebuild")
        XCTAssertEqual(try count(), 4)
        try ftsIntegrity()
    }

    /// `search index` with no paths reindexes the folders of every earlier run, not only the last one's.
    func testTheStoredRootsAreTheUnionOfEveryRunsFolders() throws {
        let other = dir.appendingPathComponent("more notices")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        _ = try Indexer.run(paths: [notices.path], database: db)
        _ = try Indexer.run(paths: [other.path], database: db)
        let roots = IndexDatabase.storedRoots(IndexFile.resolve(db))
        XCTAssertEqual(Set(roots), Set([notices.path, other.path].map(FileWalker.absolutePath)), "\(roots)")
    }
}
