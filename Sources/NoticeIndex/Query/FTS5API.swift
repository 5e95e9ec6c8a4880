import CSQLite

/// The FTS5 extension API of one connection, which custom tokenizer calls and ranking functions go
/// through. SQLite hands it out only as a pointer bound to `SELECT fts5(?1)` under a fixed type name.
enum FTS5API {
    /// `fts5(?1)` hands the API back only for a pointer of this exact type name.
    private static let pointerType: StaticString = "fts5_api_ptr"

    static func of(_ db: Database) throws -> UnsafeMutablePointer<fts5_api> {
        // SQLite writes the API pointer into this slot while the statement steps, so the slot must
        // outlive the step (a pointer to a local would not).
        let slot = UnsafeMutablePointer<UnsafeMutablePointer<fts5_api>?>.allocate(capacity: 1)
        slot.initialize(to: nil)
        defer { slot.deallocate() }
        let stmt = try Statement(db, "SELECT fts5(?1)")
        let rc = pointerType.withUTF8Buffer { name in
            name.withMemoryRebound(to: CChar.self) { sqlite3_bind_pointer(stmt.handle, 1, slot, $0.baseAddress, nil) }
        }
        guard rc == SQLITE_OK else { throw db.error(rc, sql: stmt.sql) }
        try stmt.step()
        guard let api = slot.pointee else { throw NoticeIndexError.database(path: db.path, reason: "FTS5 API unavailable") }
        return api
    }
}
