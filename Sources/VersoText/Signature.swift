/// What can change Verso's output, recorded with every output (after sacrebleu's signatures).
///
/// Entries keep their insertion order; `description` renders them as `key:value|key:value`.
public struct Signature: Sendable, Equatable, CustomStringConvertible {
    /// Verso's own version.
    public static let versoVersion = "0.1.0"

    public private(set) var entries: [(key: String, value: String)] = []

    public init() {
        set("verso", Signature.versoVersion)
        set("icu", ICUInfo.version)
        set("unicode", ICUInfo.unicodeVersion)
    }

    /// Sets `key` (replacing an earlier value, keeping its place).
    public mutating func set(_ key: String, _ value: String) {
        if let i = entries.firstIndex(where: { $0.key == key }) { entries[i].value = value } else { entries.append((key, value)) }
    }

    public subscript(key: String) -> String? { entries.first { $0.key == key }?.value }

    public var description: String { entries.map { "\($0.key):\($0.value)" }.joined(separator: "|") }

    public static func == (a: Signature, b: Signature) -> Bool { a.description == b.description }
}
