import XCTest
@testable import VersoCheck

final class EntityMistranslationCheckTests: XCTestCase {
    func testNamePartReadAsAcronym() throws {
        try assertFlags(EntityMistranslationCheck.self, "He met the North Korean leader Kim Jong Un.",
                        "Il a rencontré le dirigeant nord-coréen Kim Jong. ¶ ⟦ONU⟧.")
    }

    func testAcronymTranslatedAsAWord() throws {
        try assertFlags(EntityMistranslationCheck.self, "The WHO declared a pandemic.", "⟦QUI⟧ a déclaré une pandémie.")
    }

    func testNameTranslatedAsCommonWord() throws {
        let lexicon = TestDictionary([("cook", "cuisinier"), ("apple", "pomme")])
        try assertFlags(EntityMistranslationCheck.self, "The chief executive Tim Cook spoke.", "Le patron Tim ⟦cuisinier⟧ a parlé.", lexicon: lexicon)
        try assertFlags(EntityMistranslationCheck.self, "Shares of Apple rose.", "Les actions de ⟦pomme⟧ ont monté.", lexicon: lexicon)
    }

    func testCorrectRenderingsAreClean() throws {
        let lexicon = TestDictionary([("north", "nord"), ("korea", "coree"), ("bridge", "pont"), ("security", "securite"), ("council", "conseil")])
        try assertClean(EntityMistranslationCheck.self, "The U.N. Security Council met.", "Le Conseil de sécurité de l’ONU s’est réuni.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "NATO and the UN agreed.", "L’OTAN et l’ONU sont d’accord.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "The World Health Organization spoke.", "L’OMS a pris la parole.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "North Korea fired a missile.", "La Corée du Nord a tiré un missile.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "We crossed the Golden Gate Bridge.", "Nous avons traversé le pont du Golden Gate.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "Apple released a phone.", "Apple a sorti un téléphone.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "Vladimir Putin met Kim Jong Un.", "Vladimir Poutine a rencontré Kim Jong Un.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "Read the FAQ about DNA.", "Lisez la FAQ sur l’ADN.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "Chapter IV covers the U.S. market.", "Le chapitre IV porte sur le marché des États-Unis.", lexicon: lexicon)
    }
}

final class EntityAfterTitleTests: XCTestCase {
    func testSurnameAfterTitleTranslated() throws {
        let lexicon = TestDictionary([("baker", "boulanger")])
        try assertFlags(EntityMistranslationCheck.self, "The agreement was notarized by Mr. Baker.", "L’accord a été authentifié par M. ⟦Boulanger⟧.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "The agreement was notarized by Mr. Baker.", "L’accord a été authentifié par M. Baker.", lexicon: lexicon)
    }
}

final class EntityBrandTests: XCTestCase {
    func testCommonWordNameRenderedByItsTranslation() throws {
        var lexicon = TestDictionary([("window", "fenetres"), ("windows", "fenetres"), ("germany", "allemagne")])
        lexicon.names = ["germany"]
        try assertFlags(EntityMistranslationCheck.self, "This driver requires Windows 11 or later.",
                        "Ce pilote nécessite ⟦Fenêtres⟧ 11 ou une version ultérieure.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "This driver requires Windows 11 or later.",
                        "Ce pilote nécessite Windows 11 ou une version ultérieure.", lexicon: lexicon)
        try assertClean(EntityMistranslationCheck.self, "Cars are made in Germany too.", "Des voitures sont aussi fabriquées en Allemagne.", lexicon: lexicon)
    }
}
