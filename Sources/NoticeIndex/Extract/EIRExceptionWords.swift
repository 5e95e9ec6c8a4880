/// EIR exceptions named only in words. EIR notices often write "the course of justice" for regulation
/// 12(5)(b) without the number. Only applied when the notice is EIR (`ProvisionFinder.scan` checks), since
/// the same words in a FOIA notice ("personal data", "internal communications") are not regulations.
enum EIRExceptionWords {
    /// Phrase (lowercase) → regulation. Phrases are specific enough to stand alone in an EIR notice.
    static let phrases: [(phrase: [UInt8], provision: [String])] = [
        ("manifestly unreasonable", ["12", "4", "b"]),
        ("information not held", ["12", "4", "a"]),
        ("information is not held", ["12", "4", "a"]),
        ("information was not held", ["12", "4", "a"]),
        ("too general a manner", ["12", "4", "c"]),
        ("course of completion", ["12", "4", "d"]),
        ("unfinished documents", ["12", "4", "d"]),
        ("internal communications", ["12", "4", "e"]),
        ("national security or public safety", ["12", "5", "a"]),
        ("course of justice", ["12", "5", "b"]),
        ("intellectual property rights", ["12", "5", "c"]),
        ("confidentiality of the proceedings", ["12", "5", "d"]),
        ("confidentiality of proceedings", ["12", "5", "d"]),
        ("commercial or industrial information", ["12", "5", "e"]),
        ("interests of the person who provided", ["12", "5", "f"]),
        ("protection of the environment to which", ["12", "5", "g"]),
        ("personal data", ["13"]),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Phrase indices by first byte, so one pass over the word starts checks only the phrases that can match.
    private static let byFirstByte: [[Int]] = {
        var t = [[Int]](repeating: [], count: 256)
        for (k, p) in phrases.enumerated() { t[Int(p.phrase[0])].append(k) }
        return t
    }()

    static func find(in text: String) -> [RawProvision] {
        var out: [RawProvision] = []
        var text = text
        let n = text.utf8.count
        text.withUTF8 { b in
            var i = 0
            while i < n {
                let c = Bytes.lower(b[i])
                if Bytes.isLetter(c), i == 0 || !Bytes.isAlnum(b[i - 1]) {
                    for k in byFirstByte[Int(c)] {
                        let phrase = phrases[k].phrase
                        guard i + phrase.count <= n, i + phrase.count == n || !Bytes.isAlnum(b[i + phrase.count]) else { continue }
                        var ok = true
                        for j in 1..<phrase.count where Bytes.lower(b[i + j]) != phrase[j] { ok = false; break }
                        if ok {
                            out.append(RawProvision(law: .eir, parts: phrases[k].provision, range: i..<(i + phrase.count), list: -1, fromWords: true))
                        }
                    }
                    while i < n, Bytes.isLetter(b[i]) { i += 1 }
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// How far (bytes) after a regulation cited by number its exception's name may follow and still just
    /// name it: a dash and a short title ("regulation 12(4)(b) – manifestly unreasonable"), not a new mention.
    static let explainedWithin = 100

    /// Adds word matches to the numeric ones, dropping a word match that just names a regulation cited by
    /// number shortly before ("regulation 12(4)(b) – manifestly unreasonable"). Sorted by position.
    static func merge(_ words: [RawProvision], into numeric: [RawProvision]) -> [RawProvision] {
        guard !words.isEmpty else { return numeric }
        var all = numeric
        for w in words {
            let explained = numeric.contains { n in
                n.law == .eir && n.parts.starts(with: w.parts) &&
                    n.range.upperBound <= w.range.lowerBound && w.range.lowerBound - n.range.upperBound < explainedWithin
            }
            if !explained { all.append(w) }
        }
        return all.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
