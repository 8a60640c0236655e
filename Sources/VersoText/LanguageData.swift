import Foundation

/// Per-language lists that steer segmentation, read from the data files in `Data/`
/// (`abbreviations.<lang>.txt`, `starters.<lang>.txt`). Unknown languages get empty lists.
public struct LanguageData: Sendable {
    /// Abbreviations after which a period never ends a sentence.
    public let nonBreaking: Set<String>
    /// Abbreviations that end a sentence when a usual sentence starter follows.
    public let ambiguous: Set<String>
    /// Abbreviations that end a sentence before a capital unless a continuation follows
    /// ("6 p.m. Everyone" splits, "5 p.m. Tuesday" does not).
    public let endsUnlessContinued: Set<String>
    /// Words that usually begin a sentence.
    public let starters: Set<String>
    /// Words that continue a sentence after a `!` abbreviation: time zones from the data file,
    /// weekdays and months from ICU.
    public let continuations: Set<String>

    /// The data files of VersoText.
    public static let files = DataFiles(module: "VersoText", bundle: .module)
    private static let cache = Cache<String, LanguageData>()

    /// The lists for a language code such as `en` or `fr-CA` (the part before `-`/`_` is used);
    /// empty lists for a language Verso has no data for.
    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func load(_ language: String) throws -> LanguageData {
        let code = baseLanguage(language)
        return try cache.value(code) { try LanguageData(code: code) }
    }

    private init(code: String) throws {
        var nonBreaking = Set<String>(), ambiguous = Set<String>(), ending = Set<String>()
        for entry in try LanguageData.files.languageEntries("abbreviations", language: code) {
            switch entry.first {
            case "~": ambiguous.insert(String(entry.dropFirst()))
            case "!": ending.insert(String(entry.dropFirst()))
            default: nonBreaking.insert(entry)
            }
        }
        var continuations = Set(try LanguageData.files.languageEntries("continuations", language: code))
        for kind in [LocaleData.SymbolKind.months, .weekdays, .shortMonths] {
            for name in LocaleData.symbols(kind, locale: code) {
                continuations.insert(name)
                continuations.insert(name.prefix(1).uppercased() + name.dropFirst())
            }
        }
        self.nonBreaking = nonBreaking
        self.ambiguous = ambiguous
        endsUnlessContinued = ending
        starters = Set(try LanguageData.files.languageEntries("starters", language: code))
        self.continuations = continuations
    }

    /// `fr` for `fr-CA`, `fr_FR` or `fr@ss=standard`.
    public static func baseLanguage(_ language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" && $0 != "@" }).lowercased()
    }
}
