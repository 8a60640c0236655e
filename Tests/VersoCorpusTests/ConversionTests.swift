import Foundation
import VersoCheck
@testable import VersoCorpus
import VersoTestSupport
import XCTest

final class ConversionTests: XCTestCase {
    private func fixtureTMX() throws -> URL {
        try Fixtures.file(try TMXWriter.render(Fixtures.units, header: Fixtures.header, options: ExportOptions(keepEmpty: true)).text,
                          name: "memory.tmx")
    }

    func testDetectsFormatsFromExtensions() {
        XCTAssertEqual(CorpusFormat.detect(path: "a/b.TMX"), .tmx)
        XCTAssertEqual(CorpusFormat.detect(path: "b.tsv"), .tsv)
        XCTAssertEqual(CorpusFormat.detect(path: "b.jsonl"), .jsonl)
        XCTAssertEqual(CorpusFormat.detect(path: "b.xlf"), .xliff)
        XCTAssertEqual(CorpusFormat.detect(path: "b.xliff"), .xliff)
        XCTAssertNil(CorpusFormat.detect(path: "corpus"))
    }

    func testTMXToTSVWithFilters() throws {
        let input = try fixtureTMX()
        let output = input.deletingLastPathComponent().appendingPathComponent("out.tsv")
        let report = try Conversion(input: input.path, from: .tmx, output: output.path, to: .tsv,
                                    filter: ExportFilter(minScore: 0.6, excludeCodes: ["stray-period"])).run()
        XCTAssertEqual(report.read, 4)
        XCTAssertEqual(report.dropped, [.lowScore: 2, .excludedCode: 1])
        XCTAssertEqual(report.written.written, 1)
        let text = try String(contentsOf: output, encoding: .utf8)
        XCTAssertEqual(text, "source\ttarget\tscore\tcodes\nLine one\\nline two\\twith a tab\\\\backslash\tLigne un\\nligne deux\\tavec tabulation\\\\\t1\t\n")
        XCTAssertTrue(report.summary.contains("dropped 2: score below minimum"))
    }

    func testTMXToTMXKeepsEverything() throws {
        let input = try fixtureTMX()
        let output = input.deletingLastPathComponent().appendingPathComponent("copy.tmx")
        let report = try Conversion(input: input.path, from: .tmx, output: output.path, to: .tmx,
                                    options: ExportOptions(keepEmpty: true)).run()
        XCTAssertEqual(report.written.written, 4)
        let (units, reader) = try TMXReader.readAll(path: output.path)
        XCTAssertEqual(units, Fixtures.units)
        XCTAssertEqual(reader.header.signature?.hasSuffix("converted-from:tmx"), true)
    }

    func testMosesOutputAndInput() throws {
        let input = try fixtureTMX()
        let folder = input.deletingLastPathComponent()
        let prefix = folder.appendingPathComponent("corpus").path
        let report = try Conversion(input: input.path, from: .tmx, output: prefix, to: .moses).run()
        XCTAssertEqual(report.outputs, [prefix + ".en", prefix + ".fr"])
        XCTAssertEqual(report.written.leftOutEmpty, 1)
        let back = folder.appendingPathComponent("back.jsonl")
        _ = try Conversion(input: prefix, from: .moses, output: back.path, to: .jsonl, sourceLanguage: "en", targetLanguage: "fr").run()
        let units = try JSONLReader(.file(back.path)).readAll()
        XCTAssertEqual(units.map(\.target), Fixtures.kept.map { $0.target.replacingOccurrences(of: "\n", with: " ") })
    }

    func testLanguagesAreNeededWhenTheInputHasNone() throws {
        let input = try Fixtures.file("Hello\tBonjour\n", name: "p.tsv")
        let output = input.deletingLastPathComponent().appendingPathComponent("p.tmx")
        let error = Fixtures.versoError { _ = try Conversion(input: input.path, from: .tsv, output: output.path, to: .tmx).run() }
        XCTAssertEqual(error?.kind, .usage)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        _ = try Conversion(input: input.path, from: .tsv, output: output.path, to: .tmx, sourceLanguage: "en", targetLanguage: "fr").run()
        XCTAssertEqual(try TMXReader.readAll(path: output.path).units, [TranslationUnit(source: "Hello", target: "Bonjour")])
    }

    /// A failure half way leaves the earlier output untouched and no temporary file behind.
    func testFailureLeavesTheOldOutput() throws {
        let folder = try TestSupport.temporaryDirectory()
        let input = folder.appendingPathComponent("broken.tsv")
        try Fixtures.write("a\tb\nc\td\n" + String(repeating: "x\ty\n", count: 100_000) + "only-one-field\n", to: input)
        let output = folder.appendingPathComponent("out.jsonl")
        try Fixtures.write("previous\n", to: output)
        let error = Fixtures.versoError { _ = try Conversion(input: input.path, from: .tsv, output: output.path, to: .jsonl).run() }
        XCTAssertEqual(error?.line, 100_003)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "previous\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["broken.tsv", "out.jsonl"])
    }

    /// A device is written to, never replaced by a regular file (the rule of every output).
    func testSpecialFilesAreWrittenToNotReplaced() throws {
        let input = try Fixtures.file("a\tb\n", name: "p.tsv")
        XCTAssertEqual(try Conversion(input: input.path, from: .tsv, output: "/dev/null", to: .tsv).run().written.written, 1)
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
    }

    func testEmptyInputGivesAnEmptyValidDocument() throws {
        let input = try Fixtures.file("", name: "empty.tsv")
        let output = input.deletingLastPathComponent().appendingPathComponent("empty.tmx")
        let report = try Conversion(input: input.path, from: .tsv, output: output.path, to: .tmx, sourceLanguage: "en", targetLanguage: "fr").run()
        XCTAssertEqual(report.read, 0)
        try Fixtures.assertValidTMX(try String(contentsOf: output, encoding: .utf8))
    }
}
