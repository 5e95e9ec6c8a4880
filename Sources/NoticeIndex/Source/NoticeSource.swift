import Foundation

/// Reads notice files into text: `.txt` decoded as UTF-8 (Windows-1252 when it is not valid UTF-8), and
/// `.pdf` through poppler's `pdftotext`. Every refusal says what is wrong with the file.
public enum NoticeSource {
    /// File types the indexer reads.
    public static let extensions: Set<String> = ["txt", "pdf"]

    /// Real notices are well under 2 MB of text; anything this large is not a notice and would only
    /// cost memory, so it is reported instead of indexed.
    public static let maxBytes = 16 * 1024 * 1024

    /// The file's text, or an `.input` error naming the problem.
    public static func text(of path: String) throws -> String {
        let data = try bytes(of: path)
        if path.lowercased().hasSuffix(".pdf") {
            return try PDFText.extract(path: path, data: data)
        }
        return try decode(data, path: path)
    }

    /// Raw bytes, with size and readability checks. Plain `stat`/`open`/`read`: Foundation's attribute
    /// dictionary and FileHandle cost more than reading a 12 KB notice.
    public static func bytes(of path: String) throws -> Data {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw NoticeIndexError.input(file: path, reason: "file disappeared or cannot be read")
        }
        let size = Int(st.st_size)
        if size > maxBytes {
            throw NoticeIndexError.input(
                file: path,
                reason: String(format: "file is %.1f MB; notices are far smaller (limit %d MB), so it was skipped",
                               Double(size) / 1_048_576, maxBytes / 1_048_576))
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw NoticeIndexError.input(file: path, reason: "permission denied or unreadable") }
        defer { close(fd) }
        var data = Data(count: size)
        var filled = 0
        // The size may change between stat and read: read until end of file, growing if need be.
        while true {
            if filled == data.count { data.count += max(4096, data.count) }
            let n = data.withUnsafeMutableBytes { buf in read(fd, buf.baseAddress! + filled, buf.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NoticeIndexError.input(file: path, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        data.count = filled
        if data.isEmpty { throw NoticeIndexError.input(file: path, reason: "file is empty") }
        return data
    }

    /// UTF-8 (BOM stripped) or, failing that, Windows-1252, which is what older ICO text exports use.
    /// NUL bytes mean a binary file, which is refused rather than indexed as garbage.
    public static func decode(_ data: Data, path: String) throws -> String {
        let hasNUL = data.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0, min(raw.count, 8192)) != nil } ?? false
        }
        if hasNUL {
            throw NoticeIndexError.input(file: path, reason: "binary file (contains NUL bytes), not a text notice")
        }
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let s = String(data: body, encoding: .utf8) { return s }
        if let s = String(data: body, encoding: .windowsCP1252) { return s }
        return String(decoding: body, as: UTF8.self)
    }

    /// 64-bit FNV-1a of the file's bytes: cheap, and enough to tell a changed file from a touched one.
    public static func hash(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for b in raw {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        return String(h, radix: 16)
    }
}

/// Text from PDFs through `pdftotext` (Debian package poppler-utils).
enum PDFText {
    static func extract(path: String, data: Data) throws -> String {
        guard data.starts(with: Array("%PDF".utf8)) else {
            throw NoticeIndexError.input(file: path, reason: "not a PDF (no %PDF header); the file is corrupt or misnamed")
        }
        guard let tool = executable("pdftotext") else {
            throw NoticeIndexError.missingTool(
                "pdftotext", hint: "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils) to index PDFs")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-eol", "unix", "-q", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw NoticeIndexError.input(file: path, reason: "could not run pdftotext: \(error.localizedDescription)")
        }
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NoticeIndexError.input(file: path, reason: "corrupt PDF: pdftotext failed (exit \(process.terminationStatus))")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.filter({ $0.properties.isAlphabetic }).count < 40 {
            throw NoticeIndexError.input(
                file: path, reason: "PDF has no text layer (a scan?); run OCR on it (e.g. ocrmypdf) and index the result")
        }
        return text
    }

    /// Looks `name` up on PATH, so a missing tool is reported before anything runs.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
