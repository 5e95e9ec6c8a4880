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
        subcommands: [Query.self, Index.self, Show.self, Cases.self, Export.self],
        defaultSubcommand: Query.self
    )

    /// More arguments than anyone types: the argument parser's time grows with the square of their
    /// number (1,000 `--provision` options took seconds before a query ran). Refused up front.
    static let maxArguments = 256

    static func main() {
        let count = CommandLine.arguments.count - 1
        if count > maxArguments, CommandLine.arguments.dropFirst().first != "index" {
            warn("search: too many arguments (\(count); at most \(maxArguments)); repeated options need not be repeated")
            Foundation.exit(64)
        }
        main(nil)
    }
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

/// Prints to stderr, control characters escaped (messages carry file names and query text).
func warn(_ message: String) {
    FileHandle.standardError.write(Data((Printable.escaped(message, keepNewlines: true) + "\n").utf8))
}

/// Runs `body`, turning library errors into one line on stderr and the contract's exit codes.
func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as NoticeIndexError {
        if case let .sqlite(code, _, _) = e {
            // SQLite's own words name its internals, not what to do.
            warn("search: the index could not be read (database error \(code)); check the --db path, or rebuild it with `search index --rebuild`")
            throw ExitCode(2)
        }
        warn("search: \(e.description)")
        switch e {
        case .query, .usage: throw ExitCode(64)
        default: throw ExitCode(2)
        }
    }
}

func printJSON<T: Encodable>(_ value: T, pretty: Bool = false) throws {
    let data = try JSONOutput.data(value, pretty: pretty)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}
