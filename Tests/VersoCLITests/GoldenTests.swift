import Foundation
import XCTest
import VersoTestSupport

/// What a user sees, pinned: `--help` of every command and each output format on a small pair
/// (`Golden/pair.en.txt` → `pair.fr.txt`: a changed number, a lost negation, an untranslated
/// footer). The files in `Golden/` were read by hand when written; a change to them is a change
/// to Verso's interface and shows in review. `VERSO_UPDATE_GOLDEN=1` rewrites them.
final class GoldenTests: XCTestCase {
    private let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    private var update: Bool { ProcessInfo.processInfo.environment["VERSO_UPDATE_GOLDEN"] == "1" }

    private func compare(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = golden.appendingPathComponent(name)
        if update {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no golden file \(name): run the tests once with VERSO_UPDATE_GOLDEN=1 and read it", file: file, line: line)
        }
        XCTAssertEqual(text, expected, "\(name) differs from the golden file (VERSO_UPDATE_GOLDEN=1 rewrites it)", file: file, line: line)
    }

    /// Help is wrapped at the terminal's width: fix it so the files do not depend on who runs the tests.
    private func verso(_ arguments: [String]) throws -> TestSupport.Run {
        try TestSupport.verso(arguments, cwd: golden, environment: ["COLUMNS": "100", "NO_COLOR": "1"])
    }

    func testHelpOfEveryCommand() throws {
        let commands = [[], ["segment"], ["align"], ["check"], ["checks"], ["convert"], ["stream"], ["eval"], ["eval-checks"],
                        ["corpus"], ["corpus", "add"], ["corpus", "search"], ["corpus", "stats"], ["corpus", "export"], ["corpus", "report"]]
        for command in commands {
            let run = try verso(command + ["--help"])
            XCTAssertEqual(run.status, 0, run.stderr)
            try compare(run.stdout, "help-\((["verso"] + command).joined(separator: "-")).txt")
        }
    }

    func testCheckFormats() throws {
        for format in ["text", "jsonl", "json", "markdown"] {
            let run = try verso(["check", "--no-dictionary", "--format", format, "pair.en.txt", "pair.fr.txt"])
            XCTAssertEqual(run.status, 0, run.stderr)
            try compare(run.stdout, "check.\(format == "markdown" ? "md" : format)")
            if format == "json" { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) }
        }
    }

    func testAlignFormats() throws {
        for (format, ext) in [("jsonl", "jsonl"), ("tsv", "tsv"), ("tmx", "tmx"), ("xliff", "xlf"), ("align", "align")] {
            let run = try verso(["align", "--no-dictionary", "--format", format, "pair.en.txt", "pair.fr.txt"])
            XCTAssertEqual(run.status, 0, run.stderr)
            // TMX and XLIFF carry their creation time: pin it out.
            let text = run.stdout.replacingOccurrences(of: #"creationdate="[0-9TZ]+""#, with: #"creationdate="…""#, options: .regularExpression)
                .replacingOccurrences(of: #"type="creationdate">[0-9TZ]+<"#, with: #"type="creationdate">…<"#, options: .regularExpression)
            try compare(text, "align.\(ext)")
        }
    }
}
