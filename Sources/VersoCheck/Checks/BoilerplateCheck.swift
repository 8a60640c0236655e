/// Site boilerplate: headers, footers, breadcrumbs, share widgets and cookie notices that a web
/// page adds around an article ("Dernières Nouvelles | News 24", "Source link", "Lire aussi").
/// A segment is boilerplate when, folded, it is one of the phrases of the aligner's
/// `Data/boilerplate.txt` or starts with one and is short, or when it is a short title with a
/// " | " site separator and no counterpart on the other side (``VersoAlign/Boilerplate``; the
/// aligner has already given such segments beads of their own). Such pairs should be dropped
/// from a corpus.
public struct BoilerplateCheck: Check {
    public static let info = CheckInfo(
        code: "boilerplate", category: .design, severity: .minor,
        summary: "Site headers, footers and share widgets that are not part of the text.",
        example: "∅ ⇒ “Source link”",
        proseOnly: false)

    public init() {}

    public func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads {
            for (side, analysis, isNull) in [(Side.target, bead.target, bead.isAddition), (Side.source, bead.source, bead.isOmission)] {
                for sentence in analysis.sentences where document.boilerplate.matches(sentence, unpaired: isNull) {
                    findings.append(Self.info.finding(
                        bead: bead.index,
                        "\(CheckText.quote(sentence)) looks like site boilerplate (header, footer or widget), not part of the \(side == .target ? "translation" : "source text")",
                        side: side, span: analysis.span(ofText: sentence),
                        suggestion: "drop this segment from the corpus"))
                }
            }
        }
        return findings
    }
}
