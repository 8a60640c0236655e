import ArgumentParser
import Foundation
import VersoStore

struct CorpusStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Documents, segments, beads by type, findings by code and the score distribution of a corpus."
    )

    @OptionGroup var database: DatabaseOption
    @Flag(help: "Also run a consistency check of every document (counts, beads, SQLite integrity).") var verify = false

    func run() throws {
        var broken = false
        try guarded {
            let store = try database.open(create: false, readOnly: true)
            print(CorpusStatsCommand.text(try store.stats(), path: database.path), terminator: "")
            if verify {
                let problems = try store.verify()
                print(problems.isEmpty ? "verified      every document complete, database sound" : "problems:\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
                broken = !problems.isEmpty
            }
        }
        if broken { throw ExitCode(1) }
    }

    static func text(_ s: CorpusStats, path: String) -> String {
        func percent(_ n: Int, _ of: Int) -> String { of == 0 ? "0%" : String(format: "%.1f%%", 100 * Double(n) / Double(of)) }
        let pairs: String = s.languagePairs.map { "\($0.pair): \($0.documents)" }.joined(separator: ", ")
        let mean: String = s.meanScore.map { String(format: ", mean score %.3f", $0) } ?? ""
        var lines: [String] = ["database      \(path)",
                               "documents     \(s.documents)" + (pairs.isEmpty ? "" : " (\(pairs))"),
                               "segments      \(s.sourceSegments) source, \(s.targetSegments) target",
                               "beads         \(s.beads)" + mean]
        for (kind, count) in s.beadKinds {
            let label = kind.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("  " + label + String(count).leftPadded(8) + "  " + percent(count, s.beads))
        }
        lines.append("scores")
        let top = max(1, s.scoreHistogram.max() ?? 1)
        for (i, n) in s.scoreHistogram.enumerated() {
            let range = String(format: "%.1f–%.1f", Double(i) / 10, Double(i + 1) / 10)
            lines.append("  \(range)  \(String(n).leftPadded(8))  " + String(repeating: "█", count: (30 * n + top - 1) / top))
        }
        let total = s.findings.reduce(0) { $0 + $1.count }
        lines.append("findings      \(total)")
        for (code, severity, count) in s.findings {
            lines.append("  " + code.padding(toLength: 24, withPad: " ", startingAt: 0) + String(count).leftPadded(8) + "  " + severity)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
