import XCTest
import VersoText
@testable import VersoCheck

final class TerminologyCheckTests: XCTestCase {
    func testGlossaryTermNotRespected() throws {
        let findings = try run(TerminologyCheck.self, [("Open the settings menu.", "Ouvrez le menu des réglages.")],
                               glossary: [GlossaryEntry(source: "settings", target: "paramètres")])
        XCTAssertEqual(findings.map(\.code), ["terminology-inconsistency"])
        XCTAssertEqual(findings.first?.severity, .major)
        let ok = try run(TerminologyCheck.self, [("Open the settings menu.", "Ouvrez le menu des paramètres.")],
                         glossary: [GlossaryEntry(source: "settings", target: "paramètres")])
        XCTAssertEqual(ok.count, 0)
    }

    func testGlossaryTermsMatchWithInflection() throws {
        _ = try requireSpeller("fr")
        let package = [GlossaryEntry(source: "package", target: "paquet", origin: "terms.csv:2")]
        // Plural on both sides, elision, gender: the term is there.
        try assertGlossaryClean("Remove the packages.", "Supprimez les paquets.", package)
        try assertGlossaryClean("The package is broken.", "Le paquet est cassé.", package)
        let user = [GlossaryEntry(source: "user", target: "utilisateur")]
        try assertGlossaryClean("Two users logged in.", "Deux utilisatrices se sont connectées.", user)
        try assertGlossaryClean("The computer restarts.", "L’ordinateur redémarre.", [GlossaryEntry(source: "computer", target: "ordinateur")])
        try assertGlossaryClean("The update is ready.", "Les mises à jour sont prêtes.", [GlossaryEntry(source: "update", target: "mise à jour")])
        // Not there: the finding names the entry, quotes the source as written and marks it.
        let findings = try run(TerminologyCheck.self, [("Remove the packages.", "Supprimez les colis.")], glossary: package)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.side, .source)
        XCTAssertEqual(findings.first?.span, 11..<19)
        XCTAssertTrue(findings.first?.message.contains("“package” ⇒ “paquet” (terms.csv:2)") == true, findings.first?.message ?? "")
        XCTAssertTrue(findings.first?.message.contains("“packages”") == true, findings.first?.message ?? "")
    }

    func testCaseWildcardsAndAlternatives() throws {
        let caseSensitive = [GlossaryEntry(source: "Windows", target: "Windows", rule: .doNotTranslate, caseSensitive: true)]
        XCTAssertEqual(try run(TerminologyCheck.self, [("Close the windows.", "Fermez les fenêtres.")], glossary: caseSensitive).count, 0)
        XCTAssertEqual(try run(TerminologyCheck.self, [("Install Windows.", "Installez Fenêtres.")], glossary: caseSensitive).count, 1)
        try assertGlossaryClean("Install Windows.", "Installez Windows.", caseSensitive)
        let insensitive = [GlossaryEntry(source: "settings", target: "paramètres")]
        try assertGlossaryClean("Open the Settings.", "Ouvrez les Paramètres.", insensitive)
        let wildcard = [GlossaryEntry(source: "print*", target: "imprim*")]
        try assertGlossaryClean("The printer prints.", "L’imprimante imprime.", wildcard)
        XCTAssertEqual(try run(TerminologyCheck.self, [("The printer is off.", "La machine est éteinte.")], glossary: wildcard).count, 1)
        let alternatives = [GlossaryEntry(source: "package", target: "paquet", alternatives: ["paquetage"])]
        try assertGlossaryClean("A package.", "Un paquetage.", alternatives)
    }

    func testForbiddenAndDoNotTranslate() throws {
        let glossary = [GlossaryEntry(source: "e-mail", target: "courriel"),
                        GlossaryEntry(source: "e-mail", target: "mél", rule: .forbidden, origin: "terms.csv:3"),
                        GlossaryEntry(source: "", target: "cliquer dessus", rule: .forbidden)]
        let findings = try run(TerminologyCheck.self, [("Send an e-mail.", "Envoyez un courriel ou un mél.")], glossary: glossary)
        XCTAssertEqual(findings.map(\.side), [.target])
        XCTAssertEqual(findings.first?.span, 26..<29)
        XCTAssertEqual(findings.first?.suggestion, "use “courriel”")
        XCTAssertTrue(findings.first?.message.contains("terms.csv:3") == true, findings.first?.message ?? "")
        XCTAssertEqual(try run(TerminologyCheck.self, [("Click the icon.", "Il faut cliquer dessus.")], glossary: glossary).count, 1)
        let dnt = [GlossaryEntry(source: "GnuPG", target: "GnuPG", rule: .doNotTranslate)]
        try assertGlossaryClean("GnuPG signs files.", "GnuPG signe les fichiers.", dnt)
        XCTAssertEqual(try run(TerminologyCheck.self, [("GnuPG signs files.", "Le gardien signe les fichiers.")], glossary: dnt).count, 1)
    }

    private func assertGlossaryClean(_ source: String, _ target: String, _ glossary: [GlossaryEntry], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try run(TerminologyCheck.self, [(source, target)], glossary: glossary).map(\.message), [], file: file, line: line)
    }

    func testSameSentenceTranslatedTwoWays() throws {
        let findings = try run(TerminologyCheck.self, [("Press the red button on the left now.", "Appuyez sur le bouton rouge à gauche maintenant."),
                                                       ("Press the red button on the left now.", "Pressez la touche rouge de gauche tout de suite.")])
        XCTAssertEqual(findings.map(\.bead), [1])
    }

    func testTermRenderedTwoWays() throws {
        let lexicon = TestDictionary([("security", "securite"), ("council", "conseil"), ("council", "comite")])
        let findings = try run(TerminologyCheck.self, [("The Security Council met.", "Le Conseil de sécurité s’est réuni."),
                                                       ("Later the Security Council voted.", "Plus tard, le Comité de sécurité a voté.")], lexicon: lexicon)
        XCTAssertEqual(findings.map(\.bead), [1])
        let consistent = try run(TerminologyCheck.self, [("The Security Council met.", "Le Conseil de sécurité s’est réuni."),
                                                         ("Later the Security Council voted.", "Plus tard, le Conseil de sécurité a voté.")], lexicon: lexicon)
        XCTAssertEqual(consistent.count, 0)
    }

    func testGlossaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let csv = dir.appendingPathComponent("g.csv")
        try "source,target\nsettings,paramètres\n".write(to: csv, atomically: true, encoding: .utf8)
        XCTAssertEqual(try GlossaryEntry.read(path: csv.path, sourceLanguage: "en", targetLanguage: "fr"),
                       [GlossaryEntry(source: "settings", target: "paramètres", origin: "g.csv:2")])
        let flagged = dir.appendingPathComponent("flags.csv")
        try """
        # source, target, flags, note
        package,paquet|paquetage
        "e-mail, electronic",courriel,,"the ""official"" term"
        e-mail,mél,never use
        GnuPG,,do not translate; case-sensitive
        """.write(to: flagged, atomically: true, encoding: .utf8)
        let entries = try GlossaryEntry.read(path: flagged.path, sourceLanguage: "en", targetLanguage: "fr")
        XCTAssertEqual(entries.map(\.rule), [.translate, .translate, .forbidden, .doNotTranslate])
        XCTAssertEqual(entries[0].alternatives, ["paquetage"])
        XCTAssertEqual(entries[1].source, "e-mail, electronic")
        XCTAssertEqual(entries[1].note, "the \"official\" term")
        XCTAssertEqual(entries[3].target, "GnuPG")
        XCTAssertTrue(entries[3].caseSensitive)
        XCTAssertEqual(entries[2].origin, "flags.csv:4")
        let unknownFlag = dir.appendingPathComponent("flag.csv")
        try "package,paquet,sometimes\n".write(to: unknownFlag, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GlossaryEntry.read(path: unknownFlag.path, sourceLanguage: "en", targetLanguage: "fr")) { error in
            let e = error as? VersoError
            XCTAssertEqual(e?.line, 1)
            XCTAssertTrue(e?.message.contains("sometimes") == true)
        }
        let tbx = dir.appendingPathComponent("g.tbx")
        try """
        <martif><text><body><termEntry id="1"><langSet xml:lang="en"><tig><term>settings</term></tig></langSet>
        <langSet xml:lang="fr"><tig><term>paramètres</term></tig></langSet></termEntry></body></text></martif>
        """.write(to: tbx, atomically: true, encoding: .utf8)
        XCTAssertEqual(try GlossaryEntry.read(path: tbx.path, sourceLanguage: "en", targetLanguage: "fr"),
                       [GlossaryEntry(source: "settings", target: "paramètres", origin: "g.tbx:1")])
        // TBX 2 with statuses: preferred first, admitted as alternatives, deprecated forbidden.
        let tbx2 = dir.appendingPathComponent("statuses.tbx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="en"><text><body>
        <termEntry id="c1">
          <langSet xml:lang="en-US"><tig><term>package</term></tig></langSet>
          <langSet xml:lang="fr-FR">
            <tig><term>paquetage</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
            <tig><term>paquet</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
            <tig><term>colis</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
          </langSet>
        </termEntry>
        </body></text></martif>
        """.write(to: tbx2, atomically: true, encoding: .utf8)
        let statuses = try GlossaryEntry.read(path: tbx2.path, sourceLanguage: "en", targetLanguage: "fr")
        XCTAssertEqual(statuses, [GlossaryEntry(source: "package", target: "paquet", alternatives: ["paquetage"], origin: "statuses.tbx:3"),
                                  GlossaryEntry(source: "package", target: "colis", rule: .forbidden, origin: "statuses.tbx:3")])
        // TBX 3: conceptEntry, langSec, termSec; a "do not translate" note.
        let tbx3 = dir.appendingPathComponent("v3.tbx")
        try """
        <?xml version="1.0"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
        <conceptEntry id="gpg"><descrip type="definition">GNU Privacy Guard. Do not translate.</descrip>
          <langSec xml:lang="en"><termSec><term>GnuPG</term></termSec></langSec>
          <langSec xml:lang="fr"><termSec><term>GnuPG</term></termSec></langSec>
        </conceptEntry>
        <conceptEntry id="key"><langSec xml:lang="en"><termSec><term>key</term></termSec></langSec>
          <langSec xml:lang="fr"><termSec><term>clé</term></termSec><termSec><term>clef</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """.write(to: tbx3, atomically: true, encoding: .utf8)
        let v3 = try GlossaryEntry.read(path: tbx3.path, sourceLanguage: "en", targetLanguage: "fr")
        XCTAssertEqual(v3.map(\.rule), [.doNotTranslate, .translate])
        XCTAssertEqual(v3.last?.alternatives, ["clef"])
        let broken = dir.appendingPathComponent("broken.tbx")
        try "<martif><text><body>\n<termEntry><langSet xml:lang=\"en><term>a</term></langSet>\n</termEntry></body></text></martif>\n".write(to: broken, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GlossaryEntry.read(path: broken.path, sourceLanguage: "en", targetLanguage: "fr")) { error in
            // SafeXML's error: libxml2's message, the file and the line.
            XCTAssertEqual((error as? VersoError)?.kind, .badData)
            XCTAssertNotNil((error as? VersoError)?.line)
        }
        let bad = dir.appendingPathComponent("bad.csv")
        try "only-one-column\n".write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GlossaryEntry.read(path: bad.path, sourceLanguage: "en", targetLanguage: "fr"))
    }
}
