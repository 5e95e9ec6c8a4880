import Foundation
import NoticeTestSupport
import XCTest

/// Output that cannot be written (stdout on a full disk) is a runtime failure by the contract: one line
/// on stderr and exit 2, on every output path. It used to crash (`FileHandle.write` traps: exit 132 and a
/// stack trace) for JSON and export, and exit 0 with nothing written for terminal output.
final class OutputWriteFailureTests: XCTestCase {
    func testAFailedWriteToStdoutExitsTwoWithOneLine() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("needs /dev/full") }
        let db = TestSupport.corpusIndex
        let scratch = try TestSupport.temporaryDirectory(self).appendingPathComponent("index.sqlite").path
        let table: [[String]] = [
            ["index", TestSupport.corpus.path, "--db", scratch],   // the run's summary, after a complete run
            ["section", "--json", "--db", db],
            ["section", "--db", db],
            ["information", "--limit", "500", "--db", db],
            ["--law", "foia", "--json", "--db", db],
            ["--law", "foia", "--db", db],
            ["export", "--db", db],
            ["export", "--format", "csv", "--law", "foia", "--db", db],
            ["cases", "--db", db],
            ["cases", "--json", "--db", db],
        ]
        for args in table {
            for path in ["parser", ""] {
                let process = Process()
                process.executableURL = TestSupport.productsDirectory.appendingPathComponent("search")
                process.arguments = args
                var env = ProcessInfo.processInfo.environment
                env["NOTICE_INDEX_CLI_PATH"] = path
                process.environment = env
                process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
                let err = Pipe()
                process.standardError = err
                try process.run()
                let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                XCTAssertEqual(process.terminationReason, .exit, "\(args) \(path)")
                XCTAssertEqual(process.terminationStatus, 2, "\(args) \(path): \(message.prefix(200))")
                XCTAssertTrue(message.hasPrefix("search: standard output: "), "\(args) \(path): \(message.prefix(200))")
                XCTAssertEqual(message.filter { $0 == "\n" }.count, 1, "\(args) \(path): \(message.prefix(300))")
            }
        }
    }
}
