import XCTest
@testable import VersoCheck

final class WordOrderCheckTests: XCTestCase {
    func testSplitCompoundAdjective() throws {
        try assertFlags(WordOrderCheck.self, "Putin's comments appeared in North Korean state media.",
                        "Les commentaires de Poutine sont apparus dans ⟦Nord coréen⟧ des médias d’État.")
    }

    func testPossessiveCalque() throws {
        let lexicon = TestDictionary([("war", "guerre")])
        try assertFlags(WordOrderCheck.self, "Munitions to fuel Putin's war efforts in Ukraine.",
                        "Des munitions pour alimenter les efforts de ⟦Poutine guerre⟧ en Ukraine.", lexicon: lexicon)
    }

    func testCorrectOrderIsClean() throws {
        let lexicon = TestDictionary([("war", "guerre"), ("visit", "visite")])
        try assertClean(WordOrderCheck.self, "in North Korean state media", "dans les médias d’État nord-coréens", lexicon: lexicon)
        try assertClean(WordOrderCheck.self, "Putin's war in Ukraine", "la guerre de Poutine en Ukraine", lexicon: lexicon)
        try assertClean(WordOrderCheck.self, "Putin's visit comes amid concern.", "La visite de Poutine intervient sur fond d’inquiétude.", lexicon: lexicon)
        try assertClean(WordOrderCheck.self, "He went to the North.", "Il est allé dans le Nord en voiture.", lexicon: lexicon)
        try assertClean(WordOrderCheck.self, "the East German border", "la frontière est-allemande", lexicon: lexicon)
    }
}

final class WordOrderPatternTests: XCTestCase {
    func testEnglishAdjectiveAndNameOrder() throws {
        try assertFlags(WordOrderCheck.self, "He bought a big red car.", "Il a acheté une ⟦rouge grande⟧ voiture.")
        try assertFlags(WordOrderCheck.self, "Any dispute shall be referred to the Commercial Court of Paris.",
                        "Tout litige sera soumis ⟦au Paris tribunal⟧ de commerce.")
        try assertClean(WordOrderCheck.self, "He bought a big red car.", "Il a acheté une grosse voiture rouge.")
        try assertClean(WordOrderCheck.self, "to the Commercial Court of Paris", "au tribunal de commerce de Paris")
        try assertClean(WordOrderCheck.self, "The Louvre museum opened.", "Le musée du Louvre a ouvert.")
    }
}
