import XCTest
@testable import VersoCheck

final class WordListTests: XCTestCase {
    func testSystemWordLists() throws {
        guard let english = WordList.load("en"), let french = WordList.load("fr") else {
            throw XCTSkip("no word lists in /usr/share/dict (apt-get install wamerican wfrench)")
        }
        XCTAssertTrue(english.contains("washable"))
        XCTAssertTrue(english.contains("levels"))
        XCTAssertFalse(french.contains("washable"))
        XCTAssertTrue(french.contains("lavable"))
        XCTAssertTrue(french.contains("etrange"), "folded: accents removed")
        XCTAssertNil(WordList.load("xx"))
    }
}
