/// Source content with no counterpart in the translation:
/// - a whole source sentence left untranslated (a 1-0 bead);
/// - part of a name dropped: in a run of capitalised words ("anti-North Korean") one part is
///   mentioned fewer times in the target than in the source while the other parts are all
///   there ("anti-coréenne");
/// - a clause dropped: the target is much shorter than the document's usual length ratio
///   predicts and a run of 4+ source content words has no counterpart (needs a dictionary).
import VersoText

struct OmissionCheck: Check {
    static let info = CheckInfo(
        code: "omission", category: .accuracy, severity: .major,
        summary: "Source content with no counterpart: a sentence, a clause or part of a name.",
        example: "“anti-North Korean propaganda” ⇒ “propagande anti-coréenne”")

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads {
            if bead.isOmission {
                let text = bead.source.text
                if BoilerplateCheck.isBoilerplate(text, phrases: document.sourceResources.boilerplate, unpaired: true) { continue }
                findings.append(Self.info.finding(
                    bead: bead.index, "the source sentence \(CheckText.quote(text)) has no translation",
                    side: .source, span: 0..<text.unicodeScalars.count, suggestion: "translate it, or check the alignment"))
                continue
            }
            guard !bead.isAddition else { continue }
            findings += namePartDropped(bead, document: document)
            if let f = OmissionCheck.gap(bead, document: document, sourceSide: true) { findings.append(f) }
        }
        return findings
    }

    /// "North" in "anti-North Korean" with "Korean" rendered and "North" not.
    private func namePartDropped(_ bead: AnalyzedBead, document: CheckDocument) -> [Finding] {
        let tokens = bead.source.tokens
        let initial = CheckText.sentenceInitialWords(bead.source)
        func targetCount(_ word: String) -> Int {
            bead.target.tokens.filter { $0.kind == .word && ($0.folded == word || document.lexicon.isLinked(source: word, target: $0.folded)) }.count
        }
        func sourceCount(_ word: String) -> Int { tokens.filter { $0.folded == word }.count }
        var findings: [Finding] = []
        var reported = Set<String>()
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, CheckText.isCapitalized(tokens[i]) else { i += 1; continue }
            var run = [i]
            var j = i + 1
            while j < tokens.count {
                if tokens[j].kind == .word && CheckText.isCapitalized(tokens[j]) { run.append(j); j += 1; continue }
                if tokens[j].text == "-", j + 1 < tokens.count, CheckText.isCapitalized(tokens[j + 1]) { j += 1; continue }
                break
            }
            i = j
            guard run.count >= 2 else { continue }
            let parts = run.map { tokens[$0] }
            let deficits = parts.map { sourceCount($0.folded) - targetCount($0.folded) }
            guard deficits.contains(where: { $0 <= 0 }) else { continue }
            for (part, deficit) in zip(parts, deficits) where deficit > 0 && !reported.contains(part.folded)
                && part.folded.count >= 3 && !document.sourceResources.functionWords.contains(part.folded) {
                // Only when the word has some rendering in the target at all (otherwise it is a
                // name the lexicon cannot see), and only for the run whose other parts are
                // rendered without it nearby ("Corée du Nord" renders one "North Korea").
                guard targetCount(part.folded) > 0,
                      !renderedTogether(part.folded, with: parts.filter { $0.folded != part.folded }.map(\.folded), bead, document) else { continue }
                reported.insert(part.folded)
                findings.append(Self.info.finding(
                    bead: bead.index,
                    "“\(part.text)” in “\(parts.map(\.text).joined(separator: " "))” is not rendered in the translation (\(sourceCount(part.folded))× in the source, \(targetCount(part.folded))× in the target)",
                    side: .source, span: bead.source.span(of: part), severity: .minor))
            }
        }
        return findings
    }

    /// Whether a target rendering of `word` stands within three words of a rendering of one of
    /// `others`.
    private func renderedTogether(_ word: String, with others: [String], _ bead: AnalyzedBead, _ document: CheckDocument) -> Bool {
        let t = bead.target.tokens.filter { $0.kind == .word }
        func renders(_ token: Token, _ w: String) -> Bool { token.folded == w || document.lexicon.isLinked(source: w, target: token.folded) }
        for (i, token) in t.enumerated() where renders(token, word) {
            for j in max(0, i - 3)...min(t.count - 1, i + 3) where j != i && others.contains(where: { renders(t[j], $0) }) { return true }
        }
        return false
    }

    /// A long uncovered run on one side with a length ratio far from the document's.
    static func gap(_ bead: AnalyzedBead, document: CheckDocument, sourceSide: Bool) -> Finding? {
        guard document.lexicon is CheckDictionary else { return nil }
        let side = sourceSide ? bead.source : bead.target
        let other = sourceSide ? bead.target : bead.source
        guard side.words.count >= 8 else { return nil }
        let ratio = Double(bead.target.text.count) / Double(max(bead.source.text.count, 1)) / document.lengthRatio
        guard sourceSide ? ratio < 0.6 : ratio > 1.65 else { return nil }
        let coverage = Coverage(of: side, in: other, lexicon: document.lexicon, sourceToTarget: sourceSide)
        let resources = sourceSide ? document.sourceResources : document.targetResources
        guard let gap = coverage.longestGap(side, functionWords: resources.functionWords), gap.contentWords >= 4 else { return nil }
        let span = side.span(of: side.tokens[gap.range.lowerBound]).lowerBound..<side.span(of: side.tokens[gap.range.upperBound - 1]).upperBound
        let text = String(side.text.unicodeScalars.dropFirst(span.lowerBound).prefix(span.count))
        if sourceSide {
            return info.finding(bead: bead.index, "\(CheckText.quote(text)) seems to have no counterpart in the translation (the target is \(Int((1 - ratio) * 100))% shorter than usual)",
                                side: .source, span: span)
        }
        return AdditionCheck.info.finding(bead: bead.index, "\(CheckText.quote(text)) seems to have no counterpart in the source (the target is \(Int((ratio - 1) * 100))% longer than usual)",
                                          side: .target, span: span)
    }
}
