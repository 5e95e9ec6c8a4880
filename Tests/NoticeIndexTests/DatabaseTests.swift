import CSQLite
import XCTest
@testable import NoticeIndex

final class DatabaseTests: XCTestCase {
    func testTheLinkedSQLiteHasFTS5() {
        XCTAssertTrue(Database.hasFTS5, "SQLite \(Database.sqliteVersion) should have FTS5")
    }

    func testASQLiteWithoutFTS5IsRefusedWithAClearMessage() throws {
        var handle: OpaquePointer?
        XCTAssertEqual(sqlite3_open(":memory:", &handle), SQLITE_OK)
        defer { sqlite3_close(handle) }
        // The probe a build without FTS5 would fail: a function that does not exist here either.
        XCTAssertThrowsError(try Database.requireFTS5(handle!, path: "index.sqlite", probe: "SELECT no_such_fts5(NULL)")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("index.sqlite") && text.contains("has no FTS5") && text.contains("libsqlite3"), text)
        }
        XCTAssertNoThrow(try Database.requireFTS5(handle!, path: "index.sqlite"))
    }

    func testUserTextIsBoundNotSpliced() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(x TEXT)")
        let hostile = "'); DROP TABLE t; --"
        try db.run("INSERT INTO t(x) VALUES(?)", [hostile])
        try db.run("INSERT INTO t(x) VALUES(?)", [""])
        XCTAssertEqual(try db.rows("SELECT x FROM t ORDER BY rowid") { $0.string(0) }, [hostile, ""], "empty text is text, not NULL")
    }
}

final class DefaultPathsTests: XCTestCase {
    func testTheDefaultDatabaseFollowsTheEnvironment() {
        let cases: [([String: String], String, Bool)] = [
            (["NOTICE_INDEX_DB": "/data/ico.sqlite", "HOME": "/home/a"], "/data/ico.sqlite", false),  // explicit
            (["XDG_DATA_HOME": "/xdg", "HOME": "/home/a"], "/xdg/noticeindex/index.sqlite", true),     // XDG
            (["HOME": "/home/a"], "/home/a/.local/share/noticeindex/index.sqlite", true),              // HOME
            (["NOTICE_INDEX_DB": "", "HOME": "/home/a"], "/home/a/.local/share/noticeindex/index.sqlite", true),
        ]
        for (env, path, isDefault) in cases {
            let d = DefaultPaths.database(environment: env)
            XCTAssertEqual(d.path, path, "\(env)")
            XCTAssertEqual(d.isDefault, isDefault, "\(env)")
        }
    }

    func testTheBundledCorpusIsFoundFromInsideTheCheckout() {
        XCTAssertEqual(DefaultPaths.bundledCorpus(from: TestSupport.packageRoot.appendingPathComponent("Sources/search").path),
                       TestSupport.corpus.path)
        XCTAssertNil(DefaultPaths.bundledCorpus(from: "/"))
    }
}
