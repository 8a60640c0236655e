import CXMLShim
import Foundation

/// One event of libxml2's HTML or XML parser (see `verso_html.h`).
struct MarkupEvent {
    enum Kind { case start, end, text }
    var kind: Kind
    /// Element name (lower case in HTML, qualified as `w:p` in XML); empty for text.
    var name: String
    var attributes: [(name: String, value: String)]
    /// Decoded text (entities replaced); empty for elements.
    var text: String
    /// Bytes of the input the event covers (best effort; see `verso_html.h`).
    var range: Range<Int>
    var line: Int

    func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
}

/// libxml2's parsers through the C shim: a document as a list of events. The only Swift file
/// that calls `verso_markup_parse`.
enum Markup {
    enum Mode { case html, xml }

    /// Events are capped so that a hostile document cannot take all memory (about 250 MB of
    /// events; Debian Reference's largest chapter has under 100,000).
    static let maxEvents: Int64 = 4_000_000

    /// Parses a document.
    ///
    /// - Parameters:
    ///   - bytes: the document as stored.
    ///   - mode: HTML (recovering from tag soup) or XML (a well-formedness error is fatal).
    ///   - name: the file, for errors (`document.docx:word/document.xml`).
    ///   - utf8: the bytes are valid UTF-8 (then HTML is read as UTF-8 whatever its `<meta>` says,
    ///     and event ranges are byte offsets of the input).
    /// - Throws: ``VersoError`` for XML that is not well-formed, a document past the event cap,
    ///   or no memory.
    /// - Complexity: O(n) in the size of the document.
    static func parse(_ bytes: [UInt8], mode: Mode, name: String, utf8: Bool) throws -> [MarkupEvent] {
        let raw: UnsafeMutablePointer<verso_markup_result>? = bytes.withUnsafeBufferPointer { buffer in
            verso_markup_parse(buffer.baseAddress, buffer.count, mode == .html ? Int32(VERSO_MARKUP_HTML) : Int32(VERSO_MARKUP_XML),
                               utf8 ? "UTF-8" : nil, maxEvents)
        }
        guard let result = raw else {
            throw VersoError(.internalError, "out of memory while parsing", file: name, fix: "split the document into smaller files")
        }
        defer { verso_markup_free(result) }
        let r = result.pointee
        if r.out_of_memory != 0 {
            throw VersoError(.internalError, "out of memory while parsing", file: name, fix: "split the document into smaller files")
        }
        if r.truncated != 0 {
            throw VersoError(.badInput, "more than \(maxEvents) elements and text runs: too large to read as one document", file: name,
                             fix: "split the document into smaller files")
        }
        if mode == .xml && r.fatal != 0 {
            let message = withUnsafeBytes(of: r.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw VersoError(.badData, "not well-formed XML: \(message)", file: name, line: r.error_line > 0 ? Int(r.error_line) : nil,
                             fix: "the file is damaged or not what its name says; check it with `xmllint --noout`")
        }
        guard let events = r.events, r.count > 0 else { return [] }
        let pool = r.pool
        func string(_ offset: Int64, _ length: Int64? = nil) -> String {
            guard offset >= 0, let pool else { return "" }
            let start = UnsafeRawPointer(pool + Int(offset)).assumingMemoryBound(to: UInt8.self)
            let count = length.map(Int.init) ?? strlen(pool + Int(offset))
            return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }
        var out: [MarkupEvent] = []
        out.reserveCapacity(Int(r.count))
        for k in 0..<Int(r.count) {
            let e = events[k]
            let kind: MarkupEvent.Kind = e.type == Int32(VERSO_EVENT_START) ? .start : e.type == Int32(VERSO_EVENT_END) ? .end : .text
            var attributes: [(String, String)] = []
            if e.attribute_count > 0, e.attributes >= 0, let pool {
                var offset = Int(e.attributes)
                for _ in 0..<Int(e.attribute_count) {
                    let key = string(Int64(offset))
                    offset += strlen(pool + offset) + 1
                    let value = string(Int64(offset))
                    offset += strlen(pool + offset) + 1
                    attributes.append((key, value))
                }
            }
            let lower = max(0, min(Int(e.begin), bytes.count)), upper = max(lower, min(Int(e.end), bytes.count))
            out.append(MarkupEvent(kind: kind, name: string(e.name), attributes: attributes,
                                   text: kind == .text ? string(e.text, e.text_length) : "", range: lower..<upper, line: Int(e.line)))
        }
        return out
    }

    /// The markup of an event as it stood in the file, or a rebuilt tag when the parser
    /// implied the element.
    static func original(_ event: MarkupEvent, in bytes: [UInt8]) -> String {
        if !event.range.isEmpty, event.range.upperBound <= bytes.count, bytes[event.range.lowerBound] == UInt8(ascii: "<") {
            return String(decoding: bytes[event.range], as: UTF8.self)
        }
        return event.kind == .end ? "</\(event.name)>" : "<\(event.name)>"
    }
}
