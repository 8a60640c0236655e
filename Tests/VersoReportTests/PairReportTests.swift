import VersoAlign
import VersoCheck
import VersoCorpus
import VersoText
import XCTest
@testable import VersoReport

final class PairReportTests: XCTestCase {
    func testSummaryCountsTheSample() throws {
        let summary = try Samples.model().summary
        XCTAssertEqual(summary.beadCount, 12)
        XCTAssertEqual(summary.findingCount, 11)
        XCTAssertEqual(summary.flaggedBeadCount, 6, "beads with a finding above info")
        XCTAssertEqual(summary.bySeverity, [.critical: 1, .major: 3, .minor: 4, .info: 3])
        XCTAssertEqual(summary.byCode.first, PairSummary.CodeCount(code: "markup-mismatch", category: .design, count: 2, worst: .minor))
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
        XCTAssertEqual(model.units[3].targetIndices, [3, 4])
        XCTAssertEqual(model.units[4].targetIndices, [])
        XCTAssertEqual(model.units[5].targetIndices, [5])
        XCTAssertEqual(model.units[7].sourceIndices, [])
        XCTAssertEqual(model.units[8].sourceIndices, [7, 8])
        XCTAssertEqual(model.units[8].text(.source), "See Section 4. It explains the rules.")
    }

    func testFindingsByBeadAreWorstFirst() throws {
        let byBead = try Samples.model().findingsByBead()
        XCTAssertEqual(byBead.count, 12)
        XCTAssertEqual(byBead[6].map(\.code), ["number-mismatch", "spacing"])
        XCTAssertEqual(byBead[10].map(\.code), ["polarity", "low-confidence"])
        XCTAssertTrue(byBead[0].isEmpty)
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
        let model = PairReport(alignment: alignment, findings: [finding], signature: signature)
        XCTAssertEqual(model.source.name, "en.txt")
        XCTAssertEqual(model.target.language, "fr")
        XCTAssertEqual(model.signature, signature)
        XCTAssertEqual(model.units.map(\.kind), ["1-1", "1-0", "1-2"])
        XCTAssertEqual(model.units[2].sides.target, ["Deux chiens.", "Trois oiseaux."])
        XCTAssertEqual(model.units[1].score, 0.5)
        XCTAssertEqual(model.findings, [finding])
        XCTAssertEqual(model.units[1].findings, [finding])
        let summary = model.summary
        XCTAssertEqual(summary.unalignedSource, 2)
        XCTAssertEqual(summary.unalignedTarget, 0)
        XCTAssertEqual(summary.meanConfidence!, 0.7, accuracy: 1e-12)
    }
}
