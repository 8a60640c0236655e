import XCTest
@testable import VersoCheck

final class MisalignmentCheckTests: XCTestCase {
    func testLowScoreIsFlagged() throws {
        let findings = try run(MisalignmentCheck.self, [("The weather was fine.", "Le contrat est résilié."), ("Hello.", "Bonjour.")], scores: [0.05, 0.95])
        XCTAssertEqual(findings.map(\.bead), [0])
        XCTAssertEqual(findings.first?.side, .both)
    }

    func testUnscoredPairsUseCoverage() throws {
        let lexicon = TestDictionary([("weather", "temps"), ("fine", "beau"), ("yesterday", "hier"), ("whole", "toute"), ("day", "journee")])
        let bad = try run(MisalignmentCheck.self, [("The weather was fine yesterday for the whole day.", "Le contrat est résilié de plein droit sans préavis.")], lexicon: lexicon)
        XCTAssertEqual(bad.count, 1)
        let good = try run(MisalignmentCheck.self, [("The weather was fine yesterday for the whole day.", "Hier, il a fait beau temps toute la journée.")], lexicon: lexicon)
        XCTAssertEqual(good.count, 0)
    }
}
