import XCTest
@testable import VersoCheck
import VersoText

/// Prose checks do not judge code, command lines, table art, URLs or numbers alone.
final class ProseOnlyTests: XCTestCase {
    func findings(_ pairs: [(String, String, ContentKind?)]) throws -> [Finding] {
        let beads = pairs.map { BeadText(source: [$0.0], target: [$0.1], content: $0.2) }
        let document = try CheckDocument(beads: beads, sourceLanguage: "en", targetLanguage: "fr")
        return try CheckEngine().run(document)
    }

    func testUntranslatedProseIsFlaggedButCodeIsNot() throws {
        let sentence = "The results will be published next week."
        let prose = try findings([(sentence, sentence, nil)])
        XCTAssertTrue(prose.contains { $0.code == "untranslated" }, "\(prose.map(\.code))")
        // The same words in a bead the structure says is code (a <pre> block) are left alone.
        let code = try findings([(sentence, sentence, .code)])
        XCTAssertFalse(code.contains { $0.code == "untranslated" }, "\(code.map(\.code))")
    }

    func testTableArtFromTextAloneSkipsProseChecks() throws {
        let row = "|lsof     |V:393,|482  |lsof(8): list files opened by a running |"
        let target = "|lsof     |V:393,|482   |fichiers ouverts par un processus en   |"
        let result = try findings([(row, target, nil)])
        let prose = Set(CheckRegistry.all.filter { $0.info.proseOnly }.map { $0.info.code })
        XCTAssertTrue(result.allSatisfy { !prose.contains($0.code) }, "\(result.map(\.code))")
    }

    func testNumberChecksStillRunOnNonProse() throws {
        let result = try findings([("| apt | 1.2 MB |", "| apt | 3.4 Mo |", nil)])
        XCTAssertTrue(result.contains { $0.code == "number-mismatch" }, "\(result.map(\.code))")
    }

    /// The list is a decision per check: these four judge beads of any kind.
    func testTheChecksThatRunOnEveryBead() {
        let everywhere = CheckRegistry.all.filter { !$0.info.proseOnly }.map { $0.info.code }.sorted()
        XCTAssertEqual(everywhere, ["boilerplate", "date-mismatch", "misalignment", "number-mismatch"])
    }
}
