import Foundation
import VersoTestSupport
import VersoText
import XCTest
@testable import VersoAlign

/// Quality floors on small gold documents (the full evaluation is Scripts/evaluate.sh).
/// Floors are 0.02 below what was measured when they were set.
final class GoldTests: XCTestCase {
    private func score(_ folder: String, _ name: String, _ s: String, _ t: String, gold g: String) throws -> Evaluation.Score {
        let dir = try TestSupport.requireShared(folder)
        guard try FreeDict.files(from: s, to: t) != nil else { throw XCTSkip("FreeDict \(s)-\(t) not installed") }
        let read = { (ext: String) in try SourceText.read(path: dir.appendingPathComponent("\(name).\(ext)").path) }
        let aligner = try Aligner(options: AlignerOptions(sourceLanguage: s, targetLanguage: t))
        let source = try read(s).string.split(separator: "\n").map(String.init)
        let target = try read(t).string.split(separator: "\n").map(String.init)
        let result = aligner.alignTexts([(source, target, nil, nil)])
        let gold = try Evaluation.parse(read(g).string, name: name)
        return Evaluation.score(gold: [gold], test: [Evaluation.links(result.beads[0])])
    }

    func testTextBergTest4() throws {
        let s = try score("gold/textberg-de-fr", "test4", "de", "fr", gold: "defr")
        XCTAssertGreaterThanOrEqual(s.strictF1, 0.769 - 0.02, "strict F1 \(s.strictF1)")
    }

    func testTransReadJaneEyre() throws {
        let s = try score("gold/transread-en-fr/derived", "JaneEyre", "en", "fr", gold: "enfr")
        XCTAssertGreaterThanOrEqual(s.strictF1, 0.86 - 0.02, "strict F1 \(s.strictF1)")
    }
}
