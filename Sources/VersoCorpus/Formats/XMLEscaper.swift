import VersoText

/// Escapes text for XML 1.0 element content and attribute values, applying an
/// `InvalidCharacterPolicy` to the characters XML cannot carry.
///
/// Content: `&`, `<`, `>` become entities and CR becomes `&#13;` (a parser would otherwise turn
/// it into LF). Attributes additionally escape `"`, `'`, TAB and LF (which attribute-value
/// normalisation would turn into spaces). Everything else — quotes in content, U+00A0, U+202F,
/// characters outside the BMP — is written as is, in UTF-8.
struct XMLEscaper {
    let policy: InvalidCharacterPolicy
    /// How many characters were replaced by U+FFFD (or by `<cp>` elements).
    private(set) var replaced = 0
    /// 1-based number of the unit being written, for error messages.
    var unitNumber = 0

    init(policy: InvalidCharacterPolicy) { self.policy = policy }

    /// True for the characters XML 1.0 allows (`Char` production; Swift strings hold no surrogates).
    static func isAllowed(_ v: UInt32) -> Bool {
        v >= 0x20 ? (v != 0xFFFE && v != 0xFFFF) : (v == 0x9 || v == 0xA || v == 0xD)
    }

    /// `s` escaped for element content. With `codePoints`, characters XML cannot carry are written
    /// as XLIFF 2.0 `<cp hex="…"/>` elements (only valid inside XLIFF `<source>`/`<target>`).
    mutating func content(_ s: String, codePoints: Bool = false) throws -> String {
        try escape(s, attribute: false, codePoints: codePoints)
    }

    /// `s` escaped for a double-quoted attribute value.
    mutating func attribute(_ s: String) throws -> String {
        try escape(s, attribute: true, codePoints: false)
    }

    private static func needsWork(_ s: String, attribute: Bool) -> Bool {
        s.utf8.contains { b in
            b < 0x20 ? (attribute || (b != 0x9 && b != 0xA)) :
                (b == 0x26 || b == 0x3C || b == 0x3E || b == 0xEF || (attribute && (b == 0x22 || b == 0x27)))
        }
    }

    private mutating func escape(_ s: String, attribute: Bool, codePoints: Bool) throws -> String {
        guard Self.needsWork(s, attribute: attribute) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 16)
        // Byte by byte: every character to escape is ASCII, and U+FFFE/U+FFFF are EF BF BE/BF.
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            case 0x22 where attribute: out += Array("&quot;".utf8)
            case 0x27 where attribute: out += Array("&apos;".utf8)
            case 0x09 where attribute: out += Array("&#9;".utf8)
            case 0x0A where attribute: out += Array("&#10;".utf8)
            case 0x09, 0x0A: out.append(b)
            case ..<0x20: out += try invalid(Unicode.Scalar(b), codePoints: codePoints).utf8
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                out += try invalid(Unicode.Scalar(0xFF00 | UInt32(bytes[i + 2]))!, codePoints: codePoints).utf8
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func invalid(_ scalar: Unicode.Scalar, codePoints: Bool) throws -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch policy {
        case .refuse:
            throw VersoError(.badData, "unit \(unitNumber) contains U+\(padded), a character XML 1.0 cannot carry",
                             fix: "remove the character from the text, or export with control characters replaced by U+FFFD")
        case .replace:
            replaced += 1
            return codePoints ? "<cp hex=\"\(padded)\"/>" : "\u{FFFD}"
        }
    }
}
