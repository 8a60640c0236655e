import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VersoText

/// Verso's policy for reading XML it did not write (TMX, XLIFF), against XXE and entity bombs.
///
/// 1. Before parsing, the prolog (what precedes the root element) is scanned: a DOCTYPE whose
///    internal subset declares any entity (`<!ENTITY`) is refused, with its line. TMX and XLIFF
///    never need entity declarations; refusing them removes external entities that read local
///    files or URLs (XXE), parameter entities, and nested expansions ("billion laughs") at once.
///    A prolog longer than 1 MB is refused too, so the scan cannot be outrun.
/// 2. The parser runs with `shouldResolveExternalEntities = false`: a DOCTYPE naming an external
///    DTD (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, common in real memories) is accepted but the DTD
///    is never opened or fetched (checked with strace on libxml2 2.9).
/// 3. Any parser error stops the read and becomes a `VersoError` with the line and column; so does
///    the warning for an undeclared entity (such as `&nbsp;`, or one defined only in the unread
///    DTD), whose text would otherwise vanish silently. Harmless warnings (an odd `xml:lang`
///    value, a relative namespace URI) are ignored.
///
/// The parser is FoundationXML's `XMLParser` (libxml2 underneath), fed from a stream, so memory
/// does not grow with the file.
enum SafeXML {
    /// The longest prolog accepted.
    static let prologLimit = 1 << 20

    /// Runs `handler` over the document in `input` under the policy above.
    static func parse(_ input: InputSource, handler: XMLEventHandler, namespaces: Bool = false) throws {
        try checkProlog(input.prefix(prologLimit + 1), file: input.name)
        let parser: XMLParser
        switch input {
        case .data(let data, _): parser = XMLParser(data: data)
        case .file(let path):
            guard let stream = InputStream(fileAtPath: path) else {
                throw VersoError(.unreadable, "cannot be opened", file: path, fix: "check the file's permissions")
            }
            parser = XMLParser(stream: stream)
        }
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = namespaces
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = handler
        let finished = parser.parse()
        if let error = handler.stopError { throw error }
        if let problem = handler.xmlProblem {
            throw VersoError(.badData, "malformed XML at line \(problem.line), column \(problem.column): \(describe(problem.code))",
                             file: input.name, line: problem.line,
                             fix: "repair the file (xmllint --noout \(input.name) shows every error)")
        }
        if !finished {
            throw VersoError(.badData, "the XML parser stopped at line \(parser.lineNumber), column \(parser.columnNumber)",
                             file: input.name, line: parser.lineNumber, fix: "check the file with xmllint --noout \(input.name)")
        }
        if !handler.sawRoot {
            throw VersoError(.badData, "no XML element found", file: input.name, fix: "check that the file is not empty")
        }
    }

    /// Words for the libxml2 errors (`xmlParserErrors`) met in practice; others by number.
    /// (FoundationXML's `XMLParser.ErrorCode` names do not line up with libxml2's numbers on Linux.)
    private static let errorWords: [Int: String] = [
        3: "document start expected", 4: "the document is empty", 5: "extra content at the end of the document",
        6: "invalid hexadecimal character reference", 7: "invalid decimal character reference",
        8: "invalid character reference", 9: "invalid character", 23: "entity reference without ';'",
        26: "undeclared entity", 27: "undeclared entity (only XML's five entities and character references are allowed)",
        31: "unknown encoding", 32: "unsupported encoding", 38: "'<' inside an attribute value",
        39: "attribute value without quotes", 40: "attribute value not closed", 41: "attribute without value",
        42: "attribute given twice", 45: "comment not closed", 61: "DOCTYPE not closed", 63: "CDATA section not closed",
        64: "reserved name 'xml'", 65: "space required", 68: "name expected", 73: "'>' expected",
        74: "'</' expected", 75: "'=' expected", 76: "closing tag does not match the opening tag",
        77: "element not closed before the end of the file", 81: "bytes not valid in the declared encoding",
        85: "unbalanced elements", 86: "extra content", 89: "entity loop or expansion too large",
    ]

    static func describe(_ code: Int) -> String {
        "\(errorWords[code] ?? "XML error") (libxml2 error \(code))"
    }

    /// libxml2 warnings that cost nothing (an odd `xml:lang` value, a relative namespace URI, an
    /// unknown XML version…): reading goes on. Warning 27 (undeclared entity) is not among them:
    /// the entity's text would silently vanish.
    static let harmlessWarnings: Set<Int> = [93, 97, 98, 99, 100, 102, 106, 107]

    /// Refuses a prolog with entity declarations, or longer than `prologLimit` (see the type's
    /// documentation). UTF-16 documents are scanned after transcoding.
    ///
    /// - Complexity: O(length of the prolog), at most `prologLimit` bytes.
    static func checkProlog(_ raw: [UInt8], file: String) throws {
        let bytes = utf8View(raw)
        var i = 0, line = 1
        func starts(_ s: String, at k: Int) -> Bool {
            let p = Array(s.utf8)
            return k + p.count <= bytes.count && Array(bytes[k..<(k + p.count)]) == p
        }
        /// Moves `i` past `end`, counting lines; false when the prefix ends first.
        func skip(past end: String) -> Bool {
            while i < bytes.count {
                if starts(end, at: i) { i += end.utf8.count; return true }
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
            return false
        }
        if starts("\u{FEFF}", at: 0) { i = 3 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; i += 1; continue }
            if b == 0x20 || b == 0x09 || b == 0x0D { i += 1; continue }
            if starts("<?", at: i) { guard skip(past: "?>") else { break }; continue }
            if starts("<!--", at: i) { guard skip(past: "-->") else { break }; continue }
            if starts("<!DOCTYPE", at: i) {
                i += 9
                var quote: UInt8?
                var inSubset = false
                while i < bytes.count {
                    let c = bytes[i]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if starts("<!ENTITY", at: i) {
                        throw VersoError(.badData, "the DOCTYPE declares an entity (<!ENTITY …> at line \(line)); Verso refuses entity declarations: translation memories never need them, and they can read local files (XXE) or expand without bound (billion laughs)",
                                         file: file, line: line,
                                         fix: "delete the DOCTYPE's [ … ] part and write each entity's text where it is used")
                    } else if starts("<!--", at: i) {
                        guard skip(past: "-->") else { break }
                        continue
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == 0x5B || c == 0x5D {
                        inSubset = c == 0x5B
                    } else if c == 0x3E && !inSubset {
                        i += 1
                        break
                    }
                    if c == 0x0A { line += 1 }
                    i += 1
                }
                continue
            }
            return  // the root element starts: the prolog is clean
        }
        if raw.count > prologLimit {
            throw VersoError(.badData, "no root element in the first \(prologLimit / 1024) KB", file: file,
                             fix: "check that this is an XML document; Verso refuses prologs (comments, DOCTYPE) longer than 1 MB")
        }
    }

    /// The bytes as UTF-8: UTF-16 (with a byte-order mark, or detected from `<?` / `<` patterns)
    /// is transcoded; anything else is scanned as it is (ASCII-compatible encodings).
    private static func utf8View(_ raw: [UInt8]) -> [UInt8] {
        guard raw.count >= 2 else { return raw }
        var bigEndian: Bool
        var start = 0
        switch (raw[0], raw[1]) {
        case (0xFF, 0xFE): bigEndian = false; start = 2
        case (0xFE, 0xFF): bigEndian = true; start = 2
        case (0x3C, 0x00): bigEndian = false
        case (0x00, 0x3C): bigEndian = true
        default: return raw
        }
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var k = start
        while k + 1 < raw.count {
            units.append(bigEndian ? UInt16(raw[k]) << 8 | UInt16(raw[k + 1]) : UInt16(raw[k + 1]) << 8 | UInt16(raw[k]))
            k += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

/// Base of the format handlers run by `SafeXML`: records the first parser problem and lets a
/// subclass stop the parse with its own error.
///
/// Subclasses override `start`, `end` and `text`, not the delegate methods: on Linux the delegate
/// protocol's witnesses are fixed where the conformance is declared, here.
class XMLEventHandler: NSObject, XMLParserDelegate {
    /// An error raised by the handler or its consumer; it stops the parse and is rethrown.
    private(set) var stopError: Error?
    /// The first problem the parser reported.
    private(set) var xmlProblem: (code: Int, line: Int, column: Int)?
    /// True once the root element started.
    private(set) var sawRoot = false

    /// An element starts; `isRoot` for the document's first.
    func start(_ parser: XMLParser, _ name: String, namespace: String?, attributes: [String: String], isRoot: Bool) {}
    /// An element ends.
    func end(_ parser: XMLParser, _ name: String, namespace: String?) {}
    /// Character data (from text or CDATA), in pieces.
    func text(_ text: String) {}

    /// Stops the parse; `error` is what `SafeXML.parse` throws.
    func stop(_ parser: XMLParser, _ error: Error) {
        if stopError == nil { stopError = error }
        parser.abortParsing()
    }

    /// Runs `body`, stopping the parse with what it throws.
    func guarded(_ parser: XMLParser, _ body: () throws -> Void) {
        guard stopError == nil else { return }
        do { try body() } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard stopError == nil else { return }
        let isRoot = !sawRoot
        sawRoot = true
        start(parser, elementName, namespace: namespaceURI, attributes: attributes, isRoot: isRoot)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard stopError == nil else { return }
        end(parser, elementName, namespace: namespaceURI)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        guard stopError == nil, xmlProblem == nil, !SafeXML.harmlessWarnings.contains(code) else { return }
        xmlProblem = (code, parser.lineNumber, parser.columnNumber)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
        self.parser(parser, parseErrorOccurred: validationError)
    }
}
