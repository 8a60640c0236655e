import XCTest
@testable import VersoCheck

final class ShortcutMismatchCheckTests: XCTestCase {
    let check = ShortcutMismatchCheck.self

    func testChangedAndMissingCombinations() throws {
        try assertFlags(check, "Press Ctrl+C to copy the selection.", "Appuyez sur ⟦Ctrl+D⟧ pour copier la sélection.")
        try assertFlags(check, "Press ⌘Q to quit.", "Appuyez sur ⟦⌘W⟧ pour quitter.")
        try assertFlags(check, "Close the window with ⟦Alt+F4⟧.", "Fermez la fenêtre.", side: .source)
        try assertFlags(check, "Use Ctrl+Shift+T to reopen a tab.", "Utilisez ⟦Ctrl+T⟧ pour rouvrir un onglet.")
        try assertFlags(check, "<Control>q", "⟦<Control>w⟧")
        let named = try run(check, [("Press Shift+Enter for a new line.", "Appuyez sur Maj+Échap pour une nouvelle ligne.")])
        XCTAssertEqual(named.count, 1)
        XCTAssertTrue(named[0].message.contains("--source-lang"), named[0].message)
    }

    func testLocalisedKeyNamesAreTheSameKeys() throws {
        try assertClean(check, "Press Shift+Enter for a new line.", "Appuyez sur Maj+Entrée pour une nouvelle ligne.")
        try assertClean(check, "Press Ctrl+Del to delete a word.", "Appuyez sur Ctrl+Suppr pour supprimer un mot.")
        try assertClean(check, "Press Ctrl + Alt + Del.", "Appuyez sur Ctrl+Alt+Suppr.")
        try assertClean(check, "Press Esc to cancel.", "Appuyez sur Échap pour annuler.")
        try assertClean(check, "Ctrl+Click to select several files", "Ctrl+clic pour sélectionner plusieurs fichiers")
        try assertClean(check, "Press Ctrl+Shift+Z", "Drücken Sie Strg+Umschalt+Z", targetLanguage: "de")
        try assertClean(check, "C++ and 2+2", "C++ et 2+2")
    }

    func testAcceleratorMarkers() throws {
        try assertFlags(check, "⟦_F⟧ile", "Fichier", side: .source)
        try assertFlags(check, "Save _As…", "Enregistrer _sous… ⟦_x⟧")
        try assertFlags(check, "⟦&O⟧pen", "Ouvrir", side: .source)
        try assertClean(check, "_Add", "A_jouter")
        try assertClean(check, "Save _As…", "Enregistrer _sous…")
        try assertClean(check, "E&xit", "&Quitter")
        try assertClean(check, "&Open", "&Ouvrir")
        // Not markers: identifiers, entities, company names, long sentences.
        try assertClean(check, "file_name", "nom_fichier")
        try assertClean(check, "AT&T", "AT&T")
        try assertClean(check, "Tom &amp; Jerry", "Tom et Jerry")
        try assertClean(check, "lookup a SRV record (e.g. _http._tcp.ftp.debian.org)", "Cherche l'enregistrement SRV (par exemple : _http._tcp.ftp.debian.org)")
    }
}
