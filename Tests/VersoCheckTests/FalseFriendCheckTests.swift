import XCTest
@testable import VersoCheck

final class FalseFriendCheckTests: XCTestCase {
    func testFalseFriends() throws {
        try assertFlags(FalseFriendCheck.self, "The resolution effectively ended the monitoring.", "La résolution a ⟦effectivement⟧ aboli la surveillance.")
        try assertFlags(FalseFriendCheck.self, "He will eventually resign.", "Il va ⟦éventuellement⟧ démissionner.")
        try assertFlags(FalseFriendCheck.self, "The library opens at nine.", "La ⟦librairie⟧ ouvre à neuf heures.")
    }

    func testRightUsesAreClean() throws {
        try assertClean(FalseFriendCheck.self, "He actually left.", "Il est effectivement parti.")
        try assertClean(FalseFriendCheck.self, "The current president spoke.", "L’actuel président a parlé.")
        try assertClean(FalseFriendCheck.self, "The library opens at nine.", "La bibliothèque ouvre à neuf heures.")
        try assertClean(FalseFriendCheck.self, "Any changes will be announced.", "Les éventuels changements seront annoncés.")
    }
}
