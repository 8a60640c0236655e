/// The character encoding of an XML document, found as the XML specification's appendix F says:
/// a byte-order mark, else the byte pattern of `<?xml` in the first four bytes (UTF-32, UTF-16,
/// EBCDIC or an ASCII-compatible encoding), then the declaration's `encoding` in that family.
///
/// `SafeXML` decodes everything that is not UTF-8 itself (strictly, with ICU) and hands libxml2
/// only UTF-8, so libxml2's own converters never run.
public struct XMLEncoding: Sendable, Equatable {
    /// The charset to decode with; nil for UTF-8 (handed to libxml2 as it is, which validates it).
    public var charset: String?
    /// Bytes of byte-order mark at the start, skipped.
    public var byteOrderMarkLength: Int
    /// The `encoding` of the XML declaration, as written; nil when there is none.
    public var declared: String?

    /// Names of UTF-16 and UTF-32 in declarations: a file of those families decodes by its byte
    /// pattern (or mark), whatever exact name it declares.
    private static func isWideName(_ name: String) -> Bool {
        let n = name.uppercased()
        return n.hasPrefix("UTF-16") || n.hasPrefix("UTF-32") || n.hasPrefix("UCS-2") || n.hasPrefix("UCS-4")
            || n.hasPrefix("ISO-10646-UCS") || n == "UNICODE"
    }

    private static func isUTF8Name(_ name: String) -> Bool {
        let n = name.uppercased()
        return n == "UTF-8" || n == "UTF8"
    }

    /// The encoding of the document that starts with `head` (its first few hundred bytes or all
    /// of it; 4 are enough without a declaration).
    ///
    /// - Throws: `VersoError` (`.invalidEncoding`) for UCS-4 in the unusual byte orders 2143 and
    ///   3412, which ICU cannot decode.
    /// - Complexity: O(head.count).
    public static func detect(_ head: [UInt8], file: String? = nil) throws -> XMLEncoding {
        func at(_ i: Int) -> UInt8? { i < head.count ? head[i] : nil }
        let four = (at(0), at(1), at(2), at(3))
        switch four {
        case (0xEF, 0xBB, 0xBF, _):
            return XMLEncoding(charset: nil, byteOrderMarkLength: 3, declared: declaration(head, from: 3, charset: nil))
        case (0x00, 0x00, 0xFE, 0xFF): return wide("UTF-32BE", bom: 4, head)
        case (0xFF, 0xFE, 0x00, 0x00): return wide("UTF-32LE", bom: 4, head)
        case (0x00, 0x00, 0xFF, 0xFE), (0xFE, 0xFF, 0x00, 0x00), (0x00, 0x00, 0x3C, 0x00), (0x00, 0x3C, 0x00, 0x00):
            throw VersoError(.invalidEncoding, "the file is UCS-4 in an unusual byte order (2143 or 3412), which Verso cannot decode",
                             file: file, byteOffset: 0, fix: "convert it to UTF-8 (iconv -f UCS-4 -t UTF-8 after fixing the byte order)")
        case (0xFE, 0xFF, _, _): return wide("UTF-16BE", bom: 2, head)
        case (0xFF, 0xFE, _, _): return wide("UTF-16LE", bom: 2, head)
        case (0x00, 0x00, 0x00, 0x3C): return wide("UTF-32BE", bom: 0, head)
        case (0x3C, 0x00, 0x00, 0x00): return wide("UTF-32LE", bom: 0, head)
        case (0x00, 0x3C, 0x00, _): return wide("UTF-16BE", bom: 0, head)
        case (0x3C, 0x00, _, 0x00): return wide("UTF-16LE", bom: 0, head)
        case (0x4C, 0x6F, 0xA7, 0x94):
            // EBCDIC: the declaration is readable in code page 037; it must name the code page.
            let declared = declaration(head, from: 0, charset: "IBM037")
            return XMLEncoding(charset: declared ?? "IBM037", byteOrderMarkLength: 0, declared: declared)
        default:
            let declared = declaration(head, from: 0, charset: nil)
            // A declared UTF-16 or UTF-32 without its byte pattern is a wrong label: read UTF-8.
            let charset = declared.flatMap { isUTF8Name($0) || isWideName($0) ? nil : $0 }
            return XMLEncoding(charset: charset, byteOrderMarkLength: 0, declared: declared)
        }
    }

    private static func wide(_ charset: String, bom: Int, _ head: [UInt8]) -> XMLEncoding {
        XMLEncoding(charset: charset, byteOrderMarkLength: bom, declared: declaration(head, from: bom, charset: charset))
    }

    /// The `encoding` value of an XML declaration at `from`, read after decoding the head with
    /// `charset` (nil: as ASCII); nil when there is no declaration or no encoding in it.
    private static func declaration(_ head: [UInt8], from start: Int, charset: String?) -> String? {
        let slice = Array(head[min(start, head.count)...].prefix(1024))
        var text: [UInt8]
        if let charset {
            // Decode as much as decodes; the declaration is ASCII in every family.
            let transcoder = try? Transcoder(charset: charset)
            text = []
            if let transcoder {
                _ = try? slice.withUnsafeBufferPointer { (buffer) throws(Transcoder.Failure) in
                    try transcoder.decode(buffer, final: false, into: &text)
                }
            }
        } else {
            text = slice
        }
        guard text.starts(with: Array("<?xml".utf8)), let end = text.firstIndex(of: 0x3E) else { return nil }
        let decl = String(decoding: text[0..<end], as: UTF8.self)
        guard let key = decl.range(of: "encoding") else { return nil }
        var rest = decl[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        guard !value.isEmpty, value.count < 64,
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-:".contains($0)) }) else { return nil }
        return String(value)
    }
}
