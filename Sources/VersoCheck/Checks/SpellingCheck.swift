import VersoText

/// Spelling: a target word that the target language's Hunspell dictionary does not know — a
/// typo (“addresse”), or a coinage where the language has a word (“multipolarisé” for
/// “multipolaire”). Prose only.
///
/// Left alone: names (a capitalised word inside a sentence), acronyms, words with digits,
/// capitals inside or underscores (`camelCase`, `file_name`), URLs, paths, options, placeholders
/// and markup, words the source has too (a name or a term kept), the glossary's target terms,
/// and a pair whose target is mostly unknown words (not in the target language at all: the
/// untranslated check's business). The dictionary is the one of `--target-lang`
/// (`/usr/share/hunspell`, Debian's `hunspell-fr`, `hunspell-en-us`…); without one the check
/// says nothing. Suggestions are Hunspell's, for the first words of a document (they are slow).
struct SpellingCheck: Check {
    static let info = CheckInfo(
        code: "spelling", category: .fluency, severity: .minor,
        summary: "A target word the target language's Hunspell dictionary does not know (typo or coinage).",
        example: "“a multipolar world” ⇒ “un monde multipolarisé”")

    /// Words that get Hunspell's suggestions, per document (each takes tens of milliseconds).
    static let suggestionBudget = 30

    func run(_ document: CheckDocument) -> [Finding] {
        guard let speller = Speller.load(document.targetLanguage) else { return [] }
        let language = UntranslatedCheck.name(LanguageData.baseLanguage(document.targetLanguage))
        let glossaryWords = Set(document.glossary.flatMap { CheckText.foldedWords($0.target) })
        var findings: [Finding] = []
        var suggestions = Self.suggestionBudget
        for bead in document.beads where !bead.bead.target.isEmpty {
            let unknown = Self.unknownWords(bead, speller: speller, document: document, skip: glossaryWords)
            guard !unknown.isEmpty else { continue }
            for token in unknown {
                var suggestion: String?
                if suggestions > 0 {
                    suggestions -= 1
                    suggestion = speller.suggestions(token.text).prefix(3).map { "“\($0)”" }.joined(separator: ", ")
                    if suggestion?.isEmpty == true { suggestion = nil }
                }
                findings.append(Self.info.finding(
                    bead: bead.index, "“\(token.text)” is not in the \(language) dictionary (\(speller.dictionary)): a misspelling or a coinage",
                    side: .target, span: bead.target.span(of: token), suggestion: suggestion.map { "perhaps \($0)" }))
            }
        }
        return findings
    }

    /// The target words of a bead that the dictionary rejects, after the skips above.
    static func unknownWords(_ bead: AnalyzedBead, speller: Speller, document: CheckDocument, skip: Set<String>) -> [Token] {
        let target = bead.target
        guard Self.isProse(target.text) else { return [] }
        let sourceWords = Set(bead.source.tokens.map(\.folded))
        let initial = CheckText.sentenceInitialWords(target)
        var code = Identifiers.find(in: target.text, extensions: document.technical.fileExtensions).map(\.span)
        code += Placeholders.scan(target.text, syntaxes: Set(Placeholder.Syntax.allCases)).placeholders.map(\.span)
        code += TagMismatchCheck.tags(in: target.text, codes: [], known: document.technical.markupTags, pairedOnly: []).map(\.span)
        let bytes = Array(target.text.utf8)
        var checked = 0
        var unknown: [Token] = []
        for (i, token) in target.tokens.enumerated() where token.kind == .word {
            let text = token.text
            let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
            guard letters.count >= 2, !text.hasSuffix("’"), !text.hasSuffix("'") else { continue }
            guard !text.unicodeScalars.contains(where: { $0.properties.numericType != nil || $0 == "_" }) else { continue }
            // Capitals after the first letter: acronyms, camelCase, product names.
            guard !text.unicodeScalars.dropFirst().contains(where: { $0.properties.isUppercase }) else { continue }
            let capitalised = text.first?.isUppercase == true
            if capitalised && !initial.contains(i) { continue }
            // A capitalised first word of a short label is most often a name ("Bamoun", "Dalécarlien").
            if capitalised && target.words.count < 5 { continue }
            let span = target.span(of: token)
            if code.contains(where: { $0.overlaps(span) }) { continue }
            if sourceWords.contains(token.folded) || skip.contains(token.folded) { continue }
            // A symbol glued before the word (“%s”, “$x”, “\n”, “--name”): not prose.
            let lo = token.byteRange.lowerBound, hi = token.byteRange.upperBound
            if lo > 0, Array("%$\\@&_/.-".utf8).contains(bytes[lo - 1]) { continue }
            // Glued after: a path or call (“tamp/cache”, “fstat(”), or an abbreviation (“proc.”,
            // “Verr. maj.”: a short word or one followed by a lower-case word).
            if hi < bytes.count {
                if Array("/\\_@=([{".utf8).contains(bytes[hi]) { continue }
                if bytes[hi] == UInt8(ascii: ".") {
                    var k = hi + 1
                    while k < bytes.count && bytes[k] == UInt8(ascii: " ") { k += 1 }
                    if letters.count <= 4 || (k < bytes.count && bytes[k] >= UInt8(ascii: "a") && bytes[k] <= UInt8(ascii: "z")) { continue }
                }
            }
            checked += 1
            if speller.isCorrect(text) { continue }
            if capitalised, speller.isCorrect(text.lowercased()) { continue }
            if let apostrophe = text.firstIndex(where: { $0 == "’" }), speller.isCorrect(text.replacingCharacters(in: apostrophe...apostrophe, with: "'")) { continue }
            unknown.append(token)
        }
        // Mostly unknown: the target is not in this language (or not prose).
        if unknown.count >= 3 && Double(unknown.count) > 0.4 * Double(checked) { return [] }
        return unknown
    }

    /// Whether a side reads as prose: letters and spaces, not a code line or a list of symbols.
    static func isProse(_ text: String) -> Bool {
        var letters = 0, symbols = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic { letters += 1 }
            else if "{}[]<>=;|\\$#*^~`".unicodeScalars.contains(scalar) { symbols += 1 }
        }
        return letters >= 3 && symbols * 8 <= letters
    }
}
