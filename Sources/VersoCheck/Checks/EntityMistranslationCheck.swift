import VersoText

/// A name or acronym translated as a word, or turned into another entity. Three patterns:
/// - the target has a known acronym translation ("ONU", "OTAN", "OMS") whose source acronym
///   and expansion are absent from the source: a name part was read as an acronym
///   ("Kim Jong Un" ⇒ "Kim Jong. ONU");
/// - a source acronym ("WHO") is missing from the target, which has another acronym-like word
///   instead ("QUI") and neither the known translation ("OMS") nor an expansion;
/// - in a multi-word name whose other parts are kept ("Tim Cook"), one part is replaced by its
///   dictionary translation as a common word ("Tim Cuisinier"); same for a single
///   capitalised name inside a sentence ("Apple" ⇒ "pomme").
/// Acronym pairs live in `Data/acronyms.<src>-<tgt>.txt`.
struct EntityMistranslationCheck: Check {
    static let info = CheckInfo(
        code: "entity-mistranslation", category: .accuracy, severity: .major,
        summary: "A name or acronym translated as a word, or turned into another entity.",
        example: "“the leader Kim Jong Un” ⇒ “le dirigeant Kim Jong. ONU”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        let pairs = document.pairResources.acronyms
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            findings += acronymFromName(bead, pairs: pairs)
            findings += acronymAsWord(bead, pairs: pairs, resources: document.sourceResources)
            findings += namePartTranslated(bead, document: document)
        }
        return findings
    }

    private static func letters(_ s: String) -> String { s.filter(\.isLetter) }

    private static func sourceMentions(_ pair: AcronymPair, in side: SideAnalysis) -> Bool {
        let folded = Folding.fold(side.text)
        if side.tokens.contains(where: { letters($0.text) == letters(pair.source) && CheckText.isAcronym($0.text) }) { return true }
        if side.text.contains(pair.source) { return true }
        return pair.sourceExpansions.contains { folded.contains(Folding.fold($0)) }
    }

    /// "ONU" in the target with no UN in the source.
    private func acronymFromName(_ bead: AnalyzedBead, pairs: [AcronymPair]) -> [Finding] {
        var findings: [Finding] = []
        for token in bead.target.tokens where token.kind == .word && CheckText.isAcronym(token.text) {
            guard let pair = pairs.first(where: { Self.letters($0.target) == Self.letters(token.text) && $0.source != $0.target }),
                  !Self.sourceMentions(pair, in: bead.source),
                  // The same letters in the source ("IA-32") are not a translation.
                  !bead.source.tokens.contains(where: { Self.letters($0.text) == Self.letters(token.text) }) else { continue }
            // Which source word was read as the acronym? ("Un" for UN)
            let culprit = bead.source.tokens.first { $0.kind == .word && $0.text.uppercased() == Self.letters(pair.source) }
            let why = culprit.map { ": the name part “\($0.text)” seems to have been read as the acronym \(pair.source)" } ?? ""
            findings.append(Self.info.finding(
                bead: bead.index,
                "“\(token.text)” (\(pair.targetExpansions.first ?? pair.target)) has no counterpart in the source\(why)",
                side: .target, span: bead.target.span(of: token),
                suggestion: culprit.map { "keep the name part “\($0.text)” as the source writes it" }))
        }
        return findings
    }

    /// "WHO" ⇒ "QUI".
    private func acronymAsWord(_ bead: AnalyzedBead, pairs: [AcronymPair], resources: LanguageResources) -> [Finding] {
        var findings: [Finding] = []
        let targetFolded = Folding.fold(bead.target.text)
        let sourceAcronyms = Set(bead.source.tokens.filter { $0.kind == .word && CheckText.isAcronym($0.text) }.map { Self.letters($0.text) })
        // A source written all in capitals is a heading, not a row of acronyms.
        let sourceWords = bead.source.words
        if sourceWords.count >= 3 && sourceAcronyms.count * 2 > sourceWords.count { return [] }
        for token in bead.source.tokens where token.kind == .word && CheckText.isAcronym(token.text) {
            let acronym = Self.letters(token.text)
            guard acronym.count >= 2, acronym.count <= 5, !Self.isRomanNumeral(acronym) else { continue }
            // A function word in capitals is emphasis ("do NOT"), unless it stands where a name
            // does: after "the", at the start of a sentence or in parentheses ("(WHO)").
            if resources.functionWords.contains(token.folded) || resources.negations.contains(token.folded) {
                let k = bead.source.tokens.firstIndex(of: token) ?? 0
                let previous = k > 0 ? bead.source.tokens[k - 1] : nil
                let nameSlot = previous == nil || previous!.folded == "the" || previous!.text == "(" || CheckText.sentenceInitialWords(bead.source).contains(k)
                if !nameSlot { continue }
            }
            if bead.target.tokens.contains(where: { Folding.fold(Self.letters($0.text)) == Folding.fold(acronym) }) { continue }
            // A capitalised word set in capitals (a dateline "SEOUL") is not an acronym.
            if acronym.count >= 5 && document(of: token, in: bead) { continue }
            if let pair = pairs.first(where: { Self.letters($0.source) == acronym }),
               bead.target.text.contains(pair.target)
                || bead.target.tokens.contains(where: { Self.letters($0.text) == Self.letters(pair.target) })
                || pair.targetExpansions.contains(where: { targetFolded.contains(Folding.fold($0)) }) { continue }
            let replacement = bead.target.tokens.first { t in
                t.kind == .word && CheckText.isAcronym(t.text) && !sourceAcronyms.contains(Self.letters(t.text))
                    && !pairs.contains(where: { p in Self.letters(p.target) == Self.letters(t.text) })
            }
            guard let replacement else { continue }
            findings.append(Self.info.finding(
                bead: bead.index, "the acronym “\(token.text)” appears as “\(replacement.text)” in the translation",
                side: .target, span: bead.target.span(of: replacement),
                suggestion: pairs.first { Self.letters($0.source) == acronym }.map { "use “\($0.target)”" } ?? "keep “\(token.text)”"))
        }
        return findings
    }

    /// True when the word, in lower case, is an ordinary word of the sentence's language
    /// (its folded form has a cognate or identical word in the target).
    private func document(of token: Token, in bead: AnalyzedBead) -> Bool {
        bead.target.tokens.contains { Cognates.match($0.folded, token.folded) }
    }


    private static func isRomanNumeral(_ s: String) -> Bool { s.allSatisfy { "IVXLCDM".contains($0) } }

    /// Words a language capitalises that are common words in others: weekdays, months and
    /// nationality or language adjectives ("Russian", "Korean", "Chinese", "British", "Israeli").
    static func isCapitalizedByConvention(_ folded: String, _ resources: LanguageResources) -> Bool {
        if resources.weekdays[folded] != nil || resources.months[folded] != nil { return true }
        return ["an", "ese", "ish", "ic", "i", "ch", "sh"].contains { folded.hasSuffix($0) } && folded.count >= 5
    }

    /// "Tim Cook" ⇒ "Tim Cuisinier", "Apple" ⇒ "pomme".
    private func namePartTranslated(_ bead: AnalyzedBead, document: CheckDocument) -> [Finding] {
        guard let dictionary = document.lexicon as? CheckDictionary else { return [] }
        // Headline style ("How Candide Was Brought Up"): capitals say nothing about names.
        let words = bead.source.words
        if words.count >= 4 && words.filter({ CheckText.isCapitalized($0) }).count * 2 > words.count { return [] }
        let initial = CheckText.sentenceInitialWords(bead.source)
        let tokens = bead.source.tokens
        let targetFolded = Set(bead.target.tokens.map(\.folded))
        var findings: [Finding] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, CheckText.isCapitalized(tokens[i]), !CheckText.isAcronym(tokens[i].text) else { i += 1; continue }
            var j = i
            while j + 1 < tokens.count, tokens[j + 1].kind == .word, CheckText.isCapitalized(tokens[j + 1]) { j += 1 }
            // A leading "The" is not part of the name; names of four words or more are titles
            // ("Debian Free Software Guidelines"), which are translated.
            let name = Array(tokens[i...j]).drop { document.sourceResources.functionWords.contains($0.folded) }.map { $0 }
            i = j + 1
            guard !name.isEmpty, name.count <= 3 else { continue }
            let kept = name.filter { targetFolded.contains($0.folded) }
            // A single word at the start of a sentence is an ordinary capitalised word; after a
            // determiner ("the Customer") it is a defined term; before a comma or at the end it
            // may be a form of address ("Thanks, Mom.").
            // A surname after a title ("Mr. Baker") is a name whatever it means as a word.
            let k0 = tokens.firstIndex(of: name[0]) ?? 0
            let afterTitle = k0 >= 2 && tokens[k0 - 1].text == "." && ["mr", "mrs", "ms", "dr", "prof", "m", "mme", "mlle"].contains(tokens[k0 - 2].folded)
            if name.count == 1 && !afterTitle {
                let k = k0
                if initial.contains(k) { continue }
                if let previous = tokens[..<k].last(where: { $0.kind == .word }), document.sourceResources.functionWords.contains(previous.folded)
                    && !["of", "by", "from", "with", "at", "de", "par"].contains(previous.folded) { continue }
                if k + 1 >= tokens.count || tokens[k + 1].kind == .punctuation { continue }
            }
            if name.count > 1 && kept.isEmpty { continue }   // a translated place name ("North Korea")
            // A single capitalised word the dictionary knows as a common word ("Apple",
            // "Windows", "Office") rendered by its translation, even with a capital ("Pomme").
            let brand = name.count == 1 && !afterTitle && dictionary.isCommonWord(name[0].folded, language: document.sourceLanguage) == true
                && !targetFolded.contains(name[0].folded)
            // A single name also rendered as a name ("Russia" ⇒ "Russie" beside "russe").
            if name.count == 1, !afterTitle, !brand, bead.target.tokens.contains(where: {
                CheckText.isCapitalized($0) && (Cognates.match($0.folded, name[0].folded) || document.lexicon.isLinked(source: name[0].folded, target: $0.folded))
            }) { continue }
            for part in name where !targetFolded.contains(part.folded) && part.folded.count >= 3 {
                if document.sourceResources.functionWords.contains(part.folded) { continue }
                // Capitalised in English, lower case in French: weekdays, months, nationalities.
                if EntityMistranslationCheck.isCapitalizedByConvention(part.folded, document.sourceResources) { continue }
                let titles = document.sourceResources.translatedTitles
                if titles.contains(part.folded) || (part.folded.hasSuffix("s") && titles.contains(String(part.folded.dropLast()))) { continue }
                // The part's common-word translations, written in lower case in the target.
                // A part the dictionary knows as a common word may be rendered with a capital
                // ("Apple AirPods" ⇒ "AirPods de Pomme").
                let commonPart = brand || name.count > 1 && dictionary.isCommonWord(part.folded, language: document.sourceLanguage) == true
                let renderings = bead.target.tokens.filter { t in t.kind == .word && (t.text.first?.isLowercase == true || afterTitle || commonPart)
                    && dictionary.isCommonTranslation(source: part.folded, target: t.folded) }
                // "pont du Golden Gate", "le projet Debian": the word comes before the kept name
                // with an article or preposition between, French order for a common noun and a
                // name ("Bureau Microsoft", with nothing between, is a garbled name).
                let linkWords: Set<String> = ["de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"]
                if name.count > 1, let first = bead.target.tokens.firstIndex(where: { $0.folded == kept.first?.folded }),
                   renderings.contains(where: { r in
                       guard let k = bead.target.tokens.firstIndex(of: r), k < first else { return false }
                       return bead.target.tokens[(k + 1)..<first].contains { linkWords.contains($0.folded) } || !CheckText.isCapitalized(r)
                   }) { continue }
                for t in renderings {
                    findings.append(Self.info.finding(
                        bead: bead.index,
                        "the name “\(name.map(\.text).joined(separator: " "))” seems translated as a common word: “\(part.text)” became “\(t.text)”",
                        side: .target, span: bead.target.span(of: t), suggestion: "keep the name “\(part.text)”"))
                    break
                }
            }
        }
        return findings
    }
}

/// A lexicon that also knows which translations are common words (lower case in the
/// dictionary), for telling "Apple" ⇒ "pomme" from "Russia" ⇒ "Russie".
public protocol CheckDictionary: CheckLexicon {
    func isCommonTranslation(source: String, target: String) -> Bool
    /// Whether the dictionary has the word as a common word, not a name ("apple" yes,
    /// "Germany" no); nil when it has no entry for the language.
    func isCommonWord(_ word: String, language: String) -> Bool?
}
