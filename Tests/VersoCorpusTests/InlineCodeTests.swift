import Foundation
import VersoCheck
@testable import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

/// Placeholders travel: every writer puts a unit's inline codes where its format keeps them, and
/// the TMX, XLIFF and JSONL readers give them back.
final class InlineCodeTests: XCTestCase {
    /// "Click <b>Save</b><br/> or <a href="x">cancel</a>" with an isolated end (a span that
    /// began in the previous segment) and codes whose spans overlap in the target; ids numbered
    /// in reading order on each side, as `InlineCode` says.
    static var unit: TranslationUnit {
        var unit = TranslationUnit(source: "Click Save or cancel & go", target: "Cliquez sur Enregistrer ou annulez & partez", notes: ["a dialog"])
        unit.sourceCodes = [
            InlineCode(kind: .open, id: 1, offset: 6, original: "<b>", type: "b"),
            InlineCode(kind: .close, id: 1, offset: 10, original: "</b>", type: "b"),
            InlineCode(kind: .standalone, id: 2, offset: 10, original: "<br/>", type: "lb"),
            InlineCode(kind: .open, id: 3, offset: 14, original: "<a href=\"x\">", type: "link"),
            InlineCode(kind: .close, id: 3, offset: 20, original: "</a>", type: "link"),
            InlineCode(kind: .close, id: 4, offset: 25, original: "</i>", type: "i"),
        ]
        unit.targetCodes = [
            InlineCode(kind: .open, id: 1, offset: 12, original: "<b>", type: "b"),
            InlineCode(kind: .open, id: 2, offset: 12, original: "<a href=\"x\">", type: "link"),
            InlineCode(kind: .close, id: 1, offset: 23, original: "</b>", type: "b"),
            InlineCode(kind: .close, id: 2, offset: 34, original: "</a>", type: "link"),
            InlineCode(kind: .open, id: 3, offset: 43, original: "<i>", type: "i"),
        ]
        return unit
    }

    private var units: [TranslationUnit] { Fixtures.kept + [Self.unit] }

    func testTMXWritesTheCodesValidAgainstTheDTDAndReadsThemBack() throws {
        let text = try TMXWriter.render(units, header: Fixtures.header).text
        XCTAssertTrue(text.contains("<seg>Click <bpt i=\"1\" type=\"b\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept><ph x=\"2\" type=\"lb\">&lt;br/&gt;</ph> or <bpt i=\"3\" type=\"link\">&lt;a href=\"x\"&gt;</bpt>cancel<ept i=\"3\">&lt;/a&gt;</ept> &amp; go<it pos=\"end\" x=\"4\" type=\"i\">&lt;/i&gt;</it></seg>"), text)
        XCTAssertTrue(text.contains("partez<it pos=\"begin\" x=\"3\" type=\"i\">&lt;i&gt;</it></seg>"))
        try Fixtures.assertValidTMX(text)
        let back = try Fixtures.readTMX(text).units
        XCTAssertEqual(back.map(\.sourceCodes), units.map(\.sourceCodes))
        XCTAssertEqual(back.map(\.targetCodes), units.map(\.targetCodes))
        XCTAssertEqual(back, units)
        XCTAssertEqual(try TMXWriter.render(back, header: Fixtures.header).text, text, "a second round gives the same bytes")
    }

    func testXLIFF2WritesPhPcAndScEcAndReadsThemBack() throws {
        let text = try XLIFFWriter.render(units, header: Fixtures.header).text
        let url = try Fixtures.file(text, name: "codes.xlf")
        let lint = try Fixtures.xmllint(["--noout", "--nonet", url.path])
        XCTAssertEqual(lint.status, 0, lint.errors)
        // The source nests: <pc>; the target's spans overlap: <sc>/<ec>; the isolated codes.
        XCTAssertTrue(text.contains("<source>Click <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\" type=\"other\" subType=\"verso:b\">Save</pc><ph id=\"2\" dataRef=\"d3\" type=\"other\" subType=\"verso:lb\"/> or <pc id=\"3\" dataRefStart=\"d4\" dataRefEnd=\"d5\" type=\"link\">cancel</pc> &amp; go<ec id=\"4\" isolated=\"yes\" dataRef=\"d6\" type=\"other\" subType=\"verso:i\"/></source>"), text)
        XCTAssertTrue(text.contains("<target>Cliquez sur <sc id=\"1\" dataRef=\"d7\" type=\"other\" subType=\"verso:b\"/><sc id=\"2\" dataRef=\"d8\" type=\"link\"/>Enregistrer<ec startRef=\"1\" dataRef=\"d9\"/> ou annulez<ec startRef=\"2\" dataRef=\"d10\"/> &amp; partez<sc id=\"3\" isolated=\"yes\" dataRef=\"d11\" type=\"other\" subType=\"verso:i\"/></target>"), text)
        XCTAssertTrue(text.contains("<data id=\"d4\">&lt;a href=\"x\"&gt;</data>"))
        let order = ["<notes>", "<originalData>", "<segment"].compactMap { text.components(separatedBy: "<unit id=\"u4\">").last?.range(of: $0)?.lowerBound }
        XCTAssertEqual(order.count, 3)
        XCTAssertEqual(order, order.sorted())
        let back = try XLIFFReader(.data(Data(text.utf8), name: "t")).readAll()
        XCTAssertEqual(back, units.map { var u = $0; u.status = .translated; return u })
    }

    func testJSONLCarriesCodesInFieldsOfTheirOwn() throws {
        var unit = Self.unit
        unit.flags = ["c-format", "fuzzy"]
        (unit.status, unit.context, unit.pluralForm) = (.fuzzy, "menu", 1)
        let text = try JSONLWriter.render([unit]).text
        XCTAssertTrue(text.contains("\"source\": [\"Click Save or cancel & go\"]"), "the text stays plain")
        XCTAssertTrue(text.contains("\"source_codes\": [{\"kind\": \"open\", \"id\": 1, \"offset\": 6, \"original\": \"<b>\", \"type\": \"b\"}, "))
        XCTAssertTrue(text.contains("\"unit_flags\": [\"c-format\", \"fuzzy\"], \"status\": \"fuzzy\", \"context\": \"menu\", \"plural_form\": 1"))
        XCTAssertEqual(try JSONLReader(.data(Data(text.utf8), name: "t")).readAll(), [unit])
    }

    func testTSVWritesPlainText() throws {
        let tsv = try TSVWriter.render([Self.unit], options: ExportOptions(tsvHeader: false)).text
        XCTAssertEqual(tsv, "Click Save or cancel & go\tCliquez sur Enregistrer ou annulez & partez\t\t\n")
    }

    func testCodesOfAlignedSegmentsAreJoinedIntoTheUnit() {
        let joined = InlineCode.joined([
            (text: "One.", codes: [InlineCode(kind: .standalone, id: 1, offset: 0, original: "<br/>", type: "")]),
            (text: "Two <b>x</b>", codes: [InlineCode(kind: .open, id: 1, offset: 4, original: "<b>", type: "b"),
                                           InlineCode(kind: .close, id: 1, offset: 5, original: "</b>", type: "b")]),
        ])
        XCTAssertEqual(joined.map(\.offset), [0, 9, 10])
        XCTAssertEqual(joined.map(\.id), [1, 2, 2])
    }

    func testPiecesClampCodesPastTheEnd() {
        let pieces = InlineMarkup.pieces("ab", [InlineCode(kind: .standalone, id: 1, offset: 99, original: "", type: "")])
        XCTAssertEqual(pieces.count, 2)
        XCTAssertEqual(pieces.first, .text("ab"))
    }
}
