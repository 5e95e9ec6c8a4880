/// RFC 4180 rows for spreadsheets: `search export --format csv` and the web server's
/// `/api/export?format=csv`, one definition so both write the same bytes.
public enum CSVExport {
    public static let header = ["id", "reference", "file", "date", "authority", "authority_key", "sector", "law", "outcome",
                         "provisions", "cases", "paragraphs", "findings", "case_names", "citation"]

    public static func row(_ r: NoticeRecord) -> String {
        let fields: [String?] = [r.id, r.reference, r.file, r.date, r.authority, r.authorityKey, r.sector, r.law, r.outcome,
                                 r.provisions.joined(separator: ";"), r.cases.map(\.key).joined(separator: ";"),
                                 String(r.fullParagraphs?.count ?? 0),
                                 (r.findings ?? []).map { "\($0.provision)=\($0.finding)" }.joined(separator: "; "),
                                 r.cases.map { $0.name ?? $0.key }.joined(separator: "; "),
                                 r.citation]
        return fields.map { quote($0 ?? "") }.joined(separator: ",")
    }

    /// A field quoted when it must be; control characters escaped (a spreadsheet or `cat` of the file
    /// must not act on them), and a leading `=`, `+`, `-` or `@` kept from being read as a formula.
    public static func quote(_ raw: String) -> String {
        var s = Printable.escaped(raw)
        if let first = s.first, "=+-@".contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
