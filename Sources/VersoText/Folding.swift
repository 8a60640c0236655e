/// The comparison form of text: what Verso matches on, never what it outputs.
///
/// NFKC case-folded, accents removed (NFKD, combining marks dropped), ligatures and ß expanded,
/// every quote and apostrophe turned into `'` or `"`, every dash into `-`, every space
/// (no-break, narrow no-break, thin…) into a plain space. Each output scalar can be mapped
/// back to the input scalar it came from.
public enum Folding {
    /// Folds one scalar; the result may be empty (a combining mark) or several scalars.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Substring.UnicodeScalarView {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return String(Unicode.Scalar(v + 32)!).unicodeScalars[...] }
            return String(scalar).unicodeScalars[...]
        }
        if v < UInt32(table.count) { return table[Int(v)].unicodeScalars[...] }
        return computeFold(scalar).unicodeScalars[...]
    }

    /// The comparison form of `text`.
    /// - Complexity: O(n).
    public static func fold(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let v = scalar.value
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
            } else {
                out.append(contentsOf: fold(scalar))
            }
        }
        return String(out)
    }

    /// The comparison form of `text` with, for each output scalar, the index of the input scalar
    /// it came from (the map back to original offsets).
    /// - Complexity: O(n).
    public static func foldWithMap(_ text: some StringProtocol) -> (folded: String, map: [Int]) {
        var out = String.UnicodeScalarView()
        var map: [Int] = []
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let f = fold(scalar)
            out.append(contentsOf: f)
            map.append(contentsOf: repeatElement(index, count: f.count))
        }
        return (String(out), map)
    }

    /// Folds for scalars below U+3000, computed once.
    private static let table: [String] = (0..<0x3000).map { v -> String in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return "" }
        return computeFold(scalar)
    }

    private static func computeFold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x00B4, 0x0060: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x2039, 0x203A: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x00AD:
            return scalar.value == 0x00AD ? "" : "-"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return ""
        default: break
        }
        if scalar.properties.isWhitespace { return " " }
        let folded = Normalization.nfkcCasefold.apply(String(scalar))
        let decomposed = Normalization.nfkd.apply(folded)
        var out = String.UnicodeScalarView()
        for s in decomposed.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            switch s.value {
            case 0x0153: out.append(contentsOf: "oe".unicodeScalars)
            case 0x00E6: out.append(contentsOf: "ae".unicodeScalars)
            case 0x00F8: out.append("o")
            case 0x0142: out.append("l")
            case 0x0111: out.append("d")
            case 0x0131: out.append("i")
            default: out.append(s)
            }
        }
        return String(out)
    }
}
