import Foundation
import XCTest
@testable import NoticeIndex
import NoticeEvaluation

// Every file of this target sees the shared support (TestSupport's paths, temporary folders, `run`).
@_exported import NoticeTestSupport

/// Fixtures of the core tests, beside the shared paths.
extension TestSupport {
    static let fixtures = packageRoot.appendingPathComponent("Tests/NoticeIndexTests/Fixtures")
    static let seed = corpus.appendingPathComponent("seed-notice-2024-02-08-mps.txt")

    /// An index of the bundled corpus, built once per test run (it is only read by the tests that use it).
    static let corpusIndex: String = {
        let tmp = FileManager.default.temporaryDirectory
        // Indexes left by earlier test processes that have exited.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("noticeindex-corpus-") {
            if let pid = Int32(name.dropFirst("noticeindex-corpus-".count)), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
        let dir = tmp.appendingPathComponent("noticeindex-corpus-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("corpus.sqlite").path
        IndexDatabase.remove(db)
        _ = try! Indexer.run(paths: [corpus.path], database: db)
        return db
    }()
}

/// A test with a folder of its own: `notices` for the input files (not created here, so a test can
/// say whether it exists) and the index `index.sqlite` beside it.
class FolderTestCase: XCTestCase {
    var dir: URL!
    var notices: URL!
    var db: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = try TestSupport.temporaryDirectory(self)
        notices = dir.appendingPathComponent("notices")
        db = dir.appendingPathComponent("index.sqlite").path
    }
}

/// Deterministic random numbers for generated tests: the bench's generator, so a seed means the same
/// draws in both.
typealias SeededGenerator = SplitMix64
