import Foundation
import VersoTestSupport
import XCTest

/// Hostile input as a user meets it (issue 15): no crash, no silent wrong output, and a message
/// that says what is wrong, where, and what to do.
final class HostileInputCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestSupport.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    private let english = "The minister arrived on Monday. He met the press.\n"
    private let french = "Le ministre est arrivé lundi. Il a rencontré la presse.\n"

    // MARK: Language codes

    /// A language subtag of 12 or more letters crashed ICU's date formatter (SIGSEGV); every
    /// option that takes a language refuses it now, exit 64, before ICU sees it.
    func testLongLanguageCodesAreRefusedNotCrashed() throws {
        let source = try file("a.en.txt", english), target = try file("a.fr.txt", french)
        let long = "abcdefghijkl"
        for arguments in [["segment", "--lang", long, source],
                          ["align", "--no-dictionary", "--source-lang", long, source, target],
                          ["check", "--no-dictionary", "--target-lang", long + "mnopqrstuvwxyz", source, target],
                          ["segment", "--locale", long, source]] {
            let run = try TestSupport.verso(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(long), run.stderr)
            XCTAssertTrue(run.stderr.contains("fix:"), run.stderr)
            XCTAssertEqual(run.stdout, "")
        }
    }

    /// `--target-lang french` used to be accepted (and name the Moses file `mm.french`).
    func testALanguageNameGetsDidYouMean() throws {
        let source = try file("a.en.txt", english), target = try file("a.fr.txt", french)
        let run = try TestSupport.verso(["align", "--no-dictionary", "--target-lang", "french", "--format", "moses",
                                         "-o", folder.appendingPathComponent("mm").path, source, target])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean \"fr\" (French)?"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mm.french").path))
        let unknown = try TestSupport.verso(["segment", "--lang", "xx", source])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("\"xx\" is not a language ICU knows"), unknown.stderr)
        XCTAssertFalse(unknown.stderr.contains("did you mean"), unknown.stderr)
    }

    /// A code is canonicalised before it names anything: `FR` writes `mm.fr`.
    func testLanguageCodesAreCanonicalised() throws {
        let source = try file("a.en.txt", english), target = try file("a.fr.txt", french)
        let prefix = folder.appendingPathComponent("mm").path
        let run = try TestSupport.verso(["align", "--no-dictionary", "--source-lang", "EN", "--target-lang", "fra", "--format", "moses",
                                         "-o", prefix, source, target])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try String(contentsOfFile: prefix + ".fr", encoding: .utf8).split(separator: "\n").count, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + ".en"))
    }

    /// One record with such a code used to kill `verso stream` (no output for later records):
    /// now it is one error line and the stream goes on.
    func testAStreamRecordWithALongLanguageCodeIsOneErrorLine() throws {
        let records = [
            #"{"id": "bad", "source": "Hello there.", "target": "Bonjour.", "target_lang": "abcdefghijkl"}"#,
            #"{"id": "name", "source": "Hello there.", "target": "Bonjour.", "source_lang": "english"}"#,
            #"{"id": "good", "source": "Hello there.", "target": "Bonjour.", "target_lang": "FR"}"#,
        ]
        let run = try TestSupport.verso(["stream", "--no-dictionary"], stdin: Data((records.joined(separator: "\n") + "\n").utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = try run.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(lines.count, 3, run.stdout)
        XCTAssertEqual(lines[0]["document"] as? String, "bad")
        XCTAssertTrue((lines[0]["error"] as? String)?.contains("field \"target_lang\": \"abcdefghijkl\" is not a language code") == true, run.stdout)
        XCTAssertTrue((lines[1]["error"] as? String)?.contains("did you mean \"en\"") == true, run.stdout)
        XCTAssertEqual(lines[2]["document"] as? String, "good")
        XCTAssertEqual(lines[2]["target"] as? [String], ["Bonjour."])
    }

    // MARK: Encodings

    /// UTF-32 with a byte-order mark was read as UTF-16 (NULs between the letters, exit 0).
    func testUTF32WithBOMIsDecoded() throws {
        let text = "Été chaud. Hiver 😀 froid.\n"
        let scalars = text.unicodeScalars.map(\.value)
        let le: [UInt8] = [0xFF, 0xFE, 0, 0] + scalars.flatMap { v -> [UInt8] in (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let be: [UInt8] = [0, 0, 0xFE, 0xFF] + scalars.flatMap { v -> [UInt8] in (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }
        for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
            let run = try TestSupport.verso(["segment", "--lang", "fr", try file(name, bytes)])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdout, "Été chaud.\nHiver 😀 froid.\n", name)
        }
    }

    /// UTF-16 without a byte-order mark got the Latin-1 advice, or (all ASCII) was read as text
    /// with NULs in it; now the diagnosis names UTF-16LE and the iconv command.
    func testUTF16WithoutBOMIsNamed() throws {
        for (name, text) in [("ascii.txt", "Plain ASCII text, long enough to tell.\n"), ("accents.txt", "Un été très chaud à Paris.\n")] {
            let path = try file(name, Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            let run = try TestSupport.verso(["segment", path])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("looks like UTF-16LE without a byte-order mark"), run.stderr)
            XCTAssertTrue(run.stderr.contains("iconv -f UTF-16LE -t UTF-8"), run.stderr)
            XCTAssertFalse(run.stderr.contains("Latin-1"), run.stderr)
        }
    }

    /// An encoded surrogate (`ED A0 80`, CESU-8) is named as such, not as Latin-1.
    func testEncodedSurrogateIsNamed() throws {
        let path = try file("cesu.txt", Array("Un café ".utf8) + [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80] + Array(" ici.\n".utf8))
        let run = try TestSupport.verso(["segment", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("cesu.txt:1 (byte 9)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("UTF-16 surrogate encoded on its own (CESU-8"), run.stderr)
        XCTAssertFalse(run.stderr.contains("Latin-1"), run.stderr)
    }

    // MARK: Empty input, line ends, JSON messages

    /// An empty source file gave exit 0 and no word; now it is an error naming the file.
    func testAnEmptySideIsAnError() throws {
        let empty = try file("empty.txt", ""), blank = try file("blank.txt", " \n\n\t\n"), target = try file("a.fr.txt", french)
        for command in ["align", "check"] {
            let run = try TestSupport.verso([command, "--no-dictionary", empty, target])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("empty.txt: the file is empty: there is nothing to align"), run.stderr)
            XCTAssertTrue(run.stderr.contains("fix:"), run.stderr)
            XCTAssertEqual(run.stdout, "")
        }
        let white = try TestSupport.verso(["check", "--no-dictionary", target, blank])
        XCTAssertEqual(white.status, 2)
        XCTAssertTrue(white.stderr.contains("blank.txt: the file holds only white space"), white.stderr)
        let segment = try TestSupport.verso(["segment", empty])
        XCTAssertEqual(segment.status, 0)
        XCTAssertTrue(segment.stderr.contains("the file is empty: no sentence to write"), segment.stderr)
    }

    /// A Moses file with CR line ends (old Mac exports) was read as one pair.
    func testMosesWithCRLineEndsReadsEveryLine() throws {
        _ = try file("c.en", "One.\rTwo.\rThree.\r")
        _ = try file("c.fr", "Un.\r\nDeux.\r\nTrois.")
        let out = folder.appendingPathComponent("out.tsv").path
        let run = try TestSupport.verso(["convert", "--from", "moses", "--source-lang", "en", "--target-lang", "fr",
                                         folder.appendingPathComponent("c").path, out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: "|") }
        XCTAssertEqual(rows.filter { $0 != "source|target" }, ["One.|Un.", "Two.|Deux.", "Three.|Trois."])
    }

    /// JSONL said `"" has the wrong type` for a line that is not an object.
    func testJSONLMessagesSayWhatIsWrong() throws {
        for (line, expected) in [(#""just text""#, "the line is not a JSON object but a string"),
                                 (#"{"source": "a", "target": ["b"]}"#, #""source" should be an array"#),
                                 (#"{"source": ["a"], "target": [null]}"#, #""target[0]" is null; it should be a string"#)] {
            let path = try file("t.jsonl", line + "\n")
            let run = try TestSupport.verso(["convert", path, folder.appendingPathComponent("o.tsv").path])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("t.jsonl:1: line 1 is not a pair object: "), run.stderr)
            XCTAssertTrue(run.stderr.contains(expected), run.stderr)
            XCTAssertFalse(run.stderr.contains("\"\" has the wrong type"), run.stderr)
        }
    }

    /// The stream said "JSON text did not start with array or object and option to allow
    /// fragments not set" for a line that is not an object.
    func testStreamMessagesSayWhatIsWrong() throws {
        let run = try TestSupport.verso(["stream", "--no-dictionary"], stdin: Data("\"a string\"\nhello\n".utf8))
        XCTAssertEqual(run.status, 0)
        XCTAssertFalse(run.stdout.contains("fragments"), run.stdout)
        XCTAssertTrue(run.stdout.contains(#""line": 1, "error": "the line is a string, not a JSON object; a record is one JSON object a line"#), run.stdout)
        XCTAssertTrue(run.stdout.contains(#""line": 2, "error": "the line is not JSON; a record is one JSON object a line"#), run.stdout)
    }

    // MARK: Resource limits

    /// A document over --max-document-mb is refused before it is read, with the option that
    /// raises the limit; under the limit it is read.
    func testADocumentOverTheLimitIsRefusedWithTheOption() throws {
        let big = try file("big.txt", String(repeating: "A short sentence here. ", count: 70_000))   // 1.5 MB
        let run = try TestSupport.verso(["segment", "--max-document-mb", "1", big])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("big.txt: is 1.5 MB, more than the 1.0 MB a document may have"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--max-document-mb 2"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        let target = try file("a.fr.txt", french)
        let check = try TestSupport.verso(["check", "--no-dictionary", "--max-document-mb", "1", big, target])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stderr.contains("more than the 1.0 MB"), check.stderr)
        let raised = try TestSupport.verso(["segment", "--max-document-mb", "2", big])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertEqual(raised.stdout.split(separator: "\n").count, 70_000)
    }

    /// A stream record over the limit is one error line, skipped without being kept in memory;
    /// the records after it are processed.
    func testAStreamRecordOverTheLimitIsOneErrorLine() throws {
        let huge = #"{"id": "huge", "source": ""# + String(repeating: "Word and word. ", count: 100_000) + #"", "target": "x"}"#
        let small = #"{"id": "small", "source": "Hello there.", "target": "Bonjour."}"#
        let run = try TestSupport.verso(["stream", "--no-dictionary", "--max-document-mb", "1"], stdin: Data((small + "\n" + huge + "\n" + small + "\n").utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, run.stdout)
        XCTAssertTrue(lines[1].contains(#""line": 2, "error": "the record is 1.4 MB, more than the 1.0 MB a document may have"#), String(lines[1]))
        XCTAssertTrue(lines[1].contains("--max-document-mb 2"), String(lines[1]))
        XCTAssertTrue(lines[2].contains(#""document": "small""#), String(lines[2]))
        XCTAssertTrue(run.stderr.contains("3 record(s), 1 error line(s)"), run.stderr)
    }

    // MARK: Inputs found by fuzzing

    /// The language codes and locales in `Corpora/fuzz` (`language-*`), given wherever the CLI
    /// takes one: accepted or refused, never a signal.
    func testLanguageInputsFoundByFuzzingNeverCrash() throws {
        let dir = TestSupport.corpora.appendingPathComponent("fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("language-") }.sorted()
        XCTAssertFalse(files.isEmpty)
        let text = try file("a.en.txt", english)
        for name in files {
            let code = try String(contentsOfFile: dir.appendingPathComponent(name).path, encoding: .utf8)
            for arguments in [["segment", "--lang", code, text], ["segment", "--locale", code, text],
                              ["check", "--no-dictionary", "--target-lang", code, text, text]] {
                let run = try TestSupport.verso(arguments)
                XCTAssertTrue([0, 1, 2, 64].contains(run.status), "\(name) \(arguments): exit \(run.status): \(run.stderr)")
            }
        }
    }

    /// The documents in `Corpora/fuzz` (`document-*`: inputs that crashed `fuzz-document`, such
    /// as a damaged DOCX whose entry seeks past the end, which trapped inside ZIPFoundation's
    /// in-memory archive) are read or refused with a message naming the file, never a signal.
    func testDocumentsFoundByFuzzingNeverCrash() throws {
        let dir = TestSupport.corpora.appendingPathComponent("fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("document-") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let path = dir.appendingPathComponent(name).path
            let run = try TestSupport.verso(["segment", path])
            XCTAssertTrue(run.status == 0 || run.status == 2, "\(name): exit \(run.status): \(run.stderr)")
            if run.status == 2 {
                XCTAssertTrue(run.stderr.contains(name), "\(name): the message names the file: \(run.stderr)")
                XCTAssertTrue(run.stderr.contains("fix:"), "\(name): \(run.stderr)")
            }
        }
    }

    /// Every other file in `Corpora/fuzz` (inputs that crashed a fuzz target, most of them
    /// inside Foundation's `XMLParser` before the XML layer moved to libxml2's own API) is
    /// refused with a message naming it, never a signal.
    func testInputsFoundByFuzzingNeverCrash() throws {
        let dir = TestSupport.corpora.appendingPathComponent("fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for name in files where !name.hasPrefix("language-") && !name.hasPrefix("document-") {
            let path = dir.appendingPathComponent(name).path
            let run = try TestSupport.verso(["convert", path, folder.appendingPathComponent("out.tsv").path])
            XCTAssertTrue(run.status == 0 || run.status == 2, "\(name): exit \(run.status): \(run.stderr)")
            if run.status == 2 {
                XCTAssertTrue(run.stderr.contains(name), "\(name): the message names the file: \(run.stderr)")
                XCTAssertTrue(run.stderr.contains("fix:"), "\(name): \(run.stderr)")
            }
        }
    }
}
