import XCTest
import VersoTestSupport

/// `verso segment` as a user meets it: the built binary, its stdout, stderr and exit code.
final class SegmentCLITests: XCTestCase {
    func testSegmentsStandardInputOneSentenceALine() throws {
        let run = try TestSupport.verso(["segment", "--lang", "en", "-"], stdin: Data("Dr. Smith arrived.\nHe\nstayed.\n\nThe end.".utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "Dr. Smith arrived.\nHe\nstayed.\nThe end.\n")
    }

    func testJSONLinesCarryOffsetsAndParagraphs() throws {
        let run = try TestSupport.verso(["segment", "--format", "jsonl", "--lang", "fr", "-"], stdin: Data("Été chaud. Hiver froid.\n\nFin.".utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = run.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0]["text"] as? String, "Été chaud.")
        XCTAssertEqual(rows[1]["start"] as? Int, 11)
        XCTAssertEqual(rows[1]["byte_start"] as? Int, 13)
        XCTAssertEqual(rows[2]["paragraph"] as? Int, 1)
    }

    func testVersionNamesICUAndUnicode() throws {
        let run = try TestSupport.verso(["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("ICU 7"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Unicode"), run.stdout)
    }

    func testUsageErrorExits64() throws {
        let run = try TestSupport.verso(["segment", "--format", "nonsense", "-"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("Usage"), run.stderr)
    }

    func testInvalidUTF8GivesFileLineOffsetAndFix() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("latin1.txt")
        try Data([0x4F, 0x4B, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: file)
        let run = try TestSupport.verso(["segment", file.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("latin1.txt:2 (byte 6)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("iconv"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        let lossy = try TestSupport.verso(["segment", "--lossy", file.path])
        XCTAssertEqual(lossy.status, 0)
        XCTAssertTrue(lossy.stdout.contains("caf\u{FFFD}"))
    }

    func testDirectoryAndMissingFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        let run = try TestSupport.verso(["segment", dir.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("is a directory"), run.stderr)
        let missing = try TestSupport.verso(["segment", dir.appendingPathComponent("x.txt").path])
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }

    func testUTF16FileAndEmptyFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        let utf16 = dir.appendingPathComponent("u16.txt")
        try Data([0xFF, 0xFE] + "Un. Deux.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: utf16)
        let run = try TestSupport.verso(["segment", "--lang", "fr", utf16.path])
        XCTAssertEqual(run.stdout, "Un.\nDeux.\n", run.stderr)
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let e = try TestSupport.verso(["segment", empty.path])
        XCTAssertEqual(e.status, 0)
        XCTAssertEqual(e.stdout, "")
    }

    func testOutputFileIsWrittenAtomicallyAndKeptOnFailure() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("out.txt")
        try Data("previous".utf8).write(to: out)
        let bad = dir.appendingPathComponent("bad.txt")
        try Data([0xFF]).write(to: bad)
        let failed = try TestSupport.verso(["segment", bad.path, "-o", out.path])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "previous", "a failed run must not touch earlier output")
        let good = dir.appendingPathComponent("good.txt")
        try Data("One. Two.".utf8).write(to: good)
        XCTAssertEqual(try TestSupport.verso(["segment", good.path, "-o", out.path]).status, 0)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "One.\nTwo.\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }, [])
    }
}

final class SpecialOutputTests: XCTestCase {
    /// `-o /dev/null` discards the output and leaves the device a device.
    func testDeviceOutputIsWrittenNotReplaced() throws {
        let dir = try TestSupport.temporaryDirectory()
        let input = dir.appendingPathComponent("in.txt")
        try Data("One. Two.".utf8).write(to: input)
        let run = try TestSupport.verso(["segment", input.path, "-o", "/dev/null"])
        XCTAssertEqual(run.status, 0, run.stderr)
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null must stay a character device")
        let directory = try TestSupport.verso(["segment", input.path, "-o", dir.path])
        XCTAssertNotEqual(directory.status, 0)
        XCTAssertEqual(directory.status, 64, "a folder for -o is a usage error")
        XCTAssertTrue(directory.stderr.contains("is a folder, not a file"), directory.stderr)
    }
}
