import Foundation
import VersoText

/// A glossary entry: how a source term is to be rendered.
///
/// Three rules: a term to translate with the glossary's target term (or one of its
/// alternatives), a term not to translate (the target keeps the source term as written), and a
/// forbidden target term (“never use”), checked wherever the source term occurs or, with no
/// source term, in every target. Terms match with inflection (``TermMatcher``),
/// case-insensitively unless the entry is case-sensitive, and `*` in a term matches any letters
/// (`imprim*`).
public struct GlossaryEntry: Sendable, Equatable {
    public enum Rule: String, Sendable, Equatable {
        case translate
        /// The target keeps the source term (a product name, a command).
        case doNotTranslate = "do-not-translate"
        /// The target term must not be used.
        case forbidden
    }

    /// The source term (empty for a forbidden term that applies everywhere).
    public var source: String
    /// The preferred target term (for `forbidden`, the term that must not appear).
    public var target: String
    /// Other target terms the glossary admits.
    public var alternatives: [String]
    public var rule: Rule
    /// Whether case matters when matching (“Windows” is not “windows”).
    public var caseSensitive: Bool
    /// Where the entry was read (`terms.csv:12`), for messages.
    public var origin: String?
    /// The glossary's note or definition, when it has one.
    public var note: String?

    public init(source: String, target: String, alternatives: [String] = [], rule: Rule = .translate,
                caseSensitive: Bool = false, origin: String? = nil, note: String? = nil) {
        self.source = source
        self.target = target
        self.alternatives = alternatives
        self.rule = rule
        self.caseSensitive = caseSensitive
        self.origin = origin
        self.note = note
    }

    /// How a message names the entry: “package” ⇒ “paquet” (terms.csv:3).
    public var label: String {
        let terms: String
        switch rule {
        case .translate: terms = "“\(source)” ⇒ “\(([target] + alternatives).joined(separator: "” or “"))”"
        case .doNotTranslate: terms = "“\(source)” (do not translate)"
        case .forbidden: terms = source.isEmpty ? "never “\(target)”" : "“\(source)”: never “\(target)”"
        }
        return origin.map { "\(terms) (\($0))" } ?? terms
    }

    /// Reads a glossary: CSV or TSV (``readDelimited(_:path:)``) or TBX 2/3 (``GlossaryTBX``).
    /// - Throws: `VersoError` naming the file and line when it cannot be read or a line is wrong.
    public static func read(path: String, sourceLanguage: String, targetLanguage: String) throws -> [GlossaryEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VersoError(.unreadable, "glossary cannot be read", file: path, fix: "check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VersoError(.invalidEncoding, "glossary is not UTF-8", file: path, fix: "convert it to UTF-8")
        }
        if path.lowercased().hasSuffix(".tbx") || text.prefix(400).contains("<martif") || text.prefix(400).contains("<tbx") {
            return try GlossaryTBX.parse(data, path: path, source: sourceLanguage, target: targetLanguage)
        }
        return try readDelimited(text, path: path)
    }

    /// CSV or TSV, one entry a line: `source,target[,flags[,note]]`. `#` starts a comment line; a
    /// first line starting with `source` is a header. Fields may be quoted (`"a, b"`, `""` for a
    /// quote). The target may list alternatives separated by `|` (`paquet|paquetage`). Flags,
    /// separated by `;` or spaces: `forbidden` (also `never use`, `deprecated`), `do not
    /// translate` (also `dnt`, `keep`), `case-sensitive` (also `case`). A do-not-translate entry
    /// may leave the target empty.
    /// - Throws: `VersoError` with the line when a line has fewer than two fields or an unknown flag.
    public static func readDelimited(_ text: String, path: String) throws -> [GlossaryEntry] {
        var entries: [GlossaryEntry] = []
        let name = (path as NSString).lastPathComponent
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let separator: Character = line.contains("\t") ? "\t" : ","
            let fields = try delimitedFields(String(line), separator: separator, path: path, line: n + 1)
            if n == 0 || entries.isEmpty, fields.first?.lowercased() == "source" { continue }
            let flags = fields.count > 2 ? fields[2].lowercased() : ""
            var rule = Rule.translate, caseSensitive = false
            var rest = " " + flags.replacingOccurrences(of: ";", with: " ") + " "
            for (words, apply) in [(["never use", "forbidden", "deprecated"], { rule = .forbidden }),
                                   (["do not translate", "do-not-translate", "dnt", "keep"], { rule = .doNotTranslate }),
                                   (["case-sensitive", "case"], { caseSensitive = true })] as [([String], () -> Void)] {
                for word in words where rest.contains(" \(word) ") { apply(); rest = rest.replacingOccurrences(of: " \(word) ", with: " ") }
            }
            if let unknown = rest.split(separator: " ").first {
                throw VersoError(.badInput, "unknown glossary flag '\(unknown)' in '\(trimmed)'", file: path, line: n + 1,
                                 fix: "use forbidden, do not translate or case-sensitive (separated by ';'), or put free text in the fourth column")
            }
            let source = fields.first ?? "", targets = fields.count > 1 ? fields[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } : []
            let valid = rule == .doNotTranslate ? !source.isEmpty : rule == .forbidden ? !(targets.first ?? "").isEmpty : !source.isEmpty && !(targets.first ?? "").isEmpty
            guard fields.count >= 2, valid else {
                throw VersoError(.badInput, "glossary line needs two columns (source, target): '\(trimmed)'", file: path, line: n + 1,
                                 fix: "write one term pair a line, separated by a comma or a tab (a do-not-translate term may leave the target empty)")
            }
            entries.append(GlossaryEntry(source: source, target: targets.first ?? source, alternatives: Array(targets.dropFirst()), rule: rule,
                                         caseSensitive: caseSensitive, origin: "\(name):\(n + 1)", note: fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil))
        }
        return entries
    }

    /// The fields of one CSV/TSV line, quotes removed.
    private static func delimitedFields(_ line: String, separator: Character, path: String, line number: Int) throws -> [String] {
        var fields: [String] = [], field = "", quoted = false, wasQuoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    var lookahead = chars
                    if lookahead.next() == "\"" { field.append("\""); chars = lookahead } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true; wasQuoted = true; field = ""
            } else if c == separator {
                fields.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces)); field = ""; wasQuoted = false
            } else { field.append(c) }
        }
        if quoted {
            throw VersoError(.badInput, "a quoted field is not closed in '\(line)'", file: path, line: number, fix: "close the quote, or write \"\" for a quote inside")
        }
        fields.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
        return fields
    }
}

/// Finds glossary terms in a side with inflection: each word matches through its stems from the
/// language's Hunspell dictionary (“paquets” → “paquet”, “utilisatrices” → “utilisateur”,
/// “mises” → “mise”), or, with no dictionary, French and English plural and feminine rules;
/// elided articles are separate words already (“l’”, “d’”), so “l’ordinateur” holds
/// “ordinateur”. `*` in a term word matches any letters.
struct TermMatcher {
    let speller: Speller?
    let language: String

    init(language: String) {
        self.language = LanguageData.baseLanguage(language)
        speller = Speller.load(language)
    }

    /// The comparison keys of a word: its folded form and the folded stems of its inflections.
    func keys(_ word: String) -> Set<String> {
        var keys: Set<String> = [Folding.fold(word)]
        if let speller {
            for stem in speller.stems(word) { keys.insert(Folding.fold(stem)) }
            if word.first?.isUppercase == true { for stem in speller.stems(word.lowercased()) { keys.insert(Folding.fold(stem)) } }
        }
        keys.formUnion(ruleStems(Folding.fold(word)))
        return keys
    }

    /// Plural and feminine endings taken off by rule (when the dictionary does not know a word).
    private func ruleStems(_ folded: String) -> [String] {
        var stems: [String] = []
        if folded.count > 3 && (folded.hasSuffix("s") || folded.hasSuffix("x")) { stems.append(String(folded.dropLast())) }
        if language == "fr" {
            if folded.hasSuffix("aux") && folded.count > 4 { stems.append(String(folded.dropLast(3)) + "al") }
            for (fem, mas) in [("rices", "eur"), ("rice", "eur"), ("euses", "eur"), ("euse", "eur"), ("es", ""), ("e", "")] where folded.hasSuffix(fem) && folded.count > fem.count + 2 {
                stems.append(String(folded.dropLast(fem.count)) + mas)
                break
            }
        }
        if language == "en" && folded.hasSuffix("ies") && folded.count > 4 { stems.append(String(folded.dropLast(3)) + "y") }
        return stems
    }

    /// A term split into words, with their keys, made once per glossary.
    struct Term {
        var words: [Token]
        var keys: [Set<String>]
    }

    /// A side's words (no punctuation) with their keys, made once per bead.
    struct Words {
        var tokens: [(index: Int, token: Token, keys: Set<String>)]
    }

    func term(_ text: String, tokenizer: WordTokenizer) -> Term {
        let words = SideAnalysis.splitElisionIfNeeded(tokenizer.tokens(text), language: language).filter { $0.kind != .punctuation }
        return Term(words: words, keys: words.map { $0.text.contains("*") ? [] : keys($0.text) })
    }

    func words(_ tokens: [Token]) -> Words {
        Words(tokens: tokens.enumerated().filter { $0.element.kind != .punctuation }.map { ($0.offset, $0.element, keys($0.element.text)) })
    }

    /// The token ranges (indices into the side's tokens) where the term's words occur in order.
    /// - Complexity: O(words × term words).
    func matches(_ term: Term, in side: Words, caseSensitive: Bool) -> [Range<Int>] {
        let n = term.words.count
        guard n > 0 else { return [] }
        var found: [Range<Int>] = []
        var i = 0
        while i + n <= side.tokens.count {
            var ok = true
            for k in 0..<n {
                let word = side.tokens[i + k], part = term.words[k]
                if caseSensitive && !Self.sameCase(word.token.text, part.text) { ok = false; break }
                if part.text.contains("*") {
                    if !Self.wildcard(part.folded, matches: word.token.folded) { ok = false; break }
                } else if word.token.folded != part.folded && word.keys.isDisjoint(with: term.keys[k]) {
                    ok = false; break
                }
            }
            if ok {
                found.append(side.tokens[i].index..<(side.tokens[i + n - 1].index + 1))
                i += n
            } else { i += 1 }
        }
        return found
    }

    /// Case-sensitive entries: the same capitalisation of the first letter, and capitals
    /// throughout when the term is written in capitals (“GNOME” is not “Gnome”).
    static func sameCase(_ word: String, _ term: String) -> Bool {
        guard word.first?.isUppercase == term.first?.isUppercase else { return false }
        let termCaps = term.filter(\.isLetter).allSatisfy(\.isUppercase) && term.filter(\.isLetter).count > 1
        return !termCaps || word.filter(\.isLetter).allSatisfy(\.isUppercase)
    }

    /// `*` matches any run of characters; the rest must match exactly (both folded).
    static func wildcard(_ pattern: String, matches word: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == word }
        guard word.hasPrefix(parts[0]), word.hasSuffix(parts[parts.count - 1]), word.count >= parts[0].count + parts[parts.count - 1].count else { return false }
        var rest = Substring(word.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let r = rest.range(of: middle) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}
