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
        let bad = try run(MisalignmentCheck.self, [("The weather was fine yesterday for the whole day in the mountains near the lake.",
                                                    "Le contrat est résilié de plein droit sans préavis par lettre recommandée du bailleur.")], lexicon: lexicon)
        XCTAssertEqual(bad.count, 1)
        let good = try run(MisalignmentCheck.self, [("The weather was fine yesterday for the whole day in the mountains near the lake.",
                                                     "Hier, il a fait beau temps toute la journée dans les montagnes près du lac.")], lexicon: lexicon)
        let short = try run(MisalignmentCheck.self, [("Ideal for hiking and camping.", "Garantie de deux ans.")], lexicon: lexicon)
        XCTAssertEqual(short.count, 1, "short unrelated lines whose lengths disagree")
        XCTAssertEqual(good.count, 0)
    }
}
