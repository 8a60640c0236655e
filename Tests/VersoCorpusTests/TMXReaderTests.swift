import Foundation
import VersoCheck
@testable import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

final class TMXReaderTests: XCTestCase {
    func testRoundTripKeepsEveryPairLanguageAndNote() throws {
        let first = try TMXWriter.render(Fixtures.units, header: Fixtures.header, options: ExportOptions(keepEmpty: true)).text
        let url = try Fixtures.file(first)
        let (units, reader) = try TMXReader.readAll(path: url.path)
        XCTAssertEqual(units, Fixtures.units)
        XCTAssertEqual(reader.sourceLanguage, "en")
        XCTAssertEqual(reader.targetLanguage, "fr")
        XCTAssertEqual(reader.header.signature, Fixtures.header.signature.description)
        XCTAssertEqual(reader.header.version, "1.4")
        XCTAssertEqual(reader.oneSided, 0, "the empty side was written as an empty <seg>")
        let second = try TMXWriter.render(units, header: Fixtures.header, options: ExportOptions(keepEmpty: true)).text
        XCTAssertEqual(second, first)
        XCTAssertEqual(try reader.readAll(), units, "a reader can read again")
        XCTAssertEqual(reader.units, units.count)
        XCTAssertEqual(reader.header.props.count, 1)
    }

    func testUnpairedBracketNotesStayNotes() throws {
        let unit = TranslationUnit(source: "a", target: "b", notes: ["[todo] check this", "[stray-period] not a finding here"])
        let text = try TMXWriter.render([unit], header: Fixtures.header).text
        XCTAssertEqual(try Fixtures.readTMX(text).units, [unit])
    }

    /// What OPUS and older tools write: version "1.4.", a header without srclang, `lang`, regional tags.
    func testLenientWithRealMemories() throws {
        let tmx = """
        <?xml version="1.0" encoding="utf-8"?>
        <tmx version="1.4.">
        <header creationtool="OpusTools" datatype="PlainText" segtype="sentence" adminlang="en-us" o-tmf="unknown" creationtoolversion="1.0"/>
        <body>
        <tu><tuv lang="EN-US"><seg>Good morning.</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv></tu>
        <tu><tuv xml:lang="fr_FR"><seg>Au revoir.</seg></tuv><tuv xml:lang="en_US"><seg>Goodbye.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Source link</seg></tuv></tu>
        </body>
        </tmx>
        """
        let (units, reader) = try Fixtures.readTMX(tmx)
        XCTAssertEqual(units.map(\.source), ["Good morning.", "Goodbye.", "Source link"])
        XCTAssertEqual(units.map(\.target), ["Bonjour.", "Au revoir.", ""])
        XCTAssertEqual(reader.oneSided, 1)
        XCTAssertEqual(reader.header.version, "1.4.")
        XCTAssertEqual(reader.sourceLanguage, "EN-US")
        XCTAssertEqual(reader.targetLanguage, "fr-FR")
    }

    func testNoHeaderAndGivenLanguages() throws {
        let tmx = """
        <tmx><body>
        <tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv><tuv xml:lang="en"><seg>Hi</seg></tuv></tu>
        <tu><tuv xml:lang="de"><seg>nur Deutsch</seg></tuv></tu>
        <tu><tuv><seg>no language</seg></tuv></tu>
        </body></tmx>
        """
        let (units, reader) = try Fixtures.readTMX(tmx, options: TMXReader.Options(sourceLanguage: "en", targetLanguage: "fr"))
        XCTAssertEqual(units, [TranslationUnit(source: "Hi", target: "Salut")])
        XCTAssertEqual(reader.skipped, 2)
        XCTAssertEqual(reader.ignoredVariants, 3)
        XCTAssertEqual(reader.remarks.count, 2)
    }

    private let inline = """
    <tmx version="1.4"><header srclang="en"/><body><tu>
    <tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph> <hi type="x">now</hi><it pos="begin">&lt;i&gt;</it>!</seg></tuv>
    <tuv xml:lang="fr"><seg><![CDATA[Appuyez sur <Enregistrer> & voilà]]></seg></tuv>
    </tu></body></tmx>
    """

    func testInlineTagsAreStrippedByDefault() throws {
        let units = try Fixtures.readTMX(inline).units
        XCTAssertEqual(units.first?.source, "Press Save now!")
        XCTAssertEqual(units.first?.target, "Appuyez sur <Enregistrer> & voilà", "CDATA is text")
        XCTAssertEqual(units.first?.sourceCodes, [
            InlineCode(kind: .open, id: 1, offset: 6, original: "<b>", type: ""),
            InlineCode(kind: .close, id: 1, offset: 10, original: "</b>", type: ""),
            InlineCode(kind: .standalone, id: 2, offset: 10, original: "<br/>", type: ""),
            InlineCode(kind: .open, id: 3, offset: 11, original: "", type: "x"),
            InlineCode(kind: .close, id: 3, offset: 14, original: "", type: "x"),
            InlineCode(kind: .open, id: 4, offset: 14, original: "<i>", type: ""),
        ], "bpt/ept paired by i, ph standalone, hi around its text, it pos=begin isolated")
        XCTAssertEqual(units.first?.targetCodes, [])
        XCTAssertEqual(units.first?.line, 1)
    }

    func testInlineCodeCanBeKept() throws {
        let units = try Fixtures.readTMX(inline, options: TMXReader.Options(inlineTags: .keepCode)).units
        XCTAssertEqual(units.first?.source, "Press <b>Save</b><br/> now<i>!")
    }

    func testUTF16Memory() throws {
        let tmx = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Tea 🍵</seg></tuv><tuv xml:lang=\"fr\"><seg>Thé 🍵</seg></tuv></tu></body></tmx>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in tmx.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let units = try TMXReader(.data(Data(bytes), name: "utf16.tmx")).readAll()
        XCTAssertEqual(units, [TranslationUnit(source: "Tea 🍵", target: "Thé 🍵")])
    }

    // MARK: - Safety

    func testExternalEntityIsRefusedAndNothingIsRead() throws {
        let tmx = """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [
          <!ENTITY x SYSTEM "file:///etc/passwd">
        ]>
        <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>A &x; B</seg></tuv><tuv xml:lang="fr"><seg>C</seg></tuv></tu></body></tmx>
        """
        var delivered: [TranslationUnit] = []
        let error = Fixtures.versoError {
            try TMXReader(.data(Data(tmx.utf8), name: "xxe.tmx")).read { delivered.append($0) }
        }
        XCTAssertTrue(delivered.isEmpty)
        XCTAssertEqual(error?.kind, .badData)
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("has an internal subset") ?? false, error?.message ?? "")
        XCTAssertFalse(error?.description.contains("root:") ?? true, "no line of /etc/passwd in the error")
    }

    func testParameterEntityIsRefused() throws {
        let dtd = try Fixtures.file("<!ENTITY y SYSTEM \"file:///etc/passwd\">", name: "evil.dtd")
        let tmx = """
        <!DOCTYPE tmx [ <!ENTITY % p SYSTEM "\(dtd.path)"> %p; ]>
        <tmx><body><tu><tuv xml:lang="en"><seg>&y;</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu></body></tmx>
        """
        let error = Fixtures.versoError { _ = try Fixtures.readTMX(tmx) }
        XCTAssertTrue(error?.message.contains("internal subset") ?? false)
    }

    /// A DOCTYPE naming an external DTD is accepted, but the DTD is never read: the entity it
    /// defines stays undeclared and the reader stops there instead of reading its value.
    func testExternalDTDIsNeverRead() throws {
        let dtd = try Fixtures.file("<!ENTITY z \"SECRET-FROM-THE-DTD\">", name: "defs.dtd")
        let tmx = """
        <?xml version="1.0"?>
        <!DOCTYPE tmx SYSTEM "\(dtd.absoluteString)">
        <tmx version="1.4"><header srclang="en"/><body>
        <tu><tuv xml:lang="en"><seg>fine</seg></tuv><tuv xml:lang="fr"><seg>bien</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>A &z; B</seg></tuv><tuv xml:lang="fr"><seg>C</seg></tuv></tu>
        </body></tmx>
        """
        var delivered: [TranslationUnit] = []
        let error = Fixtures.versoError {
            try TMXReader(.data(Data(tmx.utf8), name: "dtd.tmx")).read { delivered.append($0) }
        }
        XCTAssertEqual(delivered.map(\.source), ["fine"])
        XCTAssertFalse(delivered.contains { $0.source.contains("SECRET") })
        XCTAssertEqual(error?.line, 5)
        XCTAssertTrue(error?.message.contains("undeclared entity") ?? false, error?.message ?? "")
    }

    /// Any internal subset is refused, even one without entities: refusing the subset, not
    /// hunting declarations inside it, is what no encoding or syntax trick can slip past.
    func testDoctypeWithSystemIDOnlyIsAcceptedAndAnyInternalSubsetRefused() throws {
        let accepted = """
        <?xml version="1.0"?>
        <!-- exported by a CAT tool -->
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu></body></tmx>
        """
        XCTAssertEqual(try Fixtures.readTMX(accepted).units.count, 1)
        let subset = accepted.replacingOccurrences(of: "\"tmx14.dtd\">", with: "\"tmx14.dtd\" [ <!ELEMENT x (#PCDATA)> <!-- an ' apostrophe --> ]>")
        let error = Fixtures.versoError { _ = try Fixtures.readTMX(subset) }
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("internal subset") ?? false)
        XCTAssertTrue(error?.fix?.contains("delete the DOCTYPE's [ … ] part") ?? false)
    }

    func testBillionLaughsIsRefused() throws {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE tmx [", " <!ENTITY lol \"lol\">"]
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            lines.append(" <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">")
        }
        lines += ["]>", "<tmx><body><tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv><tuv xml:lang=\"fr\"><seg>x</seg></tuv></tu></body></tmx>"]
        let error = Fixtures.versoError { _ = try Fixtures.readTMX(lines.joined(separator: "\n")) }
        XCTAssertEqual(error?.kind, .badData)
        XCTAssertEqual(error?.line, 2)
    }

    func testEntityInUTF16IsRefused() throws {
        let tmx = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tmx><body/></tmx>"
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in tmx.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let error = Fixtures.versoError { _ = try TMXReader(.data(Data(bytes), name: "x.tmx")).readAll() }
        XCTAssertTrue(error?.message.contains("internal subset") ?? false)
    }

    /// A long prolog cannot outrun the guard: libxml2 itself stops at the subset's "[".
    func testSubsetAfterALongPrologIsRefused() throws {
        let comment = "<!--" + String(repeating: "x", count: 2 << 20) + "-->"
        let tmx = "<?xml version=\"1.0\"?>\n\(comment)\n<!DOCTYPE tmx [<!ENTITY x \"y\">]><tmx><body/></tmx>"
        let error = Fixtures.versoError { _ = try Fixtures.readTMX(tmx) }
        XCTAssertTrue(error?.message.contains("internal subset") ?? false)
        XCTAssertEqual(error?.line, 3)
    }

    // MARK: - Errors

    func testMalformedXMLGivesLineAndColumn() throws {
        let tmx = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n  <body>\n    <tu></tuv>\n</tmx>\n"
        let error = Fixtures.versoError { _ = try Fixtures.readTMX(tmx) }
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.file, "test.tmx")
        XCTAssertTrue(error?.message.hasPrefix("malformed XML at line 4, column ") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("closing tag does not match") ?? false)
        XCTAssertTrue(error?.message.contains("Opening and ending tag mismatch: tu line 4 and tuv") ?? false, error?.message ?? "")
        XCTAssertNotNil(error?.fix)
    }

    func testUndeclaredHTMLEntity() throws {
        let tmx = "<tmx><body>\n<tu><tuv xml:lang=\"en\"><seg>a&nbsp;b</seg></tuv></tu></body></tmx>"
        let error = Fixtures.versoError { _ = try Fixtures.readTMX(tmx) }
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("undeclared entity") ?? false, error?.message ?? "")
    }

    func testOtherRootIsRefused() throws {
        let error = Fixtures.versoError { _ = try Fixtures.readTMX("<xliff version=\"2.0\"/>") }
        XCTAssertTrue(error?.message.contains("not a TMX document") ?? false)
    }

    func testEmptyAndMissingFiles() throws {
        XCTAssertNotNil(Fixtures.versoError { _ = try Fixtures.readTMX("") })
        let missing = Fixtures.versoError { _ = try TMXReader.readAll(path: "/nonexistent/memory.tmx") }
        XCTAssertEqual(missing?.kind, .unreadable)
    }

    func testConsumerErrorStopsTheRead() throws {
        struct Enough: Error {}
        let tmx = try TMXWriter.render(Fixtures.kept, header: Fixtures.header).text
        var seen = 0
        XCTAssertThrowsError(try TMXReader(.data(Data(tmx.utf8), name: "t")).read { _ in
            seen += 1
            if seen == 2 { throw Enough() }
        }) { XCTAssertTrue($0 is Enough) }
        XCTAssertEqual(seen, 2)
    }
}
