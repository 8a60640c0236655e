import XCTest
import VersoText
@testable import VersoCheck

final class TagMismatchCheckTests: XCTestCase {
    let check = TagMismatchCheck.self

    func testMissingAndExtraTags() throws {
        try assertFlags(check, "<b>Warning:⟦</b>⟧ this cannot be undone", "<b>Attention : cette action est irréversible", side: .source)
        try assertFlags(check, "The file ⟦<tt>⟧%s</tt> was removed", "Le fichier %s a été supprimé", side: .source)
        try assertFlags(check, "Line one", "Première ligne⟦<br/>⟧")
        try assertFlags(check, "<span weight=\"bold\">%s</span> ⟦<small>⟧(%s)</small>", "<span weight=\"bold\">%s</span> (%s)", side: .source)
    }

    func testCrossedTags() throws {
        try assertFlags(check, "<b><i>Note</i></b>: read this", "<b><i>Remarque⟦</b>⟧</i> : à lire")
        let findings = try run(check, [("<b><i>Note</i></b>", "<b><i>Remarque</b></i>")])
        XCTAssertEqual(findings.count, 1)
        XCTAssertTrue(findings[0].message.contains("cross"), findings[0].message)
    }

    func testMovedTagsAreFine() throws {
        try assertClean(check, "Click <b>Save</b> to <i>keep</i> your changes", "Pour <i>conserver</i> vos modifications, cliquez sur <b>Enregistrer</b>")
        try assertClean(check, "<a href=\"https://example.org\">Read more</a>", "<a href=\"https://example.org\">En savoir plus</a>")
    }

    func testMetavariablesAreNotTags() throws {
        try assertClean(check, "Usage: cp <source> <dest>", "Utilisation : cp <source> <destination>")
        try assertClean(check, "Usage: %s [<option>...] <command>", "Utilisation : %s [<option>...] <commande>")
        try assertClean(check, "Press <Ctrl>Q to quit", "Appuyez sur <Ctrl>Q pour quitter")
        try assertClean(check, "if a < b and c > d", "si a < b et c > d")
    }

    func testSourceImbalanceRepeatedIsFine() throws {
        // A message split in two strings: the source opens what a later one closes.
        try assertClean(check, "<b>Warning:", "<b>Attention :")
    }

    func testInlineCodes() throws {
        var bead = BeadText(source: ["Press Save now"], target: ["Appuyez sur Enregistrer maintenant"])
        bead.sourceCodes = [InlineCode(kind: .open, id: 1, offset: 6, original: "<g id=\"1\">", type: "bold"),
                            InlineCode(kind: .close, id: 1, offset: 10, original: "</g>", type: "bold")]
        bead.targetCodes = [InlineCode(kind: .open, id: 1, offset: 12, original: "<g id=\"1\">", type: "bold")]
        let findings = check.init().run(try CheckDocument(beads: [bead], sourceLanguage: "en", targetLanguage: "fr"))
        XCTAssertEqual(findings.map(\.side), [.source])
        XCTAssertEqual(findings.first?.span, 10..<10)
        bead.targetCodes.append(InlineCode(kind: .close, id: 1, offset: 23, original: "</g>", type: "bold"))
        XCTAssertEqual(check.init().run(try CheckDocument(beads: [bead], sourceLanguage: "en", targetLanguage: "fr")).map(\.message), [])
    }
}
