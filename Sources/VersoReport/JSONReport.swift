import VersoCheck
import VersoCorpus

/// The report as one JSON object, for tools that want the whole verdict at once:
///
/// ```
/// {"signature": "…", "source": "a.en.txt", "target": "a.fr.txt",
///  "findings": {"info": 14, "minor": 6, "major": 9, "critical": 0},
///  "flagged_beads": 11,
///  "beads": [{…one object a bead, as in the JSON lines output…}, …]}
/// ```
public enum JSONReport {
    /// Renders the object (pretty-printed one bead a line), ending with LF.
    /// - Complexity: O(size of the report).
    public static func render(_ report: PairReport) -> String {
        let summary = report.summary
        let severity = Severity.allCases.map { "\"\($0.rawValue)\": \(summary.bySeverity[$0] ?? 0)" }.joined(separator: ", ")
        let beads = report.units.map { "    " + JSONLWriter.object($0) }.joined(separator: ",\n")
        return """
        {
          "signature": \(JSONLWriter.quoted(report.signature.description)),
          "source": \(JSONLWriter.quoted(report.source.name)),
          "target": \(JSONLWriter.quoted(report.target.name)),
          "findings": {\(severity)},
          "flagged_beads": \(summary.flaggedBeadCount),
          "beads": [
        \(beads)
          ]
        }

        """
    }
}
