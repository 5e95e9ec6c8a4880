import Foundation
import XCTest
@testable import NoticeServer

/// A real browser (Debian's `chromium`, headless) against a running server: load a search, follow a
/// facet link and a paragraph link found in the rendered DOM, and leave screenshots under
/// `.build/serve-screenshots/` for a person to look at. Skipped, saying why, where chromium is absent.
final class BrowserTests: XCTestCase {
    static let screenshots = TestSupport.packageRoot.appendingPathComponent(".build/serve-screenshots")

    static var chromium: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    func testBrowserLoadsASearchFollowsAFacetAndAParagraphLink() async throws {
        guard let chromium = Self.chromium else {
            print("BrowserTests: skipped: no `chromium` on PATH (Debian: apt-get install chromium; .ci/run installs it)")
            throw XCTSkip("chromium is not installed")
        }
        let server = try await RunningServer.start(database: ServerTestSupport.sharedIndex, test: self)
        let profile = try TestSupport.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let browser = Browser(executable: chromium, profile: profile.path)

        // 1. A search, as typed into the box.
        let searchURL = server.base + "/search?q=public+interest+police"
        let search = try await browser.dumpDOM(searchURL)
        XCTAssertTrue(search.contains("<input type=\"search\" name=\"q\" value=\"public interest police\""), "the query stays in the box")
        XCTAssertTrue(search.contains("<mark>"), "matches highlighted")
        XCTAssertTrue(search.contains("<svg"), "the chart")
        try await browser.screenshot(searchURL, to: Self.screenshots.appendingPathComponent("search.png").path)

        // 2. The first provision facet: a search with that filter added.
        let facet = try XCTUnwrap(search.firstMatch(of: /<ul class="facet"><li><a href="([^"]+)">([^<]+)<\/a>/), "a facet link")
        let facetURL = server.base + String(facet.1).replacingOccurrences(of: "&amp;", with: "&")
        let narrowed = try await browser.dumpDOM(facetURL)
        XCTAssertTrue(narrowed.contains("name=\"provision\" value=\"\(facet.2)\""), "the filter shows in the form")
        let narrowedTotal = Int(narrowed.firstMatch(of: /<strong>(\d+)<\/strong> notices? match/)?.1 ?? "") ?? 0
        XCTAssertGreaterThan(narrowedTotal, 0)

        // 3. A pinpointed paragraph: the notice opens at that paragraph, the query marked.
        let para = try XCTUnwrap(narrowed.firstMatch(of: /<a class="pn" href="(\/notices\/[^"#]+#p(\d+))">/), "a paragraph link")
        let noticeURL = server.base + String(para.1).replacingOccurrences(of: "&amp;", with: "&")
        let notice = try await browser.dumpDOM(noticeURL)
        XCTAssertTrue(notice.contains("id=\"p\(para.2)\""), "the anchor exists")
        XCTAssertTrue(notice.contains("<mark>"), "query terms marked on the notice")
        XCTAssertTrue(notice.contains("class=\"cite\""), "the citation line")
        // Headless chromium paints nothing when a screenshot's URL scrolls to a fragment; shoot the top.
        try await browser.screenshot(String(noticeURL.prefix { $0 != "#" }), to: Self.screenshots.appendingPathComponent("notice.png").path)
        print("BrowserTests: screenshots in \(Self.screenshots.path)")
        for name in ["search.png", "notice.png"] {
            let size = (try FileManager.default.attributesOfItem(atPath: Self.screenshots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 10_000, name)
        }
    }
}

/// Headless chromium runs, off the cooperative threads (the server under test runs on them).
struct Browser {
    let executable: String
    let profile: String

    func dumpDOM(_ url: String) async throws -> String {
        String(decoding: try await run(["--dump-dom", url]), as: UTF8.self)
    }

    func screenshot(_ url: String, to path: String) async throws {
        try? FileManager.default.removeItem(atPath: path)
        _ = try await run(["--screenshot=\(path)", "--window-size=1280,1600", "--hide-scrollbars", "--virtual-time-budget=3000", url])
    }

    private func run(_ arguments: [String]) async throws -> Data {
        let base = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--user-data-dir=\(profile)"]
        let executable = executable
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.arguments = base + arguments
                    let out = Pipe()
                    process.standardOutput = out
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let data = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: data)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
