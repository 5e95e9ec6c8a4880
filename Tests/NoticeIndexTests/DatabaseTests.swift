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
