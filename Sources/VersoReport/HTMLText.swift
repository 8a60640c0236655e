import VersoCheck
import VersoText

/// Escaping and number formatting shared by the renderers.
enum HTML {
    /// Appends `scalars` with `& < > " '` replaced by character references: safe in element
    /// content and in quoted attribute values alike.
    /// - Complexity: O(n).
    static func escape<S: Sequence>(_ scalars: S, into out: inout String) where S.Element == Unicode.Scalar {
        for scalar in scalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text` escaped for element content or a quoted attribute value.
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        escape(text.unicodeScalars, into: &out)
        return out
    }

    /// `value` with `digits` decimals ("0.83"); "–" when it is not a finite number.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + String(scaled / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

/// One finding placed in a bead: its number in the bead's list and the id of that list item.
struct NumberedFinding {
    var number: Int
    var id: String
    var finding: Finding

    /// The hover text: severity, code, message and suggestion on one line each.
    var tooltip: String {
        var text = "\(number). \(finding.severity.rawValue) · \(finding.code): \(finding.message)"
        if let suggestion = finding.suggestion { text += "\nSuggestion: \(suggestion)" }
        return text
    }
}

/// One side of a bead rendered as HTML, with each finding's span highlighted.
///
/// Spans are Unicode scalar offsets into the side's sentences joined with one space. The text is
/// cut at every span edge (and at sentence joins) into pieces; a piece covered by findings
/// becomes one `<mark>` naming all of them, so overlapping or nested spans never produce
/// overlapping elements. A numbered marker follows each span's end (an empty span is a marker
/// alone), matching the numbered list of findings beside the text.
enum MarkedText {
    /// - Parameters:
    ///   - sentences: the side's sentences.
    ///   - findings: the findings whose spans point into this side.
    /// - Complexity: O(n + k²) for n scalars and k findings.
    ///   - codes: placeholders of inline markup, shown as chips where they stood.
    static func render(sentences: [String], findings: [NumberedFinding], codes: [InlineCode] = []) -> String {
        let scalars = Array(sentences.joined(separator: " ").unicodeScalars)
        var joins = Set<Int>()
        var position = 0
        for sentence in sentences.dropLast() {
            position += sentence.unicodeScalars.count
            joins.insert(position)
            position += 1
        }
        let spans: [(range: Range<Int>, finding: NumberedFinding)] = findings.compactMap { item in
            guard let span = item.finding.span else { return nil }
            let lower = min(max(span.lowerBound, 0), scalars.count)
            return (lower..<min(max(span.upperBound, lower), scalars.count), item)
        }
        let chips = codes.map { c -> InlineCode in var m = c; m.offset = min(max(0, c.offset), scalars.count); return m }
        let cuts = Set([0, scalars.count]).union(joins).union(spans.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
            .union(chips.map(\.offset)).sorted()

        var out = ""
        out.reserveCapacity(scalars.count + 200 * spans.count)
        for (i, cut) in cuts.enumerated() {
            for span in spans where span.range.upperBound == cut { marker(span.finding, into: &out) }
            if joins.contains(cut) { out += "<span class=\"sb\" title=\"sentence boundary\"></span>" }
            for chip in chips where chip.offset == cut { self.chip(chip, into: &out) }
            guard i + 1 < cuts.count else { break }
            let piece = scalars[cut..<cuts[i + 1]]
            let covering = spans.filter { $0.range.lowerBound <= cut && $0.range.upperBound >= cuts[i + 1] && !$0.range.isEmpty }.map(\.finding)
            guard let worst = covering.map(\.finding.severity).max() else {
                HTML.escape(piece, into: &out)
                continue
            }
            out += "<mark class=\"f sv-\(worst.rawValue)\" data-n=\"\(covering.map { String($0.number) }.joined(separator: " "))\" aria-describedby=\""
            out += HTML.escape(covering.map(\.id).joined(separator: " ")) + "\" title=\""
            out += HTML.escape(covering.map(\.tooltip).joined(separator: "\n")) + "\">"
            HTML.escape(piece, into: &out)
            out += "</mark>"
        }
        return out
    }

    /// A placeholder as a chip: its type (`b`, `/b`, `br`), the markup as written in its title.
    private static func chip(_ code: InlineCode, into out: inout String) {
        let label = code.kind == .close ? "/" + code.type : code.type
        out += "<span class=\"ph\" title=\"\(HTML.escape(code.original))\">\(HTML.escape(label))</span>"
    }

    private static func marker(_ item: NumberedFinding, into out: inout String) {
        out += "<sup class=\"fm sv-\(item.finding.severity.rawValue)\" title=\"\(HTML.escape(item.tooltip))\">\(item.number)</sup>"
    }
}
