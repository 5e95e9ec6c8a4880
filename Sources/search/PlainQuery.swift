import NoticeIndex

/// The commonest invocation, `search WORDS... [--json] [--db PATH] [--limit N]`, read without the
/// argument parser. Building the parser's picture of the command tree (every option of every
/// subcommand, found by reflection) costs a few milliseconds of each run's start-up, which is a good
/// part of a query that takes 20 ms in all (issue 14).
///
/// Only the arguments are read here: what runs is `QueryRun`, the code the parsed `query` command runs,
/// so output, messages and exit codes are the same. Anything not recognised in full is declined (nil)
/// and left to the argument parser: any other option, `--`, help and version requests, a subcommand's
/// name anywhere, a word starting with `-`, an empty word, no words at all, an option given twice, a
/// `--limit` the parser would refuse. Declining is always safe; taking something the parser would read
/// differently is not, so the rules are narrow.
struct PlainQuery {
    var run: QueryRun

    /// Words the argument parser may read as a subcommand: every subcommand's name and aliases, and its
    /// built-in `help`.
    static let commandNames: Set<String> = {
        var names: Set<String> = ["help"]
        for command in Search.configuration.subcommands {
            names.insert(command._commandName)
            names.formUnion(command.configuration.aliases)
        }
        return names
    }()

    /// `arguments` without the program name.
    init?(_ arguments: [String]) {
        var words: [String] = []
        var db: String?
        var json = false
        var limit: Int?
        var k = 0
        while k < arguments.count {
            let a = arguments[k]
            k += 1
            guard a.hasPrefix("-") else {
                guard !a.isEmpty, !Self.commandNames.contains(a) else { return nil }
                words.append(a)
                continue
            }
            let (name, attached) = Self.split(a)
            switch name {
            case "--json":
                guard attached == nil, !json else { return nil }
                json = true
            case "--db", "--limit":
                let value: String
                if let attached {
                    value = attached
                } else {
                    guard k < arguments.count else { return nil }
                    value = arguments[k]
                    k += 1
                }
                if name == "--db" {
                    guard db == nil, !value.isEmpty, !value.hasPrefix("-") else { return nil }
                    db = value
                } else {
                    guard limit == nil, let n = Self.limit(value) else { return nil }
                    limit = n
                }
            default:
                return nil
            }
        }
        guard !words.isEmpty else { return nil }
        run = QueryRun(db: db, json: json, terms: QueryTerms(words: words), options: SearchOptions(limit: limit ?? 10))
    }

    /// `--name=value` as its two parts; any other argument as itself with no value.
    static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }

    /// A `--limit` the query command accepts: plain digits, at most `SearchOptions.maxLimit`. Anything
    /// else (a sign, spaces, a value out of range) is the parser's to refuse with its own message.
    static func limit(_ value: String) -> Int? {
        guard !value.isEmpty, value.utf8.count <= 6, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let n = Int(value), n <= SearchOptions.maxLimit
        else { return nil }
        return n
    }
}
