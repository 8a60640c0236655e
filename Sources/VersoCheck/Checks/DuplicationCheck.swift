/// A phrase or word said twice where the source says it once: a word doubled ("le le"), or a
/// word pair repeated in one bead ("a déclaré le porte-parole … a déclaré dans un communiqué")
/// when no source word is repeated as often.
struct DuplicationCheck: Check {
    static let info = CheckInfo(
        code: "duplication", category: .fluency, severity: .major,
        summary: "A word or phrase repeated in the translation but not in the source.",
        example: "“… said in a statement.” ⇒ “a déclaré le porte-parole … a déclaré dans un communiqué.”")

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let functionWords = document.targetResources.functionWords
        for bead in document.beads where !bead.bead.target.isEmpty && !bead.bead.source.isEmpty {
            let words = bead.target.words
            let sourceCounts = Dictionary(bead.source.words.map { ($0.folded, 1) }, uniquingKeysWith: +)
            // A word doubled next to itself.
            for i in 1..<max(words.count, 1) where words[i].folded == words[i - 1].folded && words[i].folded.count >= 2
                && (sourceCounts[words[i].folded] ?? 0) < 2 && !bead.source.text.lowercased().contains("\(words[i].text.lowercased()) \(words[i].text.lowercased())")
                && !["vous", "nous", "tres", "si", "plus"].contains(words[i].folded) {
                findings.append(Self.info.finding(bead: bead.index, "“\(words[i].text)” is written twice in a row",
                                                  side: .target, span: bead.target.span(of: words[i - 1]).lowerBound..<bead.target.span(of: words[i]).upperBound,
                                                  suggestion: "delete one"))
            }
            // A word pair with a content word, twice in one target sentence, when no source word
            // that translates it is there twice.
            var sentenceStart = 0
            for sentence in bead.target.sentences {
                defer { sentenceStart += sentence.utf8.count + 1 }
                let range = sentenceStart..<(sentenceStart + sentence.utf8.count)
                let inSentence = words.filter { range.contains($0.byteRange.lowerBound) }
                var seen: Set<String> = []
                for i in 1..<max(inSentence.count, 1) {
                    let a = inSentence[i - 1], b = inSentence[i]
                    guard !(functionWords.contains(a.folded) && functionWords.contains(b.folded)), max(a.folded.count, b.folded.count) >= 5 else { continue }
                    let key = a.folded + " " + b.folded
                    guard !seen.insert(key).inserted else { continue }
                    let contentToken = a.folded.count >= b.folded.count ? a : b
                    let content = contentToken.folded
                    // Names and acronyms come back in a sentence ("de Poutine … de Poutine").
                    if CheckText.isCapitalized(contentToken) { continue }
                    // A source word said twice excuses the repetition when it translates the
                    // repeated word, or when the lexicon cannot tell what it translates.
                    let targetWords = bead.target.words.map(\.folded)
                    let sourceRepeats = sourceCounts.contains { word, count in
                        guard count >= 2, word.count >= 3, !document.sourceResources.functionWords.contains(word) else { return false }
                        return word == content || document.lexicon.isLinked(source: word, target: content)
                            || !targetWords.contains { document.lexicon.isLinked(source: word, target: $0) }
                    }
                    guard !sourceRepeats else { continue }
                    findings.append(Self.info.finding(
                        bead: bead.index, "“\(a.text) \(b.text)” is said twice in one sentence, the source says it once",
                        side: .target, span: bead.target.span(of: a).lowerBound..<bead.target.span(of: b).upperBound,
                        suggestion: "remove the repeated “\(a.text) \(b.text)”"))
                    break
                }
            }
        }
        return findings
    }
}
