import Foundation
import VersoCheck
@testable import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

final class XLIFFTests: XCTestCase {
    func testWellFormedAndStructured() throws {
        let (text, counts) = try XLIFFWriter.render(Fixtures.units, header: Fixtures.header)
        XCTAssertEqual(counts.written, 3)
        let url = try Fixtures.file(text, name: "out.xlf")
        let lint = try Fixtures.xmllint(["--noout", "--nonet", url.path])
        XCTAssertEqual(lint.status, 0, lint.errors)
        XCTAssertTrue(text.contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""))
        XCTAssertTrue(text.contains("version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">"))
        XCTAssertEqual(text.components(separatedBy: "<unit id=").count - 1, 3)
        XCTAssertTrue(text.contains("<note category=\"stray-period\" appliesTo=\"target\" priority=\"3\">A period splits \"Kim Jong. ONU.\" &lt;here&gt; &amp; there</note>"))
        // Notes come before the segment, metadata before the notes (XLIFF 2.0 unit content order).
        let unit = try XCTUnwrap(text.components(separatedBy: "<unit id=\"u1\">").last)
        let order = ["<mda:metadata>", "<notes>", "<segment"].map { unit.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())
    }

    func testRoundTrip() throws {
        let text = try XLIFFWriter.render(Fixtures.units, header: Fixtures.header, options: ExportOptions(keepEmpty: true)).text
        let reader = XLIFFReader(.data(Data(text.utf8), name: "t.xlf"))
        // XLIFF carries each segment's state: every fixture unit has a target, so "translated".
        XCTAssertEqual(try reader.readAll(), Fixtures.units.map { var u = $0; u.status = .translated; return u })
        XCTAssertEqual(reader.sourceLanguage, "en")
        XCTAssertEqual(reader.fileMetadata["signature"], Fixtures.header.signature.description)
    }

    func testControlCharactersTravelAsCodePoints() throws {
        let unit = TranslationUnit(source: "bell\u{7}", target: "cloche\u{1B}", notes: ["note\u{1}"])
        let (text, counts) = try XLIFFWriter.render([unit], header: Fixtures.header)
        XCTAssertTrue(text.contains("<source>bell<cp hex=\"0007\"/></source>"))
        XCTAssertEqual(counts.replacedCharacters, 3)
        let back = try XLIFFReader(.data(Data(text.utf8), name: "t")).readAll()
        XCTAssertEqual(back.first?.source, "bell\u{7}")
        XCTAssertEqual(back.first?.target, "cloche\u{1B}")
        XCTAssertEqual(back.first?.notes, ["note\u{FFFD}"], "notes cannot hold <cp>: replaced")
    }

    func testEmptyDocumentIsWellFormedAndReadsEmpty() throws {
        let text = try XLIFFWriter.render([], header: Fixtures.header).text
        XCTAssertTrue(text.contains("<group id=\"g1\"/>"))
        let url = try Fixtures.file(text, name: "empty.xlf")
        XCTAssertEqual(try Fixtures.xmllint(["--noout", "--nonet", url.path]).status, 0)
        XCTAssertEqual(try XLIFFReader(.data(Data(text.utf8), name: "t")).readAll(), [])
    }

    func testSegmentsAndInlineMarkup() throws {
        let xliff = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en-US" trgLang="fr-FR">
         <file id="f"><unit id="1">
          <originalData><data id="d1">&lt;br/&gt;</data><data id="d2">&lt;b&gt;</data><data id="d3">&lt;/b&gt;</data></originalData>
          <segment state="final"><source>Hello <pc id="1" dataRefStart="d2" dataRefEnd="d3" type="fmt" subType="verso:b">bold</pc><ph id="2" dataRef="d1"/>.</source><target>Bonjour <pc id="1" dataRefStart="d2" dataRefEnd="d3">gras</pc>.</target></segment>
          <ignorable><source> </source></ignorable>
          <segment state="translated"><source>Bye<sc id="3"/> now<ec startRef="3"/><ec id="4" isolated="yes"/>.</source></segment>
         </unit></file>
        </xliff>
        """
        let reader = XLIFFReader(.data(Data(xliff.utf8), name: "t"))
        var expected = TranslationUnit(source: "Hello bold. Bye now.", target: "Bonjour gras. ")
        expected.sourceCodes = [
            InlineCode(kind: .open, id: 1, offset: 6, original: "<b>", type: "b"),
            InlineCode(kind: .close, id: 1, offset: 10, original: "</b>", type: "b"),
            InlineCode(kind: .standalone, id: 2, offset: 10, original: "<br/>", type: ""),
            InlineCode(kind: .open, id: 3, offset: 15, original: "", type: ""),
            InlineCode(kind: .close, id: 3, offset: 19, original: "", type: ""),
            InlineCode(kind: .close, id: 4, offset: 19, original: "", type: ""),
        ]
        expected.targetCodes = [InlineCode(kind: .open, id: 1, offset: 8, original: "<b>", type: ""),
                                InlineCode(kind: .close, id: 1, offset: 12, original: "</b>", type: "")]
        expected.status = .translated
        let units = try reader.readAll()
        XCTAssertEqual(units, [expected])
        XCTAssertEqual(units.first?.line, 2)
        XCTAssertEqual(reader.targetLanguage, "fr-FR")
    }

    func testOtherVersionsAndEntitiesAreRefused() throws {
        let old = Fixtures.versoError { _ = try XLIFFReader(.data(Data("<xliff version=\"3.0\"><file/></xliff>".utf8), name: "t")).readAll() }
        XCTAssertTrue(old?.message.contains("XLIFF version \"3.0\" is not supported") ?? false, old?.message ?? "")
        let xxe = "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xliff version=\"2.0\">&x;</xliff>"
        let error = Fixtures.versoError { _ = try XLIFFReader(.data(Data(xxe.utf8), name: "t")).readAll() }
        XCTAssertTrue(error?.message.contains("internal subset") ?? false)
    }
}

final class ExportFilterTests: XCTestCase {
    private func unit(_ name: String, score: Double?, _ findings: [(String, Severity)] = []) -> TranslationUnit {
        TranslationUnit(source: name, target: name.uppercased(), score: score,
                        findings: findings.map { Finding(code: $0.0, category: .accuracy, severity: $0.1, message: "", side: .target, bead: 0) })
    }

    func testEachRuleKeepsExactlyTheRightUnits() {
        let units = [unit("a", score: 0.9), unit("b", score: 0.3), unit("c", score: nil),
                     unit("d", score: 0.8, [("stray-period", .minor)]), unit("e", score: 0.95, [("entity-mistranslation", .critical)]),
                     unit("a", score: 0.9), unit("f", score: 0.7, [("number-mismatch", .major)])]
        func sources(_ filter: ExportFilter) -> [String] { filter.apply(units).kept.map(\.source) }
        XCTAssertEqual(sources(ExportFilter()), ["a", "b", "c", "d", "e", "a", "f"])
        XCTAssertEqual(sources(ExportFilter(minScore: 0.75)), ["a", "c", "d", "e", "a"], "no score: kept")
        XCTAssertEqual(sources(ExportFilter(excludeCodes: ["stray-period", "number-mismatch"])), ["a", "b", "c", "e", "a"])
        XCTAssertEqual(sources(ExportFilter(maxSeverity: .minor)), ["a", "b", "c", "d", "a"])
        XCTAssertEqual(sources(ExportFilter(maxSeverity: .major)), ["a", "b", "c", "d", "a", "f"])
        XCTAssertEqual(sources(ExportFilter(dedupe: true)), ["a", "b", "c", "d", "e", "f"])
    }

    func testDroppedCountsByFirstReason() {
        let units = [unit("a", score: 0.1, [("x", .critical)]), unit("b", score: 0.9, [("x", .critical)]),
                     unit("c", score: 0.9, [("y", .critical)]), unit("d", score: 0.9), unit("d", score: 0.2), unit("d", score: 0.9)]
        let result = ExportFilter(minScore: 0.5, excludeCodes: ["x"], maxSeverity: .major, dedupe: true).apply(units)
        XCTAssertEqual(result.kept.map(\.source), ["d"])
        XCTAssertEqual(result.dropped, [.lowScore: 2, .excludedCode: 1, .severity: 1, .duplicate: 1])
    }
}
