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
        // Every subcommand names itself (`commandName`): the name the parser would derive from the type
        // costs a type-name lookup and conversion per subcommand on every run (8% of the samples of a
        // profiled `search show`, dynamically linked), and would change with a renamed type.
        subcommands: [Query.self, Index.self, Show.self, Cases.self, Export.self, Serve.self],
        defaultSubcommand: Query.self
    )

    /// More arguments than anyone types: the argument parser's time grows with the square of their
    /// number (1,000 `--provision` options took seconds before a query ran). Refused up front.
    static let maxArguments = 256

    /// Refuses what the parser handles badly, then reads the commonest invocation itself (`PlainQuery`)
    /// and leaves the rest to the argument parser.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let count = arguments.count
        if count > maxArguments, arguments.first != "index" {
            warn("search: too many arguments (\(count); at most \(maxArguments)); repeated options need not be repeated")
            Foundation.exit(64)
        }
        if let (option, values) = RepeatedOptions.firstRepeated(arguments) {
            let shown = values.map { "'\(String($0.prefix(40)))'" }.joined(separator: " and ")
            warn("search: \(option) is given more than once (\(shown)); give it once")
            Foundation.exit(64)
        }
        let path = getenv(pathVariable).map { String(cString: $0) }
        if path != "parser", let plain = PlainQuery(arguments) {
            do { try plain.run.run() } catch { exit(withError: error) }
            return
        }
        if path == "plain" {
            warn("search: \(pathVariable)=plain, but the plain path declines these arguments")
            Foundation.exit(70)
        }
        main(nil)
    }

    /// Which way the arguments are read, for tests that compare the two: `parser` (always the argument
    /// parser), `plain` (always `PlainQuery`; arguments it declines exit 70 with a line on stderr), unset
    /// or anything else: `PlainQuery` when it takes the arguments, else the parser.
    static let pathVariable = "NOTICE_INDEX_CLI_PATH"
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Index database (default: $NOTICE_INDEX_DB, else ~/.local/share/noticeindex/index.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Machine output on stdout (JSON), nothing else on stdout.")
    var json = false

    var database: (path: String, isDefault: Bool) { Self.database(db) }

    /// The database `--db` names, else the default one; remembered for `guarded`'s messages.
    static func database(_ db: String?) -> (path: String, isDefault: Bool) {
        let chosen = db.map { (($0 as NSString).expandingTildeInPath, false) } ?? DefaultPaths.database()
        databaseInUse = chosen.0
        return chosen
    }
}

/// The database the command works on, named by `guarded` when a failure carries no path of its own.
/// The CLI is one thread; set once options are read.
nonisolated(unsafe) var databaseInUse: String?

/// Prints to stderr, control characters escaped (messages carry file names and query text).
func warn(_ message: String) {
    FileHandle.standardError.write(Data((Printable.escaped(message, keepNewlines: true) + "\n").utf8))
}

/// Runs `body`, turning every failure into one line on stderr that names the file or database and
/// what to do, and the contract's exit codes: 64 for a usage error, 2 for any other failure (never 1,
/// which means "no results").
func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as NoticeIndexError {
        let named = databaseInUse.map { e.at($0) } ?? e
        warn("search: \(named.description)")
        switch e {
        case .query, .usage: throw ExitCode(64)
        default: throw ExitCode(2)
        }
    } catch let e as ExitCode {
        throw e
    } catch let e as CocoaError {
        warn("search: \(e.filePath ?? databaseInUse ?? "search"): \(describe(e))")
        throw ExitCode(2)
    } catch {
        warn("search: \(databaseInUse ?? "search"): unexpected failure (\(type(of: error))); nothing was changed")
        throw ExitCode(2)
    }
}

/// Foundation's file errors in the words of the rest of the CLI (not Foundation's own text).
private func describe(_ e: CocoaError) -> String {
    switch e.code {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
    case .fileWriteOutOfSpace: return "the disk is full; free some space and run again"
    case .fileWriteVolumeReadOnly: return "read-only file system"
    case .fileWriteFileExists: return "a file is in the way"
    default: return "file operation failed (code \(e.code.rawValue))"
    }
}

func printJSON<T: Encodable>(_ value: T, pretty: Bool = false) throws {
    var data = try JSONOutput.data(value, pretty: pretty)
    data.append(contentsOf: "\n".utf8)
    try writeOut(data)
}

/// Writes to stdout. A write that fails (disk full, an I/O error) is a runtime failure, one line on
/// stderr and exit 2: `FileHandle.write(_:)` traps on it instead (a crash, exit 132, and a stack trace).
func writeOut(_ data: Data) throws {
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch let e as CocoaError {
        warn("search: standard output: \(describe(e))")
        throw ExitCode(2)
    } catch {
        warn("search: standard output: write failed")
        throw ExitCode(2)
    }
}

/// Flushes what `print` buffered: a failed write there is as much a failure as one in `writeOut`, not
/// the exit 0 it was (the terminal output of a search written to a full disk).
func flushOut() throws {
    // `fflush(nil)`: every stream, so the shared `stdout` itself is not referenced (Swift 6 refuses it).
    if fflush(nil) != 0 {
        warn("search: standard output: write failed (\(String(cString: strerror(errno))))")
        throw ExitCode(2)
    }
}
