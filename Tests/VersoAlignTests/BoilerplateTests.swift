import XCTest
@testable import VersoAlign
import VersoText

final class BoilerplateTests: XCTestCase {
    private func doc(_ lines: [String], _ language: String) -> SegmentedDocument {
        Segmenter.lines(SourceText(string: lines.joined(separator: "\n")), language: language)
    }

    func testRecognisesPhrasesTitlesAndNotProse() throws {
        let boilerplate = try Boilerplate.load()
        XCTAssertTrue(boilerplate.matches("Source link", unpaired: false))
        XCTAssertTrue(boilerplate.matches("Dernières Nouvelles | News 24", unpaired: false))
        XCTAssertTrue(boilerplate.matches("Politique | Le Monde", unpaired: true))
        XCTAssertFalse(boilerplate.matches("Politique | Le Monde", unpaired: false), "a paired title is a title")
        XCTAssertFalse(boilerplate.matches("The source of the link between the two events is unclear.", unpaired: true))
    }

    /// A footer the aligner folded into the last bead leaves it as a 0-1 bead of its own, with
    /// the confidence of the bead it left; a bead of prose is kept whole.
    func testDetachSplitsFootersAtBeadEdges() throws {
        let source = doc(["He arrived on Tuesday.", "He left on Friday."], "en")
        let target = doc(["Il est arrivé mardi.", "Il est reparti vendredi.", "Source link"], "fr")
        let beads = [Bead(source: [0], target: [0], score: 0.9), Bead(source: [1], target: [1, 2], score: 0.7)]
        let detached = try Boilerplate.load().detach(beads, source: source, target: target)
        XCTAssertEqual(detached, [Bead(source: [0], target: [0], score: 0.9), Bead(source: [1], target: [1], score: 0.7),
                                  Bead(source: [], target: [2], score: 0.7)])
    }

    /// The aligner's beads are the search's beads after the stage, and the signature says so.
    func testAlignerRunsTheStageAndSaysSo() throws {
        var options = AlignerOptions(sourceLanguage: "en", targetLanguage: "fr")
        options.useDictionary = false
        options.learnLexicon = false
        let source = doc(["He arrived on Tuesday.", "He left on Friday."], "en")
        let target = doc(["Il est arrivé mardi.", "Il est reparti vendredi.", "Source link"], "fr")
        let staged = try Aligner(options: options).align(source: source, target: target)
        options.detachBoilerplate = false
        let plain = try Aligner(options: options).align(source: source, target: target)
        XCTAssertEqual(staged.signature["stages"], "detach-boilerplate")
        XCTAssertNil(plain.signature["stages"])
        XCTAssertEqual(staged.beads, try Boilerplate.load().detach(plain.beads, source: source, target: target))
    }
}
