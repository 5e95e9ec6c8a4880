// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NoticeIndex",
    products: [
        .executable(name: "search", targets: ["search"]),
        .library(name: "NoticeIndex", targets: ["NoticeIndex"]),
    ],
    dependencies: [
        // The CLI's argument parsing.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `search serve`'s HTTP server; used by NoticeServer only, never by the NoticeIndex library.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            // zlib: paragraph text is stored in the sqlite3 shell's sqlar format (see StoredText).
            providers: [.apt(["libsqlite3-dev", "zlib1g-dev"])]
        ),
        .target(name: "NoticeIndex", dependencies: ["CSQLite"]),
        // Truth-file and relevance measures: used by the tests and the bench, not part of the library's API.
        .target(name: "NoticeEvaluation", dependencies: ["NoticeIndex"]),
        // The web page and JSON API over the library (`search serve`).
        .target(
            name: "NoticeServer",
            dependencies: ["NoticeIndex", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "search",
            dependencies: [
                "NoticeIndex",
                "NoticeServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in, not loaded: a query is one short process, and
            // loading a dozen shared libraries (libswiftCore, Foundation, ICU) and applying their
            // relocations was about a sixth of its CPU time (issue 14). `-static-stdlib` is needed when
            // compiling too, so that the modules' autolinked libraries are the static ones (CoreFoundation,
            // ICU). Unsafe flags are allowed in a root package, and `search` is not in the library
            // product, so a package depending on NoticeIndex never meets them.
            swiftSettings: [.unsafeFlags(["-static-stdlib"])],
            linkerSettings: [.unsafeFlags(["-static-stdlib"])]
        ),
        // Paths, temporary folders and running `search`, shared by both test targets (a plain target, since
        // a test target cannot depend on another).
        .target(name: "NoticeTestSupport", path: "Tests/NoticeTestSupport"),
        .testTarget(
            name: "NoticeIndexTests", dependencies: ["NoticeIndex", "NoticeEvaluation", "NoticeTestSupport"],
            exclude: ["Fixtures", "Relevance"]
        ),
        // HTTP tests of `search serve`, apart so the core tests do not depend on Hummingbird.
        .testTarget(name: "NoticeServerTests", dependencies: ["NoticeServer", "NoticeIndex", "NoticeTestSupport"]),
        // Corpus generator and side-by-side benchmark (NoticeIndex vs naive FTS5); see bench/README.md.
        // Kept in this manifest so every build and CI run compiles it against the library's current API
        // (a separate bench/Package.swift would need NoticeEvaluation as a public product and a second
        // CI build). Its cost, measured on the 2-core machine: about 15 of 290 CPU seconds of a clean
        // debug build, and one extra link (~0.3 CPU s) per incremental build.
        .executableTarget(name: "noticeindex-bench", dependencies: ["NoticeIndex", "NoticeEvaluation", "CSQLite"], path: "bench/Sources"),
    ]
)
