/// Target content with no source: a whole target sentence with no counterpart (a 0-1 bead that
/// is not site boilerplate: a translator's note, an MT disclaimer, an invented sentence), or a
/// clause the target adds (the target much longer than the document's length ratio predicts,
/// with a run of 4+ content words that have no counterpart; needs a dictionary).
struct AdditionCheck: Check {
    static let info = CheckInfo(
        code: "addition", category: .accuracy, severity: .major,
        summary: "Target content with no source: an invented sentence, a note, a clause.",
        example: "∅ ⇒ “(Note du traducteur : ce texte a été traduit automatiquement.)”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads {
            if bead.isAddition {
                for sentence in bead.bead.target {
                    if document.boilerplate.matches(sentence, unpaired: true) { continue }
                    findings.append(Self.info.finding(
                        bead: bead.index, "the target sentence \(CheckText.quote(sentence)) has no counterpart in the source",
                        side: .target, span: bead.target.span(ofText: sentence), suggestion: "remove it, or check the alignment"))
                }
                continue
            }
            guard !bead.isOmission else { continue }
            if let f = OmissionCheck.gap(bead, document: document, sourceSide: false) { findings.append(f) }
        }
        return findings
    }
}
