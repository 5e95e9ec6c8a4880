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
        let h = (headings.first ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        if h.hasPrefix("decision") || h.hasPrefix("summary") || h.hasPrefix("the decision") || h.hasPrefix("steps required") {
            self = .decision
        } else if h.hasPrefix("other matter") {
            self = .otherMatters
        } else if h.hasPrefix("right of appeal") || h.hasPrefix("right to appeal") {
            self = .rightOfAppeal
        } else {
            self = .body
        }
    }
}

/// One paragraph's text as the cue-based stages read it: lowercased bytes with quoted passages blanked
/// (quoted correspondence and quoted law say what others argued, not what the Commissioner decided).
struct CueText {
    let low: [UInt8]
    let quotes: [Range<Int>]
    let sentences: [Range<Int>]

    init(_ text: String) {
        var low = TextBytes.lowered(text)
        quotes = TextBytes.quoteRanges(low).filter { $0.count > 40 }  // `(the "MPS")` is a label, not a quote
        sentences = TextBytes.sentences(low)
        for r in quotes { for i in r { low[i] = 0x20 } }
        self.low = low
    }

    func isQuoted(_ r: Range<Int>) -> Bool { quotes.contains { $0.contains(r.lowerBound) } }

    func sentence(containing i: Int) -> Range<Int> {
        sentences.first { $0.contains(i) } ?? 0..<low.count
    }

    /// The clause around `i`: the sentence cut at `;`, `but`, `however`, `whereas`, `because`, `as`, `since`.
    func clause(containing i: Int) -> Range<Int> {
        let s = sentence(containing: i)
        var lo = s.lowerBound, hi = s.upperBound
        for cut in CueText.clauseCuts {
            for k in TextBytes.occurrences(of: cut, in: low, range: s) {
                if k + cut.count <= i { lo = max(lo, k + cut.count) } else if k >= i { hi = min(hi, k) }
            }
        }
        return lo..<hi
    }

    func contains(any cues: [[UInt8]], in r: Range<Int>) -> Bool {
        cues.contains { TextBytes.contains(low, $0, in: r) }
    }

    func firstCue(_ cues: [[UInt8]], in r: Range<Int>) -> Int? {
        cues.compactMap { TextBytes.firstIndex(of: $0, in: low, range: r) }.min()
    }

    static let clauseCuts: [[UInt8]] = ["; ", " but ", " however", " whereas ", " because ", ", as ", " since "].map { Array($0.utf8) }
}

extension Array where Element == [UInt8] {
    init(cues: [String]) { self = cues.map { [UInt8]($0.utf8) } }
}
