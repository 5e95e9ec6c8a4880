import ArgumentParser
import Foundation
import NoticeIndex

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

extension Search {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One notice (or one paragraph) by reference, id or file name.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "Reference (FS50587581, IC-219436-J1G5), id, or file name.")
        var ref: String

        @Option(help: "Only this paragraph number.")
        var para: Int?

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
                warn("search: no notice '\(ref)' in the index (give a reference, id or file name)")
                throw ExitCode(1)
            }
            if common.json { try printJSON(record) } else { TerminalOutput().printNotice(record) }
        }
    }

    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Case law cited across the index, most cited first.")

        @OptionGroup var common: CommonOptions

        @Option(help: "How many cases to list.")
        var limit = 20

        func run() throws {
            let cases = try guarded { try SearchEngine(databasePath: common.database.path).cases(limit: limit) }
            if common.json {
                try printJSON(CasesResponse(cases: cases))
            } else {
                TerminalOutput().printCases(cases)
            }
            if cases.isEmpty { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every notice with its metadata: JSONL (with paragraphs) or CSV, streamed to stdout.")

        @OptionGroup var common: CommonOptions

        @Option(help: "jsonl or csv.")
        var format: ExportFormat = .jsonl

        func run() throws {
            try guarded {
                let engine = try SearchEngine(databasePath: common.database.path)
                let encoder = JSONOutput.encoder()
                let out = FileHandle.standardOutput
                if format == .csv { out.write(Data((CSV.header.joined(separator: ",") + "\r\n").utf8)) }
                try engine.forEachNotice { r in
                    switch format {
                    case .jsonl:
                        out.write(try encoder.encode(r))
                        out.write(Data("\n".utf8))
                    case .csv:
                        out.write(Data((CSV.row(r) + "\r\n").utf8))
                    }
                }
            }
        }
    }
}

/// RFC 4180 rows for spreadsheets.
enum CSV {
    static let header = ["id", "reference", "file", "date", "authority", "authority_key", "sector", "law", "outcome",
                         "provisions", "cases", "paragraphs"]

    static func row(_ r: NoticeRecord) -> String {
        let fields: [String?] = [r.id, r.reference, r.file, r.date, r.authority, r.authorityKey, r.sector, r.law, r.outcome,
                                 r.provisions.joined(separator: ";"), r.cases.map(\.key).joined(separator: ";"),
                                 String(r.fullParagraphs?.count ?? 0)]
        return fields.map { quote($0 ?? "") }.joined(separator: ",")
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
