import VersoText
import VersoAlign

/// Word-level knowledge the checks borrow from the aligner: which words translate each other,
/// and which words a language has. Words are in the comparison form (``Folding``).
public protocol CheckLexicon {
    /// Whether a source word and a target word can be translations of each other.
    func isLinked(source: String, target: String) -> Bool
    /// Whether `word` is a known word of `language`; nil when there is no vocabulary for it.
    func knows(_ word: String, language: String) -> Bool?
}

/// The fallback lexicon: identical words and shared prefixes of 4+ letters (cognates).
public struct CognateLexicon: CheckLexicon {
    public init() {}
    public func isLinked(source: String, target: String) -> Bool { Cognates.match(source, target) }
    public func knows(_ word: String, language: String) -> Bool? { nil }
}

enum Cognates {
    /// Identical, or both at least 4 letters sharing their first 4 (after folding).
    static func match(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = a.unicodeScalars, y = b.unicodeScalars
        guard x.count >= 4, y.count >= 4 else { return false }
        return x.prefix(4).elementsEqual(y.prefix(4))
    }
}

/// One side of a bead, analysed once for every check.
public struct SideAnalysis {
    /// The side's text (sentences joined with one space).
    public let text: String
    public let sentences: [String]
    public let tokens: [Token]
    /// The side's language code.
    public let language: String
    /// Scalar offset of each UTF-8 byte boundary, to turn token byte ranges into spans.
    private let scalarAt: [Int32]

    init(sentences: [String], tokenizer: WordTokenizer, language: String) {
        self.sentences = sentences
        self.language = language
        text = sentences.joined(separator: " ")
        let raw = text.isEmpty ? [] : tokenizer.tokens(text)
        tokens = SideAnalysis.splitElisionIfNeeded(raw, language: language)
        var map = [Int32](); map.reserveCapacity(text.utf8.count + 1)
        var scalars: Int32 = 0
        for b in text.utf8 {
            map.append(scalars)
            if b & 0xC0 != 0x80 { scalars += 1 }
        }
        map.append(scalars)
        // Continuation bytes were given the count after their lead byte; fix so that every byte
        // of a scalar maps to that scalar's offset.
        var fixed = map
        var last: Int32 = 0
        for (i, b) in text.utf8.enumerated() {
            if b & 0xC0 != 0x80 { last = map[i] }
            fixed[i] = last
        }
        scalarAt = fixed
    }

    static func elides(_ language: String) -> Bool { ["fr", "it", "ca"].contains(LanguageData.baseLanguage(language)) }

    /// Tokens with elided words split off in the languages that elide.
    static func splitElisionIfNeeded(_ tokens: [Token], language: String) -> [Token] {
        elides(language) ? tokens.flatMap(splitElision) : tokens
    }

    /// "l’ONU" ⇒ "l’" + "ONU", "qu’il" ⇒ "qu’" + "il": ICU keeps elided words whole.
    static func splitElision(_ token: Token) -> [Token] {
        guard token.kind == .word, let apostrophe = token.text.firstIndex(where: { $0 == "’" || $0 == "'" }) else { return [token] }
        let head = token.text[..<apostrophe]
        guard (1...2).contains(head.count) || ["jusqu", "lorsqu", "puisqu", "quoiqu"].contains(head.lowercased()) else { return [token] }
        let cut = token.text.utf8.distance(from: token.text.startIndex, to: token.text.index(after: apostrophe))
        let first = String(token.text[...apostrophe]), rest = String(token.text[token.text.index(after: apostrophe)...])
        guard !rest.isEmpty else { return [token] }
        let lo = token.byteRange.lowerBound
        return [Token(text: first, folded: Folding.fold(first), kind: .word, byteRange: lo..<(lo + cut)),
                Token(text: rest, folded: Folding.fold(rest), kind: .word, byteRange: (lo + cut)..<token.byteRange.upperBound)]
    }

    /// Unicode scalar span of a UTF-8 byte range of `text`.
    public func span(_ bytes: Range<Int>) -> Range<Int> {
        Int(scalarAt[bytes.lowerBound])..<Int(scalarAt[bytes.upperBound])
    }

    /// Span of a token.
    public func span(of token: Token) -> Range<Int> { span(token.byteRange) }

    /// Words only (no numbers, no punctuation).
    public var words: [Token] { tokens.filter { $0.kind == .word } }

    /// Span of the first occurrence of `needle` in `text`, if any.
    public func span(ofText needle: String) -> Range<Int>? {
        guard let r = text.range(of: needle) else { return nil }
        let lo = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        let hi = text.utf8.distance(from: text.startIndex, to: r.upperBound)
        return span(lo..<hi)
    }
}

/// A bead as the checks see it: its text and the analysis of both sides.
public struct AnalyzedBead {
    public let index: Int
    public let bead: BeadText
    public let source: SideAnalysis
    public let target: SideAnalysis
    public var isOmission: Bool { bead.target.isEmpty && !bead.source.isEmpty }
    /// Prose or not: checks whose ``CheckInfo/proseOnly`` is set do not judge other beads.
    public let content: ContentKind
    public var isAddition: Bool { bead.source.isEmpty && !bead.target.isEmpty }
}

/// A document to check: its beads, languages, the aligner's lexicon and the user's glossary.
public final class CheckDocument {
    public let sourceLanguage: String
    public let targetLanguage: String
    public let beads: [AnalyzedBead]
    public let lexicon: CheckLexicon
    public let glossary: [GlossaryEntry]
    /// Target characters per source character over the aligned (non-null) beads.
    public let lengthRatio: Double
    public let sourceResources: LanguageResources
    public let targetResources: LanguageResources
    public let pairResources: PairResources
    /// Site boilerplate phrases (the aligner's).
    public let boilerplate: Boilerplate
    /// File extensions and markup tag names.
    public let technical: TechnicalResources

    /// - Complexity: O(n) in the size of the document (tokenizes every bead once).
    public init(beads: [BeadText], sourceLanguage: String, targetLanguage: String,
                lexicon: CheckLexicon = CognateLexicon(), glossary: [GlossaryEntry] = []) throws {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.lexicon = lexicon
        self.glossary = glossary
        let sourceTokenizer = try WordTokenizer(language: sourceLanguage)
        let targetTokenizer = try WordTokenizer(language: targetLanguage)
        self.beads = beads.enumerated().map { i, b in
            AnalyzedBead(index: i, bead: b, source: SideAnalysis(sentences: b.source, tokenizer: sourceTokenizer, language: sourceLanguage),
                         target: SideAnalysis(sentences: b.target, tokenizer: targetTokenizer, language: targetLanguage),
                         content: b.contentKind)
        }
        var s = 0, t = 0
        for b in self.beads where !b.bead.source.isEmpty && !b.bead.target.isEmpty {
            s += b.source.text.count
            t += b.target.text.count
        }
        // Shrunk towards a prior for the language pair so that a short document (or one
        // pair from a memory) does not define "usual" by itself.
        let prior = CheckDocument.priorRatio(source: sourceLanguage, target: targetLanguage), weight = 400.0
        lengthRatio = (Double(t) + prior * weight) / (Double(s) + weight)
        sourceResources = try LanguageResources.load(sourceLanguage)
        targetResources = try LanguageResources.load(targetLanguage)
        pairResources = try PairResources.load(source: sourceLanguage, target: targetLanguage)
        boilerplate = try Boilerplate.load()
        technical = try TechnicalResources.load()
    }

    /// Typical target/source character ratio (French runs about 15 % longer than English).
    static func priorRatio(source: String, target: String) -> Double {
        let ratios: [String: Double] = ["en-fr": 1.15, "fr-en": 0.87, "en-de": 1.1, "de-en": 0.91, "de-fr": 1.05, "fr-de": 0.95]
        return ratios["\(source.prefix(2))-\(target.prefix(2))"] ?? 1.0
    }
}
