import Foundation
import VersoTestSupport
import XCTest

/// gettext catalogs and XLIFF 1.2 as a user meets them, and hostile XML that used to crash.
final class MemoryFormatCLITests: XCTestCase {
    private let po = """
    msgid ""
    msgstr ""
    "Language: fr\\n"
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

    #, c-format
    msgid "Remove %d files from the disk?"
    msgstr "Supprimer %d fichiers du disque ?"

    #, fuzzy
    msgid "The file was not saved."
    msgstr "Le fichier a été enregistré."

    msgid "Untranslated"
    msgstr ""

    """

    func testCheckReadsACatalogAndSaysWhatWasChecked() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data(po.utf8).write(to: folder.appendingPathComponent("fr.po"))
        let run = try TestSupport.verso(["check", "fr.po", "--format", "jsonl", "--no-dictionary"], cwd: folder)
        XCTAssertTrue([0, 1].contains(run.status), run.stderr)
        let lines = run.stdout.split(separator: "\n").dropFirst()
        XCTAssertEqual(lines.count, 2, "the translated and the fuzzy entry; not the untranslated one:\n\(run.stdout)")
        XCTAssertTrue(run.stderr.contains("1 fuzzy entry was checked as drafts"), run.stderr)
        XCTAssertTrue(run.stderr.contains("1 untranslated entry (empty msgstr) not read"), run.stderr)
        // Findings point at the entry's first line, the fuzzy draft's reversed meaning included.
        let text = try TestSupport.verso(["check", "fr.po", "--no-dictionary"], cwd: folder)
        XCTAssertTrue(text.stdout.contains("fr.po:11: major: [negation]"), text.stdout)
    }

    func testCheckReadsACompiledCatalog() throws {
        let mo = "/usr/share/locale/fr/LC_MESSAGES/grep.mo"
        guard FileManager.default.fileExists(atPath: mo) else { throw XCTSkip("\(mo) not installed") }
        let run = try TestSupport.verso(["check", mo, "--format", "jsonl", "--no-dictionary"])
        XCTAssertTrue([0, 1].contains(run.status), run.stderr)
        XCTAssertGreaterThan(run.stdout.split(separator: "\n").count, 100)
        XCTAssertTrue(run.stdout.contains("\"source\": [\"invalid matcher %s\"]"), String(run.stdout.prefix(500)))
    }

    func testCatalogsConvertButAreNotWritten() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data(po.utf8).write(to: folder.appendingPathComponent("fr.po"))
        let run = try TestSupport.verso(["convert", "fr.po", "out.tmx", "--source-lang", "en"], cwd: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let tmx = try String(contentsOf: folder.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertTrue(tmx.contains("<tuv xml:lang=\"fr\"><seg>Supprimer %d fichiers du disque ?</seg></tuv>"), tmx)
        let back = try TestSupport.verso(["convert", "out.tmx", "back.po"], cwd: folder)
        XCTAssertEqual(back.status, 64)
        XCTAssertTrue(back.stderr.contains("does not write them"), back.stderr)
    }

    /// translate-toolkit reads the inline codes of Verso's TMX where Verso says they stand: its
    /// text (native code inline) is Verso's text with each code's original put back.
    func testTranslateToolkitReadsTheInlineCodes() throws {
        guard try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import translate.storage.tmx"]).status == 0 else {
            throw XCTSkip("translate-toolkit is not installed (pip install translate-toolkit)")
        }
        let folder = try TestSupport.temporaryDirectory()
        let jsonl = #"""
        {"source": ["Click Save or cancel now"], "target": ["Cliquez sur Enregistrer ou annulez"], "source_codes": [{"kind": "open", "id": 1, "offset": 6, "original": "<b>", "type": "b"}, {"kind": "close", "id": 1, "offset": 10, "original": "</b>", "type": "b"}, {"kind": "standalone", "id": 2, "offset": 10, "original": "<br/>", "type": ""}, {"kind": "close", "id": 3, "offset": 24, "original": "</i>", "type": "i"}], "target_codes": [{"kind": "open", "id": 1, "offset": 12, "original": "<b>", "type": "b"}, {"kind": "close", "id": 1, "offset": 23, "original": "</b>", "type": "b"}, {"kind": "open", "id": 2, "offset": 34, "original": "<i>", "type": "i"}]}
        {"source": ["Plain 😀 text"], "target": ["Texte 😀 simple"], "target_codes": [{"kind": "standalone", "id": 1, "offset": 7, "original": "<img src=\"x\"/>", "type": "image"}]}

        """#
        try Data(jsonl.utf8).write(to: folder.appendingPathComponent("codes.jsonl"))
        let convert = try TestSupport.verso(["convert", "codes.jsonl", "codes.tmx", "--source-lang", "en", "--target-lang", "fr"], cwd: folder)
        XCTAssertEqual(convert.status, 0, convert.stderr)
        let script = TestSupport.repoRoot.appendingPathComponent("Scripts/check-clients.sh")
        let run = try TestSupport.run(script, [folder.appendingPathComponent("codes.tmx").path], environment: ["VERSO_BIN": TestSupport.versoBinary.path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("loaded 2 unit(s); Verso read 2; identical (source, target, notes): 2"), run.stdout)
    }

    /// Each of these made libxml2 (through Foundation's XMLParser) segfault, or lost entity text
    /// with exit 0; each is now one error line naming the file, the place and the cause.
    func testHostileXMLGetsAnErrorNotACrash() throws {
        let folder = try TestSupport.temporaryDirectory()
        let body = "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Tea BAD here</seg></tuv><tuv xml:lang=\"fr\"><seg>The</seg></tuv></tu></body></tmx>\n"
        func utf16(_ s: String) -> [UInt8] { [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        func ucs4(_ s: String) -> [UInt8] { s.unicodeScalars.flatMap { v in [UInt8(v.value >> 24), UInt8((v.value >> 16) & 0xFF), UInt8((v.value >> 8) & 0xFF), UInt8(v.value & 0xFF)] } }
        let declared = { (e: String) in "<?xml version=\"1.0\" encoding=\"\(e)\"?>\n" + body }
        let entity = "<?xml version=\"1.0\" encoding=\"ENC\"?>\n<!DOCTYPE tmx [<!ENTITY xxe \"SECRET\">]>\n" + body.replacingOccurrences(of: "BAD", with: "Putin &xxe; arrives")
        var files: [(String, [UInt8], String)] = [
            ("surrogate.tmx", utf16(declared("UTF-16")).replacingFirst(utf16("B").dropFirst(2), with: [0x00, 0xD8]), "unpaired UTF-16 surrogate"),
            ("ucs4.tmx", ucs4(declared("UCS-4")).replacingFirst(ucs4("B")[...], with: [0x00, 0x11, 0x00, 0x00]), "not a Unicode character in UTF-32BE"),
            ("sjis.tmx", Array(declared("Shift_JIS").utf8).replacingFirst(Array("BAD".utf8)[...], with: [0x82, 0x20, 0xFF]), "not valid Shift_JIS"),
            ("ucs4-entity.tmx", ucs4(entity.replacingOccurrences(of: "ENC", with: "UCS-4")), "internal subset"),
            ("pi-entity.tmx", Array(entity.replacingOccurrences(of: "ENC", with: "UTF-8").replacingOccurrences(of: "[<!ENTITY", with: "[<?pi it's?><!ENTITY").utf8), "internal subset"),
            ("deep.xlf", Array(("<xliff version=\"2.0\">" + String(repeating: "<a>", count: 100_000)).utf8), "nested more than 200 deep"),
        ]
        files.append(("junk.tmx", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, "does not start with one"))
        for (name, bytes, words) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            let run = try TestSupport.verso(["convert", name, "out.tsv"], cwd: folder)
            XCTAssertEqual(run.status, 2, "\(name): bad input exits 2: \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("verso: error: \(name):"), "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(words), "\(name): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("SECRET"), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.tsv").path), "\(name): no output left")
        }
    }
}

extension Array where Element == UInt8 {
    /// The array with the first occurrence of `what` replaced.
    fileprivate func replacingFirst(_ what: ArraySlice<UInt8>, with replacement: [UInt8]) -> [UInt8] {
        let pattern = Array(what)
        guard pattern.count <= count, let start = (0...(count - pattern.count)).first(where: { Array(self[$0..<($0 + pattern.count)]) == pattern }) else { return self }
        return Array(self[..<start]) + replacement + Array(self[(start + pattern.count)...])
    }
}
