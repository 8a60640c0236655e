/// Word-level questions other stages (the checks) ask of the lexicon.
extension TranslationLexicon {
    /// Whether a folded source word and a folded target word translate each other: their stems
    /// are paired in the lexicon (either direction). Cognates are not counted here.
    public func translates(source: String, target: String) -> Bool {
        let targetStem = stemmers[1].stem(target)
        if translations(ofWord: source, side: 0).contains(targetStem) { return true }
        let sourceStem = stemmers[0].stem(source)
        return translations(ofWord: target, side: 1).contains(sourceStem)
    }

    /// Whether the lexicon has an entry for a folded word of the source (`side` 0) or target
    /// (`side` 1) language.
    public func hasEntry(_ word: String, side: Int) -> Bool {
        !translations(ofWord: word, side: side).isEmpty
    }

    /// Whether the folded word of `side` is a headword of that language's dictionary written
    /// without a capital: "apple", "window", not "Germany" (nor a word met only inside the
    /// other dictionary's translations).
    public func isCommonWord(_ word: String, side: Int) -> Bool {
        commonHeadwords[side].contains(stemmers[side].stem(word))
    }
}
