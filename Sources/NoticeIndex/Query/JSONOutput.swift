import Foundation

/// The one JSON encoding of every machine answer: the CLI's `--json`, `export --format jsonl` and the web
/// server's API bodies all go through here, so a script reading one reads the other byte for byte.
///
/// Compact (one line per value, as JSONL needs), keys sorted (a dictionary's order changes from process to
/// process; sorted keys make the same index give the same bytes), `/` not escaped (file paths and neutral
/// citations stay readable).
public enum JSONOutput {
    /// A fresh encoder with the shared settings (JSONEncoder is not safe to share between threads).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.withoutEscapingSlashes, .prettyPrinted, .sortedKeys] : [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    /// `value` encoded with the shared settings.
    public static func data<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }
}
