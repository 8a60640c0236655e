import Foundation
import XCTest
import VersoTestSupport

/// Where output goes when something is wrong with it, and the messages that replace silent
/// failures: as a user meets them, through the built binary.
final class OutputCLITests: XCTestCase {
    private var seed: (String, String) {
        let folder = TestSupport.corpora.appendingPathComponent("seed")
        return (folder.appendingPathComponent("putin-pyongyang.en.txt").path, folder.appendingPathComponent("putin-pyongyang.fr.txt").path)
    }

    /// Runs verso with standard output sent to `stdout` (a file handle the test chooses).
    private func run(_ arguments: [String], stdout: FileHandle) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = TestSupport.versoBinary
        process.arguments = arguments
        let err = Pipe()
        process.standardOutput = stdout
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testAFullDiskOnStandardOutputIsAnErrorNotATrap() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        for arguments in [["segment", seed.0], ["check", "--no-dictionary", seed.0, seed.1], ["align", "--no-dictionary", seed.0, seed.1]] {
            let result = try run(arguments, stdout: full)
            XCTAssertEqual(result.status, 2, "\(arguments[0]): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("No space left on device"), result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").first?.hasPrefix("verso: error:"), true, result.stderr)
        }
    }

    func testAClosedPipeEndsQuietly() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        close(fds[0])
        let writer = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        let result = try run(["segment", seed.0], stdout: writer)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "", "a reader that went away is not an error to report")
        let check = try run(["check", "--no-dictionary", "--fail-on", "major", seed.0, seed.1], stdout: writer)
        XCTAssertEqual(check.status, 1, "the verdict stands when the reader stops early")
        XCTAssertEqual(check.stderr, "")
    }

    func testAReadOnlyOutputIsKeptUnlessForced() throws {
        let folder = try TestSupport.temporaryDirectory()
        let out = folder.appendingPathComponent("seed.jsonl").path
        try "keep\n".write(toFile: out, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(out, 0o444), 0)
        let refused = try TestSupport.verso(["align", "--no-dictionary", seed.0, seed.1, "-o", out])
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("is read-only") && refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "keep\n")
        let forced = try TestSupport.verso(["align", "--no-dictionary", seed.0, seed.1, "-o", out, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("{\"signature\""))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["seed.jsonl"], "no temporary file is left")
    }

    /// `--enable typo A B` once swallowed A and B as codes and complained of a missing argument.
    func testAnUnknownCheckCodeIsAUsageErrorNamingIt() throws {
        let run = try TestSupport.verso(["check", "--no-dictionary", "--enable", "typo", seed.0, seed.1])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("unknown check code 'typo'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'typography'?"), run.stderr)
        XCTAssertTrue(run.stderr.contains("number-mismatch"), "the codes are listed: \(run.stderr)")
        let two = try TestSupport.verso(["check", "--no-dictionary", "--enable", "typography,number-mismatch", seed.0, seed.1])
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertTrue(two.stdout.contains("|checks:number-mismatch,typography"), two.stdout)
    }

    /// en-de with no dictionary installed once aligned on lengths alone without a word.
    func testAMissingDictionaryIsAWarningNamingThePackage() throws {
        let empty = try TestSupport.temporaryDirectory()
        let folder = try TestSupport.temporaryDirectory()
        let en = folder.appendingPathComponent("a.en.txt"), de = folder.appendingPathComponent("a.de.txt")
        try "The house is old.".write(to: en, atomically: false, encoding: .utf8)
        try "Das Haus ist alt.".write(to: de, atomically: false, encoding: .utf8)
        let run = try TestSupport.verso(["align", "--source-lang", "en", "--target-lang", "de", "--dictionary-dir", empty.path, en.path, de.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("verso: warning: no FreeDict dictionary for en-de"), run.stderr)
        XCTAssertTrue(run.stderr.contains("dict-freedict-eng-deu"), run.stderr)
        let quiet = try TestSupport.verso(["align", "--source-lang", "en", "--target-lang", "de", "--no-dictionary", en.path, de.path])
        XCTAssertFalse(quiet.stderr.contains("warning"), quiet.stderr)
    }

    /// Under a pseudo-terminal (util-linux `script`), colour is on unless NO_COLOR is set.
    func testColourOnATerminalUnlessNoColor() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("util-linux script(1) is not installed") }
        func underTerminal(_ environment: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = "\(environment) '\(TestSupport.versoBinary.path)' check --no-dictionary '\(seed.0)' '\(seed.1)'"
            process.arguments = ["-qec", command, "/dev/null"]
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        XCTAssertTrue(try underTerminal("env -u NO_COLOR TERM=xterm").contains("\u{1B}[31mmajor"), "colour on a terminal")
        XCTAssertFalse(try underTerminal("env NO_COLOR=1 TERM=xterm").contains("\u{1B}["), "NO_COLOR turns it off")
    }

    func testTextReportColoursOnlyWhenAsked() throws {
        let plain = try TestSupport.verso(["check", "--no-dictionary", seed.0, seed.1])
        XCTAssertFalse(plain.stdout.contains("\u{1B}["), "a pipe gets no colour")
        let always = try TestSupport.verso(["check", "--no-dictionary", "--color", "always", seed.0, seed.1])
        XCTAssertTrue(always.stdout.contains("\u{1B}[31mmajor\u{1B}[0m"), always.stdout)
        let quiet = try TestSupport.verso(["check", "--no-dictionary", "--quiet", seed.0, seed.1])
        XCTAssertEqual(quiet.stdout.split(separator: "\n").count, 3, "only the summary: \(quiet.stdout)")
        XCTAssertTrue(quiet.stdout.hasPrefix(plain.stdout.split(separator: "\n").suffix(3).first.map(String.init) ?? "-"), quiet.stdout)
    }
}
