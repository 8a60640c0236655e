import XCTest
@testable import VersoCheck

final class TruncationCheckTests: XCTestCase {
    func testFlagsCutOffSentences() throws {
        try assertFlags(TruncationCheck.self, "The minister resigned on Friday after the vote.", "Le ministre a démissionné vendredi après ⟦le⟧")
        try assertFlags(TruncationCheck.self, "The minister resigned on Friday after the vote.", "Le ministre a démissionné vendredi après le ⟦vote⟧")
        try assertFlags(TruncationCheck.self, "Prices rose sharply in the north and the south.", "Les prix ont fortement augmenté dans le nord et ⟦le.⟧")
    }

    func testTrailingEllipsisOnAShortTarget() throws {
        let findings = try run(TruncationCheck.self, [
            ("He opened the door, looked around the empty room and walked slowly to the window.", "Il ouvrit la porte…"),
            ("The chairman thanked the members for their patience and their work.", "Le président a remercié les membres pour leur patience et leur travail."),
            ("It is electric in nature.", "Cet éclat est de nature électrique ..."),
            ("We are going to rid the seas of it!", "Nous allons en purger les mers ! ..."),
        ])
        XCTAssertEqual(findings.map(\.bead), [0])
        XCTAssertEqual(findings.first?.span, Marked("Il ouvrit la ⟦porte…⟧").span)
    }

    func testMessageMentionsShortness() throws {
        let findings = try run(TruncationCheck.self, [
            ("The committee approved the budget for the next three years after a long debate.", "Le comité a approuvé"),
            ("The chairman thanked the members for their patience and their work.", "Le président a remercié les membres pour leur patience et leur travail."),
        ])
        XCTAssertEqual(findings.map(\.bead), [0])
        XCTAssertTrue(findings[0].message.contains("expected length"), findings[0].message)
    }

    func testCompleteSentencesAreClean() throws {
        try assertClean(TruncationCheck.self, "Take it.", "Prends-le.")
        try assertClean(TruncationCheck.self, "Take it", "Prends-la")
        try assertClean(TruncationCheck.self, "There are some.", "Il y en a.")
        try assertClean(TruncationCheck.self, "Whose is it?", "C’est à qui ?")
        try assertClean(TruncationCheck.self, "I don't—", "Je ne…")
        try assertClean(TruncationCheck.self, "And then...", "Et puis…")
        try assertClean(TruncationCheck.self, "Chapter 1", "Chapitre 1")
        try assertClean(TruncationCheck.self, "He said “yes.”", "Il a dit « oui ».")
        try assertClean(TruncationCheck.self, "The list is as follows.", "La liste est la suivante :")
        try assertClean(TruncationCheck.self, "On Tuesday, March 4, the U.S. voted.", "Le mardi 4 mars, les États-Unis ont voté.")
        // Reordered but faithful.
        try assertClean(TruncationCheck.self, "In 2019, the company moved to Lyon.", "L’entreprise a déménagé à Lyon en 2019.")
    }
}
