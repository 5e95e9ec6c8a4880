/// The line a researcher pastes into advice or a submission to cite a notice or one of its paragraphs:
/// "Chief Constable of Kent Police, ICO decision notice FS50471234, 14 May 2013, para 24".
enum CitationLine {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// Authority, reference (the id when the notice has none) and date, each left out when unknown.
    static func notice(authority: String?, reference: String?, id: String, date: String?) -> String {
        var parts: [String] = []
        if let authority, !authority.isEmpty { parts.append(authority) }
        parts.append("ICO decision notice " + (reference ?? id))
        if let date, let long = longDate(date) { parts.append(long) }
        return parts.joined(separator: ", ")
    }

    static func paragraph(_ notice: String, number: Int) -> String { notice + ", para \(number)" }

    /// `2013-05-14` → `14 May 2013`; nil for anything else.
    static func longDate(_ iso: String) -> String? {
        let p = iso.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return "\(d) \(months[m - 1]) \(y)"
    }
}
