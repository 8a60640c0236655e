import Foundation
import XCTest
@testable import VersoText
import VersoTestSupport

/// Each reader on small documents written for the purpose, malformed ones included.
final class StructuredReaderTests: XCTestCase {
    func read(_ text: String, _ name: String) throws -> StructuredDocument {
        try read(Array(text.utf8), name)
    }

    func read(_ bytes: [UInt8], _ name: String, options: ReadOptions = ReadOptions()) throws -> StructuredDocument {
        guard case .structured(let document) = try DocumentReader.read(data: bytes, name: name, options: options) else {
            throw XCTSkip("not read as a structured document")
        }
        return document
    }

    // MARK: HTML

    func testHTMLBlocksKindsAndWhatIsNotText() throws {
        let html = """
        <!DOCTYPE html><html lang="en"><head><title>The page</title><style>p{}</style><script>var x = "<p>no</p>";</script></head>
        <body><nav><a href="/">Home</a></nav><header><p>Site header</p></header>
        <div class="navheader">Prev | Next</div>
        <h2 id="a">Getting <b>started</b></h2>
        <p>Run   the
           command &amp; wait.<br/>Then <span hidden>secret</span>stop.</p>
        <ul><li>First item</li><li><p>Second item</p></li></ul>
        <table><tr><th>Name</th><th>Size</th></tr><tr><td>apt</td><td>1 MB</td></tr></table>
        <pre>$ apt-get update
        $ apt-get install foo</pre>
        <blockquote lang="fr"><p>Une citation.</p></blockquote>
        <p style="display: none">Invisible.</p>
        <footer>Copyright</footer></body></html>
        """
        let document = try read(html, "page.html")
        XCTAssertEqual(document.language, "en")
        XCTAssertEqual(document.blocks.map(\.text), ["The page", "Getting started", "Run the command & wait. Then stop.", "First item", "Second item",
                                                     "Name", "Size", "apt", "1 MB", "$ apt-get update\n$ apt-get install foo", "Une citation."])
        XCTAssertEqual(document.blocks.map(\.kind), [.title, .heading, .prose, .listItem, .listItem, .tableCell, .tableCell, .tableCell, .tableCell, .code, .quote])
        XCTAssertEqual(document.blocks[1].level, 2)
        XCTAssertEqual(document.blocks[5].group, document.blocks[6].group)
        XCTAssertNotEqual(document.blocks[6].group, document.blocks[7].group)
        XCTAssertEqual(document.blocks[10].language, "fr")
        // Placeholders keep the tags as written, at the right offsets.
        let heading = document.blocks[1]
        XCTAssertEqual(heading.codes.map(\.original), ["<b>", "</b>"])
        XCTAssertEqual(heading.codes.map(\.offset), [8, 15])
        XCTAssertEqual(heading.codes[0].id, heading.codes[1].id)
        let prose = document.blocks[2]
        XCTAssertEqual(prose.codes.first { $0.type == "br" }?.kind, .standalone)
        // Byte offsets point at the block's bytes in the file.
        let bytes = Array(html.utf8)
        let range = heading.sourceRange
        XCTAssertTrue(String(decoding: bytes[range], as: UTF8.self).contains("Getting <b>started</b>"), String(decoding: bytes[range], as: UTF8.self))
        XCTAssertEqual(document.origin.line(atByte: range.lowerBound), 4)
    }

    func testHTMLInAnotherEncodingAndTagSoup() throws {
        // Latin-1 declared in <meta>, unclosed tags, a stray end tag.
        var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8)
        bytes += [0xE9] + Array(" ouvert<p>Deux</i> paragraphes</body>".utf8)
        let document = try read(bytes, "old.html")
        XCTAssertEqual(document.blocks.map(\.text), ["Café ouvert", "Deux paragraphes"])
    }

    func testHTMLSegmentsNeverCrossBlocksAndKeepCodes() throws {
        let html = "<h1>Intro</h1><p>First <em>sentence</em>. Second <a href=\"x\">one</a> here.</p><pre>a = 1. b = 2.</pre>"
        let document = try Segmenter(language: "en").segment(try read(html, "s.html"))
        XCTAssertEqual(document.segments.map(\.text), ["Intro", "First sentence.", "Second one here.", "a = 1. b = 2."])
        XCTAssertEqual(document.segments.map(\.paragraph), [0, 1, 1, 2])
        XCTAssertEqual(document.segments[1].codes.map(\.original), ["<em>", "</em>"])
        XCTAssertEqual(document.segments[1].codes.map(\.offset), [6, 14])
        XCTAssertEqual(document.segments[2].codes.map(\.offset), [7, 10])
        XCTAssertEqual(document.segments[2].codes.map(\.id), [1, 1])
        XCTAssertEqual(String(decoding: document.reconstructed(), as: UTF8.self), "Intro\n\nFirst sentence. Second one here.\n\na = 1. b = 2.")
        XCTAssertTrue(document.isStructured)
        XCTAssertEqual(document.blocks[2].kind, .code)
    }

    func testASpanSplitAcrossSentencesLeavesEachHalfInItsSegment() throws {
        let document = try Segmenter(language: "en").segment(try read("<p><b>One here. Two there.</b> Three.</p>", "b.html"))
        XCTAssertEqual(document.segments.map(\.text), ["One here.", "Two there.", "Three."])
        XCTAssertEqual(document.segments[0].codes.map(\.kind), [.open])
        XCTAssertEqual(document.segments[1].codes.map(\.kind), [.close])
        XCTAssertEqual(document.segments[1].codes.first?.offset, 10)
        XCTAssertTrue(document.segments[2].codes.isEmpty)
    }

    // MARK: Markdown

    func testMarkdownBlocksTablesAndPlaceholders() throws {
        let md = """
        # Title

        Some *emphasis* and `code` with a [link](https://example.org).

        - one
        - two
          - nested

        | Name | Size |
        |------|------|
        | apt  | 1 MB |

        ```sh
        apt-get update
        ```

        > A quote.
        """
        let document = try read(md, "doc.md")
        XCTAssertEqual(document.blocks.map(\.text), ["Title", "Some emphasis and code with a link.", "one", "two", "nested", "Name", "Size", "apt", "1 MB", "apt-get update", "A quote."])
        XCTAssertEqual(document.blocks.map(\.kind), [.heading, .prose, .listItem, .listItem, .listItem, .tableCell, .tableCell, .tableCell, .tableCell, .code, .quote])
        XCTAssertEqual(document.blocks[4].level, 2)
        XCTAssertEqual(document.blocks[1].codes.map(\.original), ["*", "*", "`", "`", "[", "](https://example.org)"])
        XCTAssertEqual(document.blocks[5].group, document.blocks[6].group)
        // Source positions: the list's third item is on line 7.
        XCTAssertEqual(document.origin.line(atByte: document.blocks[4].sourceRange.lowerBound), 7)
    }

    // MARK: DOCX

    func testDOCXHeadingsListsTablesFootnotesAndRuns() throws {
        let styles = """
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="Chapter"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        """
        let body = """
        <w:p><w:pPr><w:pStyle w:val="MyTitle"/></w:pPr><w:r><w:t>Chapter one</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Section</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Plain and </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r><w:r><w:t xml:space="preserve"> text.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>An item</w:t></w:r></w:p>
        <w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>A2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        """
        let footnotes = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="1"><w:p><w:r><w:t>A footnote.</w:t></w:r></w:p></w:footnote>
        """
        let document = try read(try Fixtures.docx(body: body, styles: styles, footnotes: footnotes), "a.docx")
        XCTAssertEqual(document.origin.format, .docx)
        XCTAssertEqual(document.blocks.map(\.text), ["Chapter one", "Section", "Plain and bold text.", "An item", "Kept", "A1", "B1", "A2", "A footnote."])
        XCTAssertEqual(document.blocks.map(\.kind), [.heading, .heading, .prose, .listItem, .prose, .tableCell, .tableCell, .tableCell, .footnote])
        XCTAssertEqual(document.blocks.map(\.level).prefix(2), [1, 2])
        let run = document.blocks[2].codes
        XCTAssertEqual(run.map(\.kind), [.open, .close, .standalone])
        XCTAssertEqual(run[0].original, "<w:r><w:rPr><w:b/></w:rPr>")
        XCTAssertEqual(run[0].type, "bold")
        XCTAssertEqual(run.map(\.offset), [10, 14, 20])
        XCTAssertEqual(run[2].type, "footnote")
        XCTAssertEqual(document.blocks[5].group, document.blocks[6].group)
        XCTAssertNotEqual(document.blocks[6].group, document.blocks[7].group)
    }

    func testDOCXDamagedInputsGetClearErrors() throws {
        let good = try Fixtures.docx(body: "<w:p><w:r><w:t>Hello.</w:t></w:r></w:p>")
        // Truncated: half the archive.
        XCTAssertThrowsError(try DocumentReader.read(data: Array(good.prefix(good.count / 2)), name: "cut.docx")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("cut.docx") && (text.contains("damaged") || text.contains("truncated")), text)
        }
        // Not well-formed XML in the body.
        let bad = try Fixtures.docx(body: "<w:p><w:r><w:t>Hello.</w:r></w:p>")
        XCTAssertThrowsError(try DocumentReader.read(data: bad, name: "bad.docx")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("not well-formed XML"), text)
            XCTAssertTrue(text.contains("bad.docx:word/document.xml"), text)
        }
        // A zip without a body.
        let empty = try Fixtures.zip([("word/styles.xml", Array("<x/>".utf8))])
        XCTAssertThrowsError(try OfficeReader.readDOCX(empty, name: "nobody.docx", limits: DocumentLimits())) { error in
            XCTAssertTrue("\(error)".contains("without word/document.xml"), "\(error)")
        }
    }

    func testAnEntryDeclaringTwoGigabytesIsRefusedBeforeReading() throws {
        let zip = Fixtures.zipDeclaring(0x8000_0000, path: "word/document.xml", content: Array("<w:document/>".utf8))
        XCTAssertThrowsError(try DocumentReader.read(data: zip, name: "huge.docx")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("declares 2147483648 bytes"), text)
            XCTAssertFalse(text.contains("iconv"), text)
        }
    }

    func testAZipBombIsRefused() throws {
        // 40 MB of zeros deflate to about 40 KB: a ratio no document has.
        let zeros = [UInt8](repeating: 0x20, count: 40 << 20)
        let bomb = try Fixtures.zip([("word/document.xml", zeros)])
        XCTAssertLessThan(bomb.count, 1 << 20)
        XCTAssertThrowsError(try DocumentReader.read(data: bomb, name: "bomb.docx")) { error in
            XCTAssertTrue("\(error)".contains("zip bomb"), "\(error)")
        }
        // Within the ratio but past a smaller part limit: stopped while expanding.
        var options = ReadOptions()
        options.limits.maxPartBytes = 1 << 20
        options.limits.maxRatio = 1_000_000
        XCTAssertThrowsError(try DocumentReader.read(data: bomb, name: "bomb.docx", options: options)) { error in
            XCTAssertTrue("\(error)".contains("declares") || "\(error)".contains("expands past"), "\(error)")
        }
    }

    // MARK: ODT

    func testODTHeadingsListsTablesNotesAndSpans() throws {
        let content = """
        <?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>
        <text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>
        <text:h text:outline-level="2">A heading</text:h>
        <text:p>Some <text:span text:style-name="T1">styled</text:span> text<text:s text:c="3"/>here.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>The note.</text:p></text:note-body></text:note></text:p>
        <text:list><text:list-item><text:p>Item one</text:p></text:list-item></text:list>
        <table:table><table:table-row><table:table-cell><text:p>C1</text:p></table:table-cell><table:table-cell><text:p>C2</text:p></table:table-cell></table:table-row></table:table>
        </office:text></office:body></office:document-content>
        """
        let odt = try Fixtures.zip([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Array(content.utf8))])
        let document = try read(odt, "a.odt")
        XCTAssertEqual(document.origin.format, .odt)
        XCTAssertEqual(document.blocks.map(\.text), ["A heading", "Some styled text here.", "Item one", "C1", "C2", "The note."])
        XCTAssertEqual(document.blocks.map(\.kind), [.heading, .prose, .listItem, .tableCell, .tableCell, .footnote])
        XCTAssertEqual(document.blocks[0].level, 2)
        XCTAssertEqual(document.blocks[1].codes.map(\.type), ["span", "span", "footnote"])
        XCTAssertEqual(document.blocks[1].codes[0].original, "<text:span text:style-name=\"T1\">")
    }

    // MARK: EPUB

    func testEPUBChaptersInSpineOrder() throws {
        let container = "<?xml version=\"1.0\"?><container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>"
        let opf = """
        <?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language>fr</dc:language></metadata>
        <manifest><item id="c2" href="two.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/></manifest>
        <spine><itemref idref="c1"/><itemref idref="nav" linear="no"/><itemref idref="c2"/></spine></package>
        """
        let chapter = { (title: String, text: String) in Array("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>\(title)</h1><p>\(text)</p></body></html>".utf8) }
        let epub = try Fixtures.zip([("mimetype", Array("application/epub+zip".utf8)), ("META-INF/container.xml", Array(container.utf8)),
                                     ("OEBPS/content.opf", Array(opf.utf8)), ("OEBPS/one.xhtml", chapter("Un", "Premier chapitre.")),
                                     ("OEBPS/two.xhtml", chapter("Deux", "Second chapitre.")), ("OEBPS/nav.xhtml", chapter("Sommaire", "Liens."))])
        let document = try read(epub, "book.epub")
        XCTAssertEqual(document.origin.format, .epub)
        XCTAssertEqual(document.language, "fr")
        XCTAssertEqual(document.blocks.map(\.text), ["Un", "Premier chapitre.", "Deux", "Second chapitre."])
        XCTAssertEqual(document.blocks.map(\.kind), [.heading, .prose, .heading, .prose])
    }

    // MARK: Subtitles

    func testSubRipCuesTimesAndTags() throws {
        let srt = "1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>Hello</i> there,\r\nmy friend\r\n\r\n2\r\n00:00:04,000 --> 00:00:05,250\r\n{\\an8}who came.\r\n"
        let document = try read(srt, "film.srt")
        XCTAssertEqual(document.blocks.map(\.text), ["Hello there, my friend", "who came."])
        XCTAssertEqual(document.blocks.map(\.kind), [.cue, .cue])
        XCTAssertEqual(document.blocks[0].time, 1.0...3.5)
        XCTAssertEqual(document.blocks[1].time, 4.0...5.25)
        XCTAssertEqual(document.blocks[0].codes.map(\.original), ["<i>", "</i>"])
        XCTAssertEqual(document.blocks[1].codes.map(\.type), ["override"])
        // The sentence over two cues: two segments, one aligner paragraph.
        let segmented = try Segmenter(language: "en").segment(document)
        XCTAssertEqual(segmented.segments.map(\.text), ["Hello there, my friend", "who came."])
    }

    func testWebVTTSkipsNotesAndReadsVoices() throws {
        let vtt = "WEBVTT\n\nNOTE a comment\nwith two lines\n\nintro\n00:01.000 --> 00:02.500 align:start\n<v Mary>Good &amp; well.</v>\n"
        let document = try read(vtt, "a.vtt")
        XCTAssertEqual(document.blocks.map(\.text), ["Good & well."])
        XCTAssertEqual(document.blocks[0].time, 1.0...2.5)
        XCTAssertEqual(document.blocks[0].codes.map(\.original), ["<v Mary>", "</v>"])
    }

    func testSubtitlesWithoutCuesAreRefused() throws {
        XCTAssertThrowsError(try DocumentReader.read(data: Array("no cues here\n".utf8), name: "x.srt")) { error in
            XCTAssertTrue("\(error)".contains("no subtitle cue"), "\(error)")
        }
    }

    // MARK: PDF

    func testPDFCleaningDropsRunningHeadersPageNumbersAndJoinsHyphens() throws {
        let bodies = ["Installing is easy and\nneeds no tools.", "Updating goes on and is hyphen-\nated here.", "Removing a package\nkeeps its files.", "Purging its files\nremoves them too."]
        let pages = (1...4).map { n in "Manual title\n\n\(bodies[n - 1])\n\n\(n)\n" }
        let cleaned = PDFReader.clean(pages.joined(separator: "\u{0C}") + "\u{0C}")
        XCTAssertFalse(cleaned.contains("Manual title"), cleaned)
        XCTAssertTrue(cleaned.contains("hyphenated\nhere."), cleaned)
        XCTAssertFalse(cleaned.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) }, cleaned)
        XCTAssertTrue(cleaned.contains("Removing a package"))
    }

    func testPDFFixtureReadsThroughPdftotext() throws {
        guard PDFReader.tool() != nil else { throw XCTSkip("pdftotext is not installed (Scripts/setup.sh installs poppler-utils)") }
        let url = TestSupport.corpora.appendingPathComponent("documents/putin-pyongyang.en.pdf")
        guard case .plain(let text) = try DocumentReader.read(path: url.path) else { return XCTFail() }
        XCTAssertTrue(text.string.hasPrefix("Putin arrives in North Korea"), String(text.string.prefix(200)))
        XCTAssertFalse(text.string.contains("Verso reader fixture"), "the running header is dropped")
    }
}
