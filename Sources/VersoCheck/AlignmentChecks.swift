import VersoAlign
import VersoText

/// The aligner's lexicon (dictionary, user lexicons, learned pairs) as the checks see it, plus
/// cognates. Answers are cached: the checks ask the same pairs many times.
public final class AlignerLexicon: CheckDictionary {
    private let lexicon: TranslationLexicon
    private var linked: [String: Bool] = [:]
    private var known: [String: Bool] = [:]

    public init(_ lexicon: TranslationLexicon) { self.lexicon = lexicon }

    public func isLinked(source: String, target: String) -> Bool {
        if Cognates.match(source, target) { return true }
        let key = source + "\u{1}" + target
        if let cached = linked[key] { return cached }
        let answer = lexicon.translates(source: source, target: target)
        linked[key] = answer
        return answer
    }

    public func knows(_ word: String, language: String) -> Bool? {
        guard let side = side(of: language) else { return nil }
        let key = "\(side)\u{1}\(word)"
        if let cached = known[key] { return cached }
        let answer = lexicon.hasEntry(word, side: side)
        known[key] = answer
        return answer
    }

    /// A translation written in lower case in the target is a common word (the check that
    /// uses this looks at the target token's case).
    public func isCommonTranslation(source: String, target: String) -> Bool {
        lexicon.translates(source: source, target: target)
    }

    public func isCommonWord(_ word: String, language: String) -> Bool? {
        guard let side = side(of: language) else { return nil }
        return lexicon.isCommonWord(word, side: side)
    }

    private func side(of language: String) -> Int? {
        if LanguageData.baseLanguage(language) == LanguageData.baseLanguage(lexicon.sourceLanguage) { return 0 }
        if LanguageData.baseLanguage(language) == LanguageData.baseLanguage(lexicon.targetLanguage) { return 1 }
        return nil
    }
}

extension CheckDocument {
    /// The document of an alignment: one bead text per bead, with the aligner's lexicon.
    /// - Complexity: O(n) in the size of the documents.
    public convenience init(alignment: Alignment, glossary: [GlossaryEntry] = []) throws {
        let kinds = alignment.contentKinds()
        let beads = alignment.beads.enumerated().map { i, bead in
            BeadText(source: alignment.sourceTexts(bead), target: alignment.targetTexts(bead), score: bead.score, content: kinds[i])
        }
        let lexicon: CheckLexicon = alignment.lexicon.map { AlignerLexicon($0) } ?? CognateLexicon()
        try self.init(beads: beads, sourceLanguage: alignment.source.language, targetLanguage: alignment.target.language,
                      lexicon: lexicon, glossary: glossary)
    }
}
