import CSQLite
import Foundation

/// A value that can be bound to a statement parameter. User text only ever reaches SQL this way.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// The one way a Swift value reaches a statement parameter: every conforming type says what it binds
/// as, so no value can fall through to a silent NULL.
public protocol SQLBindable { var sqlValue: SQLValue { get } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .real(self) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One SQLite connection. Not shared between threads: each thread that needs the database opens its own.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    /// How long a statement waits for another connection's lock before failing as busy: long enough
    /// for a writer's batch commit, short enough that a stuck writer is reported.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    /// Opens (creating if asked) the database at `path` and checks that FTS5 is available.
    /// `immutable` reads a file nothing may write while it is open, without taking locks or touching a
    /// `-shm` file: the way to read an index on a read-only mount or in a folder this user cannot write.
    public init(path: String, readOnly: Bool = false, create: Bool = true, immutable: Bool = false) throws {
        self.path = path
        var db: OpaquePointer?
        var flags = readOnly || immutable ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly && !immutable { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        let name = immutable ? Self.uri(path, "immutable=1") : path
        if immutable { flags |= SQLITE_OPEN_URI }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let code = db.map { sqlite3_extended_errcode($0) } ?? rc
            if let db { sqlite3_close_v2(db) }
            throw NoticeIndexError.sqlite(code: code, message: "cannot open", sql: nil).at(path)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
        _ = noticeindex_enable_defensive(db)
        try Database.requireFTS5(db, path: path)
        try registerSqlarUncompress()
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Fails clearly when the linked SQLite was built without FTS5, instead of a "no such module" later.
    static func requireFTS5(_ db: OpaquePointer, path: String, probe: String = "SELECT fts5(NULL)") throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, probe, -1, &stmt, nil)
        sqlite3_finalize(stmt)
        if rc != SQLITE_OK { throw missingFTS5(path: path) }
    }

    static func missingFTS5(path: String) -> NoticeIndexError {
        .database(path: path,
                  reason: "the SQLite library in use (\(String(cString: sqlite3_libversion()))) has no FTS5; "
                      + "install a build with FTS5 (Debian: libsqlite3-0 / libsqlite3-dev)")
    }

    /// Whether the SQLite library this process linked offers FTS5 (checked on an in-memory database).
    public static var hasFTS5: Bool {
        var db: OpaquePointer?
        guard sqlite3_open(":memory:", &db) == SQLITE_OK, let db else { return false }
        defer { sqlite3_close(db) }
        return (try? requireFTS5(db, path: ":memory:")) != nil
    }

    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// A `file:` URI for `path` with `query`, every byte outside the unreserved set percent-encoded.
    static func uri(_ path: String, _ query: String) -> String {
        var out = "file:"
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += String(format: "%%%02X", b)
            }
        }
        return out + "?" + query
    }

    func error(_ rc: Int32, sql: String?) -> NoticeIndexError {
        .sqlite(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements that take no parameters.
    public func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "error \(rc)"
            sqlite3_free(err)
            throw NoticeIndexError.sqlite(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// A prepared statement, cached per connection: hot queries are parsed once.
    public func cached(_ sql: String) throws -> Statement {
        if let s = statementCache[sql] {
            s.reset()
            return s
        }
        let s = try Statement(self, sql)
        statementCache[sql] = s
        return s
    }

    /// Runs a statement with bound parameters and no result rows.
    public func run(_ sql: String, _ values: [SQLBindable?] = []) throws {
        let s = try cached(sql)
        defer { s.reset() }
        try s.bind(values)
        while try s.step() {}
    }

    /// All rows of a query, each mapped by `row`.
    public func rows<T>(_ sql: String, _ values: [SQLBindable?] = [], _ row: (Statement) throws -> T) throws -> [T] {
        let s = try cached(sql)
        defer { s.reset() }  // an unreset statement would hold its read transaction open
        try s.bind(values)
        var out: [T] = []
        while try s.step() { out.append(try row(s)) }
        return out
    }

    /// The first column of the first row, if any.
    public func scalar(_ sql: String, _ values: [SQLBindable?] = []) throws -> SQLValue? {
        let s = try cached(sql)
        defer { s.reset() }
        try s.bind(values)
        return try s.step() ? s.value(0) : nil
    }

    public func int(_ sql: String, _ values: [SQLBindable?] = []) throws -> Int? {
        if case let .integer(i)? = try scalar(sql, values) { return Int(i) }
        return nil
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in one read transaction (one snapshot, one lock), unless one is already open.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        try execute("BEGIN")
        defer { _ = sqlite3_exec(handle, "COMMIT", nil, nil, nil) }
        return try body()
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it lands, or none of it.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// `PRAGMA user_version`, which holds the schema version.
    public var userVersion: Int {
        get throws { try int("PRAGMA user_version") ?? 0 }
    }
}

/// A prepared statement that owns its SQLite handle.
public final class Statement {
    let handle: OpaquePointer
    unowned let db: Database
    let sql: String

    init(_ db: Database, _ sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(db.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw db.error(rc, sql: sql) }
        self.handle = stmt
        self.db = db
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func bind(_ values: [SQLBindable?]) throws {
        reset()
        for (i, v) in values.enumerated() {
            try bind(v?.sqlValue ?? .null, at: Int32(i + 1))
        }
    }

    public func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case let .integer(i): rc = sqlite3_bind_int64(handle, index, i)
        case let .real(d): rc = sqlite3_bind_double(handle, index, d)
        case let .text(s):
            if s.isEmpty {
                // An empty buffer has no base address and would bind NULL: bind "" explicitly.
                rc = sqlite3_bind_text(handle, index, "", 0, noticeindex_transient())
            } else {
                var s = s
                rc = s.withUTF8 { buf in
                    buf.withMemoryRebound(to: CChar.self) {
                        sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), noticeindex_transient())
                    }
                }
            }
        }
        if rc != SQLITE_OK { throw db.error(rc, sql: sql) }
    }

    /// Binds an integer.
    public func bind(_ value: Int, at index: Int32) throws { try check(sqlite3_bind_int64(handle, index, Int64(value))) }
    public func bind(_ value: Int64, at index: Int32) throws { try check(sqlite3_bind_int64(handle, index, value)) }

    /// Binds text, or NULL for nil.
    public func bind(_ value: String?, at index: Int32) throws {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try bind(.text(value), at: index)
    }

    private func check(_ rc: Int32) throws { if rc != SQLITE_OK { throw db.error(rc, sql: sql) } }

    /// Steps a statement that returns no rows, then resets it for the next use.
    public func execute() throws {
        defer { sqlite3_reset(handle) }
        _ = try step()
    }

    /// Binds `values` in order (nil binds NULL) and executes: the writer's path, without the statement
    /// cache lookup of `Database.run`.
    public func run(_ values: (any SQLBindable)?...) throws {
        for (i, v) in values.enumerated() {
            try bind(v?.sqlValue ?? .null, at: Int32(i + 1))
        }
        try execute()
    }

    /// Binds bytes as a blob (an empty one too, not NULL).
    public func bindBlob(_ bytes: [UInt8], at index: Int32) throws {
        let rc = bytes.withUnsafeBytes {
            sqlite3_bind_blob64(handle, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64($0.count), noticeindex_transient())
        }
        if rc != SQLITE_OK { throw db.error(rc, sql: sql) }
    }

    /// Advances to the next row; false when done. Anything but ROW/DONE is an error.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw db.error(rc, sql: sql)
        }
    }

    public func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default: return .text(string(column) ?? "")
        }
    }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// Text by length, not by NUL terminator, so embedded NULs survive.
    public func string(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// The UTF-8 bytes of a text column (empty for NULL), lent to `body` only: SQLite frees them when the
    /// statement steps or resets, so they must not escape it.
    public func withTextBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(textBytes(column))
    }

    /// The bytes of a blob column (empty for NULL), lent to `body` only (see `withTextBytes`).
    public func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(blob(column))
    }

    /// The UTF-8 bytes of a text column (empty for NULL), valid until the statement steps or resets:
    /// private, so that only `withTextBytes` lends them out.
    private func textBytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let p = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The bytes of a blob column, valid until the statement steps or resets; lent out by `withBlob`.
    private func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let p = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column)))
    }
}
