import XCTest
import VersoTestSupport
@testable import VersoText

/// Segmentation loses nothing: segments plus the text between them give back the input byte
/// for byte, for every file in Corpora and for Debian's FAQ text files.
final class RoundTripTests: XCTestCase {
    private func assertRoundTrip(_ bytes: [UInt8], name: String, language: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let source = try SourceText(data: bytes, name: name)
        let doc = try Segmenter(language: language).segment(source)
        XCTAssertEqual(doc.reconstructed(), bytes, "round trip of \(name)", file: file, line: line)
        var previous = 0
        for s in doc.segments {
            XCTAssertGreaterThanOrEqual(s.byteRange.lowerBound, previous, name, file: file, line: line)
            XCTAssertFalse(s.text.isEmpty, name, file: file, line: line)
            previous = s.byteRange.upperBound
        }
        let lines = Segmenter.lines(source, language: language)
        XCTAssertEqual(lines.reconstructed(), bytes, "line round trip of \(name)", file: file, line: line)
    }

    func testEveryCorporaFileRoundTrips() throws {
        let enumerator = FileManager.default.enumerator(at: TestSupport.corpora, includingPropertiesForKeys: nil)
        var count = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "txt" else { continue }
            let language = url.lastPathComponent.contains(".fr.") ? "fr" : "en"
            try assertRoundTrip([UInt8](try Data(contentsOf: url)), name: url.path, language: language)
            count += 1
        }
        XCTAssertGreaterThan(count, 0, "no .txt files found under Corpora")
    }

    func testDebianFAQTextFilesRoundTrip() throws {
        var tested = 0
        for (path, language) in [("/usr/share/doc/debian/FAQ/debian-faq.en.txt.gz", "en"),
                                 ("/usr/share/doc/debian/FAQ/debian-faq.fr.txt.gz", "fr")]
        where FileManager.default.fileExists(atPath: path) {
            let bytes = try gunzip(path)
            XCTAssertGreaterThan(bytes.count, 10_000)
            try assertRoundTrip(bytes, name: path, language: language)
            tested += 1
        }
        if tested == 0 { throw XCTSkip("debian-faq / debian-faq-fr not installed (apt-get install debian-faq debian-faq-fr)") }
    }

    private func gunzip(_ path: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
