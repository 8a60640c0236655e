import VersoCheck
import VersoCorpus
import XCTest
@testable import VersoReport

final class MarkdownReportTests: XCTestCase {
    /// The cells of a table line, split at pipes that are not backslash-escaped.
    private func cells(_ line: Substring) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line {
            if character == "|" && !escaped { cells.append(current); current = "" } else { current.append(character) }
            escaped = character == "\\" && !escaped
        }
        cells.append(current)
        return Array(cells.dropFirst().dropLast()).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func testCountsAndWorstFindingsTable() throws {
        let markdown = MarkdownReport.render(try Samples.model(), top: 4)
        XCTAssertTrue(markdown.hasPrefix("## Translation review: docs/en/\\<guide\\>.txt (en) → docs/fr/guide \"fr\".txt (fr)\n"))
        XCTAssertTrue(markdown.contains("**11 findings** in 6 of 12 beads: critical 1 · major 3 · minor 4 · info 3\n"))
        XCTAssertTrue(markdown.contains("- Bead types: 1-1 × 8, 0-1 × 1, 1-0 × 1, 1-2 × 1, 2-1 × 1\n"))
        XCTAssertTrue(markdown.contains("- Mean confidence: 0.73\n"))
        XCTAssertTrue(markdown.contains("- Unaligned sentences: 1 source (of 12), 1 target (of 12)\n"))
        XCTAssertTrue(markdown.contains("| markup-mismatch | design | 2 | minor |\n"))

        let worst = markdown.components(separatedBy: "### Worst findings (4 of 11)\n\n")[1].split(separator: "\n")
        XCTAssertEqual(worst.count, 2 + 4)
        let rows = worst.dropFirst(2).map(cells)
        XCTAssertTrue(rows.allSatisfy { $0.count == 6 }, "\(rows)")
        XCTAssertEqual(rows.map { $0[0] }, ["critical", "major", "major", "major"])
        XCTAssertEqual(rows.map { $0[2] }, ["6", "4", "7", "10"])
        XCTAssertEqual(rows[0], ["critical", "number-mismatch", "6", "target", "1 520", "1,250 became 1 520 (suggestion: 1 250)"])
        XCTAssertEqual(rows[3][4], "rejeté")
    }

    func testPipesNewlinesAndMarkupAreEscapedInCells() throws {
        let text = "Rate | ratio <b>*bold*</b>"
        let finding = Finding(code: "odd|code", category: .style, severity: .minor, message: "a | b\nsecond `line`",
                              side: .source, span: 0..<text.unicodeScalars.count, suggestion: "use [x](javascript:alert(1))", bead: 0)
        let model = Samples.report(source: (name: "a|b.txt", language: "en"), target: (name: "b.txt", language: "fr"), signature: "s",
                                    beads: [BeadText(source: [text], target: ["Taux"], score: nil)], findings: [finding])
        let markdown = MarkdownReport.render(model)
        let line = markdown.split(separator: "\n").first { $0.hasPrefix("| minor") }!
        XCTAssertEqual(cells(line), ["minor", "odd\\|code", "0", "source", "Rate \\| ratio \\<b\\>\\*bold\\*\\</b\\>",
                                     "a \\| b second \\`line\\` (suggestion: use \\[x\\](javascript:alert(1)))"])
        XCTAssertTrue(markdown.contains("- Mean confidence: n/a\n"))
        XCTAssertTrue(markdown.hasPrefix("## Translation review: a\\|b.txt (en)"))
    }

    func testNoFindings() throws {
        let model = Samples.report(source: (name: "a", language: "en"), target: (name: "b", language: "fr"), signature: "s",
                                    beads: [BeadText(source: ["Hi."], target: ["Salut."], score: 1)], findings: [])
        let markdown = MarkdownReport.render(model)
        XCTAssertTrue(markdown.contains("**0 findings** in 0 of 1 beads"))
        XCTAssertTrue(markdown.hasSuffix("\nNo findings.\n"))
        XCTAssertFalse(markdown.contains("| Severity |"))
    }

    func testQuoteLongSpansAndScalars() throws {
        let long = String(repeating: "é", count: 80)
        let bead = TranslationUnit(source: long, target: "👍🏽 ok")
        let finding = Finding(code: "c", category: .style, severity: .info, message: "m", side: .source, span: 10..<90, bead: 0)
        XCTAssertEqual(MarkdownReport.quote(finding, in: bead), String(repeating: "é", count: 60) + "…")
        var emoji = finding
        emoji.side = .target
        emoji.span = 3..<5
        XCTAssertEqual(MarkdownReport.quote(emoji, in: bead), "ok")
    }
}
