import Foundation
@testable import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

/// XLIFF 1.2 as CAT tools write it: inline codes, <seg-source> segments, states, alt-trans.
final class XLIFF12Tests: XCTestCase {
    private func read(_ xliff: String) throws -> (units: [TranslationUnit], reader: XLIFFReader) {
        let reader = XLIFFReader(.data(Data(xliff.utf8), name: "t.xlf"))
        return (try reader.readAll(), reader)
    }

    private let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
     <file original="ui.properties" source-language="en-US" target-language="fr-FR" datatype="plaintext">
      <header><note>file-level note, not a unit's</note><tool tool-id="x" tool-name="X"/></header>
      <body>
       <group id="g1">
        <trans-unit id="1" approved="yes">
         <source>Press <g id="1" ctype="bold">Save</g><x id="2" ctype="lb"/> now</source>
         <target state="translated">Appuyez sur <g id="1" ctype="bold">Enregistrer</g><x id="2" ctype="lb"/></target>
         <alt-trans><source>Press Save</source><target>Pressez Sauver</target></alt-trans>
         <note from="dev">A button label</note>
        </trans-unit>
        <trans-unit id="2">
         <source>Open <bpt id="1">&lt;a href="x"&gt;</bpt>the file<ept id="1">&lt;/a&gt;</ept><ph id="2">{0}</ph><bx id="3" rid="7"/>bold<ex id="4" rid="7"/><it id="5" pos="close">&lt;/i&gt;</it> <mrk mtype="term">disk</mrk></source>
         <target state="needs-review-translation">Ouvrir <bpt id="1">&lt;a href="x"&gt;</bpt>le fichier<ept id="1">&lt;/a&gt;</ept><ph id="2">{0}</ph></target>
        </trans-unit>
        <trans-unit id="3"><source>Not yet</source></trans-unit>
        <trans-unit id="4" translate="no"><source>ACME</source><target>ACME</target></trans-unit>
        <bin-unit id="5" mime-type="image/png"><bin-source><external-file href="a.png"/></bin-source></bin-unit>
        <trans-unit id="6">
         <source>One. Two.</source>
         <seg-source><mrk mtype="seg" mid="a">One.</mrk> <mrk mtype="seg" mid="b">Two <g id="9">now</g>.</mrk></seg-source>
         <target state="final"><mrk mtype="seg" mid="a">Un.</mrk> <mrk mtype="seg" mid="b">Deux <g id="9">maintenant</g>.</mrk></target>
        </trans-unit>
       </group>
      </body>
     </file>
    </xliff>
    """

    func testUnitsCodesStatesAndSegments() throws {
        let (units, reader) = try read(document)
        XCTAssertEqual(reader.version, "1.2")
        XCTAssertEqual(reader.sourceLanguage, "en-US")
        XCTAssertEqual(reader.targetLanguage, "fr-FR")
        XCTAssertEqual(units.map(\.source), ["Press Save now", "Open the filebold disk", "Not yet", "One.", "Two now."])
        XCTAssertEqual(units.map(\.target), ["Appuyez sur Enregistrer", "Ouvrir le fichier", "", "Un.", "Deux maintenant."])
        XCTAssertEqual(units.map(\.status), [.final, .fuzzy, .untranslated, .final, .final])
        XCTAssertEqual(units.map(\.document), Array(repeating: "ui.properties", count: 5))
        XCTAssertEqual(units[0].notes, ["A button label"], "alt-trans and the file header are not read")
        XCTAssertEqual(units[0].sourceCodes, [
            InlineCode(kind: .open, id: 1, offset: 6, original: "", type: "bold"),
            InlineCode(kind: .close, id: 1, offset: 10, original: "", type: "bold"),
            InlineCode(kind: .standalone, id: 2, offset: 10, original: "", type: "lb"),
        ])
        XCTAssertEqual(units[1].sourceCodes, [
            InlineCode(kind: .open, id: 1, offset: 5, original: "<a href=\"x\">", type: ""),
            InlineCode(kind: .close, id: 1, offset: 13, original: "</a>", type: ""),
            InlineCode(kind: .standalone, id: 2, offset: 13, original: "{0}", type: ""),
            InlineCode(kind: .open, id: 3, offset: 13, original: "", type: ""),
            InlineCode(kind: .close, id: 3, offset: 17, original: "", type: ""),
            InlineCode(kind: .close, id: 4, offset: 17, original: "</i>", type: ""),
        ], "bpt/ept by id, bx/ex by rid, it pos=close isolated; mrk keeps its text")
        XCTAssertEqual(units[4].sourceCodes.map(\.offset), [4, 7])
        XCTAssertEqual(units[4].targetCodes.map(\.offset), [5, 15])
        XCTAssertEqual(units.map(\.line), [7, 13, 17, 20, 20])
        XCTAssertEqual(reader.notTranslatable, 1)
        XCTAssertEqual(reader.remarks, ["1 unit(s) marked translate=\"no\" were not read"])
    }

    /// A target without the source's segment marks: the whole trans-unit is one unit.
    func testSegSourceWithUnsegmentedTargetGivesOneUnit() throws {
        let xliff = """
        <xliff version="1.2"><file source-language="en" target-language="fr"><body>
        <trans-unit id="1"><source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
        <target>Un. Deux.</target></trans-unit></body></file></xliff>
        """
        let units = try read(xliff).units
        XCTAssertEqual(units.map(\.source), ["One. Two."])
        XCTAssertEqual(units.map(\.target), ["Un. Deux."])
        XCTAssertNil(units.first?.status, "a target with no state says nothing")
    }

    func testFilesInOtherLanguagesAreCounted() throws {
        let xliff = """
        <xliff version="1.2"><file source-language="en" target-language="fr"><body><trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file>
        <file source-language="en" target-language="de"><body><trans-unit id="1"><source>c</source><target>d</target></trans-unit></body></file></xliff>
        """
        let (units, reader) = try read(xliff)
        XCTAssertEqual(units.count, 2)
        XCTAssertEqual(reader.otherLanguageFiles, 1)
        XCTAssertEqual(reader.remarks.count, 1)
    }

    /// Converting to XLIFF 2 or TMX keeps the codes (and TMX validates).
    func testConvertsWithItsCodes() throws {
        let units = try read(document).units.filter { !$0.target.isEmpty }
        let tmx = try TMXWriter.render(units, header: Fixtures.header).text
        try Fixtures.assertValidTMX(tmx)
        XCTAssertEqual(try Fixtures.readTMX(tmx).units.map(\.sourceCodes), units.map(\.sourceCodes))
        let xliff2 = try XLIFFWriter.render(units, header: Fixtures.header).text
        let back = try XLIFFReader(.data(Data(xliff2.utf8), name: "t")).readAll()
        XCTAssertEqual(back.map(\.targetCodes), units.map(\.targetCodes))
        XCTAssertEqual(back.map(\.status), [.final, .fuzzy, .final, .final])
    }

    func testMalformedXLIFF12() throws {
        let cut = String(document.prefix(900))
        let truncated = Fixtures.versoError { _ = try read(cut) }
        XCTAssertEqual(truncated?.kind, .badData)
        XCTAssertNotNil(truncated?.line)
        let noVersion = Fixtures.versoError { _ = try read("<xliff><file/></xliff>") }
        XCTAssertTrue(noVersion?.message.contains("(none)") ?? false)
    }
}
