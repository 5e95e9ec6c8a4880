import CSQLite
import Foundation

/// One token as FTS5 indexes it (after unicode61 folding and porter stemming), with its UTF-8 range.
struct FTSToken: Equatable {
    var text: String
    var range: Range<Int>
}

/// Calls the index's own tokenizer (`porter unicode61 remove_diacritics 2`) from Swift, through the
/// fts5_api, so that pinpointing paragraphs and marking snippets agree exactly with what FTS5 matched:
/// `confirmed` and `confirm` meet here exactly as they do in the index.
final class FTS5Tokenizer {
    private var module = fts5_tokenizer()
    private var instance: OpaquePointer?

    init(_ db: Database) throws {
        var api: UnsafeMutablePointer<fts5_api>?
        let stmt = try Statement(db, "SELECT fts5(?1)")
        let rc = withUnsafeMutablePointer(to: &api) { ptr in
            FTS5Tokenizer.pointerType.withUTF8Buffer { name in
                name.withMemoryRebound(to: CChar.self) { sqlite3_bind_pointer(stmt.handle, 1, ptr, $0.baseAddress, nil) }
            }
        }
        guard rc == SQLITE_OK else { throw db.error(rc, sql: stmt.sql) }
        try stmt.step()
        guard let api, let find = api.pointee.xFindTokenizer else {
            throw NoticeIndexError.database(path: db.path, reason: "FTS5 API unavailable")
        }
        var userData: UnsafeMutableRawPointer?
        guard find(api, "porter", &userData, &module) == SQLITE_OK, let create = module.xCreate else {
            throw NoticeIndexError.database(path: db.path, reason: "FTS5 porter tokenizer unavailable")
        }
        let args = ["unicode61", "remove_diacritics", "2"]
        var cargs = args.map { strdup($0) }
        defer { cargs.forEach { free($0) } }
        let rc2 = cargs.withUnsafeMutableBufferPointer { buf -> Int32 in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buf.count) {
                create(userData, $0, Int32(args.count), &instance)
            }
        }
        guard rc2 == SQLITE_OK, instance != nil else {
            throw NoticeIndexError.database(path: db.path, reason: "cannot create the FTS5 tokenizer")
        }
    }

    deinit {
        if let instance, let delete = module.xDelete { delete(instance) }
    }

    /// `fts5(?1)` hands the API back only for a pointer of this exact type name.
    private static let pointerType: StaticString = "fts5_api_ptr"

    private final class Sink {
        var tokens: [FTSToken] = []
    }

    /// Tokens of `text` in order, with byte ranges into `text`.
    func tokens(_ text: String) -> [FTSToken] {
        guard let instance, let tokenize = module.xTokenize, !text.isEmpty else { return [] }
        let sink = Sink()
        var text = text
        text.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                let ctx = Unmanaged.passUnretained(sink).toOpaque()
                _ = tokenize(instance, ctx, FTS5_TOKENIZE_DOCUMENT, chars.baseAddress, Int32(chars.count)) { ctx, _, token, n, start, end in
                    guard let ctx, let token else { return SQLITE_OK }
                    let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
                    let bytes = UnsafeRawBufferPointer(start: token, count: Int(n))
                    sink.tokens.append(FTSToken(text: String(decoding: bytes, as: UTF8.self), range: Int(start)..<Int(end)))
                    return SQLITE_OK
                }
            }
        }
        return sink.tokens
    }
}

extension FTS5Tokenizer {
    /// Tokens only, for query words.
    func stems(_ text: String) -> [String] { tokens(text).map(\.text) }
}
