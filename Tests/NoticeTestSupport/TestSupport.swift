import Foundation
import XCTest

/// Paths, temporary folders and the built `search` binary, for both test targets (the core tests and the
/// server tests): one copy, so the two cannot drift apart. Each test target adds what only it needs in an
/// extension (the corpus index, fixtures, the server's hostile notice).
public enum TestSupport {
    /// The package's root folder (this file is Tests/NoticeTestSupport/TestSupport.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let corpus = packageRoot.appendingPathComponent("Corpus")

    /// The directory holding the built products (`search`), beside the test bundle.
    public static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// A fresh temporary directory, removed when the test ends.
    public static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("noticeindex-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Runs the built `search` binary (or `executable`); returns exit code, stdout as text and stderr.
    @discardableResult
    public static func run(_ arguments: [String], executable: URL? = nil, environment: [String: String] = [:],
                           cwd: URL? = nil) throws -> (code: Int32, out: String, err: String) {
        let r = try runForData(arguments, executable: executable, environment: environment, cwd: cwd)
        return (r.code, String(decoding: r.out, as: UTF8.self), r.err)
    }

    /// `run`, with stdout as the bytes written (for output compared byte for byte, such as exports).
    public static func runForData(_ arguments: [String], executable: URL? = nil, environment: [String: String] = [:],
                                  cwd: URL? = nil) throws -> (code: Int32, out: Data, err: String) {
        let process = Process()
        process.executableURL = executable ?? productsDirectory.appendingPathComponent("search")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let cwd { process.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: errBox.data, as: UTF8.self))
    }
}
