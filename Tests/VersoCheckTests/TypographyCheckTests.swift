import XCTest
@testable import VersoCheck

final class TypographyCheckTests: XCTestCase {
    private func severities(_ source: String, _ target: String, targetLanguage: String = "fr") throws -> [Severity] {
        try run(TypographyCheck.self, [(source, target)], target: targetLanguage).map(\.severity)
    }

    func testFlagsMissingSpacesAsMinor() throws {
        try assertFlags(TypographyCheck.self, "Really?", "Vraiment⟦?⟧")
        try assertFlags(TypographyCheck.self, "Note: see below.", "Note⟦:⟧ voir ci-dessous.")
        try assertFlags(TypographyCheck.self, "He said \"yes\".", "Il a dit ⟦«⟧oui\u{202F}».")
        XCTAssertEqual(try severities("Really?", "Vraiment?"), [.minor])
    }

    func testPlainSpaceIsInfoOnly() throws {
        try assertFlags(TypographyCheck.self, "Really?", "Vraiment⟦ ⟧?")
        XCTAssertEqual(try severities("Really?", "Vraiment ?"), [.info])
        XCTAssertEqual(try severities("He said \"yes\".", "Il a dit « oui »."), [.info, .info])
    }

    func testStraightQuotesAndDecimalPoints() throws {
        try assertFlags(TypographyCheck.self, "He said \"yes\".", "Il a dit ⟦\"⟧oui\".")
        try assertFlags(TypographyCheck.self, "It weighs 3.5 kg.", "Il pèse ⟦3.5⟧ kg.")
        XCTAssertEqual(try severities("It weighs 3.5 kg.", "Il pèse 3.5 kg."), [.minor])
    }

    func testCorrectFrenchIsClean() throws {
        try assertClean(TypographyCheck.self, "Really?", "Vraiment\u{202F}?")
        try assertClean(TypographyCheck.self, "Really?", "Vraiment\u{00A0}?")
        try assertClean(TypographyCheck.self, "He said \"yes\": fine!", "Il a dit «\u{202F}oui\u{202F}»\u{202F}: d’accord\u{202F}!")
        try assertClean(TypographyCheck.self, "It weighs 3.5 kg.", "Il pèse 3,5 kg.")
        try assertClean(TypographyCheck.self, "The total is 1,200.5 tonnes.", "Le total est de 1\u{202F}200,5 tonnes.")
        try assertClean(TypographyCheck.self, "See section 3.2 and version 2.4.", "Voir la section 3.2 et la version 2.4.")
        try assertClean(TypographyCheck.self, "Meet at 15:30 on http://example.org?id=3.", "Rendez-vous à 15:30 sur http://example.org?id=3.")
        try assertClean(TypographyCheck.self, "What?!", "Quoi\u{202F}?!")
        try assertClean(TypographyCheck.self, "The U.S. agreed.", "Les États-Unis ont accepté.")
        try assertClean(TypographyCheck.self, "A 12\" screen.", "Un écran de 12\".")
    }

    func testOtherTargetLanguagesAreNotChecked() throws {
        XCTAssertEqual(try severities("Wirklich?", "Really?", targetLanguage: "en"), [])
    }
}
