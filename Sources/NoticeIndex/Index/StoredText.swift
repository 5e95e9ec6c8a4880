import CSQLite

/// A notice's paragraph text as the index stores it: the paragraphs joined by blank lines, compressed
/// in the format of SQLite's archive (sqlar) tables, plus a small JSON layout saying where each
/// paragraph starts and ends.
///
/// Why compressed: readable paragraph text took 1.06× the size of the notices themselves, and with
/// the full-text index (0.42×) the file could not come near issue 6's 1.3×; it also made the writer
/// thread insert 1.2 million text rows at 25k notices. zlib level 1 keeps 2.4× on generated notices
/// (more on real prose) at ~110 MB/s per core, and runs on the analysis workers.
///
/// Why sqlar: the stock `sqlite3` shell reads it (`sqlar_uncompress(text, size)`), so the `paragraphs`
/// view shows every paragraph as text there, as it does here (this connection registers the same
/// function). The rule is sqlar's: `size` is the text's length, and a blob as long as `size` is the
/// text itself (compression did not help).
struct StoredText: Sendable, Equatable {
    var size: Int
    var blob: [UInt8]
    /// `[[number, heading_no, start, end], …]`, one entry per paragraph in order; byte offsets.
    var layout: String

    /// The text of paragraphs `(number, headingNo, text)`, in order.
    init(paragraphs: [(number: Int, headingNo: Int, text: String)]) {
        var text: [UInt8] = []
        var layout = "["
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { text += [0x0A, 0x0A]; layout += "," }
            let start = text.count
            text += p.text.utf8
            layout += "[\(p.number),\(p.headingNo),\(start),\(text.count)]"
        }
        self.layout = layout + "]"
        size = text.count
        blob = Self.compress(text)
    }

    static func compress(_ text: [UInt8]) -> [UInt8] {
        guard !text.isEmpty else { return [] }
        var bound = compressBound(uLong(text.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let rc = out.withUnsafeMutableBufferPointer { o in
            text.withUnsafeBufferPointer { compress2(o.baseAddress, &bound, $0.baseAddress, uLong(text.count), 1) }
        }
        guard rc == Z_OK, Int(bound) < text.count else { return text }
        out.removeSubrange(Int(bound)...)
        return out
    }

    /// The text back from a stored blob; nil when the blob is damaged.
    static func decompress(_ blob: UnsafeRawBufferPointer, size: Int) -> [UInt8]? {
        if blob.count == size { return Array(blob) }
        guard size > 0, let base = blob.baseAddress else { return size == 0 ? [] : nil }
        var out = [UInt8](repeating: 0, count: size)
        var length = uLongf(size)
        let rc = out.withUnsafeMutableBufferPointer {
            uncompress($0.baseAddress, &length, base.assumingMemoryBound(to: Bytef.self), uLong(blob.count))
        }
        return rc == Z_OK && Int(length) == size ? out : nil
    }

    /// The entries of a layout: (number, heading_no, start, end) per paragraph.
    static func parseLayout(_ layout: UnsafeRawBufferPointer) -> [(number: Int, headingNo: Int, start: Int, end: Int)] {
        var out: [(Int, Int, Int, Int)] = []
        var values: [Int] = []
        var current = 0, negative = false, inNumber = false
        for b in layout {
            if b >= 0x30 && b <= 0x39 {
                current = current * 10 + Int(b - 0x30)
                inNumber = true
            } else if b == 0x2D {
                negative = true
            } else {
                if inNumber { values.append(negative ? -current : current) }
                current = 0; negative = false; inNumber = false
                if b == 0x5D, values.count == 4 {  // "]" closing one entry
                    out.append((values[0], values[1], values[2], values[3]))
                    values = []
                }
            }
        }
        return out
    }
}

extension Database {
    /// `sqlar_uncompress(blob, size)` as the sqlite3 shell defines it, so the `paragraphs` view works
    /// through this library's connections too.
    func registerSqlarUncompress() throws {
        let rc = sqlite3_create_function_v2(handle, "sqlar_uncompress", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil, { ctx, _, args in
            guard let ctx, let args, let blobValue = args[0], let sizeValue = args[1] else { return }
            let size = Int(sqlite3_value_int64(sizeValue))
            let count = Int(sqlite3_value_bytes(blobValue))
            let blob = UnsafeRawBufferPointer(start: sqlite3_value_blob(blobValue), count: count)
            guard let text = StoredText.decompress(blob, size: size) else {
                sqlite3_result_error(ctx, "sqlar_uncompress: damaged text", -1)
                return
            }
            text.withUnsafeBytes { sqlite3_result_blob64(ctx, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64($0.count), noticeindex_transient()) }
        }, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc, sql: "sqlar_uncompress") }
    }
}
