import XCTest
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
        XCTAssertEqual(try GlossaryEntry.read(path: csv.path, sourceLanguage: "en", targetLanguage: "fr"), [GlossaryEntry(source: "settings", target: "paramètres")])
        let tbx = dir.appendingPathComponent("g.tbx")
        try """
        <martif><text><body><termEntry id="1"><langSet xml:lang="en"><tig><term>settings</term></tig></langSet>
        <langSet xml:lang="fr"><tig><term>paramètres</term></tig></langSet></termEntry></body></text></martif>
        """.write(to: tbx, atomically: true, encoding: .utf8)
        XCTAssertEqual(try GlossaryEntry.read(path: tbx.path, sourceLanguage: "en", targetLanguage: "fr"), [GlossaryEntry(source: "settings", target: "paramètres")])
        let bad = dir.appendingPathComponent("bad.csv")
        try "only-one-column\n".write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GlossaryEntry.read(path: bad.path, sourceLanguage: "en", targetLanguage: "fr"))
    }
}
