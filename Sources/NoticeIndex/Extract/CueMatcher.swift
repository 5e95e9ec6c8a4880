/// The cue lists the role and outcome stages ask about. Each has a bit, so one pass over a paragraph can
/// find the phrases of every list at once (`CueMatcher`).
enum CueKind: Int, CaseIterable {
    case clauseCut, negative, positive, wins, loses, publicInterestReversal, stepsOrdered, noSteps, delay,
         delayFailure, decisionStatement, negator, partial, heldWin, heldLose, narration, anaphor, proceduralBreach,
         complaintUpheld, complaintPartly, complaintNotUpheld, decisionVerb, question, confirmOrDeny, orderVerb, orders,
         generalStatement, beliefNegator, disclaimed, reference, notTheAuthoritysFinding, elsewhere
}

/// A list of lowercase ASCII cue phrases of one kind.
struct CueList: Sendable {
    let kind: CueKind
    let phrases: [[UInt8]]

    init(_ kind: CueKind, _ phrases: [String]) {
        self.kind = kind
        self.phrases = phrases.map { [UInt8]($0.utf8) }
    }
}

/// Finds every occurrence of every cue phrase in a text in one left-to-right pass.
///
/// Asking "does this clause contain any of these 30 phrases?" phrase by phrase rescans the clause 30
/// times, for each of several lists, for every clause and sentence of every paragraph; that was the
/// largest cost of extraction. Instead each paragraph is scanned once. At each position the next eight
/// bytes are read as one word; a bitset of (hashed) first four bytes of the phrases rejects almost every
/// position (a bitset of first two bytes let through one position in five, "th", "in", "re" …), and the
/// few that pass compare the phrases starting with that byte pair, each by one masked comparison of its
/// first eight bytes. `CueText` keeps the hits per kind, and queries become lookups in short sorted lists.
struct CueMatcher: Sendable {
    /// Distinct phrases, grouped by their first two bytes (`pairStart`), with the kinds listing each.
    /// Phrase x is `bytes[offsets[x]..<offsets[x + 1]]`; its first eight bytes (fewer if shorter, padded
    /// with zeros) are also kept as one little-endian word `heads[x]`, with `headMasks[x]` covering its
    /// length.
    private let bytes: [UInt8]
    private let offsets: [Int32]
    private let heads: [UInt64]
    private let headMasks: [UInt64]
    private let kinds: [UInt32]
    /// Bit `quadSlot(first four bytes)` set for every phrase of four bytes or more.
    private let quadBits: [UInt64]
    /// Bit `b0 | b1 << 8` set for every phrase shorter than four bytes (`"; "`).
    private let shortPairBits: [UInt64]
    /// Phrases starting with bytes b0 b1 are phrases `pairStart[k]..<pairStart[k + 1]`, k = `b0 << 8 | b1`.
    private let pairStart: [Int32]

    /// Every list `CueText` answers for; each kind exactly once.
    static let shared = CueMatcher([
        CueText.clauseCuts, ProvisionRoles.negative, ProvisionRoles.positive, DecisionLanguage.wins,
        DecisionLanguage.loses, OutcomeExtractor.publicInterestReversal, OutcomeExtractor.stepsOrdered,
        OutcomeExtractor.noSteps, OutcomeExtractor.delay, OutcomeExtractor.delayFailure,
        OutcomeExtractor.decisionStatement, DecisionLanguage.negators, DecisionLanguage.partial,
        DecisionLanguage.heldWins, DecisionLanguage.heldLoses, DecisionLanguage.narration, DecisionLanguage.anaphora,
        DecisionLanguage.procedural, DecisionLanguage.complaintUpheld, DecisionLanguage.complaintPartly,
        DecisionLanguage.complaintNotUpheld, DecisionLanguage.decisionVerbs,
        DecisionLanguage.questions, DecisionLanguage.confirmOrDeny,
        DecisionLanguage.orderVerbs, DecisionLanguage.orders, DecisionLanguage.generalStatements,
        DecisionLanguage.beliefNegators, ProvisionRoles.disclaimed, ProvisionRoles.reference,
        DecisionLanguage.notTheAuthoritysFinding, DecisionLanguage.elsewhere,
    ])

    init(_ lists: [CueList]) {
        precondition(Set(lists.map(\.kind)) == Set(CueKind.allCases) && lists.count == CueKind.allCases.count,
                     "one list per cue kind")
        var mask: [[UInt8]: UInt32] = [:]
        for l in lists {
            for p in l.phrases {
                precondition(p.count >= 2 && p.allSatisfy { $0 < 0x80 && !Bytes.isUpper($0) }, "cue phrases are lower-case ASCII, 2+ bytes")
                mask[p, default: 0] |= 1 << UInt32(l.kind.rawValue)
            }
        }
        let sorted = mask.keys.sorted { $0.lexicographicallyPrecedes($1) }  // groups by first two bytes
        bytes = sorted.flatMap { $0 }
        offsets = sorted.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
        heads = sorted.map { Self.head($0[...]) }
        headMasks = sorted.map { $0.count >= 8 ? ~0 : (1 << UInt64($0.count * 8)) - 1 }
        kinds = sorted.map { mask[$0]! }
        var quad = [UInt64](repeating: 0, count: 1024), short = [UInt64](repeating: 0, count: 1024)
        var start = [Int32](repeating: 0, count: 65_537)
        for p in sorted {
            if p.count >= 4 {
                let q = Self.quadSlot(UInt32(truncatingIfNeeded: Self.head(p[...])))
                quad[q >> 6] |= 1 << UInt64(q & 63)
            } else {
                let k = Int(p[0]) | Int(p[1]) << 8
                short[k >> 6] |= 1 << UInt64(k & 63)
            }
            start[(Int(p[0]) << 8 | Int(p[1])) + 1] += 1
        }
        for k in 0..<65_536 { start[k + 1] += start[k] }
        quadBits = quad
        shortPairBits = short
        pairStart = start
    }

    /// Up to the first eight bytes of `b` as a little-endian word, zero-padded.
    @inline(__always) private static func head<C: Collection>(_ b: C) -> UInt64 where C.Element == UInt8 {
        var w: UInt64 = 0
        for (k, c) in b.prefix(8).enumerated() { w |= UInt64(c) << UInt64(k * 8) }
        return w
    }

    /// A 16-bit slot for four bytes (multiplicative hashing).
    @inline(__always) private static func quadSlot(_ w: UInt32) -> Int { Int((w &* 0x9E37_79B1) >> 16) }

    /// For each kind (by raw value), the ranges of its phrases' occurrences in `text`, in order of start.
    func hits(in text: [UInt8]) -> [[Range<Int>]] {
        var out = [[Range<Int>]](repeating: [], count: CueKind.allCases.count)
        text.withUnsafeBufferPointer { b in
            bytes.withUnsafeBufferPointer { bytes in
            offsets.withUnsafeBufferPointer { offsets in
            heads.withUnsafeBufferPointer { heads in
            headMasks.withUnsafeBufferPointer { headMasks in
            quadBits.withUnsafeBufferPointer { quadBits in
            shortPairBits.withUnsafeBufferPointer { shortBits in
            pairStart.withUnsafeBufferPointer { start in
                let n = b.count
                var i = 0
                while i + 1 < n {
                    let window = i + 8 <= n
                        ? UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self).littleEndian
                        : Self.head(b[i...])
                    let q = Self.quadSlot(UInt32(truncatingIfNeeded: window)), pair = Int(window & 0xFFFF)
                    guard quadBits[q >> 6] & (1 << UInt64(q & 63)) != 0 || shortBits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else {
                        i += 1
                        continue
                    }
                    let k = Int(b[i]) << 8 | Int(b[i + 1])
                    for x in Int(start[k])..<Int(start[k + 1]) {
                        let lo = Int(offsets[x]), count = Int(offsets[x + 1]) - lo
                        guard i + count <= n, window & headMasks[x] == heads[x] else { continue }
                        var j = 8
                        while j < count && b[i + j] == bytes[lo + j] { j += 1 }
                        guard j >= count else { continue }
                        var m = kinds[x]
                        while m != 0 {
                            let kind = m.trailingZeroBitCount
                            out[kind].append(i..<(i + count))
                            m &= m - 1
                        }
                    }
                    i += 1
                }
            }
            }
            }
            }
            }
            }
            }
        }
        return out
    }
}
