import VersoText

/// Terminology: a glossary term not respected (`--glossary FILE`, CSV/TSV or TBX: when a bead's
/// source contains the source term, its target must contain the target term; a term marked
/// “do not translate” must be kept as written; a forbidden term must not be used; terms match
/// with inflection, “paquets” for “paquet”, see ``GlossaryEntry``), and one source
/// sentence or term rendered two ways in one document: the same source sentence translated
/// differently, or a capitalised multi-word source term whose rendering in one bead is absent
/// from another bead that has the same term.
struct TerminologyCheck: Check {
    static let info = CheckInfo(
        code: "terminology-inconsistency", category: .terminology, severity: .minor,
        summary: "A glossary term not respected, or one source term translated two ways.",
        example: "“Security Council” ⇒ “Conseil de sécurité” here, “Conseil de la sécurité” there",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        glossary(document) + repeatedSentences(document) + repeatedTerms(document)
    }

    private func glossary(_ document: CheckDocument) -> [Finding] {
        guard !document.glossary.isEmpty,
              let sourceTokenizer = try? WordTokenizer(language: document.sourceLanguage),
              let targetTokenizer = try? WordTokenizer(language: document.targetLanguage) else { return [] }
        let sourceMatcher = TermMatcher(language: document.sourceLanguage), targetMatcher = TermMatcher(language: document.targetLanguage)
        struct Prepared { let entry: GlossaryEntry; let source: TermMatcher.Term?; let targets: [TermMatcher.Term]; let kept: TermMatcher.Term? }
        let entries = document.glossary.map { entry in
            Prepared(entry: entry, source: entry.source.isEmpty ? nil : sourceMatcher.term(entry.source, tokenizer: sourceTokenizer),
                     targets: ([entry.target] + entry.alternatives).map { targetMatcher.term($0, tokenizer: targetTokenizer) },
                     kept: entry.rule == .doNotTranslate ? targetMatcher.term(entry.source, tokenizer: targetTokenizer) : nil)
        }
        // The preferred rendering of each source term, for forbidden terms' suggestions.
        let preferred = Dictionary(document.glossary.filter { $0.rule == .translate }.map { (Folding.fold($0.source), $0.target) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        for bead in document.beads where !bead.bead.target.isEmpty {
            let sourceWords = sourceMatcher.words(bead.source.tokens), targetWords = targetMatcher.words(bead.target.tokens)
            func span(_ side: SideAnalysis, _ tokens: Range<Int>) -> Range<Int> {
                side.span(side.tokens[tokens.lowerBound].byteRange.lowerBound..<side.tokens[tokens.upperBound - 1].byteRange.upperBound)
            }
            func quoted(_ side: SideAnalysis, _ tokens: Range<Int>) -> String {
                let bytes = side.tokens[tokens.lowerBound].byteRange.lowerBound..<side.tokens[tokens.upperBound - 1].byteRange.upperBound
                return "“" + String(decoding: Array(side.text.utf8)[bytes], as: UTF8.self) + "”"
            }
            for p in entries {
                let hit = p.source.flatMap { sourceMatcher.matches($0, in: sourceWords, caseSensitive: p.entry.caseSensitive).first }
                switch p.entry.rule {
                case .translate:
                    guard let hit else { continue }
                    if p.targets.contains(where: { !targetMatcher.matches($0, in: targetWords, caseSensitive: p.entry.caseSensitive).isEmpty }) { continue }
                    findings.append(Self.info.finding(
                        bead: bead.index, "glossary entry \(p.entry.label): \(quoted(bead.source, hit)) is to be translated “\(p.entry.target)”, not found in the target",
                        side: .source, span: span(bead.source, hit), severity: .major, suggestion: "use “\(p.entry.target)”"))
                case .doNotTranslate:
                    guard let hit, let kept = p.kept else { continue }
                    if !targetMatcher.matches(kept, in: targetWords, caseSensitive: p.entry.caseSensitive).isEmpty { continue }
                    findings.append(Self.info.finding(
                        bead: bead.index, "glossary entry \(p.entry.label): \(quoted(bead.source, hit)) is not to be translated, and the target does not keep it",
                        side: .source, span: span(bead.source, hit), severity: .major, suggestion: "keep “\(p.entry.source)” as written"))
                case .forbidden:
                    if p.source != nil && hit == nil { continue }
                    for term in p.targets {
                        for used in targetMatcher.matches(term, in: targetWords, caseSensitive: p.entry.caseSensitive) {
                            let instead = preferred[Folding.fold(p.entry.source)]
                            findings.append(Self.info.finding(
                                bead: bead.index, "glossary entry \(p.entry.label): \(quoted(bead.target, used)) is a forbidden term",
                                side: .target, span: span(bead.target, used), severity: .major,
                                suggestion: instead.map { "use “\($0)”" } ?? "reword without it"))
                        }
                    }
                }
            }
        }
        return findings
    }

    /// The same source sentence (6+ words) translated two ways.
    private func repeatedSentences(_ document: CheckDocument) -> [Finding] {
        var first: [String: (Int, String)] = [:]
        var findings: [Finding] = []
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            let words = CheckText.foldedWords(bead.source.text)
            guard words.count >= 6 else { continue }
            let key = words.joined(separator: " ")
            // Numbers are left out: a changed number is the number check's finding.
            let rendering = CheckText.foldedWords(bead.target.text).filter { !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
            if let (index, earlier) = first[key] {
                if earlier != rendering {
                    findings.append(Self.info.finding(
                        bead: bead.index, "the same source sentence was translated differently in bead \(index + 1)",
                        side: .target, span: 0..<bead.target.text.unicodeScalars.count))
                }
            } else {
                first[key] = (bead.index, rendering)
            }
        }
        return findings
    }

    /// A capitalised multi-word term ("Security Council") whose target words in its first bead
    /// are missing from a later bead with the same term, which renders it otherwise.
    private func repeatedTerms(_ document: CheckDocument) -> [Finding] {
        var renderings: [String: (bead: Int, words: Set<String>)] = [:]
        var findings: [Finding] = []
        let stop = document.targetResources.functionWords
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            let initial = CheckText.sentenceInitialWords(bead.source)
            let tokens = bead.source.tokens
            let targetWords = Set(bead.target.words.map(\.folded)).subtracting(stop)
            let targetStems = Set(targetWords.map(CheckText.crudeStem))
            var i = 0
            while i < tokens.count {
                guard tokens[i].kind == .word, CheckText.isCapitalized(tokens[i]), !initial.contains(i) else { i += 1; continue }
                var j = i
                while j + 1 < tokens.count, tokens[j + 1].kind == .word, CheckText.isCapitalized(tokens[j + 1]) { j += 1 }
                defer { i = j + 1 }
                guard j > i else { continue }
                let parts = tokens[i...j].map(\.folded)
                // Only terms the target does not keep verbatim (names are kept, terms translated).
                guard !parts.allSatisfy(targetWords.contains) else { continue }
                let linked = Set(targetWords.filter { t in parts.contains { document.lexicon.isLinked(source: $0, target: t) } }
                    .map(CheckText.crudeStem))
                guard !linked.isEmpty else { continue }
                let key = parts.joined(separator: " ")
                if let earlier = renderings[key] {
                    let missing = earlier.words.subtracting(targetStems)
                    if !missing.isEmpty && !linked.subtracting(earlier.words).isEmpty {
                        findings.append(Self.info.finding(
                            bead: bead.index,
                            "“\(tokens[i...j].map(\.text).joined(separator: " "))” is rendered differently here than in bead \(earlier.bead + 1) (“\(missing.sorted().joined(separator: " "))” there)",
                            side: .target, span: nil))
                    }
                } else {
                    renderings[key] = (bead.index, linked)
                }
            }
        }
        return findings
    }
}
