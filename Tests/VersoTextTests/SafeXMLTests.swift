import Foundation
import VersoTestSupport
import VersoText
import XCTest

/// The XML layer: encodings decoded strictly, internal subsets refused whatever the encoding,
/// entity text never dropped, nesting bounded, messages with what and where.
final class SafeXMLTests: XCTestCase {
    /// Records events as short strings: `<name a=v>`, `</name>`, `"text"` (adjacent text joined).
    final class Recorder: XMLContentHandler {
        var events: [String] = []
        var lines: [Int] = []
        func start(_ tag: XMLStartTag) {
            let attributes = tag.attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            events.append("<\(tag.qualifiedName)\(attributes)>")
            lines.append(tag.line)
        }
        func end(name: String, namespace: String?, line: Int) { events.append("</\(name)>") }
        func text(_ text: String) {
            if let last = events.last, last.hasPrefix("\"") { events[events.count - 1] = String(last.dropLast()) + text + "\"" } else { events.append("\"\(text)\"") }
        }
        /// The text of the document, tags left out.
        var text: String { events.filter { $0.hasPrefix("\"") }.map { String($0.dropFirst().dropLast()) }.joined() }
    }

    private func parse(_ bytes: [UInt8], name: String = "t.xml") throws -> Recorder {
        let recorder = Recorder()
        try SafeXML.parse(data: Data(bytes), name: name, handler: recorder)
        return recorder
    }

    private func parse(_ text: String) throws -> Recorder { try parse(Array(text.utf8)) }

    private func error(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> VersoError? {
        TestSupport.versoError(file: file, line: line) { _ = try parse(bytes) }
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> VersoError? {
        error(Array(text.utf8), file: file, line: line)
    }

    private static let body = "<tmx><seg a=\"x &amp; y\">Tea <b>&lt;here&gt;</b> &#233;t&#xE9;</seg></tmx>\n"

    func testEventsAttributesAndEntities() throws {
        let r = try parse("<?xml version=\"1.0\"?>\n" + Self.body)
        XCTAssertEqual(r.events, ["<tmx>", "<seg a=x & y>", "\"Tea \"", "<b>", "\"<here>\"", "</b>", "\" été\"", "</seg>", "</tmx>"])
        XCTAssertEqual(r.lines.first, 2)
    }

    func testAmpersandsInAttributesComeBackOnce() throws {
        let r = try parse("<r a=\"&amp;&#38;&amp;amp; &#38;#38;\" b='&lt;&quot;'/>")
        XCTAssertEqual(r.events.first, "<r a=&&&amp; &#38; b=<\">")
    }

    func testNamespacesAndCDATA() throws {
        let r = try parse("<x:r xmlns:x=\"urn:a\" xml:lang=\"fr\"><![CDATA[a <b> & c]]></x:r>")
        XCTAssertEqual(r.events, ["<x:r xml:lang=fr>", "\"a <b> & c\"", "</r>"])
    }

    // MARK: - Encodings

    /// Encodes `text` as UTF-16 (little or big endian), with a byte-order mark or not.
    private func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }

    private func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { s -> [UInt8] in
            let v = s.value
            let be = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
            return bigEndian ? be : be.reversed()
        }
    }

    private func encoded(_ text: String, _ charset: String) throws -> [UInt8] {
        // ICU decodes; to encode the fixtures, use iconv (Debian's libc), always installed.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", charset]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "iconv -t \(charset)")
        return [UInt8](data)
    }

    func testEveryEncodingFamilyReadsTheSameText() throws {
        let text = "<r>Thé 🍵 日本</r>"
        let declared = { (name: String) in "<?xml version=\"1.0\" encoding=\"\(name)\"?>\n" + text }
        let cases: [(String, [UInt8])] = [
            ("UTF-8", Array(text.utf8)),
            ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array(declared("UTF-8").utf8)),
            ("UTF-16LE BOM", utf16(declared("UTF-16"), bigEndian: false)),
            ("UTF-16BE BOM", utf16(declared("UTF-16"), bigEndian: true)),
            ("UTF-16LE no BOM", utf16(declared("UTF-16"), bigEndian: false, bom: false)),
            ("UTF-16BE no BOM", utf16(declared("UTF-16"), bigEndian: true, bom: false)),
            ("UCS-4BE", utf32(declared("UCS-4"), bigEndian: true)),
            ("UCS-4LE", utf32(declared("UCS-4"), bigEndian: false)),
            ("UTF-32BE BOM", [0x00, 0x00, 0xFE, 0xFF] + utf32(declared("UTF-32"), bigEndian: true)),
            ("Shift_JIS", try encoded(declared("Shift_JIS").replacingOccurrences(of: "🍵 ", with: "").replacingOccurrences(of: "é", with: "e"), "SHIFT_JIS")),
            ("ISO-2022-JP", try encoded(declared("ISO-2022-JP").replacingOccurrences(of: "🍵 ", with: "").replacingOccurrences(of: "é", with: "e"), "ISO-2022-JP")),
            ("EUC-JP", try encoded(declared("EUC-JP").replacingOccurrences(of: "🍵 ", with: ""), "EUC-JP")),
        ]
        for (label, bytes) in cases {
            let expected = label == "Shift_JIS" || label == "ISO-2022-JP" ? "The 日本" : label == "EUC-JP" ? "Thé 日本" : "Thé 🍵 日本"
            XCTAssertEqual(try parse(bytes).text, expected, label)
        }
        let latin1 = try parse(Array("<?xml version='1.0' encoding='ISO-8859-1'?><r>".utf8) + [0x54, 0x68, 0xE9] + Array("</r>".utf8))
        XCTAssertEqual(latin1.text, "Thé")
        let ebcdic = try parse(try encoded("<?xml version=\"1.0\" encoding=\"IBM037\"?>\n<r a=\"b\">Thé</r>", "IBM037"))
        XCTAssertEqual(ebcdic.events, ["<r a=b>", "\"Thé\"", "</r>"])
    }

    /// The crash of issue 15 (a segfault inside libxml2 on each of these), now an error each.
    func testEncodingErrorsAreErrorsWithWhatAndWhere() throws {
        let body = "\n<r>\nTea BAD here</r>"
        // UTF-16 with a lone surrogate.
        var lone = utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body, bigEndian: false)
        let bad = utf16("BAD", bigEndian: false, bom: false)
        lone = replace(lone, bad, [0x00, 0xD8] + utf16("AD", bigEndian: false, bom: false))
        let e1 = error(lone)
        XCTAssertEqual(e1?.kind, .invalidEncoding)
        XCTAssertEqual(e1?.line, 3)
        XCTAssertEqual(e1?.byteOffset, 2 + 2 * ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<r>\nTea ".utf16.count))
        XCTAssertTrue(e1?.message.contains("unpaired UTF-16 surrogate (D800)") ?? false, e1?.message ?? "")
        // UCS-4 with a code point above U+10FFFF.
        var ucs4 = utf32("<?xml version=\"1.0\" encoding=\"UCS-4\"?>" + body, bigEndian: true)
        ucs4 = replace(ucs4, utf32("B", bigEndian: true), [0x00, 0x11, 0x00, 0x00])
        let e2 = error(ucs4)
        XCTAssertEqual(e2?.kind, .invalidEncoding)
        XCTAssertEqual(e2?.line, 3)
        XCTAssertTrue(e2?.message.contains("0x00 0x11 0x00 0x00") ?? false, e2?.message ?? "")
        // Shift_JIS: a lead byte followed by a byte that cannot trail it.
        let sjis = Array(("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>" + body).utf8)
        let e3 = error(replace(sjis, Array("BAD".utf8), [0x82, 0x20, 0xFF]))
        XCTAssertEqual(e3?.kind, .invalidEncoding)
        XCTAssertEqual(e3?.line, 3)
        XCTAssertTrue(e3?.message.contains("not valid Shift_JIS") ?? false, e3?.message ?? "")
        XCTAssertNotNil(e3?.byteOffset)
        // ISO-2022-JP: a byte that is not a JIS X 0208 row in the two-byte mode.
        var jis = try encoded("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>" + body.replacingOccurrences(of: "BAD", with: "日本"), "ISO-2022-JP")
        jis = replace(jis, [0x1B, 0x24, 0x42], [0x1B, 0x24, 0x42, 0x7F, 0x21])
        let e4 = error(jis)
        XCTAssertEqual(e4?.kind, .invalidEncoding)
        XCTAssertEqual(e4?.line, 3)
        XCTAssertTrue(e4?.message.contains("not valid ISO-2022-JP") ?? false, e4?.message ?? "")
        // UTF-8 that is not: libxml2's own check, with line, column and byte.
        let e5 = error(Array("<r>\nab".utf8) + [0xE9, 0x20] + Array("</r>".utf8))
        XCTAssertEqual(e5?.kind, .invalidEncoding)
        XCTAssertEqual(e5?.line, 2)
        XCTAssertEqual(e5?.byteOffset, 6)
        XCTAssertTrue(e5?.message.contains("not valid UTF-8 at line 2") ?? false, e5?.message ?? "")
        // A file cut inside a UTF-16 character.
        let cut = utf16("<?xml version=\"1.0\"?><r>abc</r>", bigEndian: true)
        let e6 = error(Array(cut.dropLast()))
        XCTAssertEqual(e6?.kind, .invalidEncoding)
        XCTAssertTrue(e6?.message.contains("ends inside a UTF-16BE character") ?? false, e6?.message ?? "")
        // An encoding ICU does not know.
        let e7 = error("<?xml version=\"1.0\" encoding=\"x-klingon\"?><r/>")
        XCTAssertTrue(e7?.message.contains("\"x-klingon\"") ?? false, e7?.message ?? "")
        for e in [e1, e2, e3, e4, e5, e6, e7] { XCTAssertNotNil(e?.fix) }
    }

    private func replace(_ bytes: [UInt8], _ what: [UInt8], _ with: [UInt8]) -> [UInt8] {
        guard let start = (0...(bytes.count - what.count)).first(where: { Array(bytes[$0..<($0 + what.count)]) == what }) else {
            XCTFail("pattern not found")
            return bytes
        }
        return Array(bytes[..<start]) + with + Array(bytes[(start + what.count)...])
    }

    /// What decoded before a bad byte is parsed (and delivered) before the error.
    func testEventsBeforeAnEncodingErrorAreDelivered() throws {
        let recorder = Recorder()
        let bytes = Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><r><u>one</u><u>two</u>".utf8) + [0x82, 0x20] + Array("</r>".utf8)
        XCTAssertThrowsError(try SafeXML.parse(data: Data(bytes), name: "t", handler: recorder))
        XCTAssertEqual(recorder.text, "onetwo")
    }

    // MARK: - Entities and DOCTYPEs, whatever the encoding

    private static let entityDocument = "<?xml version=\"1.0\" encoding=\"ENC\"?>\n<!DOCTYPE r [<!ENTITY xxe \"SECRET\">]>\n<r>Putin &xxe; arrives</r>"

    func testInternalSubsetIsRefusedInEveryEncoding() throws {
        let doc = { (enc: String) in Self.entityDocument.replacingOccurrences(of: "ENC", with: enc) }
        let inputs: [(String, [UInt8])] = [
            ("UTF-8", Array(doc("UTF-8").utf8)),
            ("UTF-16", utf16(doc("UTF-16"), bigEndian: false)),
            ("UCS-4", utf32(doc("UCS-4"), bigEndian: true)),
            ("EBCDIC", try encoded(doc("IBM037"), "IBM037")),
            // A processing instruction with a quote inside the subset hid the declaration from
            // the old prolog scan.
            ("PI", Array("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<?pi it's?><!ENTITY xxe \"SECRET\">]>\n<r>Putin &xxe; arrives</r>".utf8)),
            ("comment", Array("<!-- \(String(repeating: "x", count: 2 << 20)) -->\n<!DOCTYPE r [<!ENTITY xxe \"SECRET\">]>\n<r>&xxe;</r>".utf8)),
            ("harmless subset", Array("<!DOCTYPE r SYSTEM \"r.dtd\" [ <!ELEMENT r (#PCDATA)> ]>\n<r>a</r>".utf8)),
        ]
        for (label, bytes) in inputs {
            let recorder = Recorder()
            XCTAssertThrowsError(try SafeXML.parse(data: Data(bytes), name: "t", handler: recorder), label) { e in
                let message = (e as? VersoError)?.message ?? ""
                XCTAssertTrue(message.contains("internal subset"), "\(label): \(message)")
                XCTAssertEqual((e as? VersoError)?.line, label == "harmless subset" ? 1 : 2, label)
            }
            XCTAssertFalse(recorder.text.contains("SECRET"), label)
            XCTAssertTrue(recorder.events.isEmpty, "\(label): nothing is delivered")
        }
    }

    func testExternalDTDIsAcceptedAndNeverRead() throws {
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("verso-safexml-\(UUID().uuidString).dtd")
        try Data("<!ENTITY z \"SECRET\">".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        XCTAssertEqual(try parse("<!DOCTYPE r SYSTEM \"\(dtd.path)\">\n<r>fine</r>").text, "fine")
        let recorder = Recorder()
        XCTAssertThrowsError(try SafeXML.parse(data: Data("<!DOCTYPE r SYSTEM \"\(dtd.path)\">\n<r><a>one</a>\n<a>A &z; B</a></r>".utf8), name: "t", handler: recorder)) { e in
            let error = e as? VersoError
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.message.contains("undeclared entity &z;") ?? false, error?.message ?? "")
        }
        XCTAssertEqual(recorder.text, "one\nA ", "text up to the entity, never its value")
    }

    func testUndeclaredEntityNamesItAndSaysWhere() throws {
        let e = error("<r>\na&nbsp;b</r>")
        XCTAssertEqual(e?.line, 2)
        XCTAssertTrue(e?.message.contains("undeclared entity &nbsp; at line 2") ?? false, e?.message ?? "")
        XCTAssertTrue(e?.fix?.contains("&#160;") ?? false)
    }

    // MARK: - Bounds and malformed input

    func testNestingPastTheLimitIsRefused() throws {
        XCTAssertEqual(try parse(String(repeating: "<a>", count: SafeXML.maxDepth) + "x" + String(repeating: "</a>", count: SafeXML.maxDepth)).text, "x")
        let deep = String(repeating: "<a>", count: 100_000) + "x" + String(repeating: "</a>", count: 100_000)
        let e = error(deep)
        XCTAssertEqual(e?.kind, .badData)
        XCTAssertTrue(e?.message.contains("nested more than \(SafeXML.maxDepth) deep") ?? false, e?.message ?? "")
    }

    func testMalformedXMLSaysWhatAndWhere() throws {
        let e = error("<?xml version=\"1.0\"?>\n<r>\n  <a></b>\n</r>")
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.hasPrefix("malformed XML at line 3, column ") ?? false, e?.message ?? "")
        XCTAssertTrue(e?.message.contains("Opening and ending tag mismatch: a line 3 and b") ?? false, e?.message ?? "")
        XCTAssertFalse(e?.message.contains("libxml2 error") ?? true)
        let truncated = error("<r>\n<a>text")
        XCTAssertTrue(truncated?.message.contains("the document ends inside <a> (opened at line 2)") ?? false, truncated?.message ?? "")
        XCTAssertTrue(error("")?.message.contains("the file is empty") ?? false)
        XCTAssertTrue(error("   \n  ")?.message.contains("the file is empty") ?? false)
        XCTAssertTrue(error("<?xml version=\"1.0\"?><!-- only a comment -->")?.message.contains("holds only a prolog") ?? false)
        XCTAssertTrue(error("PK\u{3}\u{4} a zip")?.message.contains("does not start with one") ?? false)
        let junk = error([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        XCTAssertNotNil(junk?.message)
        XCTAssertFalse(junk?.message.contains("line 0") ?? true, junk?.message ?? "")
        let nul = error("<r>a\u{0}b</r>")
        XCTAssertTrue(nul?.message.contains("line 1") ?? false, nul?.message ?? "")
    }

    func testUnusualUCS4OrderIsRefused() throws {
        let e = error([0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x72, 0x00])
        XCTAssertEqual(e?.kind, .invalidEncoding)
        XCTAssertTrue(e?.message.contains("unusual byte order") ?? false)
    }

    /// Characters cut across chunks (of the parser and of the decoder) come out whole.
    func testLongDocumentsAcrossChunks() throws {
        let piece = "<u a=\"é\">日本語のテキスト 🍵 é</u>\n"
        let count = 40_000  // about 1.5 MB: several chunks
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>" + String(repeating: piece, count: count) + "</r>"
        for bytes in [Array(doc.replacingOccurrences(of: "encoding=\"UTF-16\"", with: "").utf8), utf16(doc, bigEndian: false)] {
            let r = try parse(bytes)
            XCTAssertEqual(r.events.filter { $0 == "<u a=é>" }.count, count)
            XCTAssertEqual(r.text, String(repeating: "日本語のテキスト 🍵 é\n", count: count))
        }
    }

    func testTranscoderReportsOffsetsAcrossPieces() throws {
        let transcoder = try Transcoder(charset: "Shift_JIS")
        var out: [UInt8] = []
        let first: [UInt8] = [0x41, 0x82]  // 'A', then a lead byte cut at the piece's end
        let second: [UInt8] = [0xA0, 0x42, 0x82, 0x20]  // its trail (あ), 'B', then a bad pair
        try first.withUnsafeBufferPointer { (b) throws(Transcoder.Failure) in try transcoder.decode(b, final: false, into: &out) }
        XCTAssertThrowsError(try second.withUnsafeBufferPointer { (b) throws(Transcoder.Failure) in try transcoder.decode(b, final: true, into: &out) }) { e in
            guard case .invalid(let offset, _)? = e as? Transcoder.Failure else { return XCTFail("\(e)") }
            XCTAssertEqual(offset, 4)
        }
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "AあB")
        XCTAssertThrowsError(try Transcoder(charset: "no-such-charset"))
    }
}
