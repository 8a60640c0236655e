import Foundation
import VersoText

/// Language knowledge for the checks, from the data files in `Data/` and ICU's locale data.
/// Words are stored folded (``Folding``).
public struct LanguageResources: Sendable {
    public let language: String
    /// Frequent function words (language identification, stop words).
    public let functionWords: Set<String>
    /// Words that make a clause negative.
    public let negations: Set<String>
    /// Words and phrases that carry a negative or restrictive sense without negating the
    /// clause outright ("without", "hardly", "only", "sans", "à peine", "impossible").
    public let weakNegations: Set<String>
    /// Month names (full and abbreviated) → 1…12.
    public let months: [String: Int]
    /// Weekday names (full and abbreviated) → 1 (Sunday)…7.
    public let weekdays: [String: Int]
    /// Spelled-out numbers → value ("two" → 2, "deux" → 2), from ICU's spell-out rules.
    public let numberWords: [String: Double]
    /// Scale words → multiplier ("million" → 1e6, "milliard" → 1e9).
    public let scaleWords: [String: Double]
    /// Titles, ranks, kinship terms and sacred names that are translated ("President",
    /// "Pope"), folded.
    public let translatedTitles: Set<String>
    /// Words a sentence cannot end on ("the", "de", "et"), lower case with a straight apostrophe.
    public let danglingWords: Set<String>
    /// Word-order patterns of a target language: a regular expression and the message.
    public let wordOrderPatterns: [(pattern: String, message: String)]
    /// Month names that are also common words ("may", "mars"), folded.
    public let ambiguousMonths: Set<String>
    /// Words that announce a date ("in", "since", "depuis"), folded.
    public let dateCues: Set<String>
    /// Labels that stand before a number with a no-break space in typography ("n°", "p."), folded.
    public let numberLabels: Set<String>
    /// The segmenter's abbreviation and starter lists.
    public let segmentation: LanguageData
    /// The system's word list for the language (Debian's `wamerican`, `wfrench`…), when installed.
    public let wordList: WordList?
    /// Keyboard key names → canonical key id ("Maj" → `shift`, "Échap" → `esc`), lower case.
    public let keyNames: [String: String]

    /// The data files of VersoCheck.
    static let files = DataFiles(module: "VersoCheck", bundle: .module)
    private static let cache = Cache<String, LanguageResources>()

    /// The resources of a language (`fr` for `fr-CA`), read once per process; empty lists for
    /// a language Verso has no data for.
    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func load(_ language: String) throws -> LanguageResources {
        let code = LanguageData.baseLanguage(language)
        return try cache.value(code) { try LanguageResources(code: code) }
    }

    private init(code: String) throws {
        language = code
        func folded(_ family: String) throws -> Set<String> {
            Set(try LanguageResources.files.languageEntries(family, language: code).map { Folding.fold($0) })
        }
        functionWords = try folded("function-words")
        negations = try folded("negations")
        weakNegations = try folded("negations-weak")
        translatedTitles = Set(try LanguageResources.files.languageEntries("translated-titles", language: code))
        danglingWords = Set(try LanguageResources.files.languageEntries("dangling-words", language: code).map(TruncationCheck.plain))
        wordOrderPatterns = try LanguageResources.files.languageEntries("word-order", language: code).compactMap { line in
            let parts = line.components(separatedBy: " => ")
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        ambiguousMonths = try folded("ambiguous-months")
        dateCues = try folded("date-cues")
        numberLabels = try folded("number-labels")
        segmentation = try LanguageData.load(code)
        wordList = WordList.load(code)
        var keys: [String: String] = [:]
        for line in try LanguageResources.files.languageEntries("key-names", language: code) {
            let fields = line.split(separator: " ").map(String.init)
            // "_" stands for a space in the file ("Caps_Lock").
            for name in fields.dropFirst() { keys[name.lowercased().replacingOccurrences(of: "_", with: " ")] = fields[0] }
        }
        keyNames = keys
        var months: [String: Int] = [:], weekdays: [String: Int] = [:]
        for kind in [LocaleData.SymbolKind.months, .shortMonths] {
            for (i, name) in LocaleData.symbols(kind, locale: code).enumerated() {
                let key = Folding.fold(name).trimmingCharacters(in: CharacterSet(charactersIn: "."))
                if key.count >= 3 { months[key] = i + 1 }
            }
        }
        for kind in [LocaleData.SymbolKind.weekdays] {
            for (i, name) in LocaleData.symbols(kind, locale: code).enumerated() {
                weekdays[Folding.fold(name)] = i + 1
            }
        }
        self.months = months
        self.weekdays = weekdays
        var words: [String: Double] = [:]
        for value in Array(2...20) + [30, 40, 50, 60, 70, 80, 90, 100] {
            if let spelled = LocaleData.format(Double(value), locale: code, style: .spellout), !spelled.contains(" ") {
                words[Folding.fold(spelled)] = Double(value)
            }
        }
        numberWords = words
        var scales: [String: Double] = [:]
        for line in try LanguageResources.files.languageEntries("scale-words", language: code) {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { scales[Folding.fold(String(parts[0]))] = v }
        }
        scaleWords = scales
    }
}

/// What the checks know about a language pair, from `Data/*.<src>-<tgt>.txt`: read once per
/// process and pair.
public struct PairResources: Sendable {
    /// Acronyms and their translations ("UN" ↔ "ONU").
    public let acronyms: [AcronymPair]
    /// False friends: a source word, its look-alike, what the look-alike means, and the source
    /// words that make the look-alike right.
    let falseFriends: [FalseFriendCheck.Pair]
    /// Connectors ("but also") and their renderings ("mais aussi", "mais également").
    let connectors: [(phrase: String, renderings: [String], text: String, renderingsText: String)]

    private static let cache = Cache<String, PairResources>()

    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func load(source: String, target: String) throws -> PairResources {
        let s = LanguageData.baseLanguage(source), t = LanguageData.baseLanguage(target)
        return try cache.value("\(s)-\(t)") { try PairResources(source: s, target: t) }
    }

    private init(source: String, target: String) throws {
        let files = LanguageResources.files
        acronyms = try AcronymPair.load(source: source, target: target)
        falseFriends = try files.pairEntries("false-friends", source: source, target: target).compactMap(FalseFriendCheck.Pair.init(line:))
        connectors = try files.pairEntries("connectors", source: source, target: target).compactMap { line in
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 2 else { return nil }
            return (Folding.fold(f[0]), f[1].split(separator: ";").map { Folding.fold(String($0)) }, f[0], f[1])
        }
    }
}

/// An acronym and its translation ("UN" ↔ "ONU"), with expansions on both sides.
public struct AcronymPair: Sendable {
    public let source: String
    public let target: String
    public let sourceExpansions: [String]
    public let targetExpansions: [String]

    /// Pairs for a language pair, from `Data/acronyms.<src>-<tgt>.txt` (read in either direction).
    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func load(source: String, target: String) throws -> [AcronymPair] {
        let s = LanguageData.baseLanguage(source), t = LanguageData.baseLanguage(target)
        func parse(_ from: String, _ to: String, reversed: Bool) throws -> [AcronymPair] {
            try LanguageResources.files.pairEntries("acronyms", source: from, target: to).compactMap { line in
                let f = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                guard f.count >= 2 else { return nil }
                let a = AcronymPair(source: f[0], target: f[1],
                                    sourceExpansions: f.count > 2 ? f[2].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } : [],
                                    targetExpansions: f.count > 3 ? f[3].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } : [])
                return reversed ? AcronymPair(source: a.target, target: a.source, sourceExpansions: a.targetExpansions, targetExpansions: a.sourceExpansions) : a
            }
        }
        let direct = try parse(s, t, reversed: false)
        return direct.isEmpty ? try parse(t, s, reversed: true) : direct
    }
}
