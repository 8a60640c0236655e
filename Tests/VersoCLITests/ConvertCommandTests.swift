import Foundation
import VersoTestSupport
import XCTest

final class ConvertCommandTests: XCTestCase {
    private let tsv = "Hello.\tBonjour.\t0.9\t\nBad.\tMauvais.\t0.2\tstray-period\nHello.\tBonjour.\t0.9\t\nAlone.\t\t\t\n"

    func testConvertsWithFiltersAndReportsDroppedCounts() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("in.tsv"))
        let run = try TestSupport.verso(["convert", "in.tsv", "out.tmx", "--source-lang", "en", "--target-lang", "fr",
                                         "--min-score", "0.5", "--dedupe"], cwd: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("read 4 unit(s), wrote 1 to out.tmx"), run.stderr)
        XCTAssertTrue(run.stderr.contains("dropped 1: score below minimum"))
        XCTAssertTrue(run.stderr.contains("dropped 1: duplicate pair"))
        XCTAssertTrue(run.stderr.contains("left out 1 unit(s) with an empty side"))
        let tmx = try String(contentsOf: folder.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertEqual(tmx.components(separatedBy: "<tu>").count - 1, 1)
        XCTAssertTrue(tmx.contains("<tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv>"))
    }

    func testExcludeAndMaxSeverity() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("in.tsv"))
        let run = try TestSupport.verso(["convert", "in.tsv", "out.jsonl", "--exclude", "stray-period,other", "--keep-empty"], cwd: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].hasPrefix("{\"signature\": \"verso:"), "the align contract's signature line")
        XCTAssertTrue(run.stderr.contains("dropped 1: excluded finding code"))
        let bad = try TestSupport.verso(["convert", "in.tsv", "o.jsonl", "--max-severity", "huge"], cwd: folder)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("unknown severity \"huge\""))
    }

    func testUsageErrors() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("in.tsv"))
        let unknown = try TestSupport.verso(["convert", "in.tsv", "out.doc"], cwd: folder)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("cannot tell the output format of out.doc"), unknown.stderr)
        let languages = try TestSupport.verso(["convert", "in.tsv", "corpus", "--to", "moses"], cwd: folder)
        XCTAssertEqual(languages.status, 64)
        XCTAssertTrue(languages.stderr.contains("--source-lang and --target-lang"))
    }

    func testBadInputExitsTwoWithLineAndColumn() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data("<tmx>\n<body><tu></tuv></body></tmx>".utf8).write(to: folder.appendingPathComponent("bad.tmx"))
        let run = try TestSupport.verso(["convert", "bad.tmx", "out.tsv"], cwd: folder)
        XCTAssertEqual(run.status, 2, "bad input")
        XCTAssertTrue(run.stderr.contains("bad.tmx:2: malformed XML at line 2, column"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.tsv").path))
    }

    func testMosesRoundTripThroughTheCLI() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("in.tsv"))
        let out = try TestSupport.verso(["convert", "in.tsv", "c", "--to", "moses", "--source-lang", "en", "--target-lang", "fr"], cwd: folder)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("c.en"), encoding: .utf8), "Hello.\nBad.\nHello.\n")
        let back = try TestSupport.verso(["convert", "c", "back.tsv", "--from", "moses", "--source-lang", "en", "--target-lang", "fr"], cwd: folder)
        XCTAssertEqual(back.status, 0, back.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("back.tsv"), encoding: .utf8),
                       "source\ttarget\tscore\tcodes\nHello.\tBonjour.\t\t\nBad.\tMauvais.\t\t\nHello.\tBonjour.\t\t\n")
    }
}
