/// Options that take one value. Given twice (`--limit 5 --limit 10`), the argument parser keeps the
/// last, but the user meant one of the two and we cannot know which: a usage error naming the option,
/// as the web API's 400 for a repeated parameter. Repeatable filters (`--provision`, `--authority`,
/// `--cites`, `--finding`) and flags are not in the list.
enum RepeatedOptions {
    static let singleValued: Set<String> = [
        "--limit", "--offset", "--outcome", "--law", "--since", "--until", "--sort", "--db", "--para", "--format",
        "--lock-timeout", "--host", "--port",
    ]

    /// The first single-value option given more than once, with the values given (in order); nil when
    /// none is. Arguments after `--` are the query's words, not options.
    static func firstRepeated(_ arguments: [String]) -> (option: String, values: [String])? {
        var values: [String: [String]] = [:]
        var k = 0
        while k < arguments.count {
            let a = arguments[k]
            if a == "--" { break }
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if a.hasPrefix("--"), singleValued.contains(parts[0]) {
                let value = parts.count == 2 ? parts[1] : (k + 1 < arguments.count ? arguments[k + 1] : "")
                values[parts[0], default: []].append(value)
                if values[parts[0]]!.count > 1 { return (parts[0], values[parts[0]]!) }
                if parts.count == 1 { k += 1 }
            }
            k += 1
        }
        return nil
    }
}
