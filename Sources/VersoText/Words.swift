/// A word-level token of a segment, from ICU's word break iterator.
public struct Token: Sendable, Equatable {
    public enum Kind: String, Sendable { case word, number, punctuation }
    /// The token as written.
    public var text: String
    /// Its comparison form (see ``Folding``).
    public var folded: String
    public var kind: Kind
    /// Byte range in the segment's `text`.
    public var byteRange: Range<Int>

    public init(text: String, folded: String, kind: Kind, byteRange: Range<Int>) {
        self.text = text
        self.folded = folded
        self.kind = kind
        self.byteRange = byteRange
    }
}

/// Splits text into words, numbers and punctuation with ICU's word break rules. Whitespace is
/// dropped. Not thread-safe; make one per thread.
public final class WordTokenizer {
    private let iterator: BreakIterator

    public init(language: String) throws {
        iterator = try BreakIterator(.word, locale: LanguageData.baseLanguage(language))
    }

    /// Tokens of `text`.
    /// - Complexity: O(n).
    public func tokens(_ text: String) -> [Token] {
        let bytes = Array(text.utf8)
        let bounds = iterator.boundaries(bytes, withStatus: true)
        var tokens: [Token] = []
        tokens.reserveCapacity(bounds.count / 2)
        for k in 1..<max(bounds.count, 1) {
            let lo = bounds[k - 1].offset, hi = bounds[k].offset
            guard hi > lo else { continue }
            let status = bounds[k].status
            let kind: Token.Kind
            if status >= 100 && status < 200 { kind = .number }
            else if status >= 200 { kind = .word }
            else {
                // Status 0: spaces and punctuation; keep punctuation only.
                let b = bytes[lo]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
                let piece = String(decoding: bytes[lo..<hi], as: UTF8.self)
                if piece.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { continue }
                kind = .punctuation
            }
            let piece = String(decoding: bytes[lo..<hi], as: UTF8.self)
            tokens.append(Token(text: piece, folded: Folding.fold(piece), kind: kind, byteRange: lo..<hi))
        }
        return tokens
    }
}
