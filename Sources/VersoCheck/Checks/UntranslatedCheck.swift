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
        example: "“Source link” ⇒ “Source link” (in a French page)",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let sourceLanguage = document.sourceLanguage, targetLanguage = document.targetLanguage
        let lists = [sourceLanguage: document.sourceResources.wordList, targetLanguage: document.targetResources.wordList]
        /// A word list when installed, else the lexicon's entries.
        func knows(_ word: String, _ language: String) -> Bool? {
            if let list = lists[language] ?? nil { return list.contains(word) }
            return document.lexicon.knows(word, language: language)
        }
        for bead in document.beads where !bead.bead.target.isEmpty {
            let sourceFolded = bead.bead.source.map { CheckText.foldedWords($0).filter { $0.contains(where: \.isLetter) } }
            for sentence in bead.bead.target {
                let words = CheckText.foldedWords(sentence).filter { $0.contains(where: \.isLetter) }
                guard !words.isEmpty, !UntranslatedCheck.looksLikeCode(sentence) else { continue }
                let inSource = words.filter { document.sourceResources.functionWords.contains($0) }.count
                let inTarget = words.filter { document.targetResources.functionWords.contains($0) }.count
                // A name in title case ("Software in the Public Interest") is not text to translate.
                let content = sentence.split(separator: " ").filter { w in
                    !document.sourceResources.functionWords.contains(Folding.fold(String(w))) && w.first?.isLetter == true
                }
                let titleCase = content.count >= 2 && content.filter { $0.first?.isUppercase == true }.count * 4 >= content.count * 3
                var untranslated = !titleCase && words.count >= 4 && inSource >= 2 && inSource >= 2 * inTarget + 1
                if !untranslated, words.count >= 3, inSource >= 1, inSource > inTarget, sourceFolded.contains(words) {
                    untranslated = true   // a source sentence copied as is
                }
                if !untranslated, words.count <= 6, inTarget == 0 {
                    // Short lines: ask the word lists (or the dictionaries) which language each
                    // word belongs to.
                    let lowercase = sentence.split(separator: " ").filter { $0.first?.isLowercase == true }.map { CheckText.foldedWords(String($0)).first ?? "" }
                    var sourceOnly = 0, targetOnly = 0, known = true
                    for w in words {
                        guard let s = knows(w, sourceLanguage), let t = knows(w, targetLanguage) else { known = false; break }
                        if s && !t { sourceOnly += 1 }
                        if t && !s { targetOnly += 1 }
                    }
                    let lowercaseSourceOnly = lowercase.contains { knows($0, sourceLanguage) == true && knows($0, targetLanguage) == false }
                    let copied = sourceFolded.contains(words)
                    untranslated = known && (lowercaseSourceOnly || copied && sourceOnly >= 2) && targetOnly == 0 && sourceOnly * 2 >= words.count
                }
                if !untranslated, let run = copiedRun(sentence, bead: bead, knows: knows) {
                    findings.append(Self.info.finding(
                        bead: bead.index, "“\(run.text)” is left in \(UntranslatedCheck.name(sourceLanguage)) inside the \(UntranslatedCheck.name(targetLanguage)) sentence",
                        side: .target, span: run.span, severity: .minor, suggestion: "translate it"))
                    continue
                }
                guard untranslated else { continue }
                findings.append(Self.info.finding(
                    bead: bead.index, "\(CheckText.quote(sentence)) is in \(UntranslatedCheck.name(sourceLanguage)), not \(UntranslatedCheck.name(targetLanguage))",
                    side: .target, span: bead.target.span(ofText: sentence), suggestion: "translate it"))
            }
        }
        return findings
    }

    /// Two or more words in a row copied from the source, all known in the source language, one
    /// of them a lower-case word the target language does not have ("Machine washable à 30 °C").
    /// Words glued to code characters (- / _ . `) are left out: commands are copied on purpose.
    private func copiedRun(_ sentence: String, bead: AnalyzedBead, knows: (String, String) -> Bool?) -> (text: String, span: Range<Int>)? {
        guard let range = bead.target.text.range(of: sentence) else { return nil }
        let text = bead.target.text
        let lo = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let hi = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        let bytes = Array(text.utf8)
        let sourceText = " " + CheckText.foldedWords(bead.source.text).joined(separator: " ") + " "
        func glued(_ t: Token) -> Bool {
            let before = t.byteRange.lowerBound > 0 ? bytes[t.byteRange.lowerBound - 1] : 0x20
            let after = t.byteRange.upperBound < bytes.count ? bytes[t.byteRange.upperBound] : 0x20
            return [0x2D, 0x2F, 0x5F, 0x60].contains(before) || [0x2D, 0x2F, 0x5F, 0x60].contains(after)
                || (after == 0x2E && t.byteRange.upperBound + 1 < bytes.count && bytes[t.byteRange.upperBound + 1] != 0x20)
        }
        let words = bead.target.words.filter { (lo..<hi).contains($0.byteRange.lowerBound) }
        var runs: [[Token]] = [[]]
        for w in words {
            let fits = !glued(w) && knows(w.folded, bead.source.language) == true && sourceText.contains(" \(w.folded) ")
            if fits { runs[runs.count - 1].append(w) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        for run in runs where run.count >= 2 {
            let phrase = " " + run.map(\.folded).joined(separator: " ") + " "
            // A quoted foreign phrase is a deliberate loan: « fair deal ».
            let before = String(decoding: bytes[..<run.first!.byteRange.lowerBound], as: UTF8.self)
            let quoted = before.unicodeScalars.last { !$0.properties.isWhitespace }.map { "«“\"‘".unicodeScalars.contains($0) } ?? false
            guard !quoted, sourceText.contains(phrase),
                  run.contains(where: { $0.text.first?.isLowercase == true && knows($0.folded, bead.target.language) == false }) else { continue }
            let span = bead.target.span(of: run.first!).lowerBound..<bead.target.span(of: run.last!).upperBound
            return (String(text.unicodeScalars.dropFirst(span.lowerBound).prefix(span.count)), span)
        }
        return nil
    }

    /// A command or identifier line ("apt-get update", "config.yaml"): no capital, no sentence
    /// punctuation, and a word glued to - / _ . or =.
    static func looksLikeCode(_ sentence: String) -> Bool {
        guard !sentence.contains(where: \.isUppercase), !sentence.hasSuffix("."), !sentence.hasSuffix("!"), !sentence.hasSuffix("?") else { return false }
        return sentence.split(separator: " ").contains { word in
            word.dropFirst().dropLast().contains { "-/_.=".contains($0) }
        }
    }

    static func name(_ code: String) -> String {
        ["en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian"][code.prefix(2).lowercased()] ?? code
    }
}
