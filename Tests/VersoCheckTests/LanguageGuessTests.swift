import XCTest
@testable import VersoCheck

final class LanguageGuessTests: XCTestCase {
    let english = "The president said that the talks with the neighbours would go on in the spring, and that he was not worried about the result of the vote in the parliament."
    let french = "Le président a déclaré que les discussions avec les voisins se poursuivraient au printemps et qu’il ne s’inquiétait pas du résultat du vote au parlement."

    func testGuessesTheLanguage() throws {
        XCTAssertEqual(try LanguageGuess.guess(english)?.language, "en")
        XCTAssertEqual(try LanguageGuess.guess(french)?.language, "fr")
        XCTAssertNil(try LanguageGuess.guess("Source link"), "too short to tell")
    }

    func testMismatchWarnsOnlyWhenClear() throws {
        XCTAssertNotNil(try LanguageGuess.mismatch(french, declared: "en", name: "a.txt", option: "--source-lang"))
        XCTAssertTrue(try LanguageGuess.mismatch(french, declared: "en", name: "a.txt", option: "--source-lang")?.contains("--source-lang fr") == true)
        XCTAssertNil(try LanguageGuess.mismatch(english, declared: "en", name: "a.txt", option: "--source-lang"))
        XCTAssertNil(try LanguageGuess.mismatch(french, declared: "fr-CA", name: "b.txt", option: "--target-lang"))
        XCTAssertNil(try LanguageGuess.mismatch(french, declared: "es", name: "b.txt", option: "--target-lang"), "no profile: no opinion")
    }
}
