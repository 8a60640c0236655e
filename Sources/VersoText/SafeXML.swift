import CXMLShim
import Foundation

/// A start tag, as ``SafeXML`` hands it to an ``XMLContentHandler``.
public struct XMLStartTag: Sendable {
    /// The element's local name (`seg`, `trans-unit`, `p`).
    public var name: String
    /// The namespace prefix as written (`w` in `<w:p>`), or nil.
    public var prefix: String?
    /// The namespace URI, or nil when the element is in no namespace.
    public var namespace: String?
    /// The attributes by qualified name as written (`xml:lang`, `type`, `w:val`); namespace
    /// declarations are not among them. Values have entities and character references decoded.
    public var attributes: [String: String]
    /// 1-based line where the start tag ends.
    public var line: Int
    /// True for the document's root element.
    public var isRoot: Bool

    /// `prefix:name`, or `name`.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}

/// What a format reader does with the events of an XML document read by ``SafeXML``.
///
/// An error thrown from a method stops the parse and is rethrown by `SafeXML.parse`.
public protocol XMLContentHandler: AnyObject {
    /// An element starts (an empty element gives `start` then `end`).
    func start(_ tag: XMLStartTag) throws
    /// An element ends.
    func end(name: String, namespace: String?, line: Int) throws
    /// Character data (text, CDATA sections, whitespace), possibly in several pieces.
    func text(_ text: String) throws
}

/// Verso's XML layer for documents it did not write (TMX, XLIFF, the XML inside DOCX/ODT):
/// libxml2's SAX2 push parser through the C target `CXMLShim`, fed in chunks, so memory does
/// not grow with the file.
///
/// The policy, whatever the document's encoding:
///
/// 1. **Encodings are decoded strictly before parsing.** ``XMLEncoding`` finds the encoding
///    (byte-order mark, byte pattern, declaration); anything but UTF-8 is decoded by ICU
///    (``Transcoder``) and libxml2 gets only UTF-8, its own converters never run. A byte
///    sequence that is not valid in the encoding (a lone UTF-16 surrogate, a code point above
///    U+10FFFF in UCS-4, a bad Shift_JIS or ISO-2022-JP byte) is an error naming the bytes, the
///    byte offset and the line; invalid UTF-8 is libxml2's error, with line, column and offset.
/// 2. **No DOCTYPE with an internal subset** (`<!DOCTYPE tmx [ … ]>`): the parse stops at its
///    `[`, before any declaration in it is read. This refuses entity declarations (entity text
///    that would vanish, XXE reading local files or URLs, parameter entities, "billion laughs")
///    at their root, however the subset is written. A DOCTYPE naming only an external DTD
///    (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, common in real memories) is accepted; the DTD is
///    never opened or fetched.
/// 3. **No entity text is dropped**: a reference to any entity but XML's five (`&amp;` …) and
///    character references (`&#160;`) stops the parse with the entity's name (`&nbsp;`).
/// 4. **Nesting is bounded**: elements nested more than ``maxDepth`` deep are refused (libxml2
///    itself stops at 256).
/// 5. Any other libxml2 error stops the read with libxml2's message, line and column. Warnings
///    (an odd `xml:lang`, a relative namespace URI) and an undefined namespace prefix do not.
///
/// Units delivered before an error stay delivered (the handler saw them); the error is thrown.
public enum SafeXML {
    /// The deepest element nesting accepted (TMX needs 6, XLIFF about 10 plus its groups, a
    /// word-processor body with nested tables a few dozen).
    public static let maxDepth = 200
    /// Bytes read and parsed at a time.
    static let chunkSize = 1 << 18

    /// Parses the file at `path`.
    /// - Throws: `VersoError` for a file that cannot be opened or read, under the policy above,
    ///   or what `handler` throws.
    /// - Complexity: O(file size); memory bounded by one chunk and what the handler keeps.
    public static func parse(file path: String, handler: XMLContentHandler) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw VersoError(.unreadable, "cannot be opened", file: path, fix: "check the path and the file's permissions")
        }
        defer { try? handle.close() }
        try parse(name: path, handler: handler) {
            do { return try handle.read(upToCount: chunkSize) } catch {
                throw VersoError(.io, "read failed: \(error.localizedDescription)", file: path)
            }
        }
    }

    /// Parses a document in memory; `name` is used in error messages.
    /// - Throws: `VersoError` under the policy above, or what `handler` throws.
    /// - Complexity: O(data.count).
    public static func parse(data: Data, name: String, handler: XMLContentHandler) throws {
        var position = data.startIndex
        try parse(name: name, handler: handler) {
            guard position < data.endIndex else { return nil }
            let end = data.index(position, offsetBy: chunkSize, limitedBy: data.endIndex) ?? data.endIndex
            defer { position = end }
            return data[position..<end]
        }
    }

    /// Parses the document whose bytes `next` returns piece by piece (nil or empty at the end).
    /// - Throws: `VersoError` under the policy above, or what `handler` or `next` throw.
    /// - Complexity: O(document size); memory bounded by the largest piece.
    public static func parse(name: String, handler: XMLContentHandler, next: () throws -> Data?) throws {
        guard let reader = verso_xml_reader_open(name, Int32(maxDepth)) else {
            throw VersoError(.internalError, "out of memory opening the XML parser", file: name)
        }
        defer { verso_xml_reader_close(reader) }
        var session = Session(reader: reader, name: name, handler: handler)

        // Enough bytes to find the encoding (the declaration is within the first few hundred).
        var head = Data()
        var ended = false
        while head.count < 1024 && !ended {
            if let piece = try next(), !piece.isEmpty { head.append(piece) } else { ended = true }
        }
        let encoding = try XMLEncoding.detect([UInt8](head.prefix(1024)), file: name)
        session.byteOrderMark = encoding.byteOrderMarkLength
        if let charset = encoding.charset {
            do { session.transcoder = try Transcoder(charset: charset) } catch {
                throw VersoError(.invalidEncoding, "the XML declaration names the encoding \"\(charset)\", which Verso does not know",
                                 file: name, line: 1,
                                 fix: "convert the file to UTF-8 (iconv -f ENCODING -t UTF-8) and declare encoding=\"UTF-8\"")
            }
        }
        var piece: Data? = head.dropFirst(encoding.byteOrderMarkLength)
        while true {
            let chunk = try piece ?? (ended ? nil : next())
            piece = nil
            let final = chunk == nil || chunk?.isEmpty == true
            if final { ended = true }
            try session.feed(chunk ?? Data(), final: final)
            if final { break }
        }
        if !session.sawRoot {
            throw VersoError(.badData, "no XML element found", file: name, fix: "check that the file is an XML document and not empty")
        }
    }
}

/// One parse: the reader, the decoding state, the handler.
private struct Session {
    let reader: OpaquePointer
    let name: String
    let handler: XMLContentHandler
    var transcoder: Transcoder?
    var byteOrderMark = 0
    var sawRoot = false
    /// True once a byte other than white space was fed.
    private var sawContent = false
    /// The elements open at the current point (name and line), at most `SafeXML.maxDepth`.
    private var open: [(name: String, line: Int)] = []
    /// Line breaks in the UTF-8 produced so far (for the line of an encoding error).
    private var lineBreaks = 0
    private var decoded: [UInt8] = []

    init(reader: OpaquePointer, name: String, handler: XMLContentHandler) {
        self.reader = reader
        self.name = name
        self.handler = handler
    }

    /// Decodes (when needed), parses and dispatches one chunk.
    mutating func feed(_ chunk: Data, final: Bool) throws {
        guard let transcoder else {
            try chunk.withUnsafeBytes { try parse($0.bindMemory(to: UInt8.self), final: final) }
            return
        }
        decoded.removeAll(keepingCapacity: true)
        var failure: Transcoder.Failure?
        chunk.withUnsafeBytes { raw in
            do throws(Transcoder.Failure) {
                try transcoder.decode(raw.bindMemory(to: UInt8.self), final: final, into: &decoded)
            } catch { failure = error }
        }
        let produced = decoded
        let breaks = produced.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        // What decoded before a bad byte is parsed first, so the units before it are delivered.
        try produced.withUnsafeBufferPointer { try parse($0, final: final && failure == nil) }
        lineBreaks += breaks
        if let failure { throw encodingError(failure, charset: transcoder.charset) }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) throws {
        if !sawContent { sawContent = bytes.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } }
        var offset = 0
        repeat {
            let length = min(bytes.count - offset, Int(Int32.max))
            let stopped = verso_xml_reader_feed(reader, bytes.baseAddress.map { $0 + offset }, Int32(length), final && offset + length == bytes.count ? 1 : 0)
            offset += length
            try dispatch()
            if stopped != 0 { throw parseError() }
        } while offset < bytes.count
    }

    private mutating func dispatch() throws {
        let count = verso_xml_reader_event_count(reader)
        var event = VersoXMLEvent()
        var attribute = VersoXMLAttribute()
        for index in 0..<count {
            guard verso_xml_reader_event(reader, index, &event) == 0 else { continue }
            switch Int32(event.kind) {
            case Int32(VERSO_XML_START):
                var attributes: [String: String] = [:]
                for a in event.first_attribute..<(event.first_attribute + event.attribute_count) {
                    guard verso_xml_reader_attribute(reader, a, &attribute) == 0 else { continue }
                    let local = string(attribute.local)
                    let key = attribute.prefix.length > 0 ? string(attribute.prefix) + ":" + local : local
                    attributes[key] = string(attribute.value)
                }
                let isRoot = !sawRoot
                sawRoot = true
                let tag = XMLStartTag(name: string(event.local), prefix: optional(event.prefix), namespace: optional(event.uri),
                                      attributes: attributes, line: Int(event.line), isRoot: isRoot)
                open.append((tag.qualifiedName, tag.line))
                try handler.start(tag)
            case Int32(VERSO_XML_END):
                _ = open.popLast()
                try handler.end(name: string(event.local), namespace: optional(event.uri), line: Int(event.line))
            case Int32(VERSO_XML_TEXT):
                try handler.text(string(event.text))
            default:
                continue
            }
        }
    }

    private func string(_ s: VersoXMLString) -> String {
        guard s.length > 0, let bytes = s.bytes else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(s.length)), as: UTF8.self)
    }

    private func optional(_ s: VersoXMLString) -> String? { s.length > 0 ? string(s) : nil }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(2) }.joined(separator: " ")
    }

    private func encodingError(_ failure: Transcoder.Failure, charset: String) -> VersoError {
        let fix = "repair the bytes there, or convert the file to UTF-8 (iconv -f \(charset) -t UTF-8 stops at the same place)"
        switch failure {
        case .invalid(let offset, let bytes):
            var what = "bytes \(Self.hex(bytes)) are not valid \(charset)"
            if charset.uppercased().hasPrefix("UTF-16"), bytes.count >= 2 {
                let unit = charset.uppercased() == "UTF-16BE" ? UInt16(bytes[0]) << 8 | UInt16(bytes[1]) : UInt16(bytes[1]) << 8 | UInt16(bytes[0])
                if (0xD800...0xDFFF).contains(unit) {
                    what = "an unpaired UTF-16 surrogate (\(String(unit, radix: 16, uppercase: true))) is not a character"
                }
            } else if charset.uppercased().hasPrefix("UTF-32"), bytes.count == 4 {
                what = "bytes \(Self.hex(bytes)) are not a Unicode character in \(charset) (above U+10FFFF, or a surrogate)"
            }
            return VersoError(.invalidEncoding, what,
                              file: name, line: lineBreaks + 1, byteOffset: offset + byteOrderMark, fix: fix)
        case .truncated(let offset, let bytes):
            return VersoError(.invalidEncoding, "the file ends inside a \(charset) character (bytes \(Self.hex(bytes)) at byte \(offset + byteOrderMark)); it is cut short",
                              file: name, line: lineBreaks + 1, byteOffset: offset + byteOrderMark, fix: "get the whole file again")
        case .unknownCharset(let name):
            return VersoError(.invalidEncoding, "unknown encoding \"\(name)\"", file: self.name, fix: fix)
        case .icu(let code):
            return VersoError(.invalidEncoding, "decoding \(charset) failed (ICU error \(code))", file: name, fix: fix)
        }
    }

    /// Words for the libxml2 errors met in practice (`xmlParserErrors`), put before libxml2's
    /// own message.
    private static let errorWords: [Int32: String] = [
        4: "the document is empty", 5: "extra content after the root element",
        6: "invalid hexadecimal character reference", 7: "invalid decimal character reference",
        8: "invalid character reference", 9: "invalid character", 23: "entity reference without ';'",
        38: "'<' inside an attribute value", 39: "attribute value without quotes", 40: "attribute value not closed",
        41: "attribute without value", 42: "attribute given twice", 45: "comment not closed", 61: "DOCTYPE not closed",
        63: "CDATA section not closed", 64: "reserved name 'xml'", 65: "space required", 68: "name expected",
        73: "'>' expected", 74: "'</' expected", 75: "'=' expected", 76: "closing tag does not match the opening tag",
        77: "element not closed before the end of the file", 85: "unbalanced elements", 86: "extra content",
        89: "entity loop or expansion too large",
    ]

    private func parseError() -> VersoError {
        var e = VersoXMLError()
        guard verso_xml_reader_error(reader, &e) != 0 else {
            return VersoError(.badData, "the XML parser stopped", file: name, fix: "check the file with xmllint --noout \(name)")
        }
        let message = e.message.map { String(cString: $0) } ?? ""
        let detail = e.detail.map { String(cString: $0) } ?? ""
        let line = e.line > 0 ? Int(e.line) : nil
        var place = line.map { "line \($0)" } ?? "the start"
        if let line, e.column > 0 { place = "line \(line), column \(e.column)" }
        let byte = e.byte_offset >= 0 && transcoder == nil ? Int(e.byte_offset) + byteOrderMark : nil
        switch e.code {
        case Int32(VERSO_XML_ERR_INTERNAL_SUBSET), Int32(VERSO_XML_ERR_DECLARATION):
            let doctype = detail.isEmpty ? "the DOCTYPE" : "<!DOCTYPE \(detail) …>"
            return VersoError(.badData, "\(doctype) has an internal subset ([ … ] at \(place)); Verso refuses internal subsets, where entities are declared: translation memories and documents never need them, and entities can make text vanish, read local files (XXE) or expand without bound (billion laughs)",
                              file: name, line: line,
                              fix: "delete the DOCTYPE's [ … ] part and write each entity's text where it is used")
        case Int32(VERSO_XML_ERR_ENTITY), 26, 27:
            let entity = detail.isEmpty ? "an entity" : "&\(detail);"
            return VersoError(.badData, "undeclared entity \(entity) at \(place): only XML's five entities (&amp; &lt; &gt; &quot; &apos;) and character references are read, and its text would be lost",
                              file: name, line: line,
                              fix: "write the character itself or a character reference (&#160; for &nbsp;) instead of \(entity)")
        case Int32(VERSO_XML_ERR_DEPTH):
            return VersoError(.badData, "elements are nested more than \(SafeXML.maxDepth) deep (at <\(detail)>, \(place)); Verso refuses deeper nesting",
                              file: name, line: line, fix: "check the file for unclosed elements; no memory or document needs such depth")
        case Int32(VERSO_XML_ERR_MEMORY):
            return VersoError(.internalError, "out of memory while parsing at \(place)", file: name, line: line)
        case 4 where !sawContent, 5 where !sawContent:
            return VersoError(.badData, "the file is empty (nothing but white space): no XML element found",
                              file: name, line: line, fix: "check that this is the file you meant")
        case 4 where !sawRoot:
            return VersoError(.badData, "no XML element found: the file does not start with one (binary data, or another format?)",
                              file: name, line: line, fix: "check that the file is an XML document, or name its format with --from")
        case 5 where !sawRoot:
            return VersoError(.badData, "no XML element found: the file holds only a prolog (declaration, comments)",
                              file: name, line: line, fix: "check that the file is complete")
        case 5 where !open.isEmpty:
            // libxml2's push parser calls a cut-off document "extra content at the end".
            let (element, opened) = open[open.count - 1]
            return VersoError(.badData, "the document ends inside <\(element)> (opened at line \(opened)): the file is cut short, or an element is not closed",
                              file: name, line: line, fix: "get the whole file again, or close the element (xmllint --noout \(name) shows where)")
        case 1 where message.contains("Excessive depth"):
            return VersoError(.badData, "elements are nested too deep at \(place); Verso refuses nesting past \(SafeXML.maxDepth)",
                              file: name, line: line, fix: "check the file for unclosed elements")
        case 9 where message.hasPrefix("Input is not proper UTF-8"):
            let bytes = message.components(separatedBy: "Bytes: ").last.map { " (bytes \($0))" } ?? ""
            return VersoError(.invalidEncoding, "not valid UTF-8 at \(place)\(byte.map { ", byte \($0)" } ?? "")\(bytes)",
                              file: name, line: line, byteOffset: byte,
                              fix: "declare the file's real encoding (<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>) or convert it to UTF-8 with iconv")
        default:
            let libxml = message.replacingOccurrences(of: "\n", with: " ")
            let words = Self.errorWords[e.code].map { "\($0): " } ?? ""
            return VersoError(.badData, "malformed XML at \(place): \(words)\(libxml)",
                              file: name, line: line,
                              fix: "repair the file (xmllint --noout \(name) shows every error)")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
