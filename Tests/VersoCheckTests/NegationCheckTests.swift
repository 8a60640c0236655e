import XCTest
@testable import VersoCheck

final class NegationCheckTests: XCTestCase {
    func testFlagsPolarityFlips() throws {
        try assertFlags(NegationCheck.self, "The drug is ⟦not⟧ safe for children.", "Le médicament est sûr pour les enfants.", side: .source)
        try assertFlags(NegationCheck.self, "The company will raise prices.", "L’entreprise n’augmentera ⟦pas⟧ ses prix.")
        try assertFlags(NegationCheck.self, "She has ⟦never⟧ visited Paris.", "Elle a visité Paris.", side: .source)
        try assertFlags(NegationCheck.self, "Everybody came to the party.", "⟦Personne⟧ n’est venu à la fête.")
        try assertFlags(NegationCheck.self, "He still lives in Lyon.", "Il n’habite ⟦plus⟧ à Lyon.")
        try assertFlags(NegationCheck.self, "The patient ⟦didn't⟧ respond to treatment.", "Le patient a répondu au traitement.", side: .source)
        try assertFlags(NegationCheck.self, "Something happened.", "Il ne s’est ⟦rien⟧ passé.")
    }

    func testFaithfulNegationsAreClean() throws {
        try assertClean(NegationCheck.self, "The drug is not safe for children.", "Le médicament n’est pas sûr pour les enfants.")
        try assertClean(NegationCheck.self, "He no longer lives in Lyon.", "Il n’habite plus à Lyon.")
        try assertClean(NegationCheck.self, "Nobody came.", "Personne n’est venu.")
        try assertClean(NegationCheck.self, "I have never seen it.", "Je ne l’ai jamais vu.")
        try assertClean(NegationCheck.self, "No, he said.", "Non, dit-il.")
        try assertClean(NegationCheck.self, "Me neither.", "Moi non plus.")
        try assertClean(NegationCheck.self, "Nothing happened.", "Il ne s’est rien passé.")
    }

    func testFrenchFalseFriendsOfNegation() throws {
        // ne … que = only
        try assertClean(NegationCheck.self, "He only eats fish.", "Il ne mange que du poisson.")
        try assertClean(NegationCheck.self, "She has just two euros.", "Elle n’a que deux euros.")
        // expletive ne
        try assertClean(NegationCheck.self, "Leave before he arrives.", "Partez avant qu’il n’arrive.")
        try assertClean(NegationCheck.self, "I fear he will come.", "Je crains qu’il ne vienne.")
        // non as a prefix, non seulement
        try assertClean(NegationCheck.self, "Unspecified values are ignored.", "Les valeurs non spécifiées sont ignorées.")
        try assertClean(NegationCheck.self, "Non-members pay more.", "Les non-membres paient plus.")
        try assertClean(NegationCheck.self, "Not only is it cheap, but it is fast.", "Non seulement c’est bon marché, mais c’est rapide.")
        try assertClean(NegationCheck.self, "It is cheap and also fast.", "Non seulement c’est bon marché, mais c’est rapide.")
        // personne, pas, plus, jamais, rien as nouns or non-negative uses
        try assertClean(NegationCheck.self, "A person called you.", "Une personne vous a appelé.")
        try assertClean(NegationCheck.self, "Each person has a vote.", "Chaque personne a une voix.")
        try assertClean(NegationCheck.self, "He took a step forward.", "Il fit un pas en avant.")
        try assertClean(NegationCheck.self, "She wants more coffee.", "Elle veut plus de café.")
        try assertClean(NegationCheck.self, "Friends forever.", "Amis à jamais.")
        try assertClean(NegationCheck.self, "If you ever come, call me.", "Si jamais tu viens, appelle-moi.")
        try assertClean(NegationCheck.self, "It is more important than ever.", "C’est plus important que jamais.")
        try assertClean(NegationCheck.self, "He worried over a trifle.", "Il s’inquiétait pour un rien.")
        // sans = without, and English negative prefixes
        try assertClean(NegationCheck.self, "He left without a word.", "Il partit sans un mot.")
        try assertClean(NegationCheck.self, "He left and said nothing.", "Il partit sans rien dire.")
        try assertClean(NegationCheck.self, "She was unhappy.", "Elle n’était pas heureuse.")
        try assertClean(NegationCheck.self, "He was unable to sleep.", "Il ne pouvait pas dormir.")
        try assertClean(NegationCheck.self, "The results are not unlike ours.", "Les résultats ressemblent aux nôtres.")
        try assertClean(NegationCheck.self, "I hardly know him.", "Je ne le connais guère.")
        try assertClean(NegationCheck.self, "I do not know.", "Je ne sais.")
        try assertClean(NegationCheck.self, "There is no doubt about it.", "C’est sans doute vrai.")
        // A reordered but faithful sentence, and "États-Unis" for "U.S."
        try assertClean(NegationCheck.self, "The U.S. did not sign the treaty in 2019.", "En 2019, les États-Unis n’ont pas signé le traité.")
    }
}

extension NegationCheckTests {
    func testLitotesTokenizedTextAndRhetoricalQuestions() throws {
        try assertClean(NegationCheck.self, "Our travelers took care to gather the gold.", "Les voyageurs ne manquèrent pas de ramasser l’or.")
        try assertClean(NegationCheck.self, "Have I won the wager?", "N’ai-je pas gagné la gageure ?")
        // Tokenized text: "don 't", "n' y a"
        try assertClean(NegationCheck.self, "There are no mice in the air .", "Il n' y a pas de souris dans les airs .")
        try assertFlags(NegationCheck.self, "I don ⟦'t⟧ know him .", "Je le connais .", side: .source)
    }
}
