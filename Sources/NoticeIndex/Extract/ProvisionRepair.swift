/// Repairs numbers that cannot be what they say, using the rest of the notice.
///
/// PDF text loses digits: the seed notice's para 52 reads "citing sections 24(2), 31(3) and 3(3) of FOIA"
/// where every other list of the notice has 43(3). FOIA s3 has only two subsections, so `3(3)` is flagged
/// implausible by the scanner. Here, an implausible item whose list also holds an exemption (ss21–44) is
/// replaced by a plausible provision cited elsewhere in the notice that has the same subsections and whose
/// section number ends with the written digits and is one digit longer (`43(3)` for `3(3)`); the most cited
/// such provision wins. With no such candidate the item is dropped, never kept as written.
enum ProvisionRepair {
    static func repair(_ raw: [(paragraph: Int, item: RawProvision)]) -> [(paragraph: Int, item: RawProvision)] {
        guard raw.contains(where: { !$0.item.plausible }) else { return raw }
        var counts: [Provision: Int] = [:]
        for r in raw where r.item.plausible { counts[r.item.provision, default: 0] += 1 }
        var out: [(paragraph: Int, item: RawProvision)] = []
        for r in raw {
            guard !r.item.plausible else { out.append(r); continue }
            let siblings = raw.filter { $0.paragraph == r.paragraph && $0.item.list == r.item.list && $0.item.plausible }
            let inExemptionList = siblings.contains { s in s.item.law == .foia && (Int(s.item.parts[0]).map { (21...44).contains($0) } ?? false) }
            guard inExemptionList else { continue }
            let written = r.item.parts
            let candidates = counts.keys.filter { q in
                q.law == r.item.law && q.parts.count == written.count && Array(q.parts.dropFirst()) == Array(written.dropFirst())
                    && q.parts[0].count == written[0].count + 1 && q.parts[0].hasSuffix(written[0])
            }
            guard let best = candidates.max(by: { (counts[$0]!, $1.canonical) < (counts[$1]!, $0.canonical) }) else { continue }
            var fixed = r.item
            fixed.parts = best.parts
            fixed.plausible = true
            out.append((r.paragraph, fixed))
        }
        return out
    }
}
