/// A lower-cased word and its UTF-8 byte range in the text it came from.
struct ScannedWord: Equatable {
    var word: String
    var range: Range<Int>
}

/// Splits text into words the way the index's unicode61 tokenizer roughly does (letters and digits;
/// apostrophes inside words are dropped), keeping byte offsets. Used to find synonym phrases at index time
/// and to mark them in snippets; exact FTS5 tokens come from `FTS5Tokenizer`.
enum WordScanner {
    static func words(in text: String) -> [ScannedWord] {
        var out: [ScannedWord] = []
        var current: [UInt8] = []
        var start = 0
        var offset = 0
        var iterator = text.utf8.makeIterator()
        func flush(_ end: Int) {
            if !current.isEmpty {
                out.append(ScannedWord(word: String(decoding: current, as: UTF8.self), range: start..<end))
                current.removeAll(keepingCapacity: true)
            }
        }
        while let b = iterator.next() {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if current.isEmpty { start = offset }
                current.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if current.isEmpty { start = offset }
                current.append(b + 32)
            case UInt8(ascii: "'"):
                break // "Commissioner's" → "commissioners", as in `Synonyms.wordsOf`
            case 0x80...:
                // Non-ASCII: keep letters whole (é, ü); treat the rest (’, –, ⁵) as separators.
                // Multi-byte sequences are decoded lazily only here, which keeps ASCII text fast.
                var bytes = [b]
                let expected = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                while bytes.count < expected, let nb = iterator.next() { bytes.append(nb) }
                let s = String(decoding: bytes, as: UTF8.self)
                if s == "’" {
                    offset += bytes.count
                    continue
                }
                if let scalar = s.unicodeScalars.first, scalar.properties.isAlphabetic {
                    if current.isEmpty { start = offset }
                    current.append(contentsOf: Array(s.lowercased().utf8))
                } else {
                    flush(offset)
                }
                offset += bytes.count
                continue
            default:
                flush(offset)
            }
            offset += 1
        }
        flush(offset)
        return out
    }

    /// Synonym-group matches in `text`: the group token and the byte range of the whole phrase.
    static func synonyms(in text: String) -> [(token: String, range: Range<Int>)] {
        synonyms(in: words(in: text))
    }

    static func synonyms(in words: [ScannedWord]) -> [(token: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        let lower = words.map(\.word)
        var i = 0
        while i < lower.count {
            let end = min(lower.count, i + Synonyms.longestForm)
            if let m = Synonyms.match(lower[i..<end]) {
                out.append((m.token, words[i].range.lowerBound..<words[i + m.length - 1].range.upperBound))
                i += m.length
            } else {
                i += 1
            }
        }
        return out
    }
}
