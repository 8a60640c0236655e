import Foundation
import VersoCheck
@testable import VersoCorpus
import VersoTestSupport
import XCTest

final class TSVTests: XCTestCase {
    func testEscapingIsDocumentedAndReversible() {
        XCTAssertEqual(TSVWriter.escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re")
        XCTAssertEqual(TSVReader.unescape("a\\tb\\nc\\\\d\\re"), "a\tb\nc\\d\re")
        XCTAssertEqual(TSVReader.unescape("C:\\path\\x"), "C:\\path\\x", "unknown escapes are kept as written")
        XCTAssertEqual(TSVReader.unescape("end\\"), "end\\")
    }

    func testWriterLayout() throws {
        let (text, counts) = try TSVWriter.render(Fixtures.units, options: ExportOptions(tsvHeader: true))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "source\ttarget\tscore\tcodes")
        XCTAssertEqual(lines.count, 5, "header, three units, final empty piece")
        XCTAssertTrue(lines[1].hasSuffix("\t0.93\tstray-period,entity-mistranslation"))
        XCTAssertEqual(lines[3], "Line one\\nline two\\twith a tab\\\\backslash\tLigne un\\nligne deux\\tavec tabulation\\\\\t1\t")
        XCTAssertTrue(lines.dropFirst().dropLast().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
        XCTAssertEqual(counts.leftOutEmpty, 1)
    }

    func testRoundTripWithTabsAndNewlinesInside() throws {
        let text = try TSVWriter.render(Fixtures.units, options: ExportOptions(keepEmpty: true, tsvHeader: true)).text
        let reader = TSVReader(.data(Data(text.utf8), name: "t.tsv"))
        let units = try reader.readAll()
        XCTAssertTrue(reader.hadHeader)
        XCTAssertEqual(units.map(\.source), Fixtures.units.map(\.source))
        XCTAssertEqual(units.map(\.target), Fixtures.units.map(\.target))
        XCTAssertEqual(units.map(\.score), Fixtures.units.map(\.score))
        XCTAssertEqual(units.map(\.findingCodes), Fixtures.units.map(\.findingCodes))
        XCTAssertEqual(units[0].findings.first?.severity, .info, "TSV keeps codes only")
    }

    func testHeaderDetection() throws {
        let withLanguages = "EN\tFR\nHello\tBonjour\n"
        XCTAssertEqual(try TSVReader(.data(Data(withLanguages.utf8), name: "t"), sourceLanguage: "en", targetLanguage: "fr").readAll().count, 1)
        let data = "Source\tTarget\nsource\ttarget\n"
        let units = try TSVReader(.data(Data(data.utf8), name: "t")).readAll()
        XCTAssertEqual(units, [TranslationUnit(source: "source", target: "target")], "only the first line can be a header")
        let forced = try TSVReader(.data(Data("a\tb\nc\td\n".utf8), name: "t"), header: .present).readAll()
        XCTAssertEqual(forced.map(\.source), ["c"])
        let none = try TSVReader(.data(Data(data.utf8), name: "t"), header: .absent).readAll()
        XCTAssertEqual(none.count, 2)
    }

    func testCRLFBlankLinesAndBOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("One\tUn\r\n\r\nTwo\tDeux\t0.5\r\n".utf8))
        let reader = TSVReader(.data(data, name: "t"))
        XCTAssertEqual(try reader.readAll(), [TranslationUnit(source: "One", target: "Un"), TranslationUnit(source: "Two", target: "Deux", score: 0.5)])
        XCTAssertEqual(reader.blankLines, 1)
    }

    func testErrorsNameTheLine() throws {
        let tooFew = Fixtures.versoError { _ = try TSVReader(.data(Data("a\tb\nonly one field\n".utf8), name: "x.tsv")).readAll() }
        XCTAssertEqual(tooFew?.line, 2)
        XCTAssertTrue(tooFew?.message.contains("1 field(s)") ?? false)
        let badScore = Fixtures.versoError { _ = try TSVReader(.data(Data("a\tb\thigh\n".utf8), name: "x.tsv")).readAll() }
        XCTAssertTrue(badScore?.message.contains("\"high\"") ?? false)
        let latin1 = Fixtures.versoError { _ = try TSVReader(.data(Data([0x63, 0x61, 0x66, 0xE9, 0x09, 0x78]), name: "x.tsv")).readAll() }
        XCTAssertEqual(latin1?.kind, .invalidEncoding)
        XCTAssertEqual(latin1?.line, 1)
    }

    func testFileReadingAcrossChunks() throws {
        // Lines longer than the 1 MB read chunk, read from a file.
        let long = String(repeating: "é", count: 700_000)
        let units = [TranslationUnit(source: long, target: "court"), TranslationUnit(source: "x", target: long + "\t")]
        let url = try Fixtures.file(try TSVWriter.render(units).text, name: "big.tsv")
        XCTAssertEqual(try TSVReader(.file(url.path)).readAll().map(\.target), ["court", long + "\t"])
    }
}

final class MosesTests: XCTestCase {
    func testRoundTripAndLineJoining() throws {
        let units = [TranslationUnit(source: "One.", target: "Un."),
                     TranslationUnit(source: "Two\r\nlines\u{2028}here", target: "Deux\nlignes"),
                     TranslationUnit(source: "Three 😀", target: "Trois\u{00A0}!")]
        let (source, target, counts) = try MosesWriter.render(units)
        XCTAssertEqual(source, "One.\nTwo lines here\nThree 😀\n")
        XCTAssertEqual(target, "Un.\nDeux lignes\nTrois\u{00A0}!\n")
        XCTAssertEqual(counts.joinedLines, 1)
        let folder = try TestSupport.temporaryDirectory()
        let prefix = folder.appendingPathComponent("corpus").path
        let paths = MosesWriter.paths(prefix: prefix, header: Fixtures.header)
        XCTAssertEqual(paths.source, prefix + ".en")
        try Fixtures.write(source, to: URL(fileURLWithPath: paths.source))
        try Fixtures.write(target, to: URL(fileURLWithPath: paths.target))
        let back = try MosesReader(prefix: prefix, sourceLanguage: "en", targetLanguage: "fr").readAll()
        XCTAssertEqual(back.map(\.source), ["One.", "Two lines here", "Three 😀"])
        XCTAssertEqual(back.map(\.target), ["Un.", "Deux lignes", "Trois\u{00A0}!"])
    }

    func testDifferentLineCountsNameBothFilesAndCounts() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Fixtures.write("a\nb\nc\n", to: folder.appendingPathComponent("c.en"))
        try Fixtures.write("x\ny", to: folder.appendingPathComponent("c.fr"))
        var delivered = 0
        let error = Fixtures.versoError {
            try MosesReader(prefix: folder.appendingPathComponent("c").path, sourceLanguage: "en", targetLanguage: "fr").read { _ in delivered += 1 }
        }
        XCTAssertEqual(delivered, 0, "nothing is delivered before the counts are checked")
        XCTAssertTrue(error?.message.contains("c.en has 3 line(s)") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("c.fr has 2") ?? false)
    }

    func testMissingSideFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Fixtures.write("a\n", to: folder.appendingPathComponent("c.en"))
        let error = Fixtures.versoError {
            _ = try MosesReader(prefix: folder.appendingPathComponent("c").path, sourceLanguage: "en", targetLanguage: "fr").readAll()
        }
        XCTAssertEqual(error?.kind, .unreadable)
        XCTAssertTrue(error?.file?.hasSuffix("c.fr") ?? false)
    }
}

final class JSONLTests: XCTestCase {
    func testAlignContract() throws {
        let text = try JSONLWriter.render(Fixtures.units, options: ExportOptions(keepEmpty: true)).text
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["source"] as? [String], [Fixtures.units[0].source])
        XCTAssertEqual(first["source_index"] as? [Int], [0])
        XCTAssertEqual(first["score"] as? Double, 0.93)
        let flags = try XCTUnwrap(first["flags"] as? [[String: Any]])
        XCTAssertEqual(flags.first?["code"] as? String, "stray-period")
        XCTAssertEqual(flags.first?["severity"] as? String, "major")
        XCTAssertEqual(flags.first?["side"] as? String, "target")
        XCTAssertEqual(flags.first?["span"] as? [Int], [10, 11])
        XCTAssertTrue(flags.last?["span"] is NSNull)
        let empty = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as? [String: Any])
        XCTAssertEqual(empty["source"] as? [String], [], "an empty side is an empty array")
        XCTAssertTrue(lines[0].hasPrefix("{\"source\": [\"Putin"), "keys in contract order")
    }

    func testRoundTrip() throws {
        let text = try JSONLWriter.render(Fixtures.units, options: ExportOptions(keepEmpty: true)).text
        XCTAssertEqual(try JSONLReader(.data(Data(text.utf8), name: "t.jsonl")).readAll(), Fixtures.units)
    }

    func testSignatureLineFromAHeader() throws {
        let (text, _) = try JSONLWriter.render(Fixtures.kept, header: Fixtures.header)
        XCTAssertTrue(text.hasPrefix("{\"signature\": \"verso:0.1.0|icu:72.1|unicode:15.0|aligner:test\"}\n{\"source\""))
        let reader = JSONLReader(.data(Data(text.utf8), name: "t"))
        XCTAssertEqual(try reader.readAll(), Fixtures.kept)
        XCTAssertEqual(reader.signature, Fixtures.header.signature.description)
    }

    func testStringEscaping() throws {
        let text = "q\" b\\ n\n t\t c\u{1} ls\u{2028} é😀"
        let quoted = JSONLWriter.quoted(text)
        XCTAssertEqual(quoted, #""q\" b\\ n\n t\t c\u0001 ls\u2028 é😀""#)
        XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)), text)
    }

    func testSentenceListsAreJoinedWithOneSpace() throws {
        let line = #"{"source": ["One.", "Two."], "target": ["Un et deux."], "source_index": [0, 1], "target_index": [0], "score": 0.8, "flags": [{"code": "x", "severity": "minor", "message": "m", "side": "source", "span": null}]}"#
        let units = try JSONLReader(.data(Data(line.utf8), name: "t")).readAll()
        XCTAssertEqual(units.first?.source, "One. Two.")
        XCTAssertEqual(units.first?.findings.first?.category, .accuracy)
        XCTAssertEqual(units.first?.findings.first?.severity, .minor)
    }

    func testErrorsNameLineAndKey() throws {
        let data = "{\"source\": [\"a\"], \"target\": [\"b\"]}\n{\"source\": [\"a\"]}\n"
        let error = Fixtures.versoError { _ = try JSONLReader(.data(Data(data.utf8), name: "x.jsonl")).readAll() }
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("\"target\" is missing") ?? false, error?.message ?? "")
        let notJSON = Fixtures.versoError { _ = try JSONLReader(.data(Data("{oops\n".utf8), name: "x.jsonl")).readAll() }
        XCTAssertTrue(notJSON?.message.contains("not valid JSON") ?? false, notJSON?.message ?? "")
    }

    /// Third-party TSV follows the convention: a backslash is a backslash. Verso's own files
    /// (with its header line) and `--tsv-escapes` undo the escapes.
    func testEscapesOnlyWithVersoHeaderOrWhenAsked() throws {
        let plain = "C:\\Users\\new\tC:\\Utilisateurs\\nouveau\n"
        let units = try TSVReader(.data(Data(plain.utf8), name: "t.tsv")).readAll()
        XCTAssertEqual(units.map(\.source), ["C:\\Users\\new"], "no newline appears in a Windows path")
        let asked = try TSVReader(.data(Data(plain.utf8), name: "t.tsv"), escapes: .on).readAll()
        XCTAssertEqual(asked.map(\.source), ["C:\\Users\new"])
        let written = try TSVWriter.render([TranslationUnit(source: "a\tb\\c", target: "d\ne")]).text
        XCTAssertTrue(written.hasPrefix("source\ttarget\tscore\tcodes\n"), "the writer marks its escapes with its header")
        let back = try TSVReader(.data(Data(written.utf8), name: "t.tsv")).readAll()
        XCTAssertEqual(back.map(\.source), ["a\tb\\c"])
        XCTAssertEqual(back.map(\.target), ["d\ne"])
    }
}
