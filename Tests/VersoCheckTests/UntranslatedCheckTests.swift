import XCTest
@testable import VersoCheck

final class UntranslatedCheckTests: XCTestCase {
    func testEnglishLeftInFrench() throws {
        try assertFlags(UntranslatedCheck.self, "The results will be published next week.", "⟦The results will be published next week.⟧")
        try assertFlags(UntranslatedCheck.self, "Please read the terms and the conditions of the offer.", "⟦Please read the terms and the conditions of the offer.⟧")
    }

    func testShortEnglishLineWithDictionary() throws {
        let lexicon = TestDictionary([], english: ["source", "link", "read", "more"], french: ["source", "lien"])
        try assertFlags(UntranslatedCheck.self, "", "⟦Source link⟧", lexicon: lexicon)
    }

    func testFrenchAndNamesAreClean() throws {
        let lexicon = TestDictionary([], english: ["source", "link"], french: ["source", "lien", "code"])
        try assertClean(UntranslatedCheck.self, "The results will be published next week.", "Les résultats seront publiés la semaine prochaine.")
        try assertClean(UntranslatedCheck.self, "Debian GNU/Linux", "Debian GNU/Linux", lexicon: lexicon)
        try assertClean(UntranslatedCheck.self, "John Kirby", "John Kirby", lexicon: lexicon)
        try assertClean(UntranslatedCheck.self, "Source code", "Code source", lexicon: lexicon)
        try assertClean(UntranslatedCheck.self, "He said it was a fair deal.", "Il a dit que c’était un « fair deal ».")
    }
}

final class UntranslatedWordListTests: XCTestCase {
    override func setUpWithError() throws {
        if WordList.load("en") == nil || WordList.load("fr") == nil {
            throw XCTSkip("no word lists in /usr/share/dict (apt-get install wamerican wfrench)")
        }
    }

    func testShortLinesAndCopiedRuns() throws {
        try assertFlags(UntranslatedCheck.self, "Schedule B – Service Levels", "⟦Schedule B – Service Levels⟧")
        try assertFlags(UntranslatedCheck.self, "Machine washable at 30 °C.", "⟦Machine washable⟧ à 30 °C.")
        try assertFlags(UntranslatedCheck.self, "", "⟦Source link⟧")
    }

    func testCommandsNamesAndLoanwordsAreClean() throws {
        try assertClean(UntranslatedCheck.self, "Run sudo apt-get update first.", "Lancez d’abord sudo apt-get update.")
        try assertClean(UntranslatedCheck.self, "Annexe B – Niveaux de service", "Annexe B – Niveaux de service")
        try assertClean(UntranslatedCheck.self, "She read the New York Times.", "Elle a lu le New York Times.")
        try assertClean(UntranslatedCheck.self, "Lavable en machine à 30 °C.", "Lavable en machine à 30 °C.")
    }
}
