import Foundation
import NoticeIndex

/// One benchmark query: what a NoticeIndex user types (text plus CLI-style options) and the closest
/// MATCH expression the naive baseline can run. `approx` says what the baseline cannot do.
struct BenchQuery: Codable {
    var kind: String
    var text: String
    var options: String
    var naive: String
    var approx: String

    /// The file format of `--queries`: one query a line, tab-separated
    /// `kind<TAB>text<TAB>options<TAB>naive MATCH<TAB>approximation note`; `#` starts a comment.
    /// `{RARE0}`…`{RARE4}` stand for the corpus's rare terms (from `.corpus.json`), rarest last.
    static func parse(file: String) throws -> [BenchQuery] {
        try parse(lines: String(contentsOfFile: file, encoding: .utf8))
    }

    static func parse(lines: String) throws -> [BenchQuery] {
        var out: [BenchQuery] = []
        for (n, raw) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 4 else { throw BenchError.usage("queries line \(n + 1): want kind, text, options, naive MATCH (tab-separated)") }
            out.append(BenchQuery(kind: f[0], text: f[1], options: f[2], naive: f[3], approx: f.count > 4 ? f[4] : ""))
        }
        return out
    }

    var line: String { [kind, text, options, naive, approx].joined(separator: "\t") }

    /// Replaces `{RAREn}` with the corpus's rare terms.
    func resolved(rare: [String]) -> BenchQuery {
        var q = self
        for (i, t) in rare.enumerated() {
            q.text = q.text.replacingOccurrences(of: "{RARE\(i)}", with: t)
            q.naive = q.naive.replacingOccurrences(of: "{RARE\(i)}", with: t)
        }
        return q
    }

    /// The options as the library takes them (the same spellings as the `search` CLI).
    func filters() throws -> (QueryFilters, facets: Bool) {
        var f = QueryFilters()
        var facets = false
        var words = options.split(separator: " ").map(String.init)[...]
        func value(_ name: String) throws -> String {
            guard let v = words.popFirst() else { throw BenchError.usage("\(name) needs a value in query '\(text)'") }
            return v
        }
        while let w = words.popFirst() {
            switch w {
            case "--provision":
                let v = try value(w)
                guard let p = ProvisionFinder.parse(query: v) else { throw BenchError.usage("bad provision '\(v)'") }
                f.provisions.append(p)
            case "--authority": f.authorities.append(try value(w).replacingOccurrences(of: "_", with: " "))
            case "--outcome":
                let v = try value(w)
                guard let o = Outcome(slug: v) else { throw BenchError.usage("bad outcome '\(v)'") }
                f.outcome = o
            case "--law": f.law = Law(rawValue: try value(w).uppercased())
            case "--cites": f.cites.append(try value(w))
            case "--since": f.since = try QueryFilters.date(try value(w), upper: false)
            case "--until": f.until = try QueryFilters.date(try value(w), upper: true)
            case "--facets": facets = true
            default: throw BenchError.usage("unknown option '\(w)' in query '\(text)'")
            }
        }
        return (f, facets)
    }

    /// The built-in set: rare terms, common words and phrases, provisions in several spellings,
    /// text + provision, filters, facets, prefix, OR and NOT. Filter-only queries have empty text.
    static let builtIn = """
        # kind\ttext\toptions\tnaive MATCH\tapproximation
        rare term\t{RARE4}\t\t"{RARE4}"\t
        rare term\t{RARE3}\t\t"{RARE3}"\t
        rare term\t{RARE2}\t\t"{RARE2}"\t
        rare term\t{RARE1}\t\t"{RARE1}"\t
        mid term\t{RARE0}\t\t"{RARE0}"\t
        word\tDransfield\t\t"dransfield"\t
        word\tvexatious\t\t"vexatious"\t
        common word\tinformation\t\t"information"\t
        two words\tmanifestly unreasonable\t\t"manifestly" "unreasonable"\t
        phrase\t"public interest test"\t\t"public interest test"\t
        phrase\t"neither confirm nor deny"\t\t"neither confirm nor deny"\t
        phrase\t"balance of probabilities"\t\t"balance of probabilities"\t
        phrase\t"legal professional privilege"\t\t"legal professional privilege"\t
        phrase\t"causal relationship"\t\t"causal relationship"\t
        provision\tsection 31(3)\t\t"31 3"\tphrase "31 3"
        provision\ts.40(2)\t\t"40 2"\tphrase "40 2"
        provision\treg 12(4)(b)\t\t"12 4 b"\tphrase "12 4 b"
        provision\tsection 43(2)\t\t"43 2"\tphrase "43 2"
        provision\tsection 14(1)\t\t"14 1"\tphrase "14 1"
        provision\tregulation 12(5)(e)\t\t"12 5 e"\tphrase "12 5 e"
        text+provision\tsection 31(3) NCND\t\t"31 3" AND ("ncnd" OR "neither confirm nor deny")\tsynonym as OR
        text+provision\ts.40(2) legitimate interest\t\t"40 2" "legitimate" "interest"\t
        text+provision\tsection 12 appropriate limit\t\t"12" "appropriate" "limit"\t
        filters\t\t--provision 31(3) --authority MPS\t"31 3" AND "metropolis"\tfilters as paragraph terms
        filters\tvexatious\t--outcome not-upheld\t"vexatious"\toutcome filter dropped
        filters\tpublic interest\t--cites Savic\t"public" "interest" "savic"\tcites as paragraph term
        filters\t\t--cites Savic\t"savic"\tcites as paragraph term
        filters\t"course of justice"\t--law eir\t"course of justice" AND "regulation"\tlaw as paragraph term
        filters\t"personal data"\t--since 2020\t"personal data"\tdate filter dropped
        facets\t"public interest test"\t--facets\t"public interest test"\tno facets
        facets\tsection 40(2)\t--facets\t"40 2"\tno facets
        prefix\tvexati*\t\t"vexati" *\t
        prefix\tdisclos*\t\t"disclos" *\t
        OR\tDransfield OR Craven\t\t"dransfield" OR "craven"\t
        OR\tsection 23(5) OR section 24(2)\t\t"23 5" OR "24 2"\t
        NOT\tvexatious -Dransfield\t\t"vexatious" NOT "dransfield"\t
        """
}
