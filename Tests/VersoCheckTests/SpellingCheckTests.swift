import XCTest
@testable import VersoCheck

final class SpellingCheckTests: XCTestCase {
    let check = SpellingCheck.self

    override func setUp() async throws {
        _ = try requireSpeller("fr")
    }

    func testFlagsTyposAndCoinages() throws {
        // The seed's glitch G6: a calque coined from "multipolar" (French has "multipolaire").
        try assertFlags(check, "the establishment of a multipolar world order based on mutual respect for justice",
                        "l’établissement d’un ordre mondial ⟦multipolarisé⟧ fondé sur le respect mutuel de la justice")
        try assertFlags(check, "Enter your e-mail address.", "Saisissez votre ⟦addresse⟧ électronique.")
        try assertFlags(check, "The package could not be installed.", "Le ⟦paquett⟧ n’a pas pu être installé.")
        let finding = try XCTUnwrap(try run(check, [("Enter your e-mail address.", "Saisissez votre addresse électronique.")]).first)
        XCTAssertTrue(finding.message.contains("French dictionary"), finding.message)
        XCTAssertTrue(finding.suggestion?.contains("“adresse”") == true, finding.suggestion ?? "no suggestion")
        XCTAssertEqual(finding.severity, .minor)
    }

    func testSentenceInitialWordsAreCheckedLowerCase() throws {
        try assertClean(check, "Packages were removed from the system.", "Paquets supprimés du système de fichiers.")
        try assertFlags(check, "Packages were removed from the system.", "⟦Paquetts⟧ supprimés du système de fichiers.")
        // The capitalised first word of a short label is taken for a name.
        try assertClean(check, "Dalecarlian (Sweden)", "Dalécarlien (Suède)")
    }

    func testNamesCodeAndSourceWordsAreSkipped() throws {
        try assertClean(check, "Putin met Kim Jong Un in Pyongyang.", "Poutine a rencontré Kim Jong Un à Pyongyang.")
        try assertClean(check, "The systemd daemon restarts sshd.", "Le démon systemd redémarre sshd.")
        try assertClean(check, "Edit the file.", "Modifiez /etc/fstab puis lancez %s avec --verbose.")
        try assertClean(check, "Open the settings.", "Ouvrez les paramètres de GnuPG et de l’ONU, puis la fenêtre <b>Aide</b>.")
        try assertClean(check, "It is today.", "C’est aujourd’hui, l’ordre qu’il a donné jusqu’à présent.")
        try assertClean(check, "Is it nord-coréen?", "Est-ce nord-coréen, a-t-il dit ?")
    }

    func testEstablishedTechnicalWords() throws {
        // Data/spelling-extra.fr.txt: words of French system documentation the dictionary lacks,
        // inflected like a model word.
        try assertClean(check, "Log in as root.", "Connectez-vous en tant que superutilisateur.")
        try assertClean(check, "The tables were reindexed.", "Les tables ont été réindexées.")
        try assertFlags(check, "The tables were reindexed.", "Les tables ont été ⟦réindexxées⟧.")
    }

    func testAnotherLanguageIsNotMisspelledFrench() throws {
        // Left in English: the untranslated check says so; the spelling check stays quiet.
        try assertClean(check, "Click Cancel to close the dialog without saving.", "Click Cancel to close the dialog without saving.")
    }

    func testNoDictionaryNoFindings() throws {
        // Swahili is a language ICU knows and Debian's hunspell-fr/-en-us do not cover.
        XCTAssertNil(Speller.load("sw"))
        XCTAssertEqual(try run(check, [("Hello", "Hallo wrld")], target: "sw").map(\.message), [])
    }

    func testSpellerStemsAndMorphology() throws {
        let speller = try requireSpeller("fr")
        XCTAssertTrue(speller.isCorrect("paquets"))
        XCTAssertFalse(speller.isCorrect("multipolarisé"))
        XCTAssertEqual(speller.stems("paquets"), ["paquet"])
        XCTAssertTrue(speller.analyses("paquets").contains { $0.contains("is:pl") })
        XCTAssertEqual(speller.dictionary, "fr_FR")
        // Shared between threads: the handle is behind a lock.
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            XCTAssertEqual(speller.stems(i % 2 == 0 ? "fichiers" : "grandes"), i % 2 == 0 ? ["fichier"] : ["grand"])
        }
    }
}
