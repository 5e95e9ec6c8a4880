import Foundation

/// Writes the `kind: "notice"` records of a real-dev `records.jsonl` as one `.txt` file each, so that
/// `run` can index them like a generated corpus. The output belongs in a temporary directory: the
/// text is real and must never be copied into the project.
enum RealDev {
    struct Record: Decodable {
        var kind: String
        var text: String?
    }

    static func write(records: String, out dir: String) throws {
        guard let data = FileManager.default.contents(atPath: records) else { throw BenchError.failed("cannot read \(records)") }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var n = 0, bytes = 0
        for line in data.split(separator: 10) where !line.isEmpty {
            guard let r = try? JSONDecoder().decode(Record.self, from: Data(line)), r.kind == "notice", let text = r.text else { continue }
            n += 1
            let body = Data(text.utf8)
            bytes += body.count
            let path = (dir as NSString).appendingPathComponent(String(format: "realdev-%03d.txt", n))
            guard FileManager.default.createFile(atPath: path, contents: body) else { throw BenchError.failed("cannot write \(path)") }
        }
        log("wrote \(n) real-dev notices, \(bytes) bytes, to \(dir)")
    }
}
