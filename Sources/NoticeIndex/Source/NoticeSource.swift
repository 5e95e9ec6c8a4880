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

    /// Raw bytes, with size and readability checks. Only a regular file is read: the file is opened
    /// without blocking (a FIFO would otherwise wait for a writer for ever) and checked with `fstat` on
    /// the descriptor actually read, so a path swapped for a device after the listing is refused too.
    /// The read stops at the size limit whatever `stat` said (a link to `/dev/zero`, a file that grows).
    /// Plain `open`/`read`: Foundation's FileHandle costs more than reading a 12 KB notice.
    public static func bytes(of path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw NoticeIndexError.input(file: path, reason: "file disappeared or cannot be read") }
            throw NoticeIndexError.input(file: path, reason: "permission denied or unreadable (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw NoticeIndexError.input(file: path, reason: "file disappeared or cannot be read")
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw NoticeIndexError.input(file: path, reason: "not a regular file (a FIFO, socket or device); skipped")
        }
        func tooLarge(_ size: Int) -> NoticeIndexError {
            let over = Int(st.st_size) <= maxBytes ? "over " : ""
            return .input(file: path, reason: "file is " + over + String(format: "%.1f MB; notices are far smaller (limit %d MB), so it was skipped",
                                                              Double(size) / 1_048_576, maxBytes / 1_048_576))
        }
        if Int(st.st_size) > maxBytes { throw tooLarge(Int(st.st_size)) }
        // One byte past the limit tells a file at the limit from one over it.
        var data = Data(count: min(maxBytes + 1, max(Int(st.st_size), 4096)))
        var filled = 0
        while filled <= maxBytes {
            if filled == data.count { data.count = min(maxBytes + 1, data.count * 2) }
            let n = data.withUnsafeMutableBytes { buf in read(fd, buf.baseAddress! + filled, buf.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NoticeIndexError.input(file: path, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        if filled > maxBytes { throw tooLarge(filled) }
        data.count = filled
        if data.isEmpty { throw NoticeIndexError.input(file: path, reason: "file is empty") }
        return data
    }

    /// UTF-8 (BOM stripped) or, failing that, Windows-1252, which is what older ICO text exports use.
    ///
    /// A file is binary, and refused, when more than 1 byte in 10 of its first 8 KB are control bytes
    /// other than tab, line and page breaks (text, in any of the encodings read, has almost none). A
    /// NUL byte in a text file is otherwise treated like any other control byte, the same wherever it
    /// is: it becomes a space, so the words on either side stay two words.
    public static func decode(_ data: Data, path: String) throws -> String {
        if isBinary(data) {
            throw NoticeIndexError.input(file: path, reason: "binary file (control bytes such as NUL throughout), not a text notice")
        }
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Through the raw bytes: `Data`'s own iterator costs a call per byte (2% of indexing CPU).
        if body.withUnsafeBytes({ $0.contains(0) }) { body = Data(body.map { $0 == 0 ? 0x20 : $0 }) }
        if let s = String(data: body, encoding: .utf8) { return s }
        if let s = String(data: body, encoding: .windowsCP1252) { return s }
        return String(decoding: body, as: UTF8.self)
    }

    /// How much of a file `isBinary` looks at: enough to see past a text file's header, and a constant
    /// cost however large the file.
    static let binarySampleBytes = 8192

    /// The binary rule of `decode`: the share of control bytes in the first `binarySampleBytes`.
    static func isBinary(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let sample = raw.prefix(binarySampleBytes)
            guard !sample.isEmpty else { return false }
            var control = 0
            for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
            return control * 10 > sample.count
        }
    }

    /// 64-bit FNV-1a of the file's bytes: cheap, and enough to tell a changed file from a touched one.
    public static func hash(_ data: Data) -> String {
        String(data.withUnsafeBytes { FNV1a.hash($0) }, radix: 16)
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
        // NUL bytes become spaces here as in text files (`decode`), so words either side stay apart.
        let text = String(decoding: bytes.contains(0) ? Data(bytes.map { $0 == 0 ? 0x20 : $0 }) : bytes, as: UTF8.self)
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
