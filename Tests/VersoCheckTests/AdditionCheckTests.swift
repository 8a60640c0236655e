import XCTest
@testable import VersoCheck

final class AdditionCheckTests: XCTestCase {
    func testTargetSentenceWithoutSource() throws {
        try assertFlags(AdditionCheck.self, "", "⟦(Note du traducteur : ce texte a été traduit automatiquement.)⟧")
    }

    func testAddedClauseWithDictionary() throws {
        let lexicon = TestDictionary([("minister", "ministre"), ("resigned", "demissionne")])
        try assertFlags(AdditionCheck.self, "The minister resigned on Monday evening.",
                        "Le ministre a démissionné lundi soir, provoquant une crise politique majeure dans tout le pays et des manifestations spontanées.",
                        lexicon: lexicon)
    }

    func testBoilerplateAndFaithfulPairsAreNotAdditions() throws {
        try assertClean(AdditionCheck.self, "", "Source link")
        try assertClean(AdditionCheck.self, "", "Dernières Nouvelles | News 24")
        try assertClean(AdditionCheck.self, "The minister resigned.", "Le ministre a démissionné.")
    }
}
