import XCTest
@testable import VersoAlign
@testable import VersoText

/// Block structure as alignment evidence.
final class StructureTests: XCTestCase {
    func document(_ blocks: [(Block.Kind, String)], language: String) throws -> SegmentedDocument {
        let model = StructuredDocument(origin: DocumentOrigin(name: "t.\(language)", format: .html, lineStarts: [0]),
                                       blocks: blocks.map { DocumentBlock(kind: $0.0, text: $0.1, sourceRange: 0..<0) })
        return try Segmenter(language: language).segment(model)
    }

    func aligner() throws -> Aligner {
        var options = AlignerOptions(sourceLanguage: "en", targetLanguage: "fr")
        options.useDictionary = false
        return try Aligner(options: options)
    }

    /// A heading the translator left out must not be swallowed by the paragraph after it.
    func testAHeadingIsNeverMergedIntoProse() throws {
        let source = try document([(.heading, "Installing the system"), (.prose, "You install the system from a USB stick."),
                                   (.heading, "Updating"), (.prose, "You update the system with apt.")], language: "en")
        let target = try document([(.prose, "Vous installez le système depuis une clé USB."),
                                   (.heading, "Mise à jour"), (.prose, "Vous mettez le système à jour avec apt.")], language: "fr")
        let alignment = try aligner().align(source: source, target: target)
        for bead in alignment.beads {
            for side in [bead.source.map { source.blocks[source.segments[$0].paragraph].kind }, bead.target.map { target.blocks[target.segments[$0].paragraph].kind }] {
                if side.count > 1 { XCTAssertTrue(Set(side).count == 1, "bead \(bead) merges \(side)") }
            }
        }
        XCTAssertTrue(alignment.beads.contains { $0.source == [2] && $0.target == [1] }, "\(alignment.beads)")
        XCTAssertTrue(alignment.signature.description.contains("+structure"), alignment.signature.description)
    }

    /// A list turned into one paragraph: the sentences still pair one to one.
    func testAListTranslatedAsAParagraphStillAligns() throws {
        let source = try document([(.prose, "Three steps follow."), (.listItem, "Download the image."), (.listItem, "Write it to a stick."), (.listItem, "Boot the computer.")], language: "en")
        let target = try document([(.prose, "Trois étapes suivent."), (.prose, "Téléchargez l’image. Écrivez-la sur une clé. Démarrez l’ordinateur.")], language: "fr")
        let alignment = try aligner().align(source: source, target: target)
        XCTAssertEqual(alignment.beads.map(\.source), [[0], [1], [2], [3]], "\(alignment.beads)")
        XCTAssertEqual(alignment.beads.map(\.target), [[0], [1], [2], [3]], "\(alignment.beads)")
    }

    /// Plain text does not get the structure evidence (and so aligns as before).
    func testPlainTextIsUnchanged() throws {
        let s = try Segmenter(language: "en").segment(SourceText(string: "Title\n\nOne sentence here. Two sentences here."))
        let t = try Segmenter(language: "fr").segment(SourceText(string: "Titre\n\nUne phrase ici. Deux phrases ici."))
        let alignment = try aligner().align(source: s, target: t)
        XCTAssertFalse(alignment.signature.description.contains("structure"))
        XCTAssertFalse(s.isStructured)
    }

    func testCuesRunningOverASentenceShareAParagraph() throws {
        let document = try document([(.cue, "He said that"), (.cue, "he would come."), (.cue, "Then he left.")], language: "en")
        XCTAssertEqual(Structure.paragraphs(document), [0, 0, 1])
    }
}
