import VersoText

/// A phrase or word said twice where the source says it once: a word or phrase doubled in a
/// row ("le le", "à la gare à la gare"), or a word pair said again right after a stray period
/// in one sentence ("a déclaré le porte-parole … au Vietnam. a déclaré dans un communiqué")
/// when no source word that translates it is repeated.
struct DuplicationCheck: Check {
    static let info = CheckInfo(
        code: "duplication", category: .fluency, severity: .major,
        summary: "A word or phrase repeated in the translation but not in the source.",
        example: "“… said in a statement.” ⇒ “a déclaré le porte-parole … a déclaré dans un communiqué.”",
        proseOnly: true)

    /// The first phrase of 1–4 words immediately repeated (only white space or a hyphen between
    /// the copies): the range of both copies in `words`, and the phrase.
    static func immediateRepeat(_ words: [Token], in side: SideAnalysis) -> (Range<Int>, String)? {
        let bytes = Array(side.text.utf8)
        func joinedOnlyBySpace(_ a: Token, _ b: Token) -> Bool {
            bytes[a.byteRange.upperBound..<b.byteRange.lowerBound].allSatisfy { $0 == 0x20 || $0 == 0x2D }
        }
        for n in 1...4 {
            guard words.count >= 2 * n else { break }
            for i in 0...(words.count - 2 * n) {
                let first = words[i..<(i + n)], second = words[(i + n)..<(i + 2 * n)]
                guard zip(first, second).allSatisfy({ $0.folded == $1.folded }),
                      zip(words[i..<(i + 2 * n - 1)], words[(i + 1)..<(i + 2 * n)]).allSatisfy({ joinedOnlyBySpace($0, $1) }),
                      first.contains(where: { $0.folded.count >= 2 }) else { continue }
                let phrase = String(side.text.utf8[side.text.utf8.index(side.text.startIndex, offsetBy: first.first!.byteRange.lowerBound)..<side.text.utf8.index(side.text.startIndex, offsetBy: first.last!.byteRange.upperBound)]) ?? ""
                return (i..<(i + 2 * n), phrase)
            }
        }
        return nil
    }

    /// Whether a "." comes right before the token, inside the sentence.
    static func followsStrayPeriod(_ token: Token, in side: SideAnalysis) -> Bool {
        guard let k = side.tokens.firstIndex(of: token), k > 0 else { return false }
        return side.tokens[k - 1].text == "."
    }

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let functionWords = document.targetResources.functionWords
        for bead in document.beads where !bead.bead.target.isEmpty && !bead.bead.source.isEmpty {
            let words = bead.target.words
            let sourceCounts = Dictionary(bead.source.words.map { ($0.folded, 1) }, uniquingKeysWith: +)
            // A word or phrase (up to four words) said twice in a row: "le le", "à la gare à la
            // gare", "qu’elle qu’elle", "USB-C USB-C" — unless the source repeats itself there too.
            if let (range, phrase) = DuplicationCheck.immediateRepeat(words, in: bead.target),
               DuplicationCheck.immediateRepeat(bead.source.words, in: bead.source) == nil,
               !(range.count == 2 && ["vous", "nous", "tres", "si", "plus", "beaucoup"].contains(words[range.lowerBound].folded)) {
                findings.append(Self.info.finding(bead: bead.index, "“\(phrase)” is written twice in a row",
                                                  side: .target, span: bead.target.span(of: words[range.lowerBound]).lowerBound..<bead.target.span(of: words[range.upperBound - 1]).upperBound,
                                                  suggestion: "delete one “\(phrase)”"))
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
                    // Translators repeat words on purpose ("de votre figure et de votre mérite");
                    // machine translation repeats a phrase around a broken sentence end
                    // ("… au Vietnam. a déclaré"): only the second kind is flagged.
                    guard DuplicationCheck.followsStrayPeriod(a, in: bead.target) else { continue }
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
