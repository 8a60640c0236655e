import Foundation

/// Garbled word order or a broken noun phrase: English order kept in French
/// ("dans Nord coréen des médias d’État" for "in North Korean state media"), an English
/// possessive rendered by juxtaposition ("les efforts de Poutine guerre" for "Putin's war
/// efforts"). Patterns per target language live in `Data/word-order.<lang>.txt`; the
/// possessive rule needs the source ("X's Y") and the lexicon (Y's translation right after X).
struct WordOrderCheck: Check {
    static let info = CheckInfo(
        code: "word-order", category: .fluency, severity: .major,
        summary: "Garbled word order or a broken noun phrase.",
        example: "“in North Korean state media” ⇒ “dans Nord coréen des médias d’État”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        let patterns = WordOrderCheck.compile(document.targetResources.wordOrderPatterns)
        var findings: [Finding] = []
        for bead in document.beads where !bead.bead.target.isEmpty {
            var flagged: [Range<Int>] = []
            for (regex, message) in patterns {
                let text = bead.target.text
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let r = Range(match.range, in: text) else { continue }
                    let span = bead.target.span(text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound))
                    if flagged.contains(where: { $0.overlaps(span) }) { continue }
                    flagged.append(span)
                    findings.append(Self.info.finding(bead: bead.index, "\(CheckText.quote(String(text[r]))): \(message)", side: .target, span: span))
                }
            }
            if !bead.bead.source.isEmpty { findings += possessiveCalque(bead, lexicon: document.lexicon, flagged: flagged) }
        }
        return findings
    }

    /// "Putin's war efforts" ⇒ "Poutine guerre": a capitalised target word followed at once by
    /// a translation of the word that follows the possessive in the source.
    private func possessiveCalque(_ bead: AnalyzedBead, lexicon: CheckLexicon, flagged: [Range<Int>]) -> [Finding] {
        let s = bead.source.tokens
        var owned: [(owner: String, owned: String)] = []
        for i in 0..<s.count where s[i].kind == .word && CheckText.isCapitalized(s[i]) {
            // ICU keeps "Putin's" as one word; the possessed word is the next word.
            let possessive = s[i].text.hasSuffix("'s") || s[i].text.hasSuffix("’s")
            if possessive, let next = s[(i + 1)...].first(where: { $0.kind == .word }) {
                owned.append((String(s[i].folded.dropLast(2)), next.folded))
            }
        }
        guard !owned.isEmpty else { return [] }
        let t = bead.target.tokens
        let initial = CheckText.sentenceInitialWords(bead.target)
        var findings: [Finding] = []
        for i in 0..<(max(t.count, 1) - 1) where t[i].kind == .word && CheckText.isCapitalized(t[i]) && !initial.contains(i) {
            let next = t[i + 1]
            guard next.kind == .word, next.text.first?.isLowercase == true, next.folded.count >= 4,
                  owned.contains(where: { pair in
                      lexicon.isLinked(source: pair.owned, target: next.folded)
                          && (lexicon.isLinked(source: pair.owner, target: t[i].folded) || CheckText.similarNames(pair.owner, t[i].folded))
                  }) else { continue }
            let span = bead.target.span(of: t[i]).lowerBound..<bead.target.span(of: next).upperBound
            if flagged.contains(where: { $0.overlaps(span) }) { continue }
            findings.append(Self.info.finding(
                bead: bead.index, "“\(t[i].text) \(next.text)” keeps the English possessive order (“X’s Y”); French needs “\(next.text) de \(t[i].text)”",
                side: .target, span: span))
        }
        return findings
    }

    /// The patterns as regular expressions (a test checks that every pattern of the data files compiles).
    static func compile(_ patterns: [(pattern: String, message: String)]) -> [(NSRegularExpression, String)] {
        patterns.compactMap { entry in (try? NSRegularExpression(pattern: entry.pattern)).map { ($0, entry.message) } }
    }
}
