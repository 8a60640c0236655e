/// Site boilerplate: headers, footers, breadcrumbs, share widgets and cookie notices that a web
/// page adds around an article ("Dernières Nouvelles | News 24", "Source link", "Lire aussi").
/// A segment is boilerplate when, folded, it is one of the phrases in `Data/boilerplate.txt`
/// or starts with one and is short, or when it is a short title with a " | " site separator
/// and no counterpart on the other side. Such pairs should be dropped from a corpus.
public struct BoilerplateCheck: Check {
    public static let info = CheckInfo(
        code: "boilerplate", category: .design, severity: .minor,
        summary: "Site headers, footers and share widgets that are not part of the text.",
        example: "∅ ⇒ “Source link”",
        proseOnly: false)

    public init() {}

    public func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let phrases = document.targetResources.boilerplate
        for bead in document.beads {
            for (side, analysis, isNull) in [(Side.target, bead.target, bead.isAddition), (Side.source, bead.source, bead.isOmission)] {
                for sentence in analysis.sentences where BoilerplateCheck.isBoilerplate(sentence, phrases: phrases, unpaired: isNull) {
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

    /// Whether a segment is site boilerplate in `language` (see the check's documentation).
    /// `unpaired`: the segment has no counterpart, which lets a short " | " title count too.
    public static func isBoilerplate(_ sentence: String, language: String, unpaired: Bool) -> Bool {
        isBoilerplate(sentence, phrases: LanguageResources.load(language).boilerplate, unpaired: unpaired)
    }

    static func isBoilerplate(_ sentence: String, phrases: [String], unpaired: Bool) -> Bool {
        let words = CheckText.foldedWords(sentence)
        guard !words.isEmpty, words.count <= 12 else { return false }
        let joined = words.joined(separator: " ")
        for phrase in phrases {
            if joined == phrase { return true }
            if words.count <= 6 && (joined.hasPrefix(phrase + " ") || joined.hasSuffix(" " + phrase)) { return true }
            // A longer unpaired line that opens with a navigation phrase ("Lire aussi : …").
            if unpaired && joined.hasPrefix(phrase + " ") && phrase.contains(" ") { return true }
        }
        // "Site name | Section": a short unpaired title with a pipe separator.
        return unpaired && words.count <= 8 && sentence.contains(" | ")
    }
}
