import XCTest
@testable import VersoCheck

final class NumberMismatchCheckTests: XCTestCase {
    func testFlagsChangedNumbers() throws {
        try assertFlags(NumberMismatchCheck.self, "The fund grew by 1,250.5 million.", "Le fonds a augmenté de ⟦1 205,5 millions⟧.")
        try assertFlags(NumberMismatchCheck.self, "Inflation reached 15%.", "L’inflation a atteint ⟦51 %⟧.")
        // A year against a year is reported as a wrong date.
        let years = try run(NumberMismatchCheck.self, [("He died in 1998.", "Il est mort en 1989.")])
        XCTAssertEqual(years.map(\.code), ["date-mismatch"])
        XCTAssertEqual(years.first?.span, 15..<19)
        try assertFlags(NumberMismatchCheck.self, "He was 2998 days old.", "Il avait ⟦2989⟧ jours.")
        try assertFlags(NumberMismatchCheck.self, "⟦2019⟧ was a good year.", "Ce fut une bonne année.", side: .source)
        try assertFlags(NumberMismatchCheck.self, "She has two children.", "Elle a ⟦trois⟧ enfants.")
        try assertFlags(NumberMismatchCheck.self, "It is the 21st edition.", "C’est la ⟦22e⟧ édition.")
        try assertFlags(NumberMismatchCheck.self, "The G7 met in June.", "Le ⟦G8⟧ s’est réuni en juin.")
    }

    func testFlagsScaleErrors() throws {
        // English billion = French milliard; "billion" left as is is a thousand times too big.
        try assertFlags(NumberMismatchCheck.self, "The deal is worth $1.5 billion.", "L’accord vaut ⟦1,5 billion⟧ de dollars.")
        try assertFlags(NumberMismatchCheck.self, "The debt is 3 trillion euros.", "La dette est de ⟦3 milliards⟧ d’euros.")
    }

    func testMessageQuotesBothSides() throws {
        let findings = try run(NumberMismatchCheck.self, [("The deal is worth $1.5 billion.", "L’accord vaut 1,5 billion de dollars.")])
        let target = try XCTUnwrap(findings.first { $0.side == .target })
        XCTAssertTrue(target.message.contains("1,5 billion"), target.message)
        XCTAssertTrue(target.message.contains("1.5 billion"), target.message)
        XCTAssertTrue(target.message.contains("power of 1000"), target.message)
    }

    func testLocaleConventionsAreNotMismatches() throws {
        try assertClean(NumberMismatchCheck.self, "The total is 1,200.5 tonnes.", "Le total est de 1 200,5 tonnes.")
        try assertClean(NumberMismatchCheck.self, "The total is 1,200.5 tonnes.", "Le total est de 1\u{202F}200,5 tonnes.")
        try assertClean(NumberMismatchCheck.self, "The total is 1,200.5 tonnes.", "Le total est de 1\u{00A0}200,5 tonnes.")
        try assertClean(NumberMismatchCheck.self, "The total is 1,200.5 tonnes.", "Die Summe beträgt 1.200,5 Tonnen.", targetLanguage: "de")
        try assertClean(NumberMismatchCheck.self, "Unemployment fell to 7.5% in 2023.", "Le chômage est tombé à 7,5 % en 2023.")
        try assertClean(NumberMismatchCheck.self, "Growth was 15 percent.", "La croissance a été de 15 pour cent.")
    }

    func testSpelledNumbersScalesAndOrdinals() throws {
        try assertClean(NumberMismatchCheck.self, "She has 2 children.", "Elle a deux enfants.")
        try assertClean(NumberMismatchCheck.self, "She has two children.", "Elle a 2 enfants.")
        try assertClean(NumberMismatchCheck.self, "Two million people voted.", "2 millions de personnes ont voté.")
        try assertClean(NumberMismatchCheck.self, "2 million people voted.", "Deux millions de personnes ont voté.")
        try assertClean(NumberMismatchCheck.self, "The deal is worth $1.5 billion.", "L’accord vaut 1,5 milliard de dollars.")
        try assertClean(NumberMismatchCheck.self, "The debt is 3 trillion euros.", "La dette est de 3 billions d’euros.")
        try assertClean(NumberMismatchCheck.self, "It is the 21st edition.", "C’est la 21e édition.")
        try assertClean(NumberMismatchCheck.self, "He turned 22 today.", "Il a eu vingt-deux ans aujourd’hui.")
        try assertClean(NumberMismatchCheck.self, "We sold 290 copies.", "Nous avons vendu deux cent quatre-vingt-dix exemplaires.")
        try assertClean(NumberMismatchCheck.self, "A thousand times no.", "Mille fois non.")
        try assertClean(NumberMismatchCheck.self, "She was born in the 1990s.", "Elle est née dans les années 1990.")
    }

    func testOneIsOnlyANumberWhenNeeded() throws {
        try assertClean(NumberMismatchCheck.self, "One day he left.", "Un jour, il est parti.")
        try assertClean(NumberMismatchCheck.self, "He left on day 1.", "Il est parti le premier jour.")
        try assertClean(NumberMismatchCheck.self, "Only 1 person came.", "Une seule personne est venue.")
        try assertClean(NumberMismatchCheck.self, "CHAPTER 1 How Candide Was Brought Up", "CHAPITRE I. Comment Candide fut élevé")
        try assertClean(NumberMismatchCheck.self, "They both laughed.", "Tous les deux ont ri.")
    }

    func testCodesAndTimesAndDates() throws {
        try assertClean(NumberMismatchCheck.self, "COVID-19 cases rose at the G7 summit, says v2.4 of the report.",
                        "Les cas de COVID-19 ont augmenté au sommet du G7, selon la v2.4 du rapport.")
        try assertClean(NumberMismatchCheck.self, "The meeting starts at 3 p.m.", "La réunion commence à 15 h.")
        try assertClean(NumberMismatchCheck.self, "The meeting starts at 3 p.m.", "La réunion commence à 15 heures.")
        try assertClean(NumberMismatchCheck.self, "It lasted 15 hours.", "Cela a duré 15 h.")
        try assertClean(NumberMismatchCheck.self, "On Tuesday, March 4, the U.S. voted.", "Le mardi 4 mars, les États-Unis ont voté.")
        try assertClean(NumberMismatchCheck.self, "In 2020, 3,000 people signed the 10-page petition.",
                        "En 2020, une pétition de 10 pages a été signée par 3 000 personnes.")
    }

    func testListNumberingIsLayout() throws {
        try assertClean(NumberMismatchCheck.self, "1. Open the lid.", "Ouvrez le couvercle.")
        try assertClean(NumberMismatchCheck.self, "2) Close the lid.", "b) Fermez le couvercle.")
    }
}
