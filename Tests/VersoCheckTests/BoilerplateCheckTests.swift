import XCTest
@testable import VersoCheck

final class BoilerplateCheckTests: XCTestCase {
    func testFlagsSiteHeaderAndFooter() throws {
        try assertFlags(BoilerplateCheck.self, "", "⟦Source link⟧")
        try assertFlags(BoilerplateCheck.self, "", "⟦Dernières Nouvelles | News 24⟧")
        try assertFlags(BoilerplateCheck.self, "", "⟦Lire aussi : la guerre en Ukraine⟧")
        try assertFlags(BoilerplateCheck.self, "", "⟦Le Monde | International⟧")
    }

    func testLeavesRealSentencesAlone() throws {
        try assertClean(BoilerplateCheck.self, "Read the source code of the link layer.", "Lisez le code source de la couche de liaison.")
        try assertClean(BoilerplateCheck.self, "Putin arrives in North Korea", "Poutine arrive en Corée du Nord")
        try assertClean(BoilerplateCheck.self, "Use a | b to pipe the output.", "Utilisez a | b pour rediriger la sortie.")
        try assertClean(BoilerplateCheck.self, "Cookies are baked at 180 degrees in this recipe for the whole family.",
                        "Les biscuits cuisent à 180 degrés dans cette recette pour toute la famille.")
    }
}
