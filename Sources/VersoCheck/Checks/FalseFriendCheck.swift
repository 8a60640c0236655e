import VersoText

/// A false friend: the target uses the look-alike of a source word, which means something
/// else ("effectively ended" ⇒ "effectivement aboli": "effectivement" means "actually"). Pairs
/// live in `Data/false-friends.<src>-<tgt>.txt` with the source words that would make the
/// look-alike right ("actually" for "effectivement"), so a correct use is not flagged.
struct FalseFriendCheck: Check {
    static let info = CheckInfo(
        code: "false-friend", category: .accuracy, severity: .major,
        summary: "A look-alike word that means something else in the target language.",
        example: "“effectively ended” ⇒ “effectivement aboli”",
        proseOnly: true)

    struct Pair: Sendable {
        let source: String, target: String, meaning: String, licensedBy: [String]

        /// `source<TAB>target<TAB>meaning<TAB>licensing;words`, a line of the data file.
        init?(line: String) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4 else { return nil }
            (source, target, meaning) = (Folding.fold(f[0]), Folding.fold(f[1]), f[2])
            licensedBy = f[3].split(separator: ";").map { Folding.fold(String($0)) }
        }
    }

    func run(_ document: CheckDocument) -> [Finding] {
        let pairs = document.pairResources.falseFriends
        guard !pairs.isEmpty else { return [] }
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            let sourceText = " " + Folding.fold(bead.source.text) + " "
            for pair in pairs {
                guard let sourceWord = bead.source.words.first(where: { $0.folded.hasPrefix(pair.source) }),
                      let targetWord = bead.target.words.first(where: { $0.folded.hasPrefix(pair.target) }) else { continue }
                if pair.licensedBy.contains(where: { sourceText.contains(" \($0) ") }) { continue }
                findings.append(Self.info.finding(
                    bead: bead.index,
                    "“\(targetWord.text)” means “\(pair.meaning)”, not “\(sourceWord.text)”: a false friend",
                    side: .target, span: bead.target.span(of: targetWord)))
            }
        }
        return findings
    }

}
