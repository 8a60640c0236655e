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
}
