/// Finds synonym-group phrases ("neither confirm nor deny", "NCND", "LPP") in text, with byte ranges.
///
/// It splits text into words the way the index's unicode61 tokenizer roughly does (letters and digits;
/// apostrophes inside words dropped, so "Commissioner's" is "commissioners"), without making a String per
/// word: each word is a 64-bit hash of its lower-cased bytes plus its range, and the synonym forms are
/// hashed the same way; a hash hit is confirmed on the bytes (`spells`). This runs over every paragraph at index time, so words are read one at a time
/// (`Cursor`) rather than collected into an array first, and the hash takes its bytes eight at a time.
enum WordScanner {
    struct Word {
        var hash: UInt64
        var range: Range<Int>
    }

    /// Hash state for one word: bytes are packed into `chunk` (first byte lowest) and every full chunk is
    /// folded into `h` with one multiply, instead of one dependent multiply per byte as in FNV-1a. Word
    /// bytes are never zero, so zero padding cannot make two words alike; a word of at most eight bytes
    /// even hashes injectively (xor, odd multiply and xorshift are bijections).
    struct Hasher {
        private var h: UInt64 = 0xcbf2_9ce4_8422_2325
        private var chunk: UInt64 = 0
        private var shift: UInt64 = 0

        @inline(__always) private static func fold(_ h: UInt64, _ x: UInt64) -> UInt64 {
            let m = (h ^ x) &* 0x9E37_79B9_7F4A_7C15
            return m ^ (m >> 32)
        }

        @inline(__always) mutating func add(_ b: UInt8) {
            chunk |= UInt64(b) &<< shift  // shift < 64 here: no overshift handling needed
            shift += 8
            if shift == 64 { h = Self.fold(h, chunk); chunk = 0; shift = 0 }
        }

        @inline(__always) var value: UInt64 { Self.fold(h, chunk) }
    }

    static func hash(_ word: String) -> UInt64 {
        var h = Hasher()
        for b in word.utf8 { h.add(b) }
        return h.value
    }

    /// Reads the words of UTF-8 text one at a time: ASCII letters and digits are folded to lower case;
    /// non-ASCII letters (é, ü) are kept as they are; everything else, including ’ and –, separates words.
    /// A copy of a cursor reads ahead without moving the original; a cursor can resume at a word's end.
    struct Cursor {
        let b: UnsafeBufferPointer<UInt8>
        var i: Int

        init(_ b: UnsafeBufferPointer<UInt8>, at i: Int = 0) { self.b = b; self.i = i }

        mutating func next() -> Word? {
            let n = b.count
            var h = Hasher()
            var start = -1
            var i = self.i  // a local, so the byte loop keeps it in a register
            defer { self.i = i }
            while i < n {
                let c = b[i]
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if start < 0 { start = i }
                    h.add(c)
                    i += 1
                } else if c >= 0x41 && c <= 0x5A {
                    if start < 0 { start = i }
                    h.add(c | 0x20)
                    i += 1
                } else if c == 0x27 {
                    i += 1 // apostrophe inside a word: dropped, as in `Synonyms.wordsOf`
                } else if c >= 0xC3 && c <= 0xC9, i + 1 < n {
                    // Latin-1 and Latin Extended-A letters (é, ü, ł): part of the word.
                    if start < 0 { start = i }
                    h.add(c)
                    h.add(b[i + 1])
                    i += 2
                } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                    i += 3 // ’ inside a word, like '
                } else {
                    // The word ends here; this separator is stepped over on the next call, so a cursor
                    // resumed at the word's end reads on exactly as this one does.
                    if start >= 0 { return Word(hash: h.value, range: start..<i) }
                    i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                }
            }
            return start >= 0 ? Word(hash: h.value, range: start..<min(i, n)) : nil
        }
    }

    /// Words of `text` (see `Cursor`).
    static func words(in text: String) -> [Word] {
        var out: [Word] = []
        var text = text
        text.withUTF8 { b in
            var cursor = Cursor(b)
            while let w = cursor.next() { out.append(w) }
        }
        return out
    }

    /// One synonym form: each word's hash (compared first) and bytes (compared on a hash hit).
    private struct Form {
        var words: [UInt64]
        var spellings: [[UInt8]]
        var token: String
    }

    /// Synonym forms by the hash of their first word, longest first.
    private static let forms: [UInt64: [Form]] = Dictionary(
        grouping: Synonyms.formWords.map {
            Form(words: $0.words.map(hash), spellings: $0.words.map { Array($0.utf8) }, token: $0.token)
        }, by: { $0.words[0] })

    /// Whether the word at `range` of `b` reads as `spelling` under `Cursor`'s rules (ASCII folded to lower
    /// case, ' and ’ dropped). A hash only says two words may be alike: words over eight bytes can collide,
    /// so a hash hit is confirmed here before a word counts as part of a synonym form.
    static func spells(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ spelling: [UInt8]) -> Bool {
        var i = range.lowerBound, k = 0
        while i < range.upperBound {
            var c = b[i]
            if c == 0x27 { i += 1; continue }
            if c == 0xE2 { i += 3; continue }  // ’: the only three-byte sequence a word holds
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            guard k < spelling.count, spelling[k] == c else { return false }
            i += 1; k += 1
        }
        return k == spelling.count
    }

    /// One bit per value of a first word's hash's low 12 bits: most words of a paragraph start no
    /// synonym form, and this answers so without a dictionary lookup (which hashes the hash again).
    private static let firstWordBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 64)
        for h in forms.keys { bits[Int(h & 0xFFF) >> 6] |= 1 << (h & 63) }
        return bits
    }()

    /// Synonym-group matches in `text`: the group token and the byte range of the whole phrase. At each
    /// word the longest form starting there wins, and the scan goes on after it.
    static func synonyms(in text: String) -> [(token: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        let bits = firstWordBits
        var text = text
        text.withUTF8 { b in
            var cursor = Cursor(b)
            var following: [Word] = []   // words read ahead of a candidate first word
            var ahead = cursor
            while let first = cursor.next() {
                let h = first.hash
                guard bits[Int(h & 0xFFF) >> 6] & (1 << (h & 63)) != 0, let candidates = forms[h] else { continue }
                following.removeAll(keepingCapacity: true)
                ahead = cursor
                for f in candidates {
                    while following.count < f.words.count - 1, let w = ahead.next() { following.append(w) }
                    guard f.words.count - 1 <= following.count else { continue }
                    var ok = true
                    for k in 1..<f.words.count where following[k - 1].hash != f.words[k] { ok = false; break }
                    if ok {
                        ok = spells(b, first.range, f.spellings[0])
                        for k in 1..<f.words.count where ok { ok = spells(b, following[k - 1].range, f.spellings[k]) }
                    }
                    if ok {
                        let last = f.words.count == 1 ? first : following[f.words.count - 2]
                        out.append((f.token, first.range.lowerBound..<last.range.upperBound))
                        cursor = Cursor(b, at: last.range.upperBound)
                        break
                    }
                }
            }
        }
        return out
    }
}
