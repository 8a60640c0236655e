import XCTest
@testable import VersoAlign

/// Anchors for long inputs: the chain of rare linked token pairs and the band through it.
final class AnchorTests: XCTestCase {
    private func problem(_ source: [String], _ target: [String]) throws -> AlignProblem {
        let space = FeatureSpace(stemmers: [try Stemmer(language: "en"), try Stemmer(language: "fr")])
        let s = SideFeatures(texts: source, paragraphs: nil, space: space)
        let t = SideFeatures(texts: target, paragraphs: nil, space: space)
        let links = DocumentLinks(source: s, target: t, space: space, evidence: .init(lexicon: nil, cognates: true))
        return AlignProblem(source: s, target: t, links: links, weights: CostWeights(), shapes: AlignerOptions().shapes, useParagraphs: false)
    }

    func testChainIsMonotoneAndSkipsCrossingAndUnequalCounts() throws {
        // 1901/1902 cross (only one of them can stay); "Zurich" occurs twice on the source side
        // and once on the target side, so it is no anchor.
        let p = try problem(["Year 1900 in Zurich.", "Year 1901.", "Year 1902 in Zurich.", "Year 1903."],
                        ["An 1900 à Zurich.", "An 1902.", "An 1901.", "An 1903."])
        let chain = Anchors.chain(p)
        XCTAssertEqual(chain.count, 3, "\(chain)")
        XCTAssertEqual(chain.first?.i, 0); XCTAssertEqual(chain.first?.j, 0)
        XCTAssertEqual(chain.last?.i, 3); XCTAssertEqual(chain.last?.j, 3)
        for k in 1..<chain.count { XCTAssertTrue(chain[k].i > chain[k - 1].i && chain[k].j > chain[k - 1].j) }
    }

    func testBandHoldsEveryAnchorPair() {
        let chain = [(i: 10, j: 12), (i: 50, j: 80), (i: 90, j: 95)]
        let band = Anchors.band(chain, n: 100, m: 100, width: 4, slack: 3)
        for (i, j) in chain {
            // The bead holding sentences i and j starts at or before node (i, j) and ends after it.
            XCTAssertTrue(band.contains(i, j) && band.contains(i + 1, j + 1), "(\(i), \(j))")
        }
        XCTAssertLessThan(band.count, 101 * 101 / 2)
    }
}
