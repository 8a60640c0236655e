import VersoText

/// Spelling: a target word that the target language's Hunspell dictionary does not know — a
/// typo (“addresse”), or a coinage where the language has a word (“multipolarisé” for
/// “multipolaire”). Prose only.
///
/// Left alone: names (a capitalised word inside a sentence), acronyms, words with digits,
/// capitals inside or underscores (`camelCase`, `file_name`), URLs, paths, options, placeholders
/// and markup, words the source has too (a name or a term kept), words of the source language
/// (a loan or a quotation: “debug”, “triggers”), the glossary's target terms, the older
/// spellings “coeur” (œ) and “grand'mère” (grand-mère),
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
        let sourceSpeller = LanguageData.baseLanguage(document.sourceLanguage) == LanguageData.baseLanguage(document.targetLanguage)
            ? nil : Speller.load(document.sourceLanguage)
        let language = UntranslatedCheck.name(LanguageData.baseLanguage(document.targetLanguage))
        let glossaryWords = Set(document.glossary.flatMap { CheckText.foldedWords($0.target) })
        var findings: [Finding] = []
        var suggestions = Self.suggestionBudget
        for bead in document.beads where !bead.bead.target.isEmpty {
            let unknown = Self.unknownWords(bead, speller: speller, sourceSpeller: sourceSpeller, document: document, skip: glossaryWords)
            guard !unknown.isEmpty else { continue }
            for word in unknown {
                var suggestion: String?
                if suggestions > 0 {
                    suggestions -= 1
                    suggestion = speller.suggestions(word.text).prefix(3).map { "“\($0)”" }.joined(separator: ", ")
                    if suggestion?.isEmpty == true { suggestion = nil }
                }
                findings.append(Self.info.finding(
                    bead: bead.index, "“\(word.text)” is not in the \(language) dictionary (\(speller.dictionary)): a misspelling or a coinage",
                    side: .target, span: word.span, suggestion: suggestion.map { "perhaps \($0)" }))
            }
        }
        return findings
    }

    /// The target words of a bead that the dictionary rejects, after the skips above: their
    /// text and scalar span.
    static func unknownWords(_ bead: AnalyzedBead, speller: Speller, sourceSpeller: Speller?, document: CheckDocument,
                             skip: Set<String>) -> [(text: String, span: Range<Int>)] {
        let target = bead.target
        guard Self.isProse(target.text) else { return [] }
        // Source words, also in pieces ("psql's" gives "psql") and without a plural "s".
        var sourceWords = Set<String>()
        for token in bead.source.tokens where token.kind == .word {
            for piece in [token.folded] + token.folded.split(whereSeparator: { $0 == "'" || $0 == "-" }).map(String.init) {
                sourceWords.insert(piece)
                if piece.hasSuffix("s") { sourceWords.insert(String(piece.dropLast())) }
            }
        }
        let initial = CheckText.sentenceInitialWords(target)
        var code = Identifiers.find(in: target.text, extensions: document.technical.fileExtensions).map(\.span)
        code += Placeholders.scan(target.text, syntaxes: Set(Placeholder.Syntax.allCases)).placeholders.map(\.span)
        code += TagMismatchCheck.tags(in: target.text, codes: [], known: document.technical.markupTags, pairedOnly: []).map(\.span)
        let bytes = Array(target.text.utf8)
        let tokens = target.tokens
        var checked = 0
        var unknown: [(text: String, span: Range<Int>)] = []
        for (i, token) in tokens.enumerated() where token.kind == .word {
            // ICU keeps a narrow no-break space inside a word token ("bien\u{202F}?", "«\u{202F}icon"): trim it.
            let leading = token.text.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            let trailing = token.text.unicodeScalars.reversed().prefix { $0.properties.isWhitespace }.count
            let text = leading + trailing > 0 && leading < token.text.unicodeScalars.count
                ? String(String.UnicodeScalarView(token.text.unicodeScalars.dropFirst(leading).dropLast(trailing))) : token.text
            let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
            guard letters.count >= 2, !text.hasSuffix("’"), !text.hasSuffix("'") else { continue }
            // Letters, apostrophes and hyphens only: "symbole@%s", "a_b", "x86" are code.
            guard text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark || "'’-".unicodeScalars.contains($0) }) else { continue }
            // Capitals after the first letter: acronyms, camelCase, product names.
            guard !text.unicodeScalars.dropFirst().contains(where: { $0.properties.isUppercase }) else { continue }
            let previous: Token? = i > 0 ? tokens[i - 1] : nil
            let afterApostrophe = previous.map { $0.kind == .punctuation && ($0.text == "'" || $0.text == "’") } ?? false
            let capitalised = text.first?.isUppercase == true
            if capitalised && (!initial.contains(i) || afterApostrophe) { continue }
            // A capitalised first word of a short label is most often a name ("Bamoun", "Dalécarlien").
            if capitalised && target.words.count < 5 { continue }
            let whole = target.span(of: token)
            let span = (whole.lowerBound + leading)..<(whole.upperBound - trailing)
            if code.contains(where: { $0.overlaps(span) }) { continue }
            let folded = Folding.fold(text)
            if sourceWords.contains(folded) || (folded.hasSuffix("s") && sourceWords.contains(String(folded.dropLast()))) || skip.contains(folded) { continue }
            // A symbol glued before the word (“%s”, “$x”, “\n”, “--name”, “[I]nstall”): not prose.
            let lo = token.byteRange.lowerBound + String(token.text.unicodeScalars.prefix(leading)).utf8.count
            let hi = token.byteRange.upperBound - String(token.text.unicodeScalars.suffix(trailing)).utf8.count
            if lo > 0, Array("%$\\@&_/.-])".utf8).contains(bytes[lo - 1]) { continue }
            // Glued after: a path or call (“tamp/cache”, “fstat(”), or an abbreviation (“proc.”,
            // “Verr. maj.”: a short word or one followed by a lower-case word).
            if hi < bytes.count {
                if Array("/\\_@=([{".utf8).contains(bytes[hi]) { continue }
                // "sha-1", "utf-8": a code with its number.
                if bytes[hi] == UInt8(ascii: "-"), hi + 1 < bytes.count, bytes[hi + 1] >= UInt8(ascii: "0"), bytes[hi + 1] <= UInt8(ascii: "9") { continue }
                if bytes[hi] == UInt8(ascii: ".") {
                    var k = hi + 1
                    while k < bytes.count && bytes[k] == UInt8(ascii: " ") { k += 1 }
                    if letters.count <= 4 || (k < bytes.count && bytes[k] >= UInt8(ascii: "a") && bytes[k] <= UInt8(ascii: "z")) { continue }
                }
            }
            checked += 1
            if Self.isKnown(text, speller: speller) { continue }
            // Tokenized text splits an elision: "aujourd' hui".
            if afterApostrophe, i >= 2, tokens[i - 2].kind == .word, speller.isCorrect(tokens[i - 2].text + "’" + text) { continue }
            if i + 2 < tokens.count, tokens[i + 1].text == "'" || tokens[i + 1].text == "’", tokens[i + 2].kind == .word,
               speller.isCorrect(text + "’" + tokens[i + 2].text) { continue }
            // A word of the source language (a loan, a quotation, an English term kept): the
            // untranslated check's business, not a misspelling.
            if let sourceSpeller, !capitalised, letters.count >= 3, sourceSpeller.isCorrect(text) { continue }
            unknown.append((text, span))
        }
        // Mostly unknown: the target is not in this language (or not prose).
        if unknown.count >= 3 && Double(unknown.count) > 0.4 * Double(checked) { return [] }
        return unknown
    }

    /// Whether the dictionary knows the word as written, in lower case (a sentence's first
    /// word), with a typewriter apostrophe, or with “œ” written “oe” (“coeur”).
    static func isKnown(_ text: String, speller: Speller) -> Bool {
        if speller.isCorrect(text) { return true }
        if text.first?.isUppercase == true, speller.isCorrect(text.lowercased()) { return true }
        if text.contains("’"), speller.isCorrect(text.replacingOccurrences(of: "’", with: "'")) { return true }
        // Older spelling joins compounds with an apostrophe: "grand'mère" is "grand-mère".
        if text.contains("'") || text.contains("’"), speller.isCorrect(text.replacingOccurrences(of: "’", with: "-").replacingOccurrences(of: "'", with: "-")) { return true }
        if text.contains("oe") || text.contains("Oe") {
            let ligature = text.replacingOccurrences(of: "oe", with: "œ").replacingOccurrences(of: "Oe", with: "Œ")
            if speller.isCorrect(ligature) || speller.isCorrect(ligature.lowercased()) { return true }
        }
        return false
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
