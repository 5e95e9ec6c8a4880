import ArgumentParser
import Foundation
import NoticeIndex

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

extension Search {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One notice (or one paragraph) by reference, id or file name.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "Reference (FS50587581, IC-219436-J1G5), id, or file name.")
        var ref: String

        @Option(help: "Only this paragraph number.")
        var para: Int?

        func validate() throws {
            guard ref.count <= 1_000 else { throw ValidationError("a reference of \(ref.count) characters is too long (at most 1000)") }
        }

        func run() throws {
            let found: NoticeRecord? = try guarded {
                let engine = try SearchEngine(databasePath: common.database.path)
                guard var r = try engine.show(ref) else { return nil }
                if let para {
                    r.fullParagraphs = r.fullParagraphs?.filter { $0.number == para }
                    if r.fullParagraphs?.isEmpty ?? true {
                        throw NoticeIndexError.usage("notice \(r.id) has no paragraph \(para)")
                    }
                }
                return r
            }
            guard let record = found else {
                warn("search: no notice '\(Printable.escaped(ref))' in the index (give a reference, id or file name)")
                throw ExitCode(1)
            }
            if common.json { try printJSON(record) } else { TerminalOutput().printNotice(record, paragraph: para); try flushOut() }
        }
    }

    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cases", abstract: "Case law cited across the index, most cited first.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "Only cases whose name or citation matches, e.g. Dransfield, Savic, \"[2016] UKUT 535 (AAC)\".")
        var name: [String] = []

        @Option(parsing: .unconditional, help: "How many cases to list.")
        var limit = 20

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must be 0 or more (got \(limit))") }
            let text = name.joined(separator: " ")
            guard text.count <= 200 else { throw ValidationError("a case name of \(text.count) characters is too long (at most 200)") }
        }

        func run() throws {
            let text = name.joined(separator: " ")
            let list = try guarded {
                try SearchEngine(databasePath: common.database.path).caseList(limit: limit, matching: text.isEmpty ? nil : text)
            }
            if common.json {
                try printJSON(list)
            } else {
                TerminalOutput().printCases(list)
                try flushOut()
            }
            // Exit by how many cases match, not by the page: `--limit 0` asks for the count alone.
            if list.total == 0 { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "The strict matches of a search (no query and no options: every notice), JSONL or CSV, streamed to stdout.")

        @OptionGroup var common: CommonOptions

        @OptionGroup var arguments: QueryArguments

        @Option(help: "jsonl or csv.")
        var format: ExportFormat = .jsonl

        func run() throws {
            var count = 0
            try guarded {
                let query = arguments.isEmpty ? nil : try arguments.parsed()
                let engine = try SearchEngine(databasePath: common.database.path)
                let encoder = JSONOutput.encoder()
                if format == .csv { try writeOut(Data((CSV.header.joined(separator: ",") + "\r\n").utf8)) }
                try engine.forEachMatch(query, sort: arguments.sort) { r in
                    count += 1
                    switch format {
                    case .jsonl:
                        var line = try encoder.encode(r)
                        line.append(contentsOf: "\n".utf8)
                        try writeOut(line)
                    case .csv:
                        try writeOut(Data((CSV.row(r) + "\r\n").utf8))
                    }
                }
            }
            if count == 0 && !arguments.isEmpty { throw ExitCode(1) }
        }
    }
}

/// The CSV rows live in the library, so `export` and the web server's `/api/export` write the same bytes.
typealias CSV = CSVExport
