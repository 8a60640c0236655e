import VersoText

/// A stray period that cuts a sentence in two: "repousser les soldats nord-coréens. qui a
/// temporairement traversé" (a period followed by a lower-case word that is not after an
/// abbreviation), or a fragment segment such as "ONU." that the aligner had to attach to the
/// sentence before (a short piece in a bead whose source is one sentence).
struct SpuriousBreakCheck: Check {
    static let info = CheckInfo(
        code: "spurious-break", category: .fluency, severity: .major,
        summary: "A stray period splits a sentence, or a fragment stands as a sentence.",
        example: "“… North Korean soldiers who briefly crossed …” ⇒ “… soldats nord-coréens. qui a traversé …”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let data = document.targetResources.segmentation
        for bead in document.beads where !bead.isAddition {
            findings += strayPeriods(in: bead, data: data)
            findings += fragments(in: bead)
        }
        return findings
    }

    /// ". " followed by a lower-case word, inside a target sentence.
    private func strayPeriods(in bead: AnalyzedBead, data: LanguageData) -> [Finding] {
        let tokens = bead.target.tokens
        var findings: [Finding] = []
        guard tokens.count >= 3 else { return [] }
        let sourceHasSame = SpuriousBreakCheck.hasPeriodBeforeLowercase(bead.source.tokens, text: bead.source.text)
        for i in 1..<(tokens.count - 1) where tokens[i].text == "." {
            let before = tokens[i - 1], after = tokens[i + 1]
            guard after.kind == .word, after.text.first?.isLowercase == true,
                  before.byteRange.upperBound == tokens[i].byteRange.lowerBound,
                  tokens[i].byteRange.upperBound < after.byteRange.lowerBound else { continue }
            // Abbreviations ("etc. et", "M. le") and ellipses are not stray.
            if data.nonBreaking.contains(before.text + ".") || data.ambiguous.contains(before.text + ".") { continue }
            if before.text.count == 1 || before.kind == .number || sourceHasSame { continue }
            if i >= 2, tokens[i - 2].text == "." { continue }
            let from = bead.target.span(of: before).lowerBound
            let to = bead.target.span(of: after).upperBound
            let shown = String(bead.target.text.unicodeScalars.dropFirst(from).prefix(to - from))
            findings.append(Self.info.finding(
                bead: bead.index, "a stray period splits the sentence at \(CheckText.quote(shown))",
                side: .target, span: bead.target.span(of: tokens[i]), suggestion: "remove the period"))
        }
        return findings
    }

    /// Sentence ends in a text given as one segment: [.!?] followed by a space and a capital,
    /// or at the end.
    static func sentenceEnds(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        for (i, c) in scalars.enumerated() where c == "." || c == "!" || c == "?" {
            if i == scalars.count - 1 { count += 1; continue }
            if scalars[i + 1] == " ", i + 2 < scalars.count, scalars[i + 2].properties.isUppercase { count += 1 }
        }
        return count
    }

    static func hasPeriodBeforeLowercase(_ tokens: [Token], text: String) -> Bool {
        guard tokens.count >= 3 else { return false }
        for i in 1..<(tokens.count - 1) where tokens[i].text == "." && tokens[i + 1].kind == .word
            && tokens[i + 1].text.first?.isLowercase == true && tokens[i - 1].text.count > 1 {
            return true
        }
        return false
    }

    /// A target sentence of one or two words after another sentence of the same bead, when the
    /// source side is a single sentence: the translation broke a sentence where the source did not.
    private func fragments(in bead: AnalyzedBead) -> [Finding] {
        guard bead.bead.target.count >= 2, bead.bead.source.count == 1,
              SpuriousBreakCheck.sentenceEnds(bead.source.text) < bead.bead.target.count else { return [] }
        var findings: [Finding] = []
        var offset = 0
        for (k, sentence) in bead.bead.target.enumerated() {
            defer { offset += sentence.unicodeScalars.count + 1 }
            guard k > 0 else { continue }
            let words = CheckText.foldedWords(sentence)
            guard (1...2).contains(words.count), sentence.count <= 24 else { continue }
            let previous = bead.bead.target[k - 1]
            guard previous.hasSuffix(".") else { continue }
            findings.append(Self.info.finding(
                bead: bead.index,
                "\(CheckText.quote(sentence)) is a fragment cut from the sentence before (\(CheckText.quote(String(previous.suffix(30)))))",
                side: .target, span: offset..<(offset + sentence.unicodeScalars.count),
                suggestion: "join it to the sentence before"))
        }
        return findings
    }
}
