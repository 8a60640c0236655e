import VersoAlign
import VersoCheck
import VersoText
import XCTest
@testable import VersoReport

final class ReportModelTests: XCTestCase {
    func testSummaryCountsTheSample() throws {
        let summary = try Samples.model().summary
        XCTAssertEqual(summary.beadCount, 12)
        XCTAssertEqual(summary.findingCount, 11)
        XCTAssertEqual(summary.flaggedBeadCount, 9)
        XCTAssertEqual(summary.bySeverity, [.critical: 1, .major: 3, .minor: 4, .info: 3])
        XCTAssertEqual(summary.byCode.first, ReportSummary.CodeCount(code: "markup-mismatch", category: .design, count: 2, worst: .minor))
        XCTAssertEqual(summary.byCode.count, 10)
        XCTAssertEqual(summary.byCode.first { $0.code == "number-mismatch" }?.worst, .critical)
        XCTAssertEqual(summary.beadKinds.map(\.kind), ["1-1", "0-1", "1-0", "1-2", "2-1"])
        XCTAssertEqual(summary.beadKinds.map(\.count), [8, 1, 1, 1, 1])
        let scores = Samples.beads.compactMap(\.score)
        XCTAssertEqual(summary.meanConfidence!, scores.reduce(0, +) / Double(scores.count), accuracy: 1e-12)
        XCTAssertEqual(summary.unalignedSource, 1)
        XCTAssertEqual(summary.unalignedTarget, 1)
    }

    func testPlainArraysNumberSentencesConsecutively() throws {
        let model = try Samples.model()
        XCTAssertEqual(model.source.sentenceCount, 12)
        XCTAssertEqual(model.target.sentenceCount, 12)
        XCTAssertEqual(model.beads[3].targetIndices, [3, 4])
        XCTAssertEqual(model.beads[4].targetIndices, [])
        XCTAssertEqual(model.beads[5].targetIndices, [5])
        XCTAssertEqual(model.beads[7].sourceIndices, [])
        XCTAssertEqual(model.beads[8].sourceIndices, [7, 8])
        XCTAssertEqual(model.beads[8].text(.source), "See Section 4. It explains the rules.")
    }

    func testFindingsByBeadAreWorstFirst() throws {
        let byBead = try Samples.model().findingsByBead()
        XCTAssertEqual(byBead.count, 12)
        XCTAssertEqual(byBead[6].map(\.code), ["number-mismatch", "spacing"])
        XCTAssertEqual(byBead[10].map(\.code), ["polarity", "low-confidence"])
        XCTAssertTrue(byBead[0].isEmpty)
    }

    func testRejectsFindingsOutsideTheBeads() {
        let stray = Finding(code: "omission", category: .accuracy, severity: .major, message: "m", side: .source, bead: 12)
        XCTAssertThrowsError(try ReportModel(source: (name: "a", language: "en"), target: (name: "b", language: "fr"),
                                             signature: "", beads: Samples.beads, findings: [stray])) { error in
            let error = error as? VersoError
            XCTAssertEqual(error?.kind, .badInput)
            XCTAssertTrue(error?.message.contains("bead 12") == true, error?.message ?? "")
        }
        let bead = ReportBead(index: 0, sourceIndices: [0], targetIndices: [0], source: ["a"], target: ["b"], score: nil)
        XCTAssertThrowsError(try ReportModel(source: ReportDocument(name: "a", language: "en", sentenceCount: 1),
                                             target: ReportDocument(name: "b", language: "fr", sentenceCount: 1),
                                             signature: "", beads: [bead, bead], findings: []))
    }

    func testFromAlignmentCountsSentencesNoBeadCovers() throws {
        let source = try Segmenter(language: "en").segment(SourceText(string: "One cat sat. Two dogs ran. Three birds flew. Four fish swam.", name: "en.txt"))
        let target = try Segmenter(language: "fr").segment(SourceText(string: "Un chat. Deux chiens. Trois oiseaux.", name: "fr.txt"))
        XCTAssertEqual(source.segments.count, 4)
        XCTAssertEqual(target.segments.count, 3)
        var signature = Signature()
        signature.set("aligner", "test")
        // Source sentence 3 is in no bead at all; source 1 is in a 1-0 bead.
        let alignment = Alignment(source: source, target: target, beads: [
            Bead(source: [0], target: [0], score: 0.9), Bead(source: [1], target: [], score: 0.5),
            Bead(source: [2], target: [1, 2], score: 0.7),
        ], signature: signature)
        let finding = Finding(code: "omission", category: .accuracy, severity: .major, message: "m", side: .source, span: 0..<3, bead: 1)
        let model = try ReportModel(alignment: alignment, findings: [finding])
        XCTAssertEqual(model.source.name, "en.txt")
        XCTAssertEqual(model.target.language, "fr")
        XCTAssertEqual(model.signature, signature.description)
        XCTAssertEqual(model.beads.map(\.kind), ["1-1", "1-0", "1-2"])
        XCTAssertEqual(model.beads[2].target, ["Deux chiens.", "Trois oiseaux."])
        XCTAssertEqual(model.beads[1].score, 0.5)
        let summary = model.summary
        XCTAssertEqual(summary.unalignedSource, 2)
        XCTAssertEqual(summary.unalignedTarget, 0)
        XCTAssertEqual(summary.meanConfidence!, 0.7, accuracy: 1e-12)
        XCTAssertThrowsError(try ReportModel(alignment: alignment, findings: [Finding(code: "x", category: .style, severity: .info, message: "m", side: .both, bead: 3)]))
    }
}
