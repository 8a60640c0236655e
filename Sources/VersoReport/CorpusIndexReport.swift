import VersoCheck
import VersoCorpus

/// The index page of a corpus report: one row a document, with its counts and a link to its
/// own review page. Self-contained and static (no script), every text escaped.
public enum CorpusIndexReport {
    /// One document of the index.
    public struct Entry: Sendable {
        public var name: String
        public var languages: String
        public var summary: PairSummary
        /// The document's report, relative to the index page.
        public var link: String

        public init(name: String, languages: String, summary: PairSummary, link: String) {
            self.name = name
            self.languages = languages
            self.summary = summary
            self.link = link
        }
    }

    /// The page, documents listed worst first (most major and critical findings).
    /// - Complexity: O(documents).
    public static func render(_ entries: [Entry], title: String = "Verso corpus report") -> String {
        func count(_ s: PairSummary, _ severity: Severity) -> Int { s.bySeverity[severity] ?? 0 }
        let sorted = entries.sorted {
            (count($0.summary, .critical), count($0.summary, .major), $1.name) > (count($1.summary, .critical), count($1.summary, .major), $0.name)
        }
        let totalBeads = entries.map(\.summary.beadCount).reduce(0, +)
        let totalFlagged = entries.map(\.summary.flaggedBeadCount).reduce(0, +)
        var out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(HTMLAssets.css)
        table.index { border-collapse: collapse; width: 100%; }
        table.index th, table.index td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #ddd; }
        table.index td.n { text-align: right; font-variant-numeric: tabular-nums; }
        </style></head><body><main>
        <h1>\(HTML.escape(title))</h1>
        <p>\(entries.count) document(s), \(totalBeads) bead(s), \(totalFlagged) with findings.</p>
        <table class="index"><thead><tr><th>Document</th><th>Languages</th><th>Beads</th><th>With findings</th>
        <th>Critical</th><th>Major</th><th>Minor</th><th>Info</th><th>Mean confidence</th></tr></thead><tbody>

        """
        for e in sorted {
            let s = e.summary
            out += "<tr><td><a href=\"\(HTML.escape(e.link))\">\(HTML.escape(e.name))</a></td><td>\(HTML.escape(e.languages))</td>"
            out += "<td class=\"n\">\(s.beadCount)</td><td class=\"n\">\(s.flaggedBeadCount)</td>"
            for severity in Severity.allCases.reversed() { out += "<td class=\"n\">\(count(s, severity))</td>" }
            out += "<td class=\"n\">\(s.meanConfidence.map { HTML.fixed($0, 2) } ?? "–")</td></tr>\n"
        }
        out += "</tbody></table></main></body></html>\n"
        return out
    }
}
