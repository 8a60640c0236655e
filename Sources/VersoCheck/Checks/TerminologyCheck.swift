import VersoText

/// Terminology: a glossary term not respected (`--glossary FILE`, CSV/TSV or TBX: when a bead's
/// source contains the source term, its target must contain the target term), and one source
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
        var findings: [Finding] = []
        let entries = document.glossary.map { (Folding.fold($0.source), Folding.fold($0.target), $0) }
        for bead in document.beads where !bead.bead.target.isEmpty {
            let source = " " + CheckText.foldedWords(bead.source.text).joined(separator: " ") + " "
            let target = " " + CheckText.foldedWords(bead.target.text).joined(separator: " ") + " "
            for (s, t, entry) in entries where source.contains(" \(s) ") && !target.contains(" \(t) ") {
                findings.append(Self.info.finding(
                    bead: bead.index, "the glossary says “\(entry.source)” is translated “\(entry.target)”, not found here",
                    side: .target, span: nil, severity: .major, suggestion: "use “\(entry.target)”"))
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
