import XCTest
@testable import VersoCheck

final class SpuriousBreakCheckTests: XCTestCase {
    func testStrayPeriodBeforeLowerCase() throws {
        try assertFlags(SpuriousBreakCheck.self,
                        "Soldiers fired warning shots to repel North Korean soldiers who briefly crossed the border.",
                        "Les soldats ont tiré pour repousser les soldats nord-coréens⟦.⟧ qui a temporairement traversé la frontière.")
        try assertFlags(SpuriousBreakCheck.self,
                        "the embassy spokesperson said in a statement.",
                        "a déclaré le porte-parole de l’ambassade américaine au Vietnam⟦.⟧ a déclaré dans un communiqué.")
    }

    func testFragmentSentence() throws {
        try assertFlags(SpuriousBreakCheck.self,
                        "He met the North Korean leader Kim Jong Un.",
                        "Il a rencontré le dirigeant nord-coréen Kim Jong. ¶ ⟦ONU.⟧")
    }

    func testAbbreviationsAndEllipsesAreNotStray() throws {
        try assertClean(SpuriousBreakCheck.self, "Apples, pears, etc. and more.", "Des pommes, des poires, etc. et plus encore.")
        try assertClean(SpuriousBreakCheck.self, "Mr. Smith spoke.", "M. le maire a parlé.")
        try assertClean(SpuriousBreakCheck.self, "Wait... what?", "Attends... quoi ?")
        try assertClean(SpuriousBreakCheck.self, "Version 2. then 3.", "Version 2. puis 3.")
        try assertClean(SpuriousBreakCheck.self, "He left. She stayed.", "Il est parti. ¶ Elle est restée.")
        try assertClean(SpuriousBreakCheck.self, "Then he spoke. Yes.", "Puis il a parlé. ¶ Oui.")
    }
}
