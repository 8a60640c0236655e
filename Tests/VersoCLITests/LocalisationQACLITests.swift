import Foundation
import XCTest
import VersoTestSupport

/// What the readers know reaches the QA checks: gettext's format flags decide the placeholder
/// syntax, and an XLIFF unit's inline codes are compared by the tag check.
final class LocalisationQACLITests: XCTestCase {
    func testGettextFlagsAndInlineCodesReachTheChecks() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"

        #, c-format
        msgid "Cannot open file"
        msgstr "Impossible d’ouvrir %s"

        #, no-c-format
        msgid "Use %s here"
        msgstr "Utilisez %d ici"

        """.write(to: directory.appendingPathComponent("m.po"), atomically: true, encoding: .utf8)
        let po = try TestSupport.verso(["check", "--no-dictionary", "--enable", "placeholder-mismatch", "m.po"], cwd: directory)
        XCTAssertTrue(po.stdout.contains("m.po:5: critical: [placeholder-mismatch] the target adds the printf placeholder “%s”"), po.stdout + po.stderr)
        XCTAssertTrue(po.stdout.contains("1 finding(s)"), "no-c-format: the second entry's % signs are text\n" + po.stdout)

        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="ui"><body>
        <trans-unit id="1"><source>Press <g id="1">Save</g> now</source><target>Appuyez sur Enregistrer maintenant</target></trans-unit>
        <trans-unit id="2"><source>Press <g id="1">Cancel</g></source><target>Appuyez sur <g id="1">Annuler</g></target></trans-unit>
        </body></file></xliff>
        """.write(to: directory.appendingPathComponent("ui.xlf"), atomically: true, encoding: .utf8)
        let xliff = try TestSupport.verso(["check", "--no-dictionary", "--enable", "tag-mismatch", "ui.xlf"], cwd: directory)
        XCTAssertTrue(xliff.stdout.contains("[tag-mismatch]"), xliff.stdout + xliff.stderr)
        XCTAssertTrue(xliff.stdout.contains("2 finding(s)"), "the open and the close code of unit 1, nothing on unit 2\n" + xliff.stdout)
    }
}
