import XCTest
@testable import VersoCheck

final class FindingModelTests: XCTestCase {
    func testSeverityOrder() {
        XCTAssertLessThan(Severity.info, .minor)
        XCTAssertLessThan(Severity.major, .critical)
        XCTAssertEqual(BeadText(source: ["a", "b"], target: []).sourceText, "a b")
    }
}
