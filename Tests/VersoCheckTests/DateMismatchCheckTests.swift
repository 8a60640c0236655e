import XCTest
@testable import VersoCheck

final class DateMismatchCheckTests: XCTestCase {
    func testFlagsWrongWeekdayMonthAndTime() throws {
        try assertFlags(DateMismatchCheck.self, "The vote is on Tuesday.", "Le vote a lieu ⟦mercredi⟧.")
        try assertFlags(DateMismatchCheck.self, "On Tuesday, March 4, the U.S. voted.", "Le mardi 4 ⟦mai⟧, les États-Unis ont voté.")
        try assertFlags(DateMismatchCheck.self, "The talks resume in May.", "Les pourparlers reprennent en ⟦mars⟧.")
        try assertFlags(DateMismatchCheck.self, "The meeting starts at 3 p.m.", "La réunion commence à ⟦17 h⟧.")
        try assertFlags(DateMismatchCheck.self, "The shop opens at 9:30 a.m.", "La boutique ouvre à ⟦9 h 45⟧.")
        try assertFlags(DateMismatchCheck.self, "Sales rose in Jan. 2024.", "Les ventes ont augmenté en ⟦février⟧ 2024.")
    }

    func testMessageQuotesBothSides() throws {
        let findings = try run(DateMismatchCheck.self, [("The vote is on Tuesday.", "Le vote a lieu mercredi.")])
        XCTAssertEqual(findings.count, 1)
        XCTAssertTrue(findings[0].message.contains("mercredi") && findings[0].message.contains("Tuesday"), findings[0].message)
    }

    func testCorrectDatesAndTimes() throws {
        try assertClean(DateMismatchCheck.self, "On Tuesday, March 4, the U.S. voted.", "Le mardi 4 mars, les États-Unis ont voté.")
        try assertClean(DateMismatchCheck.self, "The meeting starts at 3 p.m.", "La réunion commence à 15 h.")
        try assertClean(DateMismatchCheck.self, "The meeting starts at 3 p.m.", "La réunion commence à 15 heures.")
        try assertClean(DateMismatchCheck.self, "The meeting starts at 3:30 pm.", "La réunion commence à 15h30.")
        try assertClean(DateMismatchCheck.self, "We meet at 3 o'clock.", "Nous nous retrouvons à 15 h.")
        try assertClean(DateMismatchCheck.self, "We meet at 15:00.", "Nous nous retrouvons à 15 h.")
        try assertClean(DateMismatchCheck.self, "Since last May, prices have risen.", "Depuis mai dernier, les prix ont augmenté.")
        // A reordered but faithful sentence.
        try assertClean(DateMismatchCheck.self, "By Friday, December 12, the report was done.", "Le rapport était terminé le vendredi 12 décembre.")
    }

    func testWordsThatLookLikeMonthsAreNotDates() throws {
        // "May" the modal verb, "March" the verb, "Mars" the planet, "sept" the number.
        try assertClean(DateMismatchCheck.self, "May I come in on Monday?", "Puis-je entrer lundi ?")
        try assertClean(DateMismatchCheck.self, "They march to the capital in June.", "Ils marchent vers la capitale en juin.")
        try assertClean(DateMismatchCheck.self, "The rover landed on Mars in February.", "Le robot s’est posé sur Mars en février.")
        try assertClean(DateMismatchCheck.self, "Seven days in April.", "Sept jours en avril.")
        // A date part on one side only is a rephrasing, not a wrong date.
        try assertClean(DateMismatchCheck.self, "He came on Sunday.", "Il est venu le week-end.")
        try assertClean(DateMismatchCheck.self, "He came yesterday.", "Il est venu dimanche.")
    }
}
