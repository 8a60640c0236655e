import XCTest
@testable import VersoCheck

final class DuplicationCheckTests: XCTestCase {
    func testRepeatedReportingVerb() throws {
        try assertFlags(DuplicationCheck.self, "“We will respond,” a spokesperson for the U.S. Embassy in Vietnam said in a statement.",
                        "« Nous répondrons », a déclaré le porte-parole de l’ambassade américaine au Vietnam. ⟦a déclaré⟧ dans un communiqué.")
    }

    func testDoubledWord() throws {
        try assertFlags(DuplicationCheck.self, "The report is ready.", "⟦Le le⟧ rapport est prêt.")
    }

    func testLegitimateRepetitionIsClean() throws {
        try assertClean(DuplicationCheck.self, "We will watch this very, very closely.", "Nous allons surveiller cela de très, très près.")
        try assertClean(DuplicationCheck.self, "He said yes. She said no.", "Il a déclaré oui. ¶ Elle a déclaré non.")
        try assertClean(DuplicationCheck.self, "Vous vous trompez.", "Vous vous trompez.")
        try assertClean(DuplicationCheck.self, "The state of the state.", "L’état de l’État.")
    }
}
