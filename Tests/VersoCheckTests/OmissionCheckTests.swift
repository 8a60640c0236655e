import XCTest
@testable import VersoCheck

final class OmissionCheckTests: XCTestCase {
    func testUntranslatedSourceSentence() throws {
        try assertFlags(OmissionCheck.self, "⟦The talks lasted two days.⟧", "", side: .source)
    }

    func testDroppedNamePart() throws {
        let lexicon = TestDictionary([("north", "nord"), ("korea", "coree"), ("korean", "coreenne"), ("korean", "coreen")])
        try assertFlags(OmissionCheck.self,
                        "North Korea dropped trash and the South blasted anti-⟦North⟧ Korean propaganda.",
                        "La Corée du Nord a largué des déchets et le Sud a diffusé de la propagande anti-coréenne.",
                        side: .source, lexicon: lexicon)
    }

    func testDroppedClauseWithDictionary() throws {
        let lexicon = TestDictionary([("minister", "ministre"), ("said", "declare"), ("talks", "discussions"), ("would", "allaient"), ("continue", "continuer")])
        try assertFlags(OmissionCheck.self,
                        "The minister said the talks would continue next week despite strong protests from several opposition parties and unions.",
                        "Le ministre a déclaré que les discussions allaient continuer.",
                        side: .source, lexicon: lexicon)
    }

    func testFaithfulTranslationsAreClean() throws {
        let lexicon = TestDictionary([("north", "nord"), ("korea", "coree"), ("korean", "coreen"), ("south", "sud")])
        try assertClean(OmissionCheck.self, "North Korean and South Korean officials met.", "Des responsables nord-coréens et sud-coréens se sont rencontrés.", lexicon: lexicon)
        try assertClean(OmissionCheck.self, "Putin praised North Korea.", "Poutine a fait l’éloge de la Corée du Nord.", lexicon: lexicon)
        try assertClean(OmissionCheck.self, "The United States and Japan agreed.", "Les États-Unis et le Japon sont d’accord.", lexicon: lexicon)
        try assertClean(OmissionCheck.self, "It rained.", "Il a plu.", lexicon: lexicon)
    }
}

final class OmissionConnectorAndPossessorTests: XCTestCase {
    func testDroppedAlso() throws {
        try assertFlags(OmissionCheck.self, "It matters not only for trade, but also for security, but also for peace.",
                        "Cela compte non seulement pour le commerce, mais aussi pour la sécurité, mais pour la paix.", side: .source)
        try assertClean(OmissionCheck.self, "It matters not only for trade, but also for security.",
                        "Cela compte non seulement pour le commerce, mais aussi pour la sécurité.")
    }

    func testPossessorBecamePronoun() throws {
        let lexicon = TestDictionary([("korea", "coree"), ("firm", "ferme"), ("support", "soutien"), ("visit", "visite")])
        try assertFlags(OmissionCheck.self, "Putin, on his visit to North Korea, praised North Korea’s firm support.",
                        "Poutine, lors de sa visite en Corée du Nord, a salué ⟦son ferme soutien⟧.", lexicon: lexicon)
        try assertClean(OmissionCheck.self, "Putin praised North Korea’s firm support.",
                        "Poutine a salué le ferme soutien de la Corée du Nord.", lexicon: lexicon)
        try assertClean(OmissionCheck.self, "Putin’s visit comes amid concern.", "Sa visite intervient sur fond d’inquiétude, dit Poutine.", lexicon: lexicon)
    }
}
