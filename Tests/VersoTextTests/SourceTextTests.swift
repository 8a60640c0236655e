import XCTest
import VersoTestSupport
@testable import VersoText

final class SourceTextTests: XCTestCase {
    func testInvalidUTF8NamesOffsetAndLine() {
        let bytes: [UInt8] = Array("ligne une\nligne deux \u{E9}t".utf8.prefix(21)) + [0xE9, 0x74, 0x65]
        XCTAssertThrowsError(try SourceText(data: bytes, name: "bad.txt")) { error in
            let e = error as! VersoError
            XCTAssertEqual(e.kind, .invalidEncoding)
            XCTAssertEqual(e.byteOffset, 21)
            XCTAssertEqual(e.line, 2)
            XCTAssertTrue(e.description.contains("bad.txt:2"), e.description)
            XCTAssertTrue(e.description.contains("--lossy"), e.description)
        }
    }

    func testTruncatedSequenceAtEndIsInvalid() {
        XCTAssertThrowsError(try SourceText(data: [0x41, 0xC3], name: "t"))
        XCTAssertThrowsError(try SourceText(data: [0xED, 0xA0, 0x80], name: "surrogate"))
        XCTAssertThrowsError(try SourceText(data: [0xC0, 0x80], name: "overlong"))
    }

    func testLossyReplacesAndCounts() throws {
        let text = try SourceText(data: [0x61, 0xFF, 0x62, 0xC3], name: "t", lossy: true)
        XCTAssertEqual(text.string, "a\u{FFFD}b\u{FFFD}")
        XCTAssertEqual(text.replacements, 2)
    }

    func testUTF16WithBOMIsDecoded() throws {
        let le: [UInt8] = [0xFF, 0xFE] + "Été 😀".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + "Été 😀".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(try SourceText(data: le, name: "le").string, "Été 😀")
        XCTAssertEqual(try SourceText(data: be, name: "be").encoding, .utf16BE)
        XCTAssertEqual(try SourceText(data: be, name: "be").string, "Été 😀")
        XCTAssertThrowsError(try SourceText(data: [0xFF, 0xFE, 0x41], name: "odd"))
    }

    func testBOMIsKeptForRoundTrip() throws {
        let text = try SourceText(data: [0xEF, 0xBB, 0xBF, 0x41], name: "bom")
        XCTAssertEqual(text.bytes, [0x41])
        XCTAssertEqual(text.originalBytes, [0xEF, 0xBB, 0xBF, 0x41])
    }

    func testDirectoryAndMissingFileGiveClearErrors() throws {
        let dir = try TestSupport.temporaryDirectory()
        XCTAssertThrowsError(try SourceText.read(path: dir.path)) { error in
            XCTAssertEqual((error as? VersoError)?.kind, .notAFile)
        }
        XCTAssertThrowsError(try SourceText.read(path: dir.appendingPathComponent("nope.txt").path)) { error in
            XCTAssertEqual((error as? VersoError)?.kind, .unreadable)
            XCTAssertTrue("\(error)".contains("nope.txt"))
        }
    }

    // Issue 15: UTF-32, unmarked UTF-16/UTF-32, and what invalid UTF-8 looks like instead.

    func testUTF32WithBOMIsDecodedNotReadAsUTF16() throws {
        let text = "Été 😀"
        let le: [UInt8] = [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        let be: [UInt8] = [0, 0, 0xFE, 0xFF] + text.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        XCTAssertEqual(try SourceText(data: le, name: "le").encoding, .utf32LE)
        XCTAssertEqual(try SourceText(data: le, name: "le").string, text)
        XCTAssertEqual(try SourceText(data: be, name: "be").string, text)
        XCTAssertThrowsError(try SourceText(data: le.dropLast(), name: "short")) { error in
            XCTAssertTrue("\(error)".contains("not a multiple of 4"), "\(error)")
        }
        let surrogate: [UInt8] = [0xFF, 0xFE, 0, 0, 0x00, 0xD8, 0, 0]
        XCTAssertThrowsError(try SourceText(data: surrogate, name: "bad")) { error in
            XCTAssertEqual((error as? VersoError)?.byteOffset, 4)
        }
        XCTAssertEqual(try SourceText(data: surrogate, name: "bad", lossy: true).string, "\u{FFFD}")
    }

    func testUnmarkedWideEncodingsAreNamed() {
        let text = "A plain line of text.\nAnd another."
        let cases: [(String, [UInt8])] = [
            ("UTF-16LE", text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("UTF-16BE", text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("UTF-32LE", text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }),
            ("UTF-32BE", text.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }),
        ]
        for (name, bytes) in cases {
            XCTAssertThrowsError(try SourceText(data: bytes, name: "f.txt"), name) { error in
                XCTAssertTrue("\(error)".contains("looks like \(name) without a byte-order mark"), "\(error)")
                XCTAssertTrue("\(error)".contains("iconv -f \(name) -t UTF-8"), "\(error)")
            }
        }
        // A few NULs in UTF-8 text are not a wide encoding.
        XCTAssertNoThrow(try SourceText(data: Array("one\u{0}two three four five six".utf8), name: "nul"))
    }

    func testInvalidUTF8IsDiagnosed() {
        func message(_ bytes: [UInt8]) -> String {
            do { _ = try SourceText(data: bytes, name: "f"); return "no error" } catch { return "\(error)" }
        }
        let cesu = message(Array("a ".utf8) + [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80])
        XCTAssertTrue(cesu.contains("UTF-16 surrogate"), cesu)
        XCTAssertFalse(cesu.contains("Latin-1"), cesu)
        XCTAssertTrue(message([0x61, 0xC0, 0x80]).contains("overlong"))
        XCTAssertTrue(message(Array("fin ".utf8) + [0xE2, 0x82]).contains("ends in the middle of a character"))
        XCTAssertTrue(message(Array("caf".utf8) + [0xE9, 0x0A]).contains("Latin-1 or Windows-1252"))
        let mixed = message(Array("déjà vu ".utf8) + [0xE9, 0x20, 0x61])
        XCTAssertTrue(mixed.contains("UTF-8 up to here"), mixed)
    }

    func testHasText() throws {
        XCTAssertFalse(SourceText(string: "").hasText)
        XCTAssertFalse(SourceText(string: " \n\t\u{00A0}\u{3000}\r\n").hasText)
        XCTAssertTrue(SourceText(string: "  x").hasText)
        XCTAssertTrue(SourceText(string: "\u{00A0}é").hasText)
    }
}
