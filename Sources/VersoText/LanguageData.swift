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

    /// The lists for a language code such as `en` or `fr-CA` (the part before `-`/`_` is used).
    public static func load(_ language: String) -> LanguageData {
        let code = baseLanguage(language)
        cacheLock.lock(); defer { cacheLock.unlock() }
        if let cached = cache[code] { return cached }
        var nonBreaking = Set<String>(), ambiguous = Set<String>(), ending = Set<String>()
        for entry in entries(file: "abbreviations.\(code)") {
            switch entry.first {
            case "~": ambiguous.insert(String(entry.dropFirst()))
            case "!": ending.insert(String(entry.dropFirst()))
            default: nonBreaking.insert(entry)
            }
        }
        var continuations = Set(entries(file: "continuations.\(code)"))
        for kind in [LocaleData.SymbolKind.months, .weekdays, .shortMonths] {
            for name in LocaleData.symbols(kind, locale: code) {
                continuations.insert(name)
                continuations.insert(name.prefix(1).uppercased() + name.dropFirst())
            }
        }
        let data = LanguageData(nonBreaking: nonBreaking, ambiguous: ambiguous, endsUnlessContinued: ending,
                                starters: Set(entries(file: "starters.\(code)")), continuations: continuations)
        cache[code] = data
        return data
    }

    /// `fr` for `fr-CA`, `fr_FR` or `fr@ss=standard`.
    public static func baseLanguage(_ language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" && $0 != "@" }).lowercased()
    }

    /// Entries of a data file: one a line, `#` starts a comment, blank lines skipped.
    public static func entries(file name: String, ext: String = "txt") -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Data"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entry = content.trimmingCharacters(in: .whitespaces)
            return entry.isEmpty ? nil : entry
        }
    }

    nonisolated(unsafe) private static var cache: [String: LanguageData] = [:]
    private static let cacheLock = NSLock()
}
