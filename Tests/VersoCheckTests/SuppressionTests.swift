import XCTest
import VersoText
@testable import VersoCheck

final class SuppressionTests: XCTestCase {
    private let finding = Finding(code: "url-mismatch", category: .accuracy, severity: .major, message: "the option “--force” became “--forcer”",
                                  side: .target, span: 9..<17, bead: 4)
    private let source = "Use --force to overwrite.", target = "Utilisez --forcer pour écraser."

    func testFingerprintIgnoresPositionAndOtherText() {
        let fp = Fingerprint.of(finding, source: source, target: target)
        XCTAssertEqual(fp.count, Fingerprint.length)
        // Another bead number (lines added above), the same finding: the same identity.
        var moved = finding
        moved.bead = 90
        moved.message = "reworded by a newer Verso"
        XCTAssertEqual(Fingerprint.of(moved, source: source, target: target), fp)
        // The target edited elsewhere, the span moved with it: still the same.
        var shifted = finding
        shifted.span = 11..<19
        XCTAssertEqual(Fingerprint.of(shifted, source: source, target: "Utilisez « --forcer » pour écraser."), fp)
        // Another code, side, snippet or sentence: another finding.
        var other = finding
        other.code = "spelling"
        XCTAssertNotEqual(Fingerprint.of(other, source: source, target: target), fp)
        XCTAssertNotEqual(Fingerprint.of(finding, source: "Use --force to delete.", target: target), fp)
        XCTAssertNotEqual(Fingerprint.of(finding, source: source, target: "Utilisez --forcez pour écraser."), fp)
    }

    func testBaselineCountsOccurrences() {
        let baseline = Baseline(fingerprints: ["aaaa", "bbbb", "bbbb"])
        XCTAssertEqual(baseline.isNew(["bbbb", "cccc", "bbbb", "bbbb", "aaaa"]), [false, true, false, true, false])
    }

    func testParsesEntries() throws {
        let file = try SuppressionFile.parse("""
        # Accepted in the March review.
        fingerprint=3F2A9C0D1E2B4A5C status=accepted reason: the brand keeps its English name

        code=typography path=docs/legal/* reason: the legal team's typography is the client's
           code=spelling text=Rébasage side=target severity=minor reason: git's word # not a comment
        """, path: "/p/.verso-ignore")
        XCTAssertEqual(file.entries.count, 3)
        XCTAssertEqual(file.entries[0].fingerprint, "3f2a9c0d1e2b4a5c")
        XCTAssertEqual(file.entries[0].status, "accepted")
        XCTAssertEqual(file.entries[0].line, 2)
        XCTAssertEqual(file.entries[1].path, "docs/legal/*")
        XCTAssertEqual(file.entries[2].text, "rebasage")
        XCTAssertEqual(file.entries[2].reason, "git's word # not a comment")
        XCTAssertEqual(file.entries[2].line, 5)
    }

    func testMatching() throws {
        let file = try SuppressionFile.parse("""
        code=typography path=docs/legal/* reason: client's typography
        code=url-mismatch text=--forc* severity=major reason: an option the French build renames
        fingerprint=\(Fingerprint.of(finding, source: source, target: target).prefix(10)) reason: accepted
        """, path: "/p/.verso-ignore")
        let typography = Finding(code: "typography", category: .localeConvention, severity: .info, message: "m", side: .target, span: 0..<1, bead: 0)
        XCTAssertEqual(file.entry(for: typography, fingerprint: "00", snippet: "x", document: "docs/legal/terms.fr.txt")?.line, 1)
        XCTAssertEqual(file.entry(for: typography, fingerprint: "00", snippet: "x", document: "/p/docs/legal/terms.fr.txt")?.line, 1, "relative to the file's folder")
        XCTAssertNil(file.entry(for: typography, fingerprint: "00", snippet: "x", document: "docs/manual/intro.fr.txt"))
        XCTAssertEqual(file.entry(for: finding, fingerprint: "ffff", snippet: "--forcer", document: nil)?.line, 2)
        var critical = finding
        critical.severity = .critical
        XCTAssertNil(file.entry(for: critical, fingerprint: "ffff", snippet: "--forcer", document: nil), "severity= suppresses that and milder")
        XCTAssertEqual(file.entry(for: critical, fingerprint: Fingerprint.of(finding, source: source, target: target), snippet: "x", document: nil)?.line, 3,
                       "a fingerprint prefix matches")
    }

    func testErrorsNameTheLineAndTheFix() {
        let cases: [(String, String, String)] = [
            ("code=spelling", "no reason", "reason:"),
            ("code=spelling reason:   ", "reason is empty", "why"),
            ("color=red reason: x", "unknown key 'color'", "fingerprint, code"),
            ("fingerprint=xyz reason: x", "'xyz' is not a fingerprint", "16 hex digits"),
            ("code=speling reason: x", "unknown check code 'speling'", "spelling"),
            ("code=spelling side=left reason: x", "unknown side 'left'", "side=target"),
            ("code=spelling severity=high reason: x", "unknown severity 'high'", "minor"),
            ("code=spelling status=wontfix reason: x", "unknown status 'wontfix'", "false-alarm"),
            ("side=target reason: x", "selects every finding", "fingerprint, a code"),
            ("code reason: x", "'code' is not key=value", "key=value"),
            ("code= reason: x", "code= has no value", "value"),
        ]
        for (line, what, fix) in cases {
            XCTAssertThrowsError(try SuppressionFile.parse("# header\n\n" + line + "\n", path: ".verso-ignore"), line) { error in
                guard let e = error as? VersoError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.kind, .badInput, line)
                XCTAssertEqual(e.file, ".verso-ignore", line)
                XCTAssertEqual(e.line, 3, line)
                XCTAssertTrue(e.message.contains(what), "\(line): \(e.message)")
                XCTAssertTrue(e.fix?.contains(fix) == true, "\(line): \(e.fix ?? "")")
            }
        }
    }

    func testWrittenBaselineParses() throws {
        let text = SuppressionFile.render(baseline: [(finding, "0123456789abcdef", "a.fr.txt:3"), (finding, "0123456789abcdef", "a.fr.txt:9")])
        let file = try SuppressionFile.parse(text, path: "b.txt")
        XCTAssertEqual(file.entries.map(\.fingerprint), ["0123456789abcdef"])
        XCTAssertTrue(text.contains("# a.fr.txt:3: major: [url-mismatch]"))
        XCTAssertEqual(Baseline(file).isNew(["0123456789abcdef", "0123456789abcdef", "fedcba9876543210"]), [false, false, true])
    }
}
