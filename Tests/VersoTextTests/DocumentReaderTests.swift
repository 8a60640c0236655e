import Foundation
import XCTest
import ZIPFoundation
@testable import VersoText
import VersoTestSupport

/// Format detection and the refusals: what a user gets for files Verso does not read.
final class DocumentDetectionTests: XCTestCase {
    func detect(_ bytes: [UInt8], _ name: String = "file") -> Detection { DocumentReader.detect(bytes, name: name) }

    func testDetectsFormatsFromContentNotName() throws {
        XCTAssertEqual(detect(Array("%PDF-1.4\n...".utf8), "a.txt"), .format(.pdf))
        XCTAssertEqual(detect([0x1F, 0x8B, 0x08, 0x00]), .gzip)
        XCTAssertEqual(detect(Array("<!DOCTYPE html><html><body><p>Hi</p></body></html>".utf8), "page.txt"), .format(.html))
        XCTAssertEqual(detect(Array("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"></html>".utf8)), .format(.html))
        XCTAssertEqual(detect(Array("\u{FEFF}WEBVTT\n\n00:01.000 --> 00:02.000\nHi".utf8)), .format(.vtt))
        XCTAssertEqual(detect(Array("1\n00:00:01,000 --> 00:00:02,000\nHello.\n".utf8), "subs.txt"), .format(.srt))
        XCTAssertEqual(detect(Array("# Title\n\nText.".utf8), "README.md"), .format(.markdown))
        XCTAssertEqual(detect(Array("# Title\n\nText.".utf8), "notes.txt"), .format(.text), "Markdown is told from text only by its extension")
        XCTAssertEqual(detect(Array("Plain text.\n".utf8), "a.html"), .format(.html), "the extension is the hint for a fragment")
        XCTAssertEqual(detect(Array("Plain text.\n".utf8), "a.txt"), .format(.text))
    }

    func testRefusesBinariesNamingThemAndTheFix() throws {
        let cases: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
            ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG image"),
            ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1], "ELF executable"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "legacy Microsoft Office"),
            (Array("BZh91AY&SY".utf8), "bzip2"),
            ([0x41, 0x00, 0x42, 0x00, 0x00, 0x13, 0x37], "binary data"),
        ]
        for (bytes, what) in cases {
            guard case .unsupported(let found, let fix) = detect(bytes) else { return XCTFail("\(what) was not refused") }
            XCTAssertTrue(found.contains(what), "\(found) should name \(what)")
            XCTAssertFalse(fix.isEmpty)
            XCTAssertFalse(fix.contains("iconv"))
        }
    }

    func testTranslationMemoriesAndCatalogsPointToVersoCheck() throws {
        guard case .unsupported(let what, let fix) = detect(Array("<?xml version=\"1.0\"?><tmx version=\"1.4\"></tmx>".utf8), "m.tmx") else { return XCTFail() }
        XCTAssertTrue(what.contains("TMX"), what)
        XCTAssertTrue(fix.contains("verso check"), fix)
        guard case .unsupported(let po, _) = detect(Array("msgid \"\"\nmsgstr \"\"\n".utf8), "fr.po") else { return XCTFail() }
        XCTAssertTrue(po.contains("PO catalog"), po)
    }

    /// The first complaint: a PDF, a zip and a broken gzip got the Latin-1 advice.
    func testPDFZipAndGzipNeverGetTheIconvAdvice() throws {
        let zip = try Fixtures.zip([("readme.txt", Array("hello".utf8))])
        let inputs: [([UInt8], String)] = [(zip, "a.zip"), ([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03], "a.txt.gz"),
                                           (Array("%PDF-1.4\n\u{1}\u{2}garbage".utf8) + [0xE9, 0xFF, 0x00], "a.pdf")]
        for (bytes, name) in inputs {
            XCTAssertThrowsError(try DocumentReader.read(data: bytes, name: name)) { error in
                let text = "\(error)"
                XCTAssertFalse(text.contains("iconv"), text)
                XCTAssertFalse(text.contains("Latin-1"), text)
                XCTAssertTrue(text.contains(name), text)
            }
        }
    }

    func testPDFWithoutPdftotextSaysWhatToInstall() throws {
        setenv("VERSO_PDFTOTEXT", "/nonexistent/pdftotext", 1)
        defer { unsetenv("VERSO_PDFTOTEXT") }
        XCTAssertThrowsError(try DocumentReader.read(data: Array("%PDF-1.4\n".utf8), name: "doc.pdf")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("pdftotext"), text)
            XCTAssertTrue(text.contains("poppler-utils"), text)
        }
    }

    func testGzipIsDecompressedAndDetectedAgain() throws {
        let html = Array("<!DOCTYPE html><html><body><h1>Title</h1><p>One. Two.</p></body></html>".utf8)
        let document = try DocumentReader.read(data: Fixtures.gzip(html), name: "page.html.gz")
        guard case .structured(let structured) = document else { return XCTFail("not read as HTML") }
        XCTAssertEqual(structured.origin.name, "page.html")
        XCTAssertEqual(structured.blocks.map(\.text), ["Title", "One. Two."])
        let text = try DocumentReader.read(data: Fixtures.gzip(Array("Plain words.\n".utf8)), name: "a.txt.gz")
        guard case .plain(let source) = text else { return XCTFail() }
        XCTAssertEqual(source.string, "Plain words.\n")
    }

    func testGzipPastTheLimitIsRefused() throws {
        var options = ReadOptions()
        options.limits.maxGunzipBytes = 1000
        XCTAssertThrowsError(try DocumentReader.read(data: Fixtures.gzip([UInt8](repeating: 0x41, count: 5000)), name: "big.txt.gz", options: options)) { error in
            XCTAssertTrue("\(error)".contains("expands past"), "\(error)")
        }
    }

    func testForcedFormatCannotMakeABinaryText() throws {
        XCTAssertThrowsError(try DocumentReader.read(data: Array("%PDF-1.4\n".utf8), name: "a.pdf", options: ReadOptions(format: .html))) { error in
            XCTAssertTrue("\(error)".contains("leave out --input-format"), "\(error)")
        }
        // Forcing text on HTML reads the markup as text: the user asked for it.
        let forced = try DocumentReader.read(data: Array("<p>Hi</p>".utf8), name: "a.html", options: ReadOptions(format: .text))
        guard case .plain(let source) = forced else { return XCTFail() }
        XCTAssertEqual(source.string, "<p>Hi</p>")
    }

    func testJunkNeverCrashesAReader() throws {
        var generator = SplitMix(seed: 12)
        for round in 0..<200 {
            let bytes = (0..<(round * 7 % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            for format in DocumentFormat.allCases where format != .pdf {
                _ = try? DocumentReader.read(data: bytes, name: "junk", options: ReadOptions(format: format))
                _ = try? DocumentReader.read(data: Array("<html><body><p>".utf8) + bytes, name: "junk.html")
            }
        }
    }
}

/// A small seeded generator for junk input (no unseeded randomness in tests).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Builds containers for the tests.
enum Fixtures {
    /// A zip archive made with ZIPFoundation.
    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// gzip with one stored deflate block per 65,535 bytes (no compressor needed).
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var offset = 0
        repeat {
            let n = min(65535, bytes.count - offset)
            out.append(offset + n == bytes.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += bytes[offset..<(offset + n)]
            offset += n
        } while offset < bytes.count
        let crc = crc32(bytes)
        for value in [crc, UInt32(truncatingIfNeeded: bytes.count)] {
            out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
        }
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFFFFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1 }
        }
        return ~crc
    }

    /// A zip of one stored entry whose headers declare `declared` bytes uncompressed.
    static func zipDeclaring(_ declared: UInt32, path: String, content: [UInt8]) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        let name = Array(path.utf8)
        let crc = crc32(content)
        var local: [UInt8] = le32(0x04034B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
        local += le32(crc) + le32(UInt32(content.count)) + le32(declared) + le16(name.count) + le16(0) + name + content
        var central: [UInt8] = le32(0x02014B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
        central += le32(crc) + le32(UInt32(content.count)) + le32(declared) + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0)
        central += le32(0) + le32(0) + name
        let end: [UInt8] = le32(0x06054B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count)) + le32(UInt32(local.count)) + le16(0)
        return local + central + end
    }

    static func docx(body: String, styles: String? = nil, footnotes: String? = nil) throws -> [UInt8] {
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        var entries: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("word/document.xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(ns)><w:body>\(body)</w:body></w:document>".utf8)),
        ]
        if let styles { entries.append(("word/styles.xml", Array("<?xml version=\"1.0\"?><w:styles \(ns)>\(styles)</w:styles>".utf8))) }
        if let footnotes { entries.append(("word/footnotes.xml", Array("<?xml version=\"1.0\"?><w:footnotes \(ns)>\(footnotes)</w:footnotes>".utf8))) }
        return try zip(entries)
    }
}
