import VersoCheck
import VersoCorpus

/// The report for a terminal or a CI log: one line a finding, in the form compilers use
/// (`file:line: severity: [code] message (suggestion)`), grouped by file, then a summary.
///
/// ```
/// doc.fr.txt:5: major: [entity-mistranslation] “ONU” (Nations unies) has no counterpart …
/// 29 finding(s) (critical 0, major 9, minor 6, info 14); 11 of 34 bead(s) flagged above info
/// beads: 0-1 2, 1-1 31, 1-2 1; findings: typography 14, omission 3, …
/// signature: verso:0.1.0|icu:72.1|…
/// ```
public enum TextReport {
    /// How the text looks.
    public struct Style: Sendable, Equatable {
        /// Colour the severities with ANSI escapes (only for a terminal that wants colour).
        public var color: Bool
        /// Print only the summary lines.
        public var quiet: Bool

        public init(color: Bool = false, quiet: Bool = false) {
            self.color = color
            self.quiet = quiet
        }
    }

    /// Renders the report.
    /// - Complexity: O(size of the documents + findings).
    public static func render(_ report: PairReport, style: Style = Style()) -> String {
        var out = ""
        if !style.quiet {
            let findings = report.findings, locations = report.locations()
            // Group by file in the order files first appear, keeping line order inside a file.
            var files: [String] = [], lines: [String: [String]] = [:]
            for (finding, location) in zip(findings, locations) {
                let file = String(location[..<(location.lastIndex(of: ":") ?? location.endIndex)])
                if lines[file] == nil { files.append(file) }
                lines[file, default: []].append(line(finding, at: location, color: style.color))
            }
            for file in files { out += lines[file]!.joined() }
        }
        return out + summaryLines(report.summary, signature: report.signature.description).joined(separator: "\n") + "\n"
    }

    /// The three summary lines: counts by severity and flagged beads, bead kinds and codes, the
    /// signature.
    public static func summaryLines(_ summary: PairSummary, signature: String) -> [String] {
        let severities = Severity.allCases.reversed().map { "\($0.rawValue) \(summary.bySeverity[$0] ?? 0)" }.joined(separator: ", ")
        let kinds = summary.beadKinds.sorted { $0.kind < $1.kind }.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
        let codes = summary.byCode.map { "\($0.code) \($0.count)" }.joined(separator: ", ")
        return ["\(summary.findingCount) finding(s) (\(severities)); \(summary.flaggedBeadCount) of \(summary.beadCount) bead(s) flagged above info",
                "beads: \(kinds)" + (codes.isEmpty ? "" : "; findings: \(codes)"),
                "signature: \(signature)"]
    }

    private static func line(_ finding: Finding, at location: String, color: Bool) -> String {
        var severity = finding.severity.rawValue
        if color { severity = ansi(finding.severity) + severity + "\u{1B}[0m" }
        var text = "\(location): \(severity): [\(finding.code)] \(finding.message)"
        if let suggestion = finding.suggestion { text += " (\(suggestion))" }
        return text + "\n"
    }

    /// Bold red, red, yellow, cyan.
    private static func ansi(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "\u{1B}[1;31m"
        case .major: return "\u{1B}[31m"
        case .minor: return "\u{1B}[33m"
        case .info: return "\u{1B}[36m"
        }
    }
}
