import XCTest
@testable import VersoCheck

final class PlaceholderMismatchCheckTests: XCTestCase {
    let check = PlaceholderMismatchCheck.self

    /// Findings for one pair whose unit carries gettext flags.
    private func flagged(_ source: String, _ target: String, flags: [String]) throws -> [Finding] {
        var bead = BeadText(source: [Marked(source).sentences.joined(separator: " ")], target: [Marked(target).sentences.joined(separator: " ")])
        bead.flags = flags
        return check.init().run(try CheckDocument(beads: [bead], sourceLanguage: "en", targetLanguage: "fr"))
    }

    func testPrintfTypeChangedMissingAndExtra() throws {
        try assertFlags(check, "Deleted %d files in %s", "⟦%s⟧ fichiers supprimés dans %s")
        let changed = try run(check, [("Deleted %d files in %s", "%s fichiers supprimés dans %s")])
        XCTAssertEqual(changed.first?.severity, .critical)
        XCTAssertTrue(changed.first?.message.contains("an integer") == true, changed.first?.message ?? "")
        try assertFlags(check, "⟦%s⟧: cannot open file", "impossible d’ouvrir le fichier", side: .source)
        try assertFlags(check, "%s: %d bytes read", "%s : %d octets lus sur ⟦%d⟧")
    }

    func testPrintfReorderedWithoutPositions() throws {
        let findings = try run(check, [("%s: %d bytes", "%d octets : %s")])
        XCTAssertEqual(findings.count, 1)
        XCTAssertTrue(findings[0].message.contains("in order"), findings[0].message)
        XCTAssertEqual(findings[0].suggestion, "number them: %2$d … %1$s")
        XCTAssertEqual(findings[0].span, 0..<14)
    }

    func testPrintfPositionsMayReorder() throws {
        try assertClean(check, "File %s has %d lines", "%2$d lignes dans le fichier %1$s")
        try assertClean(check, "%1$s has %2$d lines", "%2$d lignes dans %1$s")
        try assertFlags(check, "%1$s has %2$d lines", "%1$s a ⟦%2$s⟧ lignes")
        try assertFlags(check, "%1$s has %2$d lines", "%1$s a des lignes", side: .source)
    }

    func testPercentSignsInAPrintfFormat() throws {
        // French puts a space before %, and "% e" is printf's e conversion with a space flag.
        try assertFlags(check, "%s: %d%% done", "%s : %d ⟦% e⟧ffectué")
        try assertFlags(check, "Progress: %d%%", "Progression : %d ⟦%⟧")
        try assertClean(check, "%d%% complete", "%d %% terminé")
        // A "%%" alone makes the message a printf format too.
        try assertFlags(check, "For a single \"%%\" use \"%%%%\".", "Pour un unique \"⟦%⟧\" utilisez \"%%%%\".")
        // Not a format: prose percentages are not directives.
        try assertClean(check, "50% of users upgraded", "50 % des utilisateurs ont fait la mise à jour")
        try assertClean(check, "20% off everything", "Remise de 20 % sur tout")
    }

    func testWidthsMayChange() throws {
        try assertClean(check, "%-10s %5d", "%-12s %6d")
        try assertClean(check, "Cannot open '%s'", "Impossible d’ouvrir « %s »")
        try assertClean(check, "%lu bytes", "%lu octets")
        try assertFlags(check, "%lu bytes", "⟦%d⟧ octets")
    }

    func testPythonNamedAndBraces() throws {
        try assertFlags(check, "%(count)d files in %(dir)s", "%(count)d fichiers dans ⟦%(dossier)s⟧")
        try assertFlags(check, "%(count)d files in ⟦%(dir)s⟧", "%(count)d fichiers dans %(dossier)s", side: .source)
        try assertClean(check, "%(count)d files in %(dir)s", "%(dir)s contient %(count)d fichiers")
        try assertFlags(check, "{0} of {1} items", "{0} sur ⟦{2}⟧ éléments")
        try assertClean(check, "{0} of {1} items", "{1} éléments, dont {0}")
        try assertFlags(check, "Hello, {name}!", "Bonjour, ⟦{nom}⟧ !")
        try assertClean(check, "Saved {count:d} files", "{count:d} fichiers enregistrés")
        try assertFlags(check, "Saved {count:d} files", "⟦{count:s}⟧ fichiers enregistrés")
    }

    func testShellAndTemplates() throws {
        try assertFlags(check, "Add ${PREFIX}/bin to $PATH", "Ajoutez ${PREFIX}/bin à ⟦$CHEMIN⟧")
        try assertFlags(check, "Welcome back, {{ user.name }}", "Bon retour, ⟦{{ utilisateur.nom }}⟧")
        try assertClean(check, "Welcome back, {{ user.name }}", "Bon retour, {{user.name}}")
        // A price is not a variable.
        try assertClean(check, "It costs US$5", "Cela coûte 5 $US")
    }

    func testICUMessageFormat() throws {
        try assertFlags(check, "{count, plural, one {# file} other {# files}}", "⟦{nombre, plural, one {# fichier} other {# fichiers}}⟧")
        try assertClean(check, "{count, plural, one {# file} other {# files}}",
                        "{count, plural, one {# fichier} many {# fichiers} other {# fichiers}}")
        try assertFlags(check, "{count, plural, one {# file} other {# files}}", "⟦{count, plural, one {# fichier}}⟧")
        let select = try run(check, [("{gender, select, male {He} female {She} other {They}} replied",
                                      "{gender, select, masculin {Il} female {Elle} other {Iel}} a répondu")])
        XCTAssertTrue(select.contains { $0.message.contains("“masculin”") }, select.map(\.message).description)
        try assertFlags(check, "{name} sent {count, plural, one {a photo} other {# photos}}",
                        "⟦{nom}⟧ a envoyé {count, plural, one {une photo} other {# photos}}")
    }

    func testURLsAreNotDirectives() throws {
        try assertClean(check, "See https://example.org/a%20b%2Fc", "Voir https://example.org/a%20b%2Fc")
    }

    func testGettextFlagsDecide() throws {
        // c-format declared: an added directive counts even when the source has none.
        let extra = try flagged("Cannot open file", "Impossible d’ouvrir %s", flags: ["c-format"])
        XCTAssertEqual(extra.map(\.side), [.target])
        XCTAssertEqual(extra.first?.severity, .critical)
        // no-c-format: the % signs are text.
        XCTAssertEqual(try flagged("Use %s in the template", "Utilisez %d dans le modèle", flags: ["no-c-format"]).map(\.message), [])
        // python-brace-format: only braces are read.
        XCTAssertEqual(try flagged("{0}: 100%s", "{0} : 100 %d", flags: ["python-brace-format"]).map(\.message), [])
        XCTAssertEqual(try flagged("{0}: done", "terminé", flags: ["python-brace-format"]).map(\.side), [.source])
        XCTAssertNil(Placeholders.declared(["fuzzy"]))
        XCTAssertEqual(Placeholders.declared(["python-format"])?.on, [.printf, .pythonNamed])
    }

    func testQt() throws {
        try assertClean(check, "Copying %1 of %2", "Copie de %1 sur %2")
        try assertFlags(check, "Copying %1 of ⟦%2⟧", "Copie de %1", side: .source)
    }
}
