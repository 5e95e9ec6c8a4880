import ArgumentParser
import Foundation
import NoticeIndex

@main
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search UK ICO decision notices: legal queries in, precedents with pinpointed paragraphs out.",
        discussion: """
            Examples:
              search "section 31(3) NCND"
              search "Dransfield vexatious" --law foia --since 2015
              search --provision 31(3) --authority MPS --outcome not-upheld
              search index ~/notices            (add, update and remove notices)
              search show FS50587581 --para 23

            Exit codes: 0 results, 1 no results, 2 runtime failure, 64 usage error.
            """,
        subcommands: [Query.self, Index.self, Show.self, Cases.self, Export.self, Serve.self],
        defaultSubcommand: Query.self
    )
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Index database (default: $NOTICE_INDEX_DB, else ~/.local/share/noticeindex/index.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Machine output on stdout (JSON), nothing else on stdout.")
    var json = false

    var database: (path: String, isDefault: Bool) {
        if let db { return ((db as NSString).expandingTildeInPath, false) }
        return DefaultPaths.database()
    }
}

/// Prints to stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs `body`, turning library errors into one line on stderr and the contract's exit codes.
func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as NoticeIndexError {
        warn("search: \(e.description)")
        switch e {
        case .query, .usage: throw ExitCode(64)
        default: throw ExitCode(2)
        }
    }
}

func printJSON<T: Encodable>(_ value: T, pretty: Bool = false) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.withoutEscapingSlashes, .prettyPrinted] : [.withoutEscapingSlashes]
    let data = try encoder.encode(value)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}
