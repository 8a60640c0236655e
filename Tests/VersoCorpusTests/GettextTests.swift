import Foundation
@testable import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

/// gettext catalogs as translation memories: PO text and MO binary give the same units.
final class GettextTests: XCTestCase {
    static let po = #"""
    # French translations for demo.
    # Copyright (C) 2024 Free Software Foundation, Inc.
    msgid ""
    msgstr ""
    "Project-Id-Version: demo 1.0\n"
    "Language: fr\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n > 1);\n"

    # A translator's comment
    #. TRANSLATORS: the program name comes first
    #: src/main.c:42 src/main.c:57
    #, c-format
    msgid "%s: cannot open %s"
    msgstr "%s : impossible d'ouvrir %s"

    #: src/main.c:99
    #, c-format, no-wrap
    msgid ""
    "Usage: %s [OPTION]...\n"
    "  -h, --help\tshow \"this\" help\\\n"
    msgstr ""
    "Utilisation : %s [OPTION]...\n"
    "  -h, --help\tafficher « cette » aide\\\n"

    msgctxt "menu"
    msgid "Open"
    msgstr "Ouvrir"

    msgctxt "verb"
    msgid "Open"
    msgstr "Ouvre"
    #, c-format
    msgid "%d file"
    msgid_plural "%d files"
    msgstr[0] "%d fichier"
    msgstr[1] "%d fichiers"

    #, fuzzy, python-format
    #| msgid "Hello %(name)s"
    msgid "Hello, %(name)s"
    msgstr "Bonjour %(name)s"

    msgid "Not translated yet"
    msgstr ""

    msgid "Octal \101 and hex \x42 escapes"
    msgstr "Échappements \101 et \x42"

    #~ msgid "Old string"
    #~ msgstr "Vieille chaîne"
    """#

    private func readPO(_ text: String, name: String = "fr.po", includeUntranslated: Bool = false) throws -> (units: [TranslationUnit], reader: POReader) {
        let reader = POReader(.data(Data(text.utf8), name: name), includeUntranslated: includeUntranslated)
        return (try reader.readAll(), reader)
    }

    private func unit(_ source: String, _ target: String, context: String? = nil, plural: Int? = nil, flags: [String] = [],
                      notes: [String] = [], status: TranslationStatus = .translated) -> TranslationUnit {
        var u = TranslationUnit(source: source, target: target, notes: notes)
        (u.context, u.pluralForm, u.flags, u.status) = (context, plural, flags, status)
        return u
    }

    func testEntriesFlagsContextsPluralsAndComments() throws {
        let (units, reader) = try readPO(Self.po)
        XCTAssertEqual(units, [
            unit("%s: cannot open %s", "%s : impossible d'ouvrir %s", flags: ["c-format"],
                 notes: ["A translator's comment", "TRANSLATORS: the program name comes first"]),
            unit("Usage: %s [OPTION]...\n  -h, --help\tshow \"this\" help\\\n", "Utilisation : %s [OPTION]...\n  -h, --help\tafficher « cette » aide\\\n",
                 flags: ["c-format", "no-wrap"]),
            unit("Open", "Ouvrir", context: "menu"),
            unit("Open", "Ouvre", context: "verb"),
            unit("%d file", "%d fichier", plural: 0, flags: ["c-format"]),
            unit("%d files", "%d fichiers", plural: 1, flags: ["c-format"]),
            unit("Hello, %(name)s", "Bonjour %(name)s", flags: ["fuzzy", "python-format"], status: .fuzzy),
            unit("Octal A and hex B escapes", "Échappements A et B"),
        ])
        XCTAssertEqual(units.map(\.line), [12, 19, 28, 32, 35, 35, 41, 49])
        XCTAssertEqual(reader.targetLanguage, "fr")
        XCTAssertNil(reader.sourceLanguage)
        XCTAssertEqual(reader.header["Plural-Forms"], "nplurals=2; plural=(n > 1);")
        XCTAssertEqual(reader.remarks, ["1 fuzzy entry was checked as drafts (msgfmt leaves them out of the .mo)",
                                        "1 untranslated entry (empty msgstr) not read", "1 obsolete entry (#~) not read"])
        let all = try readPO(Self.po, includeUntranslated: true).units
        XCTAssertEqual(all.count, 9)
        XCTAssertEqual(all.first { $0.source == "Not translated yet" }?.status, .untranslated)
    }

    func testCRLFAndBOMReadLikeLF() throws {
        let crlf = "\u{FEFF}" + Self.po.replacingOccurrences(of: "\n", with: "\r\n")
        let (units, reader) = try readPO(crlf)
        XCTAssertEqual(units, try readPO(Self.po).units)
        XCTAssertEqual(units.map(\.line), try readPO(Self.po).units.map(\.line))
        XCTAssertEqual(reader.targetLanguage, "fr")
    }

    /// A language with one plural form pairs it with msgid_plural, which it must render.
    func testSingleFormPluralPairsWithThePlural() throws {
        let po = "msgid \"\"\nmsgstr \"Language: ja\\nPlural-Forms: nplurals=1; plural=0;\\n\"\n\nmsgid \"%d file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"%d 個のファイル\"\n"
        let units = try readPO(po).units
        XCTAssertEqual(units.map(\.source), ["%d files"])
        XCTAssertEqual(units.map(\.pluralForm), [0])
    }

    func testTemplatesAndOtherCharsets() throws {
        let pot = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n\nmsgid \"a\"\nmsgstr \"\"\n"
        let (units, reader) = try readPO(pot, name: "demo.pot")
        XCTAssertTrue(units.isEmpty)
        XCTAssertEqual(reader.remarks, ["1 untranslated entry (empty msgstr) not read"])
        var latin1 = Array("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\nmsgid \"Tea\"\nmsgstr \"Th".utf8)
        latin1 += [0xE9] + Array("\"\n".utf8)
        let back = try POReader(.data(Data(latin1), name: "po/fr.po")).readAll()
        XCTAssertEqual(back.map(\.target), ["Thé"])
        let r = POReader(.data(Data(latin1), name: "po/fr.po"))
        _ = try r.readAll()
        XCTAssertEqual(r.targetLanguage, "fr", "from the po/fr.po layout when the header has no Language")
    }

    // MARK: - Malformed PO

    private func poError(_ text: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> VersoError? {
        Fixtures.versoError(file: file, line: line) { _ = try POReader(.data(Data(text), name: "bad.po")).readAll() }
    }

    private func poError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> VersoError? {
        poError(Array(text.utf8), file: file, line: line)
    }

    func testMalformedPOGetsLineAndWhat() throws {
        let cases: [(String, Int?, String)] = [
            ("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"cut here\"\n", 4, "has a msgid but no msgstr"),
            ("msgid \"a\\q\"\nmsgstr \"b\"\n", 1, "unknown escape \\q"),
            ("msgid \"a\nmsgstr \"b\"\n", 1, "not closed"),
            ("msgid \"a\"\nmsgstr \"b\" extra\n", 2, "text after the closing quote"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n", 3, "out of order: expected msgstr[0]"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n", 3, "needs msgstr[0], msgstr[1]"),
            ("msgstr \"b\"\n", 1, "msgstr without msgid"),
            ("\"dangling\"\n", 1, "a string with no keyword before it"),
            ("<html><body>not a catalog</body></html>\n", 1, "unexpected text"),
            ("msgid \"a\"\nmsgstr \"\\x\"\n", 2, "\\x without hexadecimal digits"),
            ("msgid \"a\"\nmsgstr \"\\377\"\n", 2, "invalid UTF-8"),
            ("msgid \"a\"\nmsgctxt \"c\"\nmsgstr \"b\"\n", 2, "msgctxt after msgid"),
        ]
        for (text, line, words) in cases {
            let e = poError(text)
            XCTAssertEqual(e?.kind, .badData, text)
            XCTAssertEqual(e?.line, line, text)
            XCTAssertTrue(e?.message.contains(words) ?? false, "\(text): \(e?.message ?? "")")
            XCTAssertNotNil(e?.fix, text)
        }
    }

    func testBinaryAndBadBytesInPO() throws {
        let mo = poError([0xDE, 0x12, 0x04, 0x95, 0x00, 0x00, 0x00, 0x00])
        XCTAssertTrue(mo?.message.contains("NUL byte at byte 4") ?? false, mo?.message ?? "")
        let prefix = Array("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"a\"\nmsgstr \"".utf8)
        let utf8 = poError(prefix + [0xE9] + Array("\"\n".utf8))
        XCTAssertEqual(utf8?.kind, .invalidEncoding)
        XCTAssertEqual(utf8?.line, 5)
        XCTAssertEqual(utf8?.byteOffset, prefix.count)
        let sjis = poError(Array("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=Shift_JIS\\n\"\n\nmsgid \"a\"\nmsgstr \"".utf8) + [0x82, 0x20] + Array("\"\n".utf8))
        XCTAssertEqual(sjis?.kind, .invalidEncoding)
        XCTAssertTrue(sjis?.message.contains("not valid Shift_JIS") ?? false, sjis?.message ?? "")
        XCTAssertEqual(sjis?.line, 5)
        let unknown = poError("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=x-martian\\n\"\n")
        XCTAssertTrue(unknown?.message.contains("\"x-martian\"") ?? false)
    }

    // MARK: - MO

    /// Runs a gettext tool; skips the test when gettext is not installed.
    private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = "/usr/bin/\(tool)"
        guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("\(tool) is not installed (Debian package gettext)") }
        let run = try TestSupport.run(URL(fileURLWithPath: path), arguments)
        return (run.status, run.stdout + run.stderr)
    }

    /// The PO's units as a .mo holds them: no fuzzy entries, flags or comments.
    private func compiled(_ units: [TranslationUnit]) -> [TranslationUnit] {
        units.filter { $0.status != .fuzzy }.map { var u = $0; (u.flags, u.notes, u.line) = ([], [], nil); return u }
    }

    /// Units in one order whatever the file's (msgfmt sorts a .mo by msgid).
    private func sorted(_ units: [TranslationUnit]) -> [TranslationUnit] {
        units.sorted { "\($0.context ?? "")|\($0.source)|\($0.pluralForm ?? -1)|\($0.target)" < "\($1.context ?? "")|\($1.source)|\($1.pluralForm ?? -1)|\($1.target)" }
    }

    func testMOInBothByteOrdersGivesThePOUnits() throws {
        let dir = try TestSupport.temporaryDirectory()
        let po = dir.appendingPathComponent("demo.po")
        try Data(Self.po.utf8).write(to: po)
        let expected = compiled(try readPO(Self.po).units)
        for endianness in ["little", "big"] {
            let mo = dir.appendingPathComponent("demo-\(endianness).mo")
            let compile = try run("msgfmt", ["--endianness=\(endianness)", "-o", mo.path, po.path])
            XCTAssertEqual(compile.status, 0, compile.output)
            let reader = MOReader(.file(mo.path))
            XCTAssertEqual(sorted(try reader.readAll()), sorted(expected), endianness)
            XCTAssertEqual(reader.targetLanguage, "fr")
            // And msgunfmt's PO of the .mo reads the same.
            let back = dir.appendingPathComponent("back-\(endianness).po")
            XCTAssertEqual(try run("msgunfmt", ["-o", back.path, mo.path]).status, 0)
            XCTAssertEqual(try POReader(.file(back.path)).readAll(), try MOReader(.file(mo.path)).readAll(), "same units, same order")
        }
    }

    /// A little-endian MO built by hand: header, tables, strings.
    private func mo(strings: [(String, String)], count: UInt32? = nil, originals: UInt32? = nil, patch: ((inout [UInt8]) -> Void)? = nil) -> [UInt8] {
        func le(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        let n = UInt32(strings.count)
        let o: UInt32 = 28, t = 28 + 8 * n
        var data: [UInt8] = []
        var table1: [UInt8] = [], table2: [UInt8] = []
        var offset = t + 8 * n
        for (a, _) in strings { table1 += le(UInt32(a.utf8.count)) + le(offset); data += Array(a.utf8) + [0]; offset += UInt32(a.utf8.count + 1) }
        for (_, b) in strings { table2 += le(UInt32(b.utf8.count)) + le(offset); data += Array(b.utf8) + [0]; offset += UInt32(b.utf8.count + 1) }
        var bytes = le(0x9504_12de) + le(0) + le(count ?? n) + le(originals ?? o) + le(t) + le(0) + le(0) + table1 + table2 + data
        patch?(&bytes)
        return bytes
    }

    func testHandMadeMO() throws {
        let bytes = mo(strings: [("", "Content-Type: text/plain; charset=UTF-8\n"), ("a\u{4}b", "c"), ("x\0xs", "y\0ys")])
        let units = try MOReader(.data(Data(bytes), name: "t.mo")).readAll()
        XCTAssertEqual(units.map(\.source), ["b", "x", "xs"])
        XCTAssertEqual(units.map(\.target), ["c", "y", "ys"])
        XCTAssertEqual(units.map(\.context), ["a", nil, nil])
        XCTAssertEqual(units.map(\.pluralForm), [nil, 0, 1])
    }

    private func moError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> VersoError? {
        Fixtures.versoError(file: file, line: line) { _ = try MOReader(.data(Data(bytes), name: "bad.mo")).readAll() }
    }

    func testDamagedMOIsAnErrorNeverACrash() throws {
        let good = mo(strings: [("", "Content-Type: text/plain; charset=UTF-8\n"), ("a", "b")])
        let cases: [([UInt8], String)] = [
            (Array(good.prefix(20)), "shorter than the 28-byte header"),
            ([0x00, 0x01] + good.dropFirst(2), "the magic number is 0001"),
            (mo(strings: [("a", "b")], count: 0x7FFF_FFFF), "the originals table (2147483647 entries at byte 28) runs past the end"),
            (mo(strings: [("a", "b")], originals: 0xFFFF_FFF0), "runs past the end"),
            (mo(strings: [("a", "b")]) { $0[28] = 0xFF; $0[29] = 0xFF; $0[30] = 0xFF; $0[31] = 0x7F }, "original string 0 (2147483647 bytes"),
            (mo(strings: [("a", "b")]) { $0[32] = 0xF0; $0[33] = 0xFF; $0[34] = 0xFF; $0[35] = 0xFF }, "original string 0 (1 bytes at byte 4294967280)"),
            (mo(strings: [("a", "b")]) { $0[4] = 0; $0[5] = 0; $0[6] = 2 }, "revision 2.0"),
            (mo(strings: [("a", "\u{E9}")]) { $0[$0.count - 3] = 0xFF }, "not valid UTF-8"),
            (Array(repeating: 0xFF, count: 64), "magic number"),
        ]
        for (bytes, words) in cases {
            let e = moError(bytes)
            XCTAssertTrue(e?.message.contains(words) ?? false, "\(words): \(e?.message ?? "")")
            XCTAssertNotNil(e?.fix ?? e?.message)
        }
        // Revision 1 with system-dependent tables that point outside the file.
        var sysdep = mo(strings: [("a", "b")])
        sysdep[4] = 1
        sysdep += Array(repeating: 0xFF, count: 20)
        let e = Fixtures.versoError { _ = try MOReader(.data(Data(sysdep), name: "bad.mo")).readAll() }
        XCTAssertNotNil(e)
    }

    /// Debian's own catalogs: each .mo and the .po msgunfmt makes of it give the same units, as
    /// many as gettext counts (msgfmt --statistics counts entries; plural forms add units).
    func testRealDebianCatalogsReadTheSameAsPOAndMO() throws {
        let dir = try TestSupport.temporaryDirectory()
        var checked = 0
        for name in ["coreutils", "grep", "dpkg", "tar", "findutils"] {
            let mo = "/usr/share/locale/fr/LC_MESSAGES/\(name).mo"
            guard FileManager.default.fileExists(atPath: mo) else { continue }
            let po = dir.appendingPathComponent("\(name).po").path
            XCTAssertEqual(try run("msgunfmt", ["-o", po, mo]).status, 0)
            let fromMO = try MOReader(.file(mo)).readAll()
            let poReader = POReader(.file(po))
            let fromPO = try poReader.readAll()
            XCTAssertEqual(fromPO, fromMO, name)
            XCTAssertGreaterThan(fromMO.count, 50, name)
            XCTAssertEqual(poReader.targetLanguage, "fr", name)
            let stats = try run("msgfmt", ["--statistics", "-o", "/dev/null", po]).output
            let translated = Int(stats.split(separator: " ").first ?? "") ?? -1
            XCTAssertEqual(fromMO.filter { ($0.pluralForm ?? 0) == 0 }.count, translated, "\(name): \(stats)")
            checked += 1
        }
        if checked == 0 { throw XCTSkip("no French catalogs in /usr/share/locale/fr/LC_MESSAGES (install coreutils' and grep's locales)") }
    }
}
