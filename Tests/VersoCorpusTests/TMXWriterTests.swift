import Foundation
import VersoCheck
@testable import VersoCorpus
import VersoTestSupport
import XCTest

final class TMXWriterTests: XCTestCase {
    private func render(_ units: [TranslationUnit] = Fixtures.units, options: ExportOptions = ExportOptions()) throws -> (text: String, counts: WriterCounts) {
        try TMXWriter.render(units, header: Fixtures.header, options: options)
    }

    func testValidatesAgainstTheDTD() throws {
        let (text, counts) = try render()
        try Fixtures.assertValidTMX(text)
        XCTAssertEqual(counts.written, 3)
        XCTAssertEqual(counts.leftOutEmpty, 1)
    }

    func testHeaderHasEveryRequiredAttribute() throws {
        let text = try render().text
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"))
        for attribute in ["creationtool=\"Verso\"", "creationtoolversion=\"0.1.0\"", "segtype=\"sentence\"", "o-tmf=\"Verso\"",
                          "adminlang=\"en\"", "srclang=\"en\"", "datatype=\"plaintext\"", "creationdate=\"20240618T084000Z\""] {
            XCTAssertTrue(text.contains(attribute), attribute)
        }
        XCTAssertTrue(text.contains("<prop type=\"x-verso-signature\">verso:0.1.0|icu:72.1|unicode:15.0|aligner:test</prop>"))
    }

    /// What the DTD does not check: no byte-order mark, xml:lang on every tuv, one tuv per language.
    func testWhatTheDTDMisses() throws {
        let text = try render(options: ExportOptions(keepEmpty: true)).text
        XCTAssertNotEqual(Array(text.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        let tus = text.components(separatedBy: "<tu>").dropFirst()
        XCTAssertEqual(tus.count, 4)
        for tu in tus {
            let tuvs = tu.components(separatedBy: "<tuv").dropFirst()
            XCTAssertEqual(tuvs.count, 2)
            let languages = tuvs.map { tuv -> String? in
                guard let range = tuv.range(of: #"^ xml:lang="([^"]+)">"#, options: .regularExpression) else { return nil }
                return String(tuv[range].dropFirst(11).dropLast(2))
            }
            XCTAssertEqual(languages, ["en", "fr"], "every tuv names its language, each language once")
        }
    }

    func testPropsAndNotesCarryScoreFindingsAndMessages() throws {
        let text = try render().text
        XCTAssertTrue(text.contains("<prop type=\"x-verso-score\">0.93</prop>"))
        XCTAssertTrue(text.contains("<prop type=\"x-verso-flags\">stray-period entity-mistranslation</prop>"))
        XCTAssertTrue(text.contains("<prop type=\"x-verso-finding\">stray-period major fluency target 10-11</prop>"))
        XCTAssertTrue(text.contains("<prop type=\"x-verso-finding\">entity-mistranslation critical accuracy target -</prop>"))
        XCTAssertTrue(text.contains("<note>[stray-period] A period splits \"Kim Jong. ONU.\" &lt;here&gt; &amp; there</note>"))
        XCTAssertTrue(text.contains("<note>checked by hand</note>"))
        XCTAssertTrue(text.contains("<prop type=\"x-verso-source-index\">1 2</prop>"))
        XCTAssertTrue(text.contains("<prop type=\"x-verso-score\">1</prop>"))
    }

    func testEscapingKeepsQuotesSpacesAndAstralCharacters() throws {
        let text = try render().text
        XCTAssertTrue(text.contains("<seg>a &lt; b &amp;&amp; c &gt; d \"quoted\" 'single' ]]&gt; 😀 𝄞</seg>"))
        XCTAssertTrue(text.contains("'simple' ]]&gt; 😀 𝄞\u{00A0}!\u{202F}?</seg>"), "U+00A0 and U+202F are written as they are")
        XCTAssertFalse(text.contains("&#"), "no character references for characters XML allows")
        try Fixtures.assertValidTMX(text)
    }

    func testEmptyDocumentIsValid() throws {
        let (text, counts) = try render([])
        XCTAssertFalse(text.contains("<tu>"))
        XCTAssertTrue(text.contains("<body>\n  </body>"))
        XCTAssertEqual(counts.written, 0)
        try Fixtures.assertValidTMX(text)
    }

    func testKeepEmptyWritesEmptySegments() throws {
        let (text, counts) = try render(options: ExportOptions(keepEmpty: true))
        XCTAssertEqual(counts.leftOutEmpty, 0)
        XCTAssertTrue(text.contains("<tuv xml:lang=\"en\"><seg></seg></tuv>"))
        try Fixtures.assertValidTMX(text)
    }

    func testControlCharactersAreReplacedAndCounted() throws {
        let unit = TranslationUnit(source: "bell\u{7} and nul\u{0} and CR\r", target: "sonnette\u{1B}\u{FFFE}")
        let (text, counts) = try render([unit])
        XCTAssertEqual(counts.replacedCharacters, 4)
        XCTAssertTrue(text.contains("<seg>bell\u{FFFD} and nul\u{FFFD} and CR&#13;</seg>"), "CR survives as a reference")
        try Fixtures.assertValidTMX(text)
    }

    func testControlCharactersCanBeRefused() throws {
        let units = [TranslationUnit(source: "fine", target: "bien"), TranslationUnit(source: "bad\u{8}", target: "mauvais")]
        let error = Fixtures.versoError { _ = try render(units, options: ExportOptions(invalidCharacters: .refuse)) }
        XCTAssertEqual(error?.kind, .badData)
        XCTAssertTrue(error?.message.contains("unit 2 contains U+0008") ?? false, error?.message ?? "")
    }

    func testSameLanguagesAreRefused() throws {
        var header = Fixtures.header
        header.targetLanguage = "EN"
        let error = Fixtures.versoError { _ = try TMXWriter.render(Fixtures.units, header: header) }
        XCTAssertEqual(error?.kind, .usage)
    }

    func testHugeSegment() throws {
        let big = String(repeating: "Une phrase très longue & <sûre>. ", count: 32_000)  // over 1 MB
        XCTAssertGreaterThan(big.utf8.count, 1 << 20)
        let (text, _) = try render([TranslationUnit(source: "Long.", target: big)])
        try Fixtures.assertValidTMX(text)
        let back = try Fixtures.readTMX(text).units
        XCTAssertEqual(back.map(\.target), [big])
    }

    /// The golden file is what the writer produces for the fixtures, and it is valid TMX.
    func testGoldenFileIsValidAndCurrent() throws {
        let golden = TestSupport.repoRoot.appendingPathComponent("Tests/VersoCorpusTests/Golden/fixtures.tmx")
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let dtd = try TestSupport.requireShared("tmx/tmx14.dtd")
        let result = try Fixtures.xmllint(["--noout", "--nonet", "--dtdvalid", dtd.path, golden.path])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try render().text, expected, "regenerate with VERSO_REGENERATE_GOLDEN=1 after checking the change")
        XCTAssertEqual(try Fixtures.readTMX(expected).units, Fixtures.kept)
    }

    func testRegenerateGolden() throws {
        guard ProcessInfo.processInfo.environment["VERSO_REGENERATE_GOLDEN"] == "1" else {
            throw XCTSkip("set VERSO_REGENERATE_GOLDEN=1 to rewrite Golden/fixtures.tmx")
        }
        let golden = TestSupport.repoRoot.appendingPathComponent("Tests/VersoCorpusTests/Golden/fixtures.tmx")
        try Fixtures.write(try render().text, to: golden)
    }
}
