import VersoCheck
import VersoCorpus

/// The report as a short Markdown summary for pull requests and CI logs: the counts, the
/// findings by code and the worst findings as a table.
public enum MarkdownReport {
    /// Renders the summary.
    ///
    /// - Parameters:
    ///   - report: what to summarise.
    ///   - top: how many findings the "worst findings" table lists at most.
    /// - Complexity: O(beads + findings log findings).
    public static func render(_ report: PairReport, top: Int = 20) -> String {
        let summary = report.summary
        let findings = report.findings
        var out = "## Translation review: \(cell(report.source.name)) (\(cell(report.source.language))) → \(cell(report.target.name)) (\(cell(report.target.language)))\n\n"
        let severities = Severity.allCases.reversed().map { "\($0.rawValue) \(summary.bySeverity[$0] ?? 0)" }.joined(separator: " · ")
        out += "**\(summary.findingCount) finding\(summary.findingCount == 1 ? "" : "s")** in \(summary.flaggedBeadCount) of \(summary.beadCount) beads: \(severities)\n\n"
        out += "- Bead types: " + summary.beadKinds.map { "\($0.kind) × \($0.count)" }.joined(separator: ", ") + "\n"
        out += "- Mean confidence: \(summary.meanConfidence.map { HTML.fixed($0, 2) } ?? "n/a")\n"
        out += "- Unaligned sentences: \(summary.unalignedSource) source (of \(report.source.sentenceCount)), \(summary.unalignedTarget) target (of \(report.target.sentenceCount))\n"
        out += "- Signature: `\(String(report.signature.description.map { $0 == "`" ? "'" : $0 }))`\n"
        guard !findings.isEmpty else { return out + "\nNo findings.\n" }

        out += "\n### Findings by code\n\n| Code | Category | Count | Worst |\n|---|---|---:|---|\n"
        for entry in summary.byCode {
            out += "| \(cell(entry.code)) | \(entry.category.rawValue) | \(entry.count) | \(entry.worst.rawValue) |\n"
        }
        let worst = findings.sorted(by: PairReport.worstFirst).prefix(max(0, top))
        out += "\n### Worst findings (\(worst.count) of \(findings.count))\n\n| Severity | Code | Bead | Side | Text | Message |\n|---|---|---:|---|---|---|\n"
        for finding in worst {
            let excerpt = report.units.indices.contains(finding.bead) ? quote(finding, in: report.units[finding.bead]) : ""
            var message = finding.message
            if let suggestion = finding.suggestion { message += " (suggestion: \(suggestion))" }
            out += "| \(finding.severity.rawValue) | \(cell(finding.code)) | \(finding.bead) | \(finding.side.rawValue) | \(cell(excerpt)) | \(cell(message)) |\n"
        }
        return out
    }

    /// The text a finding's span covers (at most 60 scalars), or "" without a span.
    static func quote(_ finding: Finding, in bead: TranslationUnit) -> String {
        guard let span = finding.span, finding.side != .both else { return "" }
        let scalars = Array(bead.text(finding.side).unicodeScalars)
        let lower = min(max(span.lowerBound, 0), scalars.count), upper = min(max(span.upperBound, lower), scalars.count)
        var text = String(String.UnicodeScalarView(scalars[lower..<min(upper, lower + 60)]))
        if upper - lower > 60 { text += "…" }
        return text
    }

    /// `text` safe in a table cell: one line, with Markdown's active characters (the pipe first
    /// of all) backslash-escaped so the text shows as typed.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r", "\r\n", "\t": out += " "
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
