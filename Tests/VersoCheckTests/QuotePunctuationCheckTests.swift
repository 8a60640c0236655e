import XCTest
@testable import VersoCheck

final class QuotePunctuationCheckTests: XCTestCase {
    func testFlagsUnbalancedAndMismatchedMarks() throws {
        try assertFlags(QuotePunctuationCheck.self, "He said \"we will win\" and left.", "Il a dit ⟦«⟧ nous gagnerons et il est parti.")
        try assertFlags(QuotePunctuationCheck.self, "The fee (see below) is due.", "Les frais ⟦(⟧voir ci-dessous sont dus.")
        try assertFlags(QuotePunctuationCheck.self, "The fee is due.", "Les frais voir ci-dessous⟦)⟧ sont dus.")
        try assertFlags(QuotePunctuationCheck.self, "He said \"yes\".", "Il a dit « oui ⟦”⟧.")
    }

    func testFlagsLostQuestionAndExclamation() throws {
        try assertFlags(QuotePunctuationCheck.self, "Is the service available?", "Le service est disponible⟦.⟧")
        try assertFlags(QuotePunctuationCheck.self, "Watch out!", "Attention⟦.⟧")
    }

    func testCorrectQuotesAndQuestions() throws {
        try assertClean(QuotePunctuationCheck.self, "He said \"we will win\" and left.", "Il a dit « nous gagnerons » et il est parti.")
        try assertClean(QuotePunctuationCheck.self, "He said “we will win” and left.", "Il a dit « nous gagnerons » et il est parti.")
        try assertClean(QuotePunctuationCheck.self, "“Why?” he asked.", "« Pourquoi ? » demanda-t-il.")
        try assertClean(QuotePunctuationCheck.self, "The U.S. (and the U.K.) agreed.", "Les États-Unis (et le Royaume-Uni) ont accepté.")
        try assertClean(QuotePunctuationCheck.self, "He said “yes” (twice).", "Il a dit « oui » (deux fois).")
        try assertClean(QuotePunctuationCheck.self, "She said \"I like 'jazz'\".", "Elle a dit « j’aime le “jazz” ».")
        try assertClean(QuotePunctuationCheck.self, "Are you coming?", "Tu viens ?")
        try assertClean(QuotePunctuationCheck.self, "1) Open the lid.", "1) Ouvrez le couvercle.")
    }

    func testQuoteSpanningBeadsFollowsTheSource() throws {
        // The source opens a quote in one bead and closes it in the next: so may the target.
        let findings = try run(QuotePunctuationCheck.self, [("He said: \"First point.", "Il a dit : « Premier point."),
                                                            ("Second point.\"", "Deuxième point. »")])
        XCTAssertEqual(findings.map(\.message), [])
        // French dialogue: one « » over several lines the English quotes one by one.
        let dialogue = try run(QuotePunctuationCheck.self, [("\"Hello.\"", "« Bonjour."), ("\"Hi.\"", "— Salut. »")])
        XCTAssertEqual(dialogue.map(\.message), [])
        // Never closed anywhere in the target: reported.
        let open = try run(QuotePunctuationCheck.self, [("\"Hello.\"", "« Bonjour."), ("Then he left.", "Puis il partit.")])
        XCTAssertEqual(open.map(\.bead), [0])
    }
}

final class IntegratedQuotePeriodTests: XCTestCase {
    func testPeriodInsideAnIntegratedQuotation() throws {
        try assertFlags(QuotePunctuationCheck.self, "He said it was worrying, “not only for Ukraine but for the peninsula.”",
                        "Il a déclaré que c’était préoccupant, « non seulement pour l’Ukraine mais pour la péninsule⟦. »⟧")
    }

    func testFullQuotedSentencesKeepTheirPeriod() throws {
        try assertClean(QuotePunctuationCheck.self, "He said: “I am coming.”", "Il a dit : « Je viens. »")
        try assertClean(QuotePunctuationCheck.self, "“We will watch this closely.”", "« Nous allons surveiller cela de près. »")
        try assertClean(QuotePunctuationCheck.self, "He called it “a disgrace”.", "Il a parlé d’« une honte ».")
    }
}
