import XCTest
@testable import VersoCheck

final class UrlMismatchCheckTests: XCTestCase {
    let check = UrlMismatchCheck.self

    func testChangedIdentifiers() throws {
        try assertFlags(check, "See https://wiki.debian.org/Apt for details.", "Voir ⟦https://wiki.debian.org/Apte⟧ pour plus de détails.")
        try assertFlags(check, "Report bugs to <bug-coreutils@gnu.org>.", "Signalez les anomalies à <⟦bug-coreutil@gnu.org⟧>.")
        try assertFlags(check, "Edit /etc/apt/sources.list first.", "Modifiez d’abord ⟦/etc/apt/source.list⟧.")
        try assertFlags(check, "Use --force to overwrite.", "Utilisez ⟦--forcer⟧ pour écraser.")
        try assertFlags(check, "Follow #DebConf24 for news.", "Suivez ⟦#DebConf2024⟧ pour les nouvelles.")
        try assertFlags(check, "Compatible with the XJ-900 printer.", "Compatible avec l’imprimante ⟦XJ-9000⟧.")
        try assertFlags(check, "Run `update-grub` afterwards.", "Exécutez ensuite `⟦update-grub2⟧`.")
        try assertFlags(check, "Cannot read config.yaml", "Impossible de lire ⟦config.yml⟧")
    }

    func testMissingIdentifiers() throws {
        try assertFlags(check, "Try 'apt ⟦--fix-broken⟧ install' to correct this.", "Essayez « apt install » pour corriger.", side: .source)
        try assertFlags(check, "Documentation is at ⟦https://www.debian.org/doc/⟧", "La documentation est en ligne.", side: .source)
        // Twice in the source, once in the target.
        try assertFlags(check, "Use dpkg --contents (= dpkg-deb ⟦--contents⟧) to list the files.", "Utilisez dpkg (= dpkg-deb --contents) pour lister les fichiers.", side: .source)
        let message = try run(check, [("Use --force to overwrite.", "Utilisez l’option pour écraser.")]).first?.message ?? ""
        XCTAssertTrue(message.contains("option “--force”"), message)
    }

    func testLocalisedURLsAreFine() throws {
        try assertClean(check, "See https://www.debian.org/en/support", "Voir https://www.debian.org/fr/support")
        try assertClean(check, "Read https://en.wikipedia.org/wiki/Unicode", "Lire https://fr.wikipedia.org/wiki/Unicode")
        try assertClean(check, "Open https://example.org/help?lang=en&page=2", "Ouvrez https://example.org/help?lang=fr&page=2")
        try assertClean(check, "Visit https://debian.org.", "Visitez https://debian.org.")
        try assertClean(check, "Read https://en.wikipedia.org/wiki/Tree_(data_structure) first", "Lisez d’abord https://fr.wikipedia.org/wiki/Tree_(data_structure)")
    }

    func testWhatIsNotAnIdentifier() throws {
        try assertClean(check, "Speed in km/h and/or 1/2 steps", "Vitesse en km/h et/ou 1/2 pas")
        try assertClean(check, "Try '%s --help' for more information.", "Saisissez « %s --help » pour plus d'informations.")
        try assertClean(check, "Use -t to test the configuration", "Utilisez -t pour tester la configuration")
        try assertClean(check, "Report bugs to <bug@example.org>.",
                        "Signalez les anomalies à <bug@example.org>. Signalez les erreurs de traduction à <traduc@traduc.org>.")
        try assertClean(check, "Written by John Doe and Jane Roe.", "Écrit par John Doe et Jane Roe.")
        try assertClean(check, "Contact Admin@Example.org", "Contactez admin@example.org")
        try assertClean(check, "The UTF-8 encoding and the G7 summit", "L’encodage UTF-8 et le sommet du G7")
        try assertClean(check, "It was built in 500 B.C. and e.g. in the U.S.", "Il fut bâti en 500 av. J.-C. et par exemple aux États-Unis.")
        try assertClean(check, "Read it on smb://server/share/file.txt", "Lisez-le sur smb://serveur/partage/fichier.txt")
    }
}
