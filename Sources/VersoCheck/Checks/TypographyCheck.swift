import VersoText

/// French typographic conventions in the target (severity `info` or `minor`, never more):
///
/// - a no-break space (U+202F narrow or U+00A0) before « : ; ! ? » and » and after «: none at
///   all ("Bonjour!", «oui») is `minor`; a plain space ("Bonjour !") is `info` only, since it
///   is what most French web text does and the line may break there;
/// - straight quotes "…" in French prose where « » are expected (`minor`), and English “ ” as
///   outer quotes (`info`; they are right inside « »);
/// - an English decimal point in a French number ("3.5" for "3,5") when the source has the same
///   literal (`minor`); labels such as "section 3.2" or "version 2.4" are left alone
///   (`Data/number-labels.fr.txt`), so are dotted codes ("192.168.1.1") and thousands ("1.250").
///
/// Only French targets are checked; other target languages get no typography findings (their
/// conventions differ: English puts no space before "?").
struct TypographyCheck: Check {
    static let info = CheckInfo(
        code: "typography", category: .localeConvention, severity: .info,
        summary: "French spacing and quote conventions (no-break space before : ; ! ? », « » quotes, decimal comma).",
        example: "“Really?” ⇒ “Vraiment?”",
        proseOnly: true)

    static let spaceBefore: Set<Unicode.Scalar> = [":", ";", "!", "?", "»"]
    static let noBreakSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{202F}"]

    func run(_ document: CheckDocument) -> [Finding] {
        guard document.targetResources.language == "fr" else { return [] }
        let labels = document.targetResources.numberLabels
        var findings: [Finding] = []
        for bead in document.beads where !bead.target.text.isEmpty {
            findings += spacing(bead)
            findings += straightQuotes(bead)
            findings += englishQuotes(bead)
            findings += decimalPoints(bead, labels: labels)
        }
        return findings
    }

    /// Spaces before « : ; ! ? » » and after «.
    private func spacing(_ bead: AnalyzedBead) -> [Finding] {
        let s = Array(bead.target.text.unicodeScalars)
        var findings: [Finding] = []
        for i in s.indices {
            let c = s[i]
            let gap: Int
            if TypographyCheck.spaceBefore.contains(c) {
                guard i > 0, !TypographyCheck.spaceBefore.contains(s[i - 1]), s[i - 1] != "…", s[i - 1] != "«" else { continue }
                // Inside a token: "15:30", "http://", "?id=3".
                if c != "»", i + 1 < s.count, !s[i + 1].properties.isWhitespace, !"»”\")]…".unicodeScalars.contains(s[i + 1]),
                   !TypographyCheck.spaceBefore.contains(s[i + 1]) { continue }
                gap = i - 1
            } else if c == "«" {
                guard i + 1 < s.count else { continue }
                gap = i + 1
            } else {
                continue
            }
            let position = c == "«" ? "after" : "before"
            if TypographyCheck.noBreakSpaces.contains(s[gap]) { continue }
            if s[gap] == " " {
                findings.append(Self.info.finding(bead: bead.index, "plain space \(position) “\(c)”: French uses a no-break space (U+202F) there so the line cannot break",
                                                  side: .target, span: gap..<(gap + 1), severity: .info, suggestion: "replace the space with U+202F"))
            } else {
                findings.append(Self.info.finding(bead: bead.index, "no space \(position) “\(c)”: French puts a no-break space (U+202F) there",
                                                  side: .target, span: i..<(i + 1), severity: .minor, suggestion: "insert U+202F \(position) “\(c)”"))
            }
        }
        return findings
    }

    /// Straight double quotes used as quotation marks (not inch marks after a digit).
    private func straightQuotes(_ bead: AnalyzedBead) -> [Finding] {
        let s = Array(bead.target.text.unicodeScalars)
        let quotes = s.indices.filter { s[$0] == "\"" && ($0 == 0 || !Numbers.isDigit(s[$0 - 1])) }
        guard quotes.count >= 2, let first = quotes.first else { return [] }
        return [Self.info.finding(bead: bead.index, "straight quotes \"…\" in French text: use « » (with no-break spaces inside)",
                                  side: .target, span: first..<(first + 1), severity: .minor, suggestion: "« … »")]
    }

    /// English curly quotes “…” as the outer quotation marks of French text (they are right only
    /// inside « », as second-level quotes): `info`.
    private func englishQuotes(_ bead: AnalyzedBead) -> [Finding] {
        let s = Array(bead.target.text.unicodeScalars)
        var depth = 0
        for (i, c) in s.enumerated() {
            if c == "«" { depth += 1 } else if c == "»" { depth = max(0, depth - 1) }
            else if c == "“", depth == 0, s[(i + 1)...].contains("”") {
                return [Self.info.finding(bead: bead.index, "English quotes “…” in French text: French uses « » (“ ” only inside « »)",
                                          side: .target, span: i..<(i + 1), severity: .info, suggestion: "« … »")]
            }
        }
        return []
    }

    /// "3.5" in a French target, copied from an English source.
    private func decimalPoints(_ bead: AnalyzedBead, labels: Set<String>) -> [Finding] {
        let s = Array(bead.target.text.unicodeScalars)
        let sourceText = bead.source.text
        var findings: [Finding] = []
        var i = 0
        while i < s.count {
            guard Numbers.isDigit(s[i]), i == 0 || !Numbers.isAlphanumeric(s[i - 1]) && s[i - 1] != "." else { i += 1; continue }
            let end = Numbers.literalEnd(s, from: i)
            let literal = Numbers.text(s, i..<end)
            defer { i = max(end, i + 1) }
            let parts = literal.split(separator: ".", omittingEmptySubsequences: false)
            // Section numbers ("1.1. Qu'est-ce que …", "voir 4.2.") end with a period of their own.
            if end < s.count && s[end] == "." { continue }
            if s[..<i].allSatisfy({ $0.properties.isWhitespace }) { continue }
            guard parts.count == 2, !literal.contains(","), parts[1].count != 3,
                  end == s.count || !(s[end] == "." && end + 1 < s.count && Numbers.isDigit(s[end + 1])),
                  sourceText.contains(literal) else { continue }
            let before = bead.target.text.unicodeScalars.prefix(i)
            let previousWord = Folding.fold(String(String(before).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).last ?? ""))
            if labels.contains(previousWord.trimmingPunctuation) { continue }
            findings.append(Self.info.finding(bead: bead.index, "“\(literal)” uses an English decimal point: French writes \(literal.replacing(".", with: ","))",
                                              side: .target, span: i..<end, severity: .minor, suggestion: literal.replacing(".", with: ",")))
        }
        return findings
    }
}

private extension String {
    var trimmingPunctuation: String { String(unicodeScalars.filter { $0.properties.isAlphabetic }) }
}
