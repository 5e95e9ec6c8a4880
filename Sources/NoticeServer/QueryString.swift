import Foundation

/// A request's query string, decoded the way browsers encode forms (`+` is a space, `%XX` are UTF-8
/// bytes). Hummingbird's own decoding keeps malformed escapes as they are; a search box must instead say
/// what is wrong, so decoding is strict here and every failure is a 400 naming the parameter.
struct QueryString: Sendable {
    /// Parameters in the order given; a name may repeat (`provision=31(3)&provision=40(2)`).
    private(set) var pairs: [(name: String, value: String)] = []

    /// Whole query strings above this are refused (a search needs a few hundred bytes).
    static let maxLength = 8_192
    /// One value above this is refused (the longest sensible query is far shorter).
    static let maxValueLength = 1_000
    /// More repeats of one parameter than this are refused.
    static let maxRepeats = 20

    init(_ raw: String?) throws {
        guard let raw, !raw.isEmpty else { return }
        guard raw.utf8.count <= Self.maxLength else {
            throw ServerError.badRequest("the query string is too long (at most \(Self.maxLength) bytes)")
        }
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(kv[0], what: "a parameter name")
            let value = kv.count > 1 ? try Self.decode(kv[1], what: "parameter '\(name)'") : ""
            guard value.count <= Self.maxValueLength else {
                throw ServerError.badRequest("parameter '\(name)' is too long (at most \(Self.maxValueLength) characters)")
            }
            pairs.append((name, value))
        }
        var counts: [String: Int] = [:]
        for (name, _) in pairs {
            counts[name, default: 0] += 1
            if counts[name]! > Self.maxRepeats {
                throw ServerError.badRequest("parameter '\(name)' is given more than \(Self.maxRepeats) times")
            }
        }
    }

    /// `qs` without the parameters named in `dropping`.
    init(filtered qs: QueryString, dropping: Set<String>) {
        pairs = qs.pairs.filter { !dropping.contains($0.name) }
    }

    /// Decodes one form-encoded component; malformed escapes and invalid UTF-8 are refused.
    static func decode(_ s: Substring, what: String) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard it.count >= 2, let hi = hex(it.popFirst()!), let lo = hex(it.popFirst()!) else {
                    throw ServerError.badRequest("\(what) has a malformed %-escape")
                }
                bytes.append(hi << 4 | lo)
            default: bytes.append(b)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ServerError.badRequest("\(what) is not valid UTF-8")
        }
        return text
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The single value of `name`; given twice is an error (which one would be meant?).
    func single(_ name: String) throws -> String? {
        let values = all(name)
        guard values.count <= 1 else { throw ServerError.badRequest("parameter '\(name)' is given more than once") }
        return values.first
    }

    /// Every non-empty value of `name`, in order (empty form fields mean "not given").
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    var names: Set<String> { Set(pairs.map(\.name)) }

    /// Percent-encodes `s` for a query string value or a path segment (RFC 3986 unreserved bytes kept).
    static func encode(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(b))
            default:
                out += String(format: "%%%02X", b)
            }
        }
        return out
    }

    /// `a=1&b=2` from pairs, each encoded.
    static func build(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
