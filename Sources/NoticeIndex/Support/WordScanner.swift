/// Finds synonym-group phrases ("neither confirm nor deny", "NCND", "LPP") in text, with byte ranges.
///
/// It splits text into words the way the index's unicode61 tokenizer roughly does (letters and digits;
/// apostrophes inside words dropped, so "Commissioner's" is "commissioners"), without making a String per
/// word: each word is a 64-bit hash of its lower-cased bytes plus its range, and the synonym forms are
/// hashed the same way. This runs over every paragraph at index time.
enum WordScanner {
    struct Word {
        var hash: UInt64
        var range: Range<Int>
    }

    /// FNV-1a, extended one byte at a time as a word is read.
    @inline(__always) static func mix(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    static func hash(_ word: String) -> UInt64 {
        var h = seed
        for b in word.utf8 { h = mix(h, b) }
        return h
    }

    /// Words of `text`: ASCII letters and digits are folded to lower case; non-ASCII letters (é, ü) are
    /// kept as they are; everything else, including ’ and –, separates words.
    static func words(in text: String) -> [Word] {
        var out: [Word] = []
        var text = text
        text.withUTF8 { b in
            var i = 0
            let n = b.count
            var h = seed
            var start = -1
            @inline(__always) func flush(_ end: Int) {
                if start >= 0 { out.append(Word(hash: h, range: start..<end)); start = -1; h = seed }
            }
            while i < n {
                let c = b[i]
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if start < 0 { start = i }
                    h = mix(h, c)
                    i += 1
                } else if c >= 0x41 && c <= 0x5A {
                    if start < 0 { start = i }
                    h = mix(h, c | 0x20)
                    i += 1
                } else if c == 0x27 {
                    i += 1 // apostrophe inside a word: dropped, as in `Synonyms.wordsOf`
                } else if c >= 0xC3 && c <= 0xC9, i + 1 < n {
                    // Latin-1 and Latin Extended-A letters (é, ü, ł): part of the word.
                    if start < 0 { start = i }
                    h = mix(mix(h, c), b[i + 1])
                    i += 2
                } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                    i += 3 // ’ inside a word, like '
                } else {
                    flush(i)
                    i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                }
            }
            flush(min(i, n))
        }
        return out
    }

    /// Synonym forms by the hash of their first word, longest first.
    private static let forms: [UInt64: [(words: [UInt64], token: String)]] = Dictionary(
        grouping: Synonyms.formWords.map { (words: $0.words.map(hash), token: $0.token) }, by: { $0.words[0] })

    /// One bit per value of a first word's hash's low 12 bits: most words of a paragraph start no
    /// synonym form, and this answers so without a dictionary lookup (which hashes the hash again).
    private static let firstWordBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 64)
        for h in forms.keys { bits[Int(h & 0xFFF) >> 6] |= 1 << (h & 63) }
        return bits
    }()

    /// Synonym-group matches in `text`: the group token and the byte range of the whole phrase.
    static func synonyms(in text: String) -> [(token: String, range: Range<Int>)] {
        let words = words(in: text)
        var out: [(String, Range<Int>)] = []
        let bits = firstWordBits
        var i = 0
        while i < words.count {
            var matched = 0
            let h = words[i].hash
            if bits[Int(h & 0xFFF) >> 6] & (1 << (h & 63)) != 0, let candidates = forms[h] {
                for f in candidates where i + f.words.count <= words.count {
                    var ok = true
                    for k in 1..<f.words.count where words[i + k].hash != f.words[k] { ok = false; break }
                    if ok {
                        out.append((f.token, words[i].range.lowerBound..<words[i + f.words.count - 1].range.upperBound))
                        matched = f.words.count
                        break
                    }
                }
            }
            i += max(1, matched)
        }
        return out
    }
}
