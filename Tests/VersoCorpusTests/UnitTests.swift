import XCTest
@testable import VersoCorpus

final class TranslationUnitTests: XCTestCase {
    func testDefaults() {
        let unit = TranslationUnit(source: "a", target: "b")
        XCTAssertNil(unit.score)
        XCTAssertTrue(unit.findings.isEmpty)
    }
}
