import CSQLite
import Foundation

/// Calls the index's own tokenizer (`porter unicode61 remove_diacritics 2`) from Swift, through the
/// fts5_api, so that pinpointing paragraphs and marking snippets agree exactly with what FTS5 matched:
/// `confirmed` and `confirm` meet here exactly as they do in the index.
final class FTS5Tokenizer {
    private var module = fts5_tokenizer()
    private var instance: OpaquePointer?

    init(_ db: Database) throws {
        let api = try FTS5API.of(db)
        guard let find = api.pointee.xFindTokenizer else {
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

    private final class Sink {
        var tokens: [String] = []
    }

    /// Tokens of `text` in order, as FTS5 indexes them (after unicode61 folding and porter stemming).
    func tokens(_ text: String) throws -> [String] {
        guard let instance, let tokenize = module.xTokenize, !text.isEmpty else { return [] }
        let sink = Sink()
        var text = text
        let rc = text.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                let ctx = Unmanaged.passUnretained(sink).toOpaque()
                return tokenize(instance, ctx, FTS5_TOKENIZE_DOCUMENT, chars.baseAddress, Int32(chars.count)) { ctx, _, token, n, start, end in
                    guard let ctx, let token else { return SQLITE_OK }
                    let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
                    let bytes = UnsafeRawBufferPointer(start: token, count: Int(n))
                    sink.tokens.append(String(decoding: bytes, as: UTF8.self))
                    return SQLITE_OK
                }
            }
        }
        try Self.check(rc)
        return sink.tokens
    }

    /// The tokenizer fails only when SQLite cannot allocate: a partial token list would silently
    /// mis-score and mis-mark, so the search fails instead.
    private static func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK else { throw NoticeIndexError.sqlite(code: rc, message: "fts5 tokenizer", sql: "") }
    }
}

extension FTS5Tokenizer {
    /// Tokens only, for query words.
    func stems(_ text: String) throws -> [String] { try tokens(text) }

    /// Tokens of a paragraph as bytes in one buffer, for comparing with query stems: pinpointing
    /// tokenizes every candidate paragraph of the notices shown, and a String per token was most of
    /// its cost.
    func tokenList(_ text: String) throws -> TokenList {
        var list = TokenList()
        guard let instance, let tokenize = module.xTokenize, !text.isEmpty else { return list }
        list.bytes.reserveCapacity(text.utf8.count)
        list.ends.reserveCapacity(text.utf8.count / 5)
        list.ranges.reserveCapacity(text.utf8.count / 5)
        var text = text
        // The callback reaches `list` through a raw pointer: no per-token exclusivity checks.
        let rc = withUnsafeMutablePointer(to: &list) { listPointer in
            text.withUTF8 { buf in
                buf.withMemoryRebound(to: CChar.self) { chars in
                    tokenize(instance, listPointer, FTS5_TOKENIZE_DOCUMENT, chars.baseAddress, Int32(chars.count)) { ctx, _, token, n, start, end in
                        guard let ctx, let token else { return SQLITE_OK }
                        let list = ctx.assumingMemoryBound(to: TokenList.self)
                        token.withMemoryRebound(to: UInt8.self, capacity: Int(n)) {
                            list.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(n)))
                        }
                        list.pointee.ends.append(list.pointee.bytes.count)
                        list.pointee.ranges.append(Int(start)..<Int(end))
                        return SQLITE_OK
                    }
                }
            }
        }
        try Self.check(rc)
        return list
    }
}

/// A paragraph's tokens: their text back to back in `bytes`, token `i` ending at `ends[i]`, and
/// each token's byte range in the paragraph.
struct TokenList {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var ranges: [Range<Int>] = []

    var count: Int { ranges.count }

    /// Whether token `i` is `stem` (or, with `prefix`, starts with it).
    func matches(_ i: Int, _ stem: [UInt8], prefix: Bool = false) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        let length = ends[i] - start
        guard prefix ? length >= stem.count : length == stem.count else { return false }
        for k in 0..<stem.count where bytes[start + k] != stem[k] { return false }
        return true
    }
}
