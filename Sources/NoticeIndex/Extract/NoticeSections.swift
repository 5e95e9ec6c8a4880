import Foundation

/// Where a paragraph sits in a notice, from its outermost heading, and the per-paragraph text views the
/// role and outcome stages share.
enum NoticeSection: Equatable {
    /// `Decision (including any steps ordered)`, `Decision`, `Summary`, `The Decision`, `Steps required`.
    case decision
    /// `Other matters`: things the notice records but does not decide.
    case otherMatters
    /// `Right of appeal`, `Right of Appeal`.
    case rightOfAppeal
    case body

    init(headings: [String]) {
        var h = headings.first ?? ""
        self = h.withUTF8(NoticeSection.classifyASCII) ?? NoticeSection.classifyUnicode(h)
    }

    /// The prefixes, lower case; the first that matches wins.
    private static let prefixes: [(bytes: [UInt8], section: NoticeSection)] = {
        let table: [(String, NoticeSection)] = [
            ("decision", .decision), ("summary", .decision), ("the decision", .decision), ("steps required", .decision),
            ("other matter", .otherMatters), ("right of appeal", .rightOfAppeal), ("right to appeal", .rightOfAppeal),
        ]
        return table.map { (Array($0.0.utf8), $0.1) }
    }()
    /// This runs for every paragraph (and for every heading path the FTS columns classify, where ` › `
    /// follows the first heading), so headings are matched on their bytes; nil when a non-ASCII byte could
    /// change the answer, which `classifyUnicode` then decides (Unicode lowercasing and whitespace), so the
    /// answer is always the same as the Unicode one. A prefix is ruled out by an ASCII byte that differs
    /// from it while every byte before is ASCII (such a `Character` cannot lowercase to the prefix's letter,
    /// a combining mark after it notwithstanding); it matches when its bytes are equal and the byte after
    /// it is ASCII or absent (a combining mark there would change its last `Character`).
    static func classifyASCII(_ b: UnsafeBufferPointer<UInt8>) -> NoticeSection? {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        prefixes: for (p, section) in prefixes {
            for k in 0..<p.count {
                guard i + k < b.count else { continue prefixes }
                let c = b[i + k]
                if c >= 0x80 { return nil }
                if Bytes.lower(c) != p[k] { continue prefixes }
            }
            if i + p.count < b.count, b[i + p.count] >= 0x80 { return nil }
            return section
        }
        return .body
    }

    static func classifyUnicode(_ heading: String) -> NoticeSection {
        let h = heading.lowercased().trimmingCharacters(in: .whitespaces)
        if h.hasPrefix("decision") || h.hasPrefix("summary") || h.hasPrefix("the decision") || h.hasPrefix("steps required") {
            return .decision
        } else if h.hasPrefix("other matter") {
            return .otherMatters
        } else if h.hasPrefix("right of appeal") || h.hasPrefix("right to appeal") {
            return .rightOfAppeal
        } else {
            return .body
        }
    }
}

/// One paragraph's text as the cue-based stages read it: lowercased bytes with quoted passages blanked
/// (quoted correspondence and quoted law say what others argued, not what the Commissioner decided).
/// Built once per paragraph and shared by the role and outcome stages; every cue list is found in one pass
/// (`CueMatcher`), so the questions below are lookups in short sorted hit lists.
struct CueText {
    let low: [UInt8]
    let quotes: [Range<Int>]
    let sentences: [Range<Int>]
    /// Per `CueKind` (by raw value), the occurrences of its phrases in `low`, in order of start.
    private let hits: [[Range<Int>]]

    init(_ text: String) {
        var low = Bytes.lowered(text)
        quotes = Bytes.quoteRanges(low).filter { $0.count > 40 }  // `(the "MPS")` is a label, not a quote
        sentences = Bytes.sentences(Array(text.utf8))  // as written: "data).The" ends a sentence
        for r in quotes { for i in r { low[i] = 0x20 } }
        self.low = low
        hits = CueMatcher.shared.hits(in: low)
    }

    func isQuoted(_ r: Range<Int>) -> Bool { quotes.contains { $0.contains(r.lowerBound) } }

    func sentence(containing i: Int) -> Range<Int> {
        sentences.first { $0.contains(i) } ?? 0..<low.count
    }

    /// The clause around `i`: the sentence cut at `;`, `but`, `however`, `whereas`, `because`, `as`, `since`.
    func clause(containing i: Int) -> Range<Int> {
        let s = sentence(containing: i)
        var lo = s.lowerBound, hi = s.upperBound
        for k in occurrences(of: CueText.clauseCuts, in: s) {
            if k.upperBound <= i { lo = max(lo, k.upperBound) } else if k.lowerBound >= i { hi = min(hi, k.lowerBound) }
        }
        return lo..<hi
    }

    /// Whether a phrase of `cues` lies wholly inside `r`.
    func contains(any cues: CueList, in r: Range<Int>) -> Bool {
        let h = hits[cues.kind.rawValue]
        var i = firstHit(h, from: r.lowerBound)
        while i < h.count, h[i].lowerBound <= r.upperBound {
            if h[i].upperBound <= r.upperBound { return true }
            i += 1
        }
        return false
    }

    /// The occurrences of phrases of `cues` that lie wholly inside `r`, in order of start.
    func occurrences(of cues: CueList, in r: Range<Int>) -> [Range<Int>] {
        let h = hits[cues.kind.rawValue]
        let a = firstHit(h, from: r.lowerBound)
        var b = a
        while b < h.count, h[b].lowerBound < r.upperBound { b += 1 }
        return h[a..<b].filter { $0.upperBound <= r.upperBound }
    }

    /// Index of the first hit starting at or after `lo` (binary search).
    private func firstHit(_ h: [Range<Int>], from lo: Int) -> Int {
        var a = 0, b = h.count
        while a < b { let m = (a + b) / 2; if h[m].lowerBound < lo { a = m + 1 } else { b = m } }
        return a
    }

    static let clauseCuts = CueList(.clauseCut, ["; ", " but ", " however", " whereas ", " because ", ", as ", " since "])
}
