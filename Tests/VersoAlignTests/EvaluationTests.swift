import VersoText
import XCTest
@testable import VersoAlign

/// The scorer against hand-computed examples (vecalign score.py's definitions).
final class EvaluationTests: XCTestCase {
    private func links(_ text: String) throws -> [Evaluation.Link] { try Evaluation.parse(text, name: "t") }

    func testParsesBeadsWithAndWithoutScores() throws {
        let parsed = try links("[0, 1]:[2]\n[]:[3]:0.93\n\n[4]:[]\n")
        XCTAssertEqual(parsed, [.init(source: [0, 1], target: [2]), .init(source: [], target: [3]), .init(source: [4], target: [])])
        XCTAssertThrowsError(try links("[0]:[1]\n[0]-[1]\n")) { XCTAssertEqual(($0 as? VersoError)?.line, 2) }
        XCTAssertThrowsError(try links("[a]:[1]"))
    }

    func testPerfectAlignmentScoresOne() throws {
        let gold = try links("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n")
        let s = Evaluation.score(gold: [gold], test: [gold])
        XCTAssertEqual(s.strictF1, 1)
        XCTAssertEqual(s.laxF1, 1)
        // Recall ignores the null bead: 2 beads.
        XCTAssertEqual(s.recall.strictTP, 2)
        XCTAssertEqual(s.precision.strictTP, 3)
    }

    func testHandComputedExample() throws {
        // gold: [0]:[0]  [1,2]:[1]  [3]:[2,3]  []:[4]
        // test: [0]:[0]  [1]:[1]  [2]:[]  [3]:[2]  []:[3]  []:[4]
        let gold = try links("[0]:[0]\n[1, 2]:[1]\n[3]:[2, 3]\n[]:[4]\n")
        let test = try links("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]\n[]:[3]\n[]:[4]\n")
        let s = Evaluation.score(gold: [gold], test: [test])
        // Precision over 6 test beads: strict hits [0]:[0] and []:[4]; lax also [1]:[1] and [3]:[2]
        // ([2]:[] and []:[3] have an empty side, so no lax overlap).
        XCTAssertTrue(s.precision == (strictTP: 2, strictFP: 4, laxTP: 4, laxFP: 2))
        // Recall: gold without nulls (3 beads) against test without nulls ([0]:[0], [1]:[1], [3]:[2]).
        // Strict: [0]:[0]. Lax: [1,2]:[1] meets [1]:[1]; [3]:[2,3] meets [3]:[2].
        XCTAssertTrue(s.recall == (strictTP: 1, strictFP: 2, laxTP: 3, laxFP: 0))
        XCTAssertEqual(s.strictPrecision, 2.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(s.strictRecall, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(s.strictF1, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(s.laxRecall, 1)
        XCTAssertEqual(s.laxF1, 2 * (4.0 / 6) / (4.0 / 6 + 1), accuracy: 1e-12)
    }

    func testCountsAreSummedOverDocumentsAndDuplicatesIgnored() throws {
        let a = try links("[0]:[0]\n[1]:[1]\n"), b = try links("[0]:[0]\n")
        let s = Evaluation.score(gold: [a, b], test: [try links("[0]:[0]\n[0]:[0]\n[1]:[2]\n"), b])
        // Doc 1: test set {[0]:[0], [1]:[2]} → 1 strict TP, 1 FP; doc 2: 1 TP.
        XCTAssertTrue(s.precision == (strictTP: 2, strictFP: 1, laxTP: 2, laxFP: 1))
        XCTAssertEqual(s.strictPrecision, 2.0 / 3, accuracy: 1e-12)
    }

    func testOrderInsideABeadMatters() throws {
        let s = Evaluation.score(gold: [try links("[1, 0]:[0]")], test: [try links("[0, 1]:[0]")])
        XCTAssertEqual(s.strictF1, 0)
        XCTAssertEqual(s.laxF1, 1)
    }

    func testZeroZeroBeadsAreDropped() throws {
        let s = Evaluation.score(gold: [try links("[0]:[0]\n[]:[]")], test: [try links("[0]:[0]\n[]:[]")])
        XCTAssertTrue(s.precision == (strictTP: 1, strictFP: 0, laxTP: 1, laxFP: 0))
    }
}
