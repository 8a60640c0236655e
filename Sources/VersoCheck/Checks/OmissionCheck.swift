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
        example: "“anti-North Korean propaganda” ⇒ “propagande anti-coréenne”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads {
            if bead.isOmission {
                let text = bead.source.text
                if document.boilerplate.matches(text, unpaired: true) { continue }
                findings.append(Self.info.finding(
                    bead: bead.index, "the source sentence \(CheckText.quote(text)) has no translation",
                    side: .source, span: 0..<text.unicodeScalars.count, suggestion: "translate it, or check the alignment"))
                continue
            }
            guard !bead.isAddition else { continue }
            findings += namePartDropped(bead, document: document)
            findings += connectorsDropped(bead, document: document)
            findings += possessorDropped(bead, document: document)
            if let f = OmissionCheck.gap(bead, document: document, sourceSide: true) { findings.append(f) }
        }
        return findings
    }

    /// "North" in "anti-North Korean" with "Korean" rendered and "North" not.
    private func namePartDropped(_ bead: AnalyzedBead, document: CheckDocument) -> [Finding] {
        let tokens = bead.source.tokens
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
                // A part with no rendering at all counts only inside a hyphenated compound
                // ("anti-North Korean"): elsewhere it may be a name the lexicon cannot see.
                let k = tokens.firstIndex(of: part) ?? 0
                let hyphenated = k > 0 && tokens[k - 1].text == "-"
                let known = targetCount(part.folded) > 0 || hyphenated && document.lexicon.knows(part.folded, language: document.sourceLanguage) == true
                guard known,
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

    /// "not only …, but also …, but also …" ⇒ "non seulement …, mais aussi …, mais …": a
    /// connector of `Data/connectors.<src>-<tgt>.txt` said more often in the source.
    private func connectorsDropped(_ bead: AnalyzedBead, document: CheckDocument) -> [Finding] {
        let source = " " + CheckText.foldedWords(bead.source.text).joined(separator: " ") + " "
        let target = " " + CheckText.foldedWords(bead.target.text).joined(separator: " ") + " "
        func count(_ phrase: String, in text: String) -> Int { text.components(separatedBy: " \(phrase) ").count - 1 }
        var findings: [Finding] = []
        for connector in document.pairResources.connectors {
            let f = [connector.text, connector.renderingsText]
            let s = count(connector.phrase, in: source), t = connector.renderings.map { count($0, in: target) }.reduce(0, +)
            guard s > t else { continue }
            findings.append(Self.info.finding(
                bead: bead.index, "“\(f[0])” appears \(s)× in the source but is rendered \(t)× (\(f[1].split(separator: ";").prefix(2).map { "“\($0)”" }.joined(separator: ", ")) …): part of the meaning is dropped",
                side: .source, span: bead.source.span(ofText: f[0]), severity: .minor))
        }
        return findings
    }

    /// "North Korea’s firm support" ⇒ "son ferme soutien" when North Korea is then mentioned
    /// fewer times in the target than in the source: the possessor became a pronoun that
    /// points elsewhere.
    private func possessiveDeterminers(_ language: String) -> Set<String> {
        ["fr": ["son", "sa", "ses", "leur", "leurs"], "de": ["sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem"],
         "en": ["his", "her", "its", "their"]][LanguageData.baseLanguage(language)] ?? []
    }

    private func possessorDropped(_ bead: AnalyzedBead, document: CheckDocument) -> [Finding] {
        let determiners = possessiveDeterminers(document.targetLanguage)
        guard !determiners.isEmpty else { return [] }
        let s = bead.source.tokens, t = bead.target.words
        var findings: [Finding] = []
        for (i, token) in s.enumerated() where token.kind == .word && CheckText.isCapitalized(token)
            && (token.text.hasSuffix("’s") || token.text.hasSuffix("'s")) {
            let owner = String(token.folded.dropLast(2))
            let owned = s[(i + 1)...].filter { $0.kind == .word }.prefix(2).map(\.folded)
            guard owner.count >= 3, !owned.isEmpty else { continue }
            func renders(_ w: Token, _ word: String) -> Bool { w.folded == word || document.lexicon.isLinked(source: word, target: w.folded) }
            let sourceMentions = s.filter { $0.folded == owner || $0.folded == owner + "'s" }.count
            let targetMentions = t.filter { renders($0, owner) || CheckText.similarNames(owner, $0.folded) }.count
            guard targetMentions < sourceMentions else { continue }
            for (k, w) in t.enumerated() where determiners.contains(w.folded) {
                let next = t[(k + 1)..<min(t.count, k + 3)]
                guard next.contains(where: { n in owned.contains { renders(n, $0) } }) else { continue }
                var name = [token.text.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")]
                var j = i - 1
                while j >= 0, s[j].kind == .word, CheckText.isCapitalized(s[j]) { name.insert(s[j].text, at: 0); j -= 1 }
                let shown = ([w] + Array(next)).map(\.text).joined(separator: " ")
                findings.append(Self.info.finding(
                    bead: bead.index,
                    "“\(name.joined(separator: " "))’s” became “\(shown)”: the possessor is lost (\(sourceMentions)× in the source, \(targetMentions)× in the target)",
                    side: .target, span: bead.target.span(of: w).lowerBound..<bead.target.span(of: next.last!).upperBound, severity: .minor))
                break
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
        guard sourceSide ? ratio < 0.55 : ratio > 1.6 else { return nil }
        let coverage = Coverage(of: side, in: other, lexicon: document.lexicon, sourceToTarget: sourceSide)
        let resources = sourceSide ? document.sourceResources : document.targetResources
        guard let gap = coverage.longestGap(side, functionWords: resources.functionWords),
              gap.contentWords >= (sourceSide ? 5 : (ratio > 1.8 ? 3 : 4)) else { return nil }
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
