import VersoCheck
import VersoCorpus

/// The report's two inline SVG figures: the alignment map and the findings-by-code bars.
enum HTMLCharts {
    /// CSS class of a bead kind: `k11` (one-to-one), `kmerge` (several sentences on a side),
    /// `knull` (an empty side).
    static func kindClass(_ bead: TranslationUnit) -> String {
        let sides = bead.sides
        return bead.isNull ? "knull" : (sides.source.count == 1 && sides.target.count == 1 ? "k11" : "kmerge")
    }

    /// The alignment map: source sentence index across, target sentence index down, one mark
    /// per bead (coloured by kind), a ring around each flagged bead, and ticks on the axes
    /// where a sentence has no counterpart.
    ///
    /// Flagged and null beads are elements of their own (with a tooltip and `data-b`, so a click
    /// can select the row); the other beads of a kind share one path, which keeps the map light
    /// for long documents.
    ///
    /// - Parameter worst: the worst severity of each bead's findings, in the order of `report.units`.
    /// - Complexity: O(beads).
    static func alignmentMap(_ report: PairReport, worst: [Severity?]) -> String {
        let size = 340.0, left = 46.0, top = 10.0, mark = 2.6
        let columns = max(1, report.source.sentenceCount, (report.units.flatMap(\.sourceIndices).max() ?? -1) + 1)
        let rows = max(1, report.target.sentenceCount, (report.units.flatMap(\.targetIndices).max() ?? -1) + 1)
        let sx = size / Double(columns), sy = size / Double(rows)
        // Rings shrink as beads crowd the diagonal, so that a long document's map stays legible.
        let radius = min(6, max(2.5, 0.6 * size / Double(max(1, report.units.count)).squareRoot()))
        func f(_ v: Double) -> String { HTML.fixed(v, 1) }

        var plain: [String: String] = [:], marks = "", rings = "", ticks = ""
        var nextSource = 0, nextTarget = 0
        for (position, bead) in report.units.enumerated() {
            let x0 = bead.sourceIndices.min() ?? nextSource, x1 = (bead.sourceIndices.max() ?? nextSource - 1) + 1
            let y0 = bead.targetIndices.min() ?? nextTarget, y1 = (bead.targetIndices.max() ?? nextTarget - 1) + 1
            nextSource = max(nextSource, x1)
            nextTarget = max(nextTarget, y1)
            let width = max(Double(x1 - x0) * sx, mark), height = max(Double(y1 - y0) * sy, mark)
            let x = left + Double(x0) * sx - (x1 == x0 ? mark / 2 : 0), y = top + Double(y0) * sy - (y1 == y0 ? mark / 2 : 0)
            guard bead.isNull || worst[position] != nil else {
                plain[kindClass(bead), default: ""] += "M\(f(x)) \(f(y))h\(f(width))v\(f(height))h-\(f(width))z"
                continue
            }
            let label = "Bead \(position) · \(bead.kind)" + (worst[position].map { " · worst finding: \($0.rawValue)" } ?? "")
            let title = "<title>\(HTML.escape(label))</title>"
            marks += "<rect class=\"m \(kindClass(bead))\" data-b=\"\(position)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\">\(title)</rect>"
            if let severity = worst[position] {
                rings += "<circle class=\"ring sv-\(severity.rawValue)\" data-b=\"\(position)\" cx=\"\(f(x + width / 2))\" cy=\"\(f(y + height / 2))\" r=\"\(f(radius))\">\(title)</circle>"
            }
            if bead.target.isEmpty {
                ticks += "<line class=\"tick\" x1=\"\(f(x + width / 2))\" x2=\"\(f(x + width / 2))\" y1=\"\(f(top + size + 2))\" y2=\"\(f(top + size + 9))\"/>"
            } else if bead.source.isEmpty {
                ticks += "<line class=\"tick\" x1=\"\(f(left - 9))\" x2=\"\(f(left - 2))\" y1=\"\(f(y + height / 2))\" y2=\"\(f(y + height / 2))\"/>"
            }
        }
        let bottom = top + size
        let paths = plain.keys.sorted().map { "<path class=\"\($0)\" d=\"\(plain[$0]!)\"/>" }.joined()
        return """
        <svg class="map" viewBox="0 0 \(f(left + size + 8)) \(f(bottom + 36))" role="img" aria-labelledby="map-title">\
        <title id="map-title">Alignment map: \(report.units.count) beads over \(columns) source and \(rows) target sentences</title>\
        <rect class="frame" x="\(f(left))" y="\(f(top))" width="\(f(size))" height="\(f(size))"/>\
        <line class="diag" x1="\(f(left))" y1="\(f(top))" x2="\(f(left + size))" y2="\(f(bottom))"/>\
        <g class="marks">\(paths)\(marks)</g><g class="rings" stroke-width="\(f(radius / 3.5))">\(rings)</g><g class="ticks">\(ticks)</g>\
        <text class="axis" x="\(f(left))" y="\(f(bottom + 20))">0</text>\
        <text class="axis" x="\(f(left + size))" y="\(f(bottom + 20))" text-anchor="end">\(columns)</text>\
        <text class="axis label" x="\(f(left + size / 2))" y="\(f(bottom + 32))" text-anchor="middle">source sentence →</text>\
        <text class="axis" x="\(f(left - 12))" y="\(f(top + 8))" text-anchor="end">0</text>\
        <text class="axis" x="\(f(left - 12))" y="\(f(bottom))" text-anchor="end">\(rows)</text>\
        <text class="axis label" transform="translate(\(f(left - 24)) \(f(top + size / 2))) rotate(-90)" text-anchor="middle">target sentence →</text>\
        </svg>
        """
    }

    /// Horizontal bars, one per finding code, coloured by the code's worst severity; each bar
    /// carries its code so the page's script can filter on a click.
    static func codeBars(_ summary: PairSummary) -> String {
        guard let most = summary.byCode.first?.count else { return "<p class=\"none\">No findings.</p>" }
        let row = 22.0, labelWidth = 178.0, barWidth = 190.0
        func f(_ v: Double) -> String { HTML.fixed(v, 1) }
        var bars = ""
        for (i, entry) in summary.byCode.enumerated() {
            let y = Double(i) * row, width = max(2, Double(entry.count) / Double(most) * barWidth)
            let code = HTML.escape(entry.code)
            bars += "<g class=\"bar sv-\(entry.worst.rawValue)\" data-code=\"\(code)\"><title>\(code): \(entry.count) finding\(entry.count == 1 ? "" : "s"), worst \(entry.worst.rawValue)</title>"
            bars += "<text class=\"code\" x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(code)</text>"
            bars += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(width))\" height=\"14\" rx=\"2\"/>"
            bars += "<text class=\"count\" x=\"\(f(labelWidth + width + 5))\" y=\"\(f(y + 15))\">\(entry.count)</text></g>"
        }
        return "<svg class=\"bars\" viewBox=\"0 0 \(f(labelWidth + barWidth + 36)) \(f(Double(summary.byCode.count) * row + 6))\" role=\"img\" aria-label=\"Findings by code\">\(bars)</svg>"
    }
}
