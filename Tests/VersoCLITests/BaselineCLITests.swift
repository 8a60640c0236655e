import Foundation
import XCTest
import VersoTestSupport

/// The QA workflow as a CI job meets it: a baseline from an earlier run gates only on new
/// findings, also after unrelated edits above them; .verso-ignore suppresses, with reasons, and
/// its errors name the line.
final class BaselineCLITests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try TestSupport.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func write(_ name: String, _ paragraphs: [String]) throws {
        try (paragraphs.joined(separator: "\n\n") + "\n").write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func check(_ extra: [String]) throws -> TestSupport.Run {
        try TestSupport.verso(["check", "--no-dictionary", "--fail-on", "major"] + extra + ["doc.en.txt", "doc.fr.txt"], cwd: directory)
    }

    private let english = ["Press Ctrl+C to copy the selected files.", "The archive is saved in your home folder.", "Close the window when you are done."]
    private let french = ["Appuyez sur Ctrl+D pour copier les fichiers sélectionnés.", "L’archive est enregistrée dans votre dossier personnel.",
                          "Fermez la fenêtre lorsque vous avez terminé."]

    func testBaselineGatesOnlyOnNewFindingsAfterAnEditAbove() throws {
        try write("doc.en.txt", english)
        try write("doc.fr.txt", french)
        let first = try check(["--format", "jsonl", "-o", "previous.jsonl"])
        XCTAssertEqual(first.status, 1, "the known glitch trips a gate without a baseline: \(first.stderr)")
        // An unrelated paragraph added above, and the known glitch still there: the gate passes,
        // though the finding is still reported.
        try write("doc.en.txt", ["Welcome to the new version of the program."] + english)
        try write("doc.fr.txt", ["Bienvenue dans la nouvelle version du programme."] + french)
        let old = try check(["--baseline", "previous.jsonl"])
        XCTAssertEqual(old.status, 0, old.stdout + old.stderr)
        XCTAssertTrue(old.stdout.contains("[shortcut-mismatch] the shortcut “Ctrl+C” became “Ctrl+D”"), old.stdout)
        XCTAssertTrue(old.stderr.contains("0 of 1 finding(s) are new since the baseline previous.jsonl"), old.stderr)
        // A new glitch below trips it.
        try write("doc.en.txt", ["Welcome to the new version of the program."] + english + ["Use --force to overwrite the archive."])
        try write("doc.fr.txt", ["Bienvenue dans la nouvelle version du programme."] + french + ["Utilisez --forcer pour écraser l’archive."])
        let new = try check(["--baseline", "previous.jsonl"])
        XCTAssertEqual(new.status, 1, new.stdout + new.stderr)
        XCTAssertTrue(new.stderr.contains("1 of 2 finding(s) are new"), new.stderr)
        // A written baseline works the same way.
        XCTAssertEqual(try check(["--write-baseline", "accepted.txt"]).status, 1)
        let accepted = try String(contentsOf: directory.appendingPathComponent("accepted.txt"), encoding: .utf8)
        XCTAssertEqual(accepted.components(separatedBy: "\nfingerprint=").count - 1, 2, accepted)
        XCTAssertTrue(accepted.contains("doc.fr.txt:3: major: [shortcut-mismatch]"), accepted)
        XCTAssertEqual(try check(["--baseline", "accepted.txt"]).status, 0)
    }

    func testSuppressionFile() throws {
        try write("doc.en.txt", english)
        try write("doc.fr.txt", french)
        try "# reviewed\ncode=shortcut-mismatch path=doc.* reason: the French build remaps copy\n"
            .write(to: directory.appendingPathComponent(".verso-ignore"), atomically: true, encoding: .utf8)
        let quiet = try check([])
        XCTAssertEqual(quiet.status, 0, quiet.stdout + quiet.stderr)
        XCTAssertFalse(quiet.stdout.contains("[shortcut-mismatch]"), quiet.stdout)
        XCTAssertTrue(quiet.stderr.contains("1 finding(s) suppressed by .verso-ignore"), quiet.stderr)
        try "code=shortcut-mismatch\n".write(to: directory.appendingPathComponent("bad.ignore"), atomically: true, encoding: .utf8)
        let bad = try check(["--ignore-file", "bad.ignore"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("bad.ignore:1: the entry has no reason"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("fix: end the line with 'reason:"), bad.stderr)
        XCTAssertEqual(bad.stdout, "", "nothing is written when the suppressions cannot be read")
    }
}
