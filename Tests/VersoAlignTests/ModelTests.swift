import XCTest
@testable import VersoAlign

final class BeadModelTests: XCTestCase {
    func testBeadKindAndNull() {
        XCTAssertEqual(Bead(source: [0, 1], target: [2], score: 1).kind, "2-1")
        XCTAssertTrue(Bead(source: [], target: [2], score: 0).isNull)
        XCTAssertFalse(Bead(source: [1], target: [2], score: 0).isNull)
    }
}
