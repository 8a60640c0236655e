import VersoText

/// Target text left in the source language ("Source link" in a French page). A target sentence
/// is taken for source-language text when its function words are mostly the source
/// language's, or — for short lines — when its words are known to the source language's
/// dictionary and not to the target's, or when it copies a source sentence word for word.
/// Lines made of names, numbers or code are left alone.
struct UntranslatedCheck: Check {
    static let info = CheckInfo(
        code: "untranslated", category: .accuracy, severity: .major,
        summary: "Target text left in the source language.",
        example: "“Source link” ⇒ “Source link” (in a French page)")

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let sourceLanguage = document.sourceLanguage, targetLanguage = document.targetLanguage
        for bead in document.beads where !bead.bead.target.isEmpty {
            let sourceFolded = bead.bead.source.map { CheckText.foldedWords($0) }
            for sentence in bead.bead.target {
                let words = CheckText.foldedWords(sentence).filter { $0.contains(where: \.isLetter) }
                guard !words.isEmpty else { continue }
                let inSource = words.filter { document.sourceResources.functionWords.contains($0) }.count
                let inTarget = words.filter { document.targetResources.functionWords.contains($0) }.count
                // A name in title case ("Software in the Public Interest") is not text to translate.
                let content = sentence.split(separator: " ").filter { w in
                    !document.sourceResources.functionWords.contains(Folding.fold(String(w))) && w.first?.isLetter == true
                }
                let titleCase = content.count >= 2 && content.filter { $0.first?.isUppercase == true }.count * 4 >= content.count * 3
                var untranslated = !titleCase && words.count >= 4 && inSource >= 2 && inSource >= 2 * inTarget + 1
                if !untranslated, words.count >= 3, inSource >= 1, sourceFolded.contains(words) {
                    untranslated = true   // a source sentence copied as is
                }
                if !untranslated, words.count <= 6, inTarget == 0 {
                    // Short lines: ask the dictionaries, when there are any.
                    let lowercase = sentence.split(separator: " ").filter { $0.first?.isLowercase == true }.map { CheckText.foldedWords(String($0)).first ?? "" }
                    var sourceOnly = 0, targetOnly = 0, known = true
                    for w in words {
                        guard let s = document.lexicon.knows(w, language: sourceLanguage),
                              let t = document.lexicon.knows(w, language: targetLanguage) else { known = false; break }
                        if s && !t { sourceOnly += 1 }
                        if t && !s { targetOnly += 1 }
                    }
                    let lowercaseSourceOnly = lowercase.contains { w in
                        document.lexicon.knows(w, language: sourceLanguage) == true && document.lexicon.knows(w, language: targetLanguage) == false
                    }
                    untranslated = known && lowercaseSourceOnly && targetOnly == 0 && sourceOnly * 2 >= words.count
                }
                guard untranslated else { continue }
                findings.append(Self.info.finding(
                    bead: bead.index, "\(CheckText.quote(sentence)) is in \(UntranslatedCheck.name(sourceLanguage)), not \(UntranslatedCheck.name(targetLanguage))",
                    side: .target, span: bead.target.span(ofText: sentence), suggestion: "translate it"))
            }
        }
        return findings
    }

    static func name(_ code: String) -> String {
        ["en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian"][code.prefix(2).lowercased()] ?? code
    }
}
