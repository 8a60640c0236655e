import VersoText

/// The aligner's token kinds.
public enum AlignTokenKind: UInt8, Sendable {
    case word, number, punctuation
}

/// The aligner's tokenizer: runs of letters (folded with ``Folding``), runs of digits with
/// their group and decimal separators removed (`1,250.5` and `1 250,5` both give `12505`), and
/// the punctuation marks `? ! : ; ( )`. Everything else (quotes, commas, full stops, hyphens,
/// apostrophes) separates tokens and is dropped.
public enum AlignTokenizer {
    /// Calls `emit` with each token's folded text and kind.
    /// - Complexity: O(n).
    public static func scan(_ text: String, _ emit: (String, AlignTokenKind) -> Void) {
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                folded.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
            } else {
                folded.append(contentsOf: Folding.fold(scalar))
            }
        }
        var i = 0
        let n = folded.count
        var token: [UInt8] = []
        token.reserveCapacity(32)
        @inline(__always) func append(_ c: Unicode.Scalar) {
            if c.value < 0x80 { token.append(UInt8(c.value)) } else { token.append(contentsOf: UTF8.encode(c)!) }
        }
        while i < n {
            let s = folded[i]
            if isDigit(s) {
                token.removeAll(keepingCapacity: true)
                var group = 0
                while i < n {
                    let c = folded[i]
                    if isDigit(c) { append(c); group += 1; i += 1; continue }
                    // A separator inside a number: . , ' always; a space only before a group of
                    // exactly three digits ("1 250").
                    if i + 1 < n && isDigit(folded[i + 1]) {
                        if c == "." || c == "," || c == "'" { group = 0; i += 1; continue }
                        if c == " " && group <= 3 && isThreeDigitGroup(folded, i + 1) { group = 0; i += 1; continue }
                    }
                    break
                }
                emit(String(decoding: token, as: UTF8.self), .number)
            } else if isLetter(s) {
                token.removeAll(keepingCapacity: true)
                while i < n && isLetter(folded[i]) { append(folded[i]); i += 1 }
                emit(String(decoding: token, as: UTF8.self), .word)
            } else {
                switch s {
                case "?", "!", ":", ";", "(", ")": emit(String(s), .punctuation)
                default: break
                }
                i += 1
            }
        }
    }

    /// The folded tokens of `text`.
    public static func tokens(_ text: String) -> [(text: String, kind: AlignTokenKind)] {
        var out: [(String, AlignTokenKind)] = []
        scan(text) { out.append(($0, $1)) }
        return out
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return s.properties.isAlphabetic
    }

    private static func isThreeDigitGroup(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        guard start + 3 <= s.count else { return false }
        for k in start..<(start + 3) where !isDigit(s[k]) { return false }
        return start + 3 == s.count || !isDigit(s[start + 3])
    }
}

/// A light suffix stemmer: removes the longest listed suffix (`Data/stem-suffixes.<lang>.txt`)
/// when at least 3 letters remain, then cuts the word to 6 letters. Numbers and punctuation are
/// left as they are.
public struct Stemmer: Sendable {
    public let language: String
    private let suffixes: [[Unicode.Scalar]]
    private let asciiSuffixes: [[UInt8]]
    public static let keep = 6
    public static let minimumStem = 3

    /// - Throws: `VersoError` when the bundled suffix lists are missing.
    public init(language: String) throws {
        self.language = LanguageData.baseLanguage(language)
        suffixes = try AlignData.files.languageEntries("stem-suffixes", language: self.language)
            .map { Array($0.unicodeScalars) }
            .sorted { $0.count > $1.count }
        asciiSuffixes = suffixes.filter { $0.allSatisfy(\.isASCII) }.map { $0.map { UInt8($0.value) } }
    }

    /// The stem of a folded word.
    public func stem(_ word: String) -> String {
        let utf8 = Array(word.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var end = utf8.count
            for suffix in asciiSuffixes where utf8.count - suffix.count >= Stemmer.minimumStem {
                if utf8[(utf8.count - suffix.count)...].elementsEqual(suffix) { end = utf8.count - suffix.count; break }
            }
            return String(decoding: utf8[0..<min(end, Stemmer.keep)], as: UTF8.self)
        }
        let scalars = Array(word.unicodeScalars)
        var end = scalars.count
        for suffix in suffixes where scalars.count - suffix.count >= Stemmer.minimumStem {
            if scalars[(scalars.count - suffix.count)...].elementsEqual(suffix) {
                end = scalars.count - suffix.count
                break
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[0..<min(end, Stemmer.keep)])
        return String(out)
    }
}

/// Interned tokens of every document aligned together: integer ids for folded forms, and per
/// side their stems, 4-letter prefixes and letter counts.
final class FeatureSpace {
    private(set) var forms: [String] = []
    private(set) var kinds: [AlignTokenKind] = []
    private(set) var letters: [Int32] = []
    private var ids: [String: Int32] = [:]
    /// Stem id of each form, per side (0 source, 1 target); -1 until computed.
    private(set) var stemOf: [[Int32]] = [[], []]
    private(set) var stems: [[String]] = [[], []]
    private var stemIds: [[String: Int32]] = [[:], [:]]
    /// Id of the first four letters of each word of at least four letters, else -1.
    private(set) var prefixOf: [Int32] = []
    private var prefixIds: [String: Int32] = [:]
    let stemmers: [Stemmer]

    /// - Parameter stemmers: the source side's stemmer, then the target side's.
    init(stemmers: [Stemmer]) {
        self.stemmers = stemmers
    }

    var formCount: Int { forms.count }

    func intern(_ text: String, _ kind: AlignTokenKind) -> Int32 {
        if let id = ids[text] { return id }
        let id = Int32(forms.count)
        ids[text] = id
        forms.append(text)
        kinds.append(kind)
        let count = kind == .word ? text.unicodeScalars.count : 0
        letters.append(Int32(count))
        stemOf[0].append(-1)
        stemOf[1].append(-1)
        if count >= 4 {
            let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(4)))
            if let p = prefixIds[prefix] { prefixOf.append(p) } else {
                let p = Int32(prefixIds.count)
                prefixIds[prefix] = p
                prefixOf.append(p)
            }
        } else {
            prefixOf.append(-1)
        }
        return id
    }

    /// The stem id of a form on a side (computed on first use).
    func stem(_ form: Int32, side: Int) -> Int32 {
        let cached = stemOf[side][Int(form)]
        if cached >= 0 { return cached }
        let text = kinds[Int(form)] == .word ? stemmers[side].stem(forms[Int(form)]) : forms[Int(form)]
        let id: Int32
        if let known = stemIds[side][text] { id = known } else {
            id = Int32(stems[side].count)
            stemIds[side][text] = id
            stems[side].append(text)
        }
        stemOf[side][Int(form)] = id
        return id
    }

    func stemId(_ text: String, side: Int) -> Int32? { stemIds[side][text] }
}

/// One side of a document as the aligner sees it: token ids per sentence (flat), character
/// counts and paragraph starts.
struct SideFeatures {
    /// Sentence k's tokens are `tokens[tokenStart[k]..<tokenStart[k + 1]]` (form ids).
    var tokenStart: [Int32]
    var tokens: [Int32]
    /// Non-space characters of each sentence.
    var characters: [Int32]
    /// 1 when sentence k starts a new paragraph (k > 0), else 0.
    var paragraphStart: [UInt8]
    /// Block kind class of each sentence (``Structure``); empty for plain text.
    var structure: [UInt8] = []

    var count: Int { characters.count }

    init(texts: [String], paragraphs: [Int]?, space: FeatureSpace, structure: [UInt8] = []) {
        self.structure = structure.count == texts.count ? structure : []
        var starts: [Int32] = [0]
        starts.reserveCapacity(texts.count + 1)
        var ids: [Int32] = []
        ids.reserveCapacity(texts.count * 20)
        var counts: [Int32] = []
        counts.reserveCapacity(texts.count)
        for text in texts {
            var chars: Int32 = 0
            for s in text.unicodeScalars {
                let v = s.value
                if v < 0x80 ? (v != 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) : !s.properties.isWhitespace { chars += 1 }
            }
            counts.append(chars)
            AlignTokenizer.scan(text) { ids.append(space.intern($0, $1)) }
            starts.append(Int32(ids.count))
        }
        var para = [UInt8](repeating: 0, count: texts.count)
        if let paragraphs {
            for k in paragraphs.indices.dropFirst() where paragraphs[k] != paragraphs[k - 1] { para[k] = 1 }
        }
        tokenStart = starts
        tokens = ids
        characters = counts
        paragraphStart = para
    }

    private init(tokenStart: [Int32], tokens: [Int32], characters: [Int32], paragraphStart: [UInt8], structure: [UInt8] = []) {
        self.tokenStart = tokenStart
        self.tokens = tokens
        self.characters = characters
        self.paragraphStart = paragraphStart
        self.structure = structure
    }

    /// Sentences `range` only (token arrays are shared, not copied).
    func slice(_ range: Range<Int>) -> SideFeatures {
        SideFeatures(tokenStart: Array(tokenStart[range.lowerBound...range.upperBound]), tokens: tokens,
                     characters: Array(characters[range]), paragraphStart: Array(paragraphStart[range]),
                     structure: structure.isEmpty ? [] : Array(structure[range]))
    }

    /// The side seen in blocks of `k` consecutive sentences (the last may be shorter), for the
    /// coarse levels of the search. Token arrays are shared, not copied.
    func merged(_ k: Int) -> SideFeatures {
        var starts: [Int32] = [], chars: [Int32] = []
        starts.reserveCapacity(count / k + 2)
        chars.reserveCapacity(count / k + 1)
        var i = 0
        while i < count {
            starts.append(tokenStart[i])
            let end = min(count, i + k)
            chars.append(characters[i..<end].reduce(0, +))
            i = end
        }
        starts.append(tokenStart[count])
        return SideFeatures(tokenStart: starts, tokens: tokens, characters: chars,
                            paragraphStart: [UInt8](repeating: 0, count: chars.count))
    }
}
