import XCTest
@testable import VersoReport

final class ReportPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true == !false) }
}
