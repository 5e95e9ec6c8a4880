import ArgumentParser
import Foundation
import NoticeIndex

extension Search {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "Add, update and remove notices from files and folders (.txt, .pdf).",
            discussion: """
                Only new and changed files are parsed; notices whose files are gone from the folders given
                are removed. With no PATH, the folders of earlier runs are indexed again (for cron).
                Nothing is written into a path that is not a NoticeIndex database, an empty file or a new
                path. A folder that is missing or cannot be listed keeps its notices; a run that would remove
                more than a fifth of the index stops unless --allow-removals is given.
                Exit 0 when every file indexed, 2 when some failed (the rest are indexed) or on a runtime
                failure, 64 on a usage error.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: "Files or folders of notices.")
        var paths: [String] = []

        @Flag(help: "Rebuild from scratch; queries keep answering from the old index until it is replaced.")
        var rebuild = false

        @Flag(help: "Only errors and the summary line.")
        var quiet = false

        @Option(help: "Seconds to wait for another index run to finish.")
        var lockTimeout = 10.0

        @Flag(help: "Let this run remove more than a fifth of the index (files really deleted, not an unmounted folder).")
        var allowRemovals = false

        func run() throws {
            let (path, _) = common.database
            let report: IndexReport = try guarded {
                var options = IndexOptions(rebuild: rebuild, lockTimeout: lockTimeout, allowRemovals: allowRemovals)
                options.note = { warn("search: \($0)") }
                if !quiet && !common.json && isatty(2) == 1 {
                    options.progress = TerminalOutput.progressLine
                }
                let report = try Indexer.run(paths: paths, database: path, options: options)
                if options.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                return report
            }
            for f in report.failed { warn("search: failed: \(f.file): \(f.error)") }
            if common.json {
                try printJSON(report)
            } else {
                print(report.summary)
                try flushOut()   // a summary a cron job's log never got is a failed run, though the index is complete
            }
            if !report.failed.isEmpty { throw ExitCode(2) }
        }
    }
}
