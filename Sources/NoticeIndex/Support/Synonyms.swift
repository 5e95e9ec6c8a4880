/// Abbreviations and the phrases they stand for, as data.
///
/// The index stores one canonical token (`synncnd`) wherever any form of a group appears in a paragraph,
/// and the query layer turns any form the user types into that token. So `NCND` finds "neither confirm
/// nor deny" and vice versa without a custom FTS5 tokenizer (see the README's architecture section).
public struct SynonymGroup: Sendable, Equatable {
    /// Token stored in the index's `terms` column; letters only, so unicode61 keeps it whole.
    public let token: String
    /// Every written form, lower case, words separated by single spaces.
    public let forms: [String]
}

public enum Synonyms {
    /// The table. Forms are matched case-insensitively on word boundaries; longer forms win.
    public static let groups: [SynonymGroup] = [
        SynonymGroup(token: "synncnd", forms: [
            "ncnd", "neither confirm nor deny", "neither confirming nor denying", "neither confirmed nor denied",
            "neither to confirm nor deny", "confirm or deny", "confirming or denying",
        ]),
        SynonymGroup(token: "synlpp", forms: ["lpp", "legal professional privilege"]),
        SynonymGroup(token: "synpit", forms: ["pit", "public interest test"]),
        SynonymGroup(token: "synfoia", forms: ["foia", "foi", "foi act", "freedom of information act"]),
        SynonymGroup(token: "syneir", forms: ["eir", "eirs", "environmental information regulations"]),
        SynonymGroup(token: "synico", forms: ["ico", "information commissioner's office", "information commissioners office"]),
        SynonymGroup(token: "synftt", forms: ["ftt", "first-tier tribunal", "first tier tribunal"]),
        SynonymGroup(token: "synut", forms: ["upper tribunal"]),
        SynonymGroup(token: "syndpa", forms: ["dpa", "data protection act"]),
        SynonymGroup(token: "synukgdpr", forms: ["uk gdpr", "ukgdpr", "gdpr", "general data protection regulation"]),
        SynonymGroup(token: "synmu", forms: ["manifestly unreasonable"]),
        SynonymGroup(token: "synbodycam", forms: [
            "bodycam", "bodycams", "body cam", "body cams", "body camera", "body cameras", "body worn camera",
            "body worn cameras", "body worn video", "body worn videos", "bwv", "bwc",
        ]),
    ]

    /// Words of each form, for matching word sequences.
    static let formWords: [(words: [String], token: String)] = groups
        .flatMap { g in g.forms.map { (words: wordsOf($0), token: g.token) } }
        .sorted { $0.words.count > $1.words.count }

    static let longestForm = formWords.map(\.words.count).max() ?? 1

    /// Forms by their first word, longest first: a paragraph's words are looked up once each instead of
    /// being compared with every form (this runs on every paragraph at index time).
    static let formsByFirstWord: [String: [(words: [String], token: String)]] =
        Dictionary(grouping: formWords, by: { $0.words[0] })

    /// Splits a form into comparable words ("first-tier tribunal" → ["first", "tier", "tribunal"]).
    package static func wordsOf(_ text: String) -> [String] {
        var t = text
        return t.withUTF8(asciiWordsOf) ?? unicodeWordsOf(text)
    }

    /// `wordsOf` on Characters, for any text (`TwinPathTests` compares it with the ASCII path).
    static func unicodeWordsOf(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "'" || ch == "’" {
                continue // "commissioner's" and "commissioners" are one word
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `wordsOf` on bytes when the text is ASCII (nil otherwise): every case form is normalised with it
    /// at index time, and Character iteration made that a visible cost. For ASCII the rules are the same:
    /// letters and digits are word bytes, `'` is dropped, anything else separates.
    static func asciiWordsOf(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        var current: [UInt8] = []
        for c in b {
            if Bytes.isAlnum(c) {
                current.append(Bytes.lower(c))
            } else if c == UInt8(ascii: "'") {
                continue
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// The group a sequence of lower-case words starts with, and how many words it took.
    static func match(_ words: ArraySlice<String>) -> (token: String, length: Int)? {
        guard let first = words.first, let candidates = formsByFirstWord[first] else { return nil }
        for f in candidates where f.words.count <= words.count {
            if zip(f.words, words).allSatisfy({ $0 == $1 }) { return (f.token, f.words.count) }
        }
        return nil
    }

    /// The canonical token if `text` (a word or phrase the user typed) is a form of a group.
    public static func token(forPhrase text: String) -> String? {
        let w = wordsOf(text)
        guard !w.isEmpty, let m = match(w[...]), m.length == w.count else { return nil }
        return m.token
    }
}
