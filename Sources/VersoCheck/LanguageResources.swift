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
    /// Phrases that mark site boilerplate (headers, footers, share widgets).
    public let boilerplate: [String]
    /// Month names (full and abbreviated) → 1…12.
    public let months: [String: Int]
    /// Weekday names (full and abbreviated) → 1 (Sunday)…7.
    public let weekdays: [String: Int]
    /// Spelled-out numbers → value ("two" → 2, "deux" → 2), from ICU's spell-out rules.
    public let numberWords: [String: Double]
    /// Scale words → multiplier ("million" → 1e6, "milliard" → 1e9).
    public let scaleWords: [String: Double]

    nonisolated(unsafe) private static var cache: [String: LanguageResources] = [:]
    private static let lock = NSLock()

    public static func load(_ language: String) -> LanguageResources {
        let code = LanguageData.baseLanguage(language)
        lock.lock(); defer { lock.unlock() }
        if let r = cache[code] { return r }
        let r = LanguageResources(code: code)
        cache[code] = r
        return r
    }

    private init(code: String) {
        language = code
        functionWords = Set(LanguageResources.entries("function-words.\(code)").map { Folding.fold($0) })
        negations = Set(LanguageResources.entries("negations.\(code)").map { Folding.fold($0) })
        weakNegations = Set(LanguageResources.entries("negations-weak.\(code)").map { Folding.fold($0) })
        boilerplate = LanguageResources.entries("boilerplate").map { Folding.fold($0) }
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
        for line in LanguageResources.entries("scale-words.\(code)") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { scales[Folding.fold(String(parts[0]))] = v }
        }
        scaleWords = scales
    }

    /// Entries of a data file of this module (one a line, `#` comments).
    static func entries(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Data"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entry = content.trimmingCharacters(in: .whitespaces)
            return entry.isEmpty ? nil : entry
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
    public static func load(source: String, target: String) -> [AcronymPair] {
        let s = LanguageData.baseLanguage(source), t = LanguageData.baseLanguage(target)
        func parse(_ name: String, reversed: Bool) -> [AcronymPair] {
            LanguageResources.entries(name).compactMap { line in
                let f = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                guard f.count >= 2 else { return nil }
                let a = AcronymPair(source: f[0], target: f[1],
                                    sourceExpansions: f.count > 2 ? f[2].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } : [],
                                    targetExpansions: f.count > 3 ? f[3].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } : [])
                return reversed ? AcronymPair(source: a.target, target: a.source, sourceExpansions: a.targetExpansions, targetExpansions: a.sourceExpansions) : a
            }
        }
        let direct = parse("acronyms.\(s)-\(t)", reversed: false)
        return direct.isEmpty ? parse("acronyms.\(t)-\(s)", reversed: true) : direct
    }
}

/// A glossary entry: this source term must be rendered by this target term.
public struct GlossaryEntry: Sendable, Equatable {
    public let source: String
    public let target: String
    public init(source: String, target: String) { self.source = source; self.target = target }

    /// Reads a glossary: CSV or TSV with two columns (source, target), or TBX (termEntry with
    /// one term per language).
    ///
    /// - Throws: ``VersoError`` when the file cannot be read, is not UTF-8 or has a line
    ///   without two columns.
    public static func read(path: String, sourceLanguage: String, targetLanguage: String) throws -> [GlossaryEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VersoError(.unreadable, "glossary cannot be read", file: path, fix: "check the path")
        }
        return try parse([UInt8](data), name: path, tbx: path.lowercased().hasSuffix(".tbx"),
                         sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// Parses a glossary's bytes: CSV or TSV with two columns, or TBX when `tbx`.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - name: the path shown in errors.
    ///   - tbx: read the bytes as TBX instead of CSV/TSV.
    /// - Throws: ``VersoError`` when the bytes are not UTF-8 or a line lacks two columns.
    /// - Complexity: O(n) in the size of the glossary.
    public static func parse(_ bytes: [UInt8], name: String, tbx: Bool, sourceLanguage: String, targetLanguage: String) throws -> [GlossaryEntry] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw VersoError(.invalidEncoding, "glossary is not UTF-8", file: name, fix: "convert it to UTF-8")
        }
        let path = name
        if tbx { return parseTBX(text, source: sourceLanguage, target: targetLanguage) }
        var entries: [GlossaryEntry] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let separator: Character = trimmed.contains("\t") ? "\t" : ","
            let fields = trimmed.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw VersoError(.badInput, "glossary line needs two columns (source, target): '\(trimmed)'", file: path, line: n + 1,
                                 fix: "write one term pair a line, separated by a comma or a tab")
            }
            if n == 0 && fields[0].lowercased() == "source" { continue }
            entries.append(GlossaryEntry(source: fields[0], target: fields[1]))
        }
        return entries
    }

    static func parseTBX(_ text: String, source: String, target: String) -> [GlossaryEntry] {
        var entries: [GlossaryEntry] = []
        let s = LanguageData.baseLanguage(source), t = LanguageData.baseLanguage(target)
        for entry in text.components(separatedBy: "<termEntry").dropFirst() {
            var terms: [String: String] = [:]
            for lang in entry.components(separatedBy: "<langSet").dropFirst() {
                guard let code = lang.range(of: "lang=\"").map({ lang[$0.upperBound...].prefix { $0 != "\"" } }),
                      let open = lang.range(of: "<term>"), let close = lang.range(of: "</term>") , open.upperBound <= close.lowerBound else { continue }
                terms[LanguageData.baseLanguage(String(code))] = String(lang[open.upperBound..<close.lowerBound])
            }
            if let a = terms[s], let b = terms[t] { entries.append(GlossaryEntry(source: a, target: b)) }
        }
        return entries
    }
}
