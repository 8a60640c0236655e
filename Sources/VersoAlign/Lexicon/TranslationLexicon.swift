import Foundation
import VersoText

/// Word translations between two languages, on stems: FreeDict dictionaries read in both
/// directions, user lexicons (TSV), and pairs learned from aligned text.
///
/// Two tokens are *linked* when one of these holds: they are the same folded token (words of
/// at least 3 letters, any number or punctuation mark), they are words of at least 4 letters
/// sharing their first 4 letters (cognates), or their stems are paired in the lexicon. For
/// compounding languages (German, Dutch, Swedish, Danish, Norwegian) a long word without an
/// entry is split and its parts looked up.
///
/// Immutable once built; safe to share between threads. It is `@unchecked Sendable` because its
/// tables are `var`s filled while it is being built — by its initialisers and by
/// ``adding(stemPairs:label:)`` on a copy no other thread can see yet — and never written after
/// it is returned.
public final class TranslationLexicon: @unchecked Sendable {
    public let sourceLanguage: String
    public let targetLanguage: String
    /// Source stem → target stems.
    private(set) var forward: [String: [String]] = [:]
    /// Target stem → source stems.
    private(set) var backward: [String: [String]] = [:]
    /// What went in, for signatures: `freedict-deu-fra:47432`, `user:terms.tsv:12`, `learned:655`.
    public private(set) var provenance: [String] = []
    /// The Debian packages of the FreeDict dictionaries for this pair, when a dictionary folder
    /// was given and holds neither direction (`dict-freedict-eng-deu`, `dict-freedict-deu-eng`).
    public private(set) var missingDictionaries: [String] = []
    /// Stems of dictionary headwords that are common words ("window", not "Germany"), per side.
    private(set) var commonHeadwords: [Set<String>] = [[], []]
    let stemmers: [Stemmer]
    private let functionWords: [Set<String>]
    private let compounding: [Bool]

    /// Languages whose long words are split into known parts when they have no entry.
    static let compoundingLanguages: Set<String> = ["de", "nl", "sv", "da", "no", "nb", "is"]

    /// Builds a lexicon.
    ///
    /// - Parameters:
    ///   - sourceLanguage: language code of the source side (`en`, `de`, …).
    ///   - targetLanguage: language code of the target side.
    ///   - dictionaryDirectory: where FreeDict's dictd files are; nil for no dictionary. Both
    ///     `freedict-<src>-<tgt>` and, reversed, `freedict-<tgt>-<src>` are read when present.
    ///   - userLexicons: TSV files, `source<TAB>target` per line (`#` comments allowed).
    /// - Throws: ``VersoError`` for unreadable or malformed files.
    /// - Complexity: O(size of the dictionaries).
    public init(sourceLanguage: String, targetLanguage: String, dictionaryDirectory: String? = FreeDict.defaultDirectory,
                userLexicons: [String] = []) throws {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        let languages = [LanguageData.baseLanguage(sourceLanguage), LanguageData.baseLanguage(targetLanguage)]
        stemmers = try languages.map { try Stemmer(language: $0) }
        functionWords = try languages.map { Set(try AlignData.files.languageEntries("function-words", language: $0)) }
        compounding = languages.map { TranslationLexicon.compoundingLanguages.contains($0) }
        var pairs: [String: Set<String>] = [:]
        if let directory = dictionaryDirectory {
            if let files = try FreeDict.files(from: sourceLanguage, to: targetLanguage, directory: directory) {
                let entries = try FreeDict.read(index: files.index, dict: files.dict)
                add(entries, reversed: false, into: &pairs)
                provenance.append("freedict-\(try FreeDict.code(for: sourceLanguage))-\(try FreeDict.code(for: targetLanguage)):\(entries.count)")
            }
            if let files = try FreeDict.files(from: targetLanguage, to: sourceLanguage, directory: directory) {
                let entries = try FreeDict.read(index: files.index, dict: files.dict)
                add(entries, reversed: true, into: &pairs)
                provenance.append("freedict-\(try FreeDict.code(for: targetLanguage))-\(try FreeDict.code(for: sourceLanguage)):\(entries.count)")
            }
        }
        if dictionaryDirectory != nil && !provenance.contains(where: { $0.hasPrefix("freedict-") }) {
            let s = try FreeDict.code(for: sourceLanguage), t = try FreeDict.code(for: targetLanguage)
            missingDictionaries = ["dict-freedict-\(s)-\(t)", "dict-freedict-\(t)-\(s)"]
        }
        for path in userLexicons {
            let count = try addUserLexicon(path, into: &pairs)
            provenance.append("user:\((path as NSString).lastPathComponent):\(count)")
        }
        install(pairs)
    }

    private init(copying other: TranslationLexicon) {
        sourceLanguage = other.sourceLanguage
        targetLanguage = other.targetLanguage
        forward = other.forward
        backward = other.backward
        provenance = other.provenance
        missingDictionaries = other.missingDictionaries
        commonHeadwords = other.commonHeadwords
        stemmers = other.stemmers
        functionWords = other.functionWords
        compounding = other.compounding
    }

    /// A copy with stem pairs added (for instance a lexicon learned from aligned text).
    public func adding(stemPairs: [(source: String, target: String)], label: String) -> TranslationLexicon {
        let copy = TranslationLexicon(copying: self)
        for (s, t) in stemPairs {
            if !(copy.forward[s]?.contains(t) ?? false) { copy.forward[s, default: []].append(t) }
            if !(copy.backward[t]?.contains(s) ?? false) { copy.backward[t, default: []].append(s) }
        }
        copy.provenance.append("\(label):\(stemPairs.count)")
        return copy
    }

    /// Number of source stems with at least one translation.
    public var entryCount: Int { forward.count }

    private func install(_ pairs: [String: Set<String>]) {
        forward.reserveCapacity(pairs.count)
        var back: [String: [String]] = [:]
        for (s, targets) in pairs {
            let sorted = targets.sorted()
            forward[s] = sorted
            for t in sorted { back[t, default: []].append(s) }
        }
        backward = back
    }

    /// The content words of a translation phrase (bracketed parts dropped, at least 2 letters,
    /// not a function word), as stems.
    private func contentStems(_ phrase: Substring, side: Int) -> [String] {
        var text = String.UnicodeScalarView()
        var depth = 0
        for c in phrase.unicodeScalars {
            switch c {
            case "(", "[", "<", "{": depth += 1
            case ")", "]", ">", "}": depth = max(0, depth - 1)
            default: if depth == 0 { text.append(c) }
            }
        }
        var out: [String] = []
        AlignTokenizer.scan(String(text)) { token, kind in
            if kind == .word && token.unicodeScalars.count >= 2 && !functionWords[side].contains(token) {
                out.append(stemmers[side].stem(token))
            }
        }
        return out
    }

    private func add(_ entries: [FreeDict.Entry], reversed: Bool, into pairs: inout [String: Set<String>]) {
        let headSide = reversed ? 1 : 0
        for entry in entries {
            let head = AlignTokenizer.tokens(entry.headword)
            guard head.count == 1, head[0].kind == .word, head[0].text.unicodeScalars.count >= 2 else { continue }
            let headStem = stemmers[headSide].stem(head[0].text)
            if !entry.isProperNoun { commonHeadwords[headSide].insert(headStem) }
            for line in entry.translations {
                for phrase in line.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    for stem in contentStems(phrase, side: 1 - headSide) {
                        if reversed { pairs[stem, default: []].insert(headStem) } else { pairs[headStem, default: []].insert(stem) }
                    }
                }
            }
        }
    }

    private func addUserLexicon(_ path: String, into pairs: inout [String: Set<String>]) throws -> Int {
        let text = try SourceText.read(path: path).string
        var count = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            if content.trimmingCharacters(in: .whitespaces).isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw VersoError(.badInput, "expected source<TAB>target, found \"\(content.prefix(60))\"", file: path, line: number + 1,
                                 fix: "separate the source and target terms with one tab character")
            }
            let sources = contentStems(fields[0], side: 0), targets = contentStems(fields[1], side: 1)
            for s in sources { for t in targets { pairs[s, default: []].insert(t) } }
            if !sources.isEmpty && !targets.isEmpty { count += 1 }
        }
        return count
    }

    /// Stems on the other side that translate a folded word of `side` (0 source, 1 target),
    /// splitting compounds of compounding languages.
    func translations(ofWord word: String, side: Int) -> [String] {
        let map = side == 0 ? forward : backward
        let stemmer = stemmers[side]
        if let found = map[stemmer.stem(word)] { return found }
        guard compounding[side] else { return [] }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 7 else { return [] }
        func text(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
        for k in 3...(scalars.count - 4) {
            guard var result = map[stemmer.stem(text(scalars[k...]))] else { continue }
            for cut in 0...2 where k - cut >= 3 {
                if let left = map[stemmer.stem(text(scalars[0..<(k - cut)]))] { result += left; break }
            }
            return result
        }
        return []
    }

    /// Which tokens of a source text have a linked token in a target text, and the other way
    /// round (the coverage the aligner uses; the checks use it to find omissions and additions).
    ///
    /// - Parameters:
    ///   - source: source text (one or more sentences).
    ///   - target: target text.
    ///   - cognates: also link identical tokens and words sharing their first four letters.
    /// - Returns: the tokens of each side (folded) and, for each, whether it is linked.
    /// - Complexity: O(|source| · |target|) token comparisons in the worst case.
    public func translationLinks(source: String, target: String, cognates: Bool = true) -> TokenLinks {
        let s = AlignTokenizer.tokens(source), t = AlignTokenizer.tokens(target)
        var sourceLinked = [Bool](repeating: false, count: s.count)
        var targetLinked = [Bool](repeating: false, count: t.count)
        var targetStems: [String: [Int]] = [:]
        for (k, token) in t.enumerated() {
            targetStems[token.kind == .word ? stemmers[1].stem(token.text) : token.text, default: []].append(k)
        }
        for (i, a) in s.enumerated() {
            if a.kind == .word {
                for stem in translations(ofWord: a.text, side: 0) {
                    for k in targetStems[stem] ?? [] { sourceLinked[i] = true; targetLinked[k] = true }
                }
            }
            guard cognates else { continue }
            for (k, b) in t.enumerated() where TranslationLexicon.cognate(a, b) { sourceLinked[i] = true; targetLinked[k] = true }
        }
        // Compounds on the target side are looked up from the target word.
        for (k, b) in t.enumerated() where b.kind == .word && compounding[1] && !targetLinked[k] {
            let stems = Set(translations(ofWord: b.text, side: 1))
            for (i, a) in s.enumerated() where a.kind == .word && stems.contains(stemmers[0].stem(a.text)) {
                sourceLinked[i] = true; targetLinked[k] = true
            }
        }
        return TokenLinks(sourceTokens: s.map(\.text), targetTokens: t.map(\.text), sourceLinked: sourceLinked, targetLinked: targetLinked)
    }

    /// Identical tokens (words of ≥ 3 letters, numbers, punctuation) or words of ≥ 4 letters
    /// with the same first four letters.
    static func cognate(_ a: (text: String, kind: AlignTokenKind), _ b: (text: String, kind: AlignTokenKind)) -> Bool {
        guard a.kind == b.kind else { return false }
        if a.kind != .word { return a.text == b.text }
        let la = a.text.unicodeScalars.count, lb = b.text.unicodeScalars.count
        if a.text == b.text { return la >= 3 }
        return la >= 4 && lb >= 4 && a.text.unicodeScalars.prefix(4).elementsEqual(b.text.unicodeScalars.prefix(4))
    }
}

/// The tokens of a source and a target text and which of them are linked to the other side.
public struct TokenLinks: Sendable, Equatable {
    public var sourceTokens: [String]
    public var targetTokens: [String]
    public var sourceLinked: [Bool]
    public var targetLinked: [Bool]

    /// Share of tokens (both sides) that are linked; nil when there are no tokens.
    public var coverage: Double? {
        let total = sourceLinked.count + targetLinked.count
        guard total > 0 else { return nil }
        return Double(sourceLinked.filter { $0 }.count + targetLinked.filter { $0 }.count) / Double(total)
    }
}
