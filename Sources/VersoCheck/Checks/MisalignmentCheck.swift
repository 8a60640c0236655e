/// A bead whose alignment confidence says the pair is probably not a translation of each other
/// (score below 0.3), or — for pairs with no score, from a translation memory — whose words
/// barely meet: under 10 % of the content words on both sides have a counterpart (needs a dictionary).
struct MisalignmentCheck: Check {
    static let info = CheckInfo(
        code: "misalignment", category: .accuracy, severity: .major,
        summary: "A pair that is probably not a translation of each other.",
        example: "“The weather was fine.” ⇒ “Le contrat est résilié de plein droit.”",
        proseOnly: false)

    static let threshold = 0.3

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            if let score = bead.bead.score {
                if score < Self.threshold {
                    findings.append(Self.info.finding(
                        bead: bead.index, "the aligner's confidence in this pair is \(String(format: "%.2f", score)): it is probably not a translation of the source",
                        side: .both, suggestion: "check the alignment around this pair"))
                }
                continue
            }
            guard document.lexicon is CheckDictionary else { continue }
            let s = Coverage(of: bead.source, in: bead.target, lexicon: document.lexicon, sourceToTarget: true)
            let t = Coverage(of: bead.target, in: bead.source, lexicon: document.lexicon, sourceToTarget: false)
            // Content words only: function words have no dictionary entries.
            func share(_ c: Coverage, _ side: SideAnalysis, _ stop: Set<String>) -> Double {
                let words = side.tokens.indices.filter { side.tokens[$0].kind == .number || side.tokens[$0].kind == .word && side.tokens[$0].folded.count >= 3 && !stop.contains(side.tokens[$0].folded) }
                return Double(words.filter { c.covered[$0] }.count) / Double(max(words.count, 1))
            }
            func contentCount(_ side: SideAnalysis, _ stop: Set<String>) -> Int {
                side.tokens.filter { $0.kind != .punctuation && $0.folded.count >= 3 && !stop.contains($0.folded) }.count
            }
            // Short pairs (idioms, dialogue) say too little to judge, unless their lengths
            // disagree too: a pair of unrelated lines rarely has the length a translation has.
            let sourceContent = contentCount(bead.source, document.sourceResources.functionWords)
            let targetContent = contentCount(bead.target, document.targetResources.functionWords)
            let ratio = Double(bead.target.text.count) / Double(max(bead.source.text.count, 1)) / document.lengthRatio
            let lengthsDisagree = ratio < 0.7 || ratio > 1.4
            guard sourceContent >= 3, targetContent >= 3, lengthsDisagree || (sourceContent >= 6 && targetContent >= 6) else { continue }
            let coverage = max(share(s, bead.source, document.sourceResources.functionWords),
                               share(t, bead.target, document.targetResources.functionWords))
            if coverage < 0.1 {
                findings.append(Self.info.finding(
                    bead: bead.index, "only \(Int(coverage * 100)) % of the words have a counterpart: the pair is probably not a translation",
                    side: .both))
            }
        }
        return findings
    }
}
