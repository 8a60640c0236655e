import VersoText

/// Which language a text is in, from its function words (the profiles of
/// `Data/function-words.<lang>.txt`): enough to catch swapped files or a wrong `--source-lang`.
public enum LanguageGuess {
    /// Languages with a function-word profile.
    public static let known = ["en", "fr", "de"]

    /// The best language and the share of its function words among the words; nil when the
    /// text has fewer than 20 words.
    /// - Complexity: O(n) in the words of `text` (the first 2,000 are read).
    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func guess(_ text: String) throws -> (language: String, share: Double)? {
        let words = Array(CheckText.foldedWords(String(text.prefix(20_000))).prefix(2_000))
        guard words.count >= 20 else { return nil }
        let scores = try known.map { language -> (String, Double) in
            let profile = try LanguageResources.load(language).functionWords
            return (language, Double(words.filter { profile.contains($0) }.count) / Double(words.count))
        }
        return scores.max { $0.1 < $1.1 }.map { (language: $0.0, share: $0.1) }
    }

    /// A warning when a text clearly reads as another known language than the one declared
    /// (its profile scores twice the declared language's), else nil.
    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func mismatch(_ text: String, declared: String, name: String, option: String) throws -> String? {
        let code = LanguageData.baseLanguage(declared)
        guard known.contains(code), let best = try guess(text), best.language != code, best.share >= 0.15 else { return nil }
        let words = CheckText.foldedWords(String(text.prefix(20_000))).prefix(2_000)
        let profile = try LanguageResources.load(code).functionWords
        let declaredShare = Double(words.filter { profile.contains($0) }.count) / Double(max(words.count, 1))
        guard best.share >= 2 * declaredShare else { return nil }
        return "\(name) reads as \(UntranslatedCheck.name(best.language)), not \(UntranslatedCheck.name(code)): check the file order or pass \(option) \(best.language)"
    }
}
