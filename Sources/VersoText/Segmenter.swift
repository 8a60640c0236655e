/// A paragraph-level block of a document.
public struct Block: Sendable, Equatable {
    /// What the block looks like; code blocks are never split into sentences.
    public enum Kind: String, Sendable { case prose, listItem = "list-item", heading, code, dialogue, rule }
    /// Byte range in ``SourceText/bytes``, from the first to the last non-blank character.
    public var byteRange: Range<Int>
    public var kind: Kind
}

/// A sentence (or a code line, heading, list item…) of a document.
public struct Segment: Sendable, Equatable {
    /// Position in the document, 0-based.
    public var index: Int
    /// Index of the block (paragraph) the segment belongs to.
    public var paragraph: Int
    /// Byte range in ``SourceText/bytes``; whitespace around the segment is left out and kept
    /// as the gap between segments.
    public var byteRange: Range<Int>
    /// The text for display and matching: NFC, with every whitespace run that holds a line
    /// break shown as one space.
    public var text: String
}

/// A document split into blocks and segments, keeping every byte of the input.
public struct SegmentedDocument: Sendable {
    public let source: SourceText
    public let language: String
    public let blocks: [Block]
    public let segments: [Segment]
    /// Whether the text was detected as hard-wrapped (and lines were re-flowed).
    public let hardWrapped: Bool

    /// The input rebuilt from the segments and the text between them: equal to
    /// `source.originalBytes` for UTF-8 input, byte for byte.
    /// - Complexity: O(n).
    public func reconstructed() -> [UInt8] {
        var out = source.bom
        out.reserveCapacity(source.bytes.count + out.count)
        var position = 0
        for segment in segments {
            out.append(contentsOf: source.bytes[position..<segment.byteRange.lowerBound])
            out.append(contentsOf: source.bytes[segment.byteRange])
            position = segment.byteRange.upperBound
        }
        out.append(contentsOf: source.bytes[position...])
        return out
    }

    /// Unicode scalar (code point) offsets of each segment in the decoded text, for JSON
    /// consumers that count characters as Python does.
    /// - Complexity: O(n).
    public func scalarOffsets() -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(segments.count)
        var byte = 0, scalars = 0
        let bytes = source.bytes
        func advance(to target: Int) {
            while byte < target {
                if bytes[byte] & 0xC0 != 0x80 { scalars += 1 }
                byte += 1
            }
        }
        for s in segments {
            advance(to: s.byteRange.lowerBound)
            let start = scalars
            advance(to: s.byteRange.upperBound)
            result.append(start..<scalars)
        }
        return result
    }
}

/// Splits documents into blocks and sentences: ICU's sentence break iterator plus Verso's own
/// merge step for abbreviations and initials ICU still splits after.
///
/// Not thread-safe (it owns an ICU iterator); make one per thread.
public final class Segmenter {
    public let language: String
    public let locale: String
    private let iterator: BreakIterator
    private let data: LanguageData

    /// - Parameters:
    ///   - language: language code (`en`, `fr`, `de`…), picks the abbreviation lists.
    ///   - locale: ICU locale for the iterator; defaults to `<language>@ss=standard`.
    public init(language: String, locale: String? = nil) throws {
        self.language = language
        let base = LanguageData.baseLanguage(language)
        self.locale = locale ?? "\(base)@ss=standard"
        iterator = try BreakIterator(.sentence, locale: self.locale)
        data = LanguageData.load(base)
    }

    /// A description of the segmenter for signatures.
    public var signature: String { "icu-sentence(\(locale))+merge(\(LanguageData.baseLanguage(language)))" }

    /// Segments a document: blocks from blank lines and re-flowed hard wrapping, sentences
    /// inside prose blocks.
    /// - Complexity: O(n) in the size of the text.
    public func segment(_ source: SourceText) -> SegmentedDocument {
        let bytes = source.bytes
        let layout = BlockDetector.detect(bytes)
        // ICU sees a copy where line breaks inside a block are spaces (same byte length, so
        // offsets agree) and where each block ends with a forced break.
        var flat = bytes
        var segments: [Segment] = []
        segments.reserveCapacity(bytes.count / 60 + 1)
        for block in layout.blocks {
            for i in block.byteRange where flat[i] == 0x0A || flat[i] == 0x0D { flat[i] = 0x20 }
        }
        flat.withUnsafeBufferPointer { buffer in
            for (blockIndex, block) in layout.blocks.enumerated() {
                if block.kind != .prose && block.kind != .listItem && block.kind != .dialogue {
                    append(block.byteRange, block: blockIndex, bytes: bytes, to: &segments)
                    continue
                }
                let slice = UnsafeBufferPointer(rebasing: buffer[block.byteRange])
                let raw = iterator.boundaries(slice).map { $0.offset + block.byteRange.lowerBound }
                let cuts = mergeCuts(raw, bytes: bytes, block: block.byteRange)
                for k in 0..<(cuts.count - 1) {
                    append(cuts[k]..<cuts[k + 1], block: blockIndex, bytes: bytes, to: &segments)
                }
            }
        }
        return SegmentedDocument(source: source, language: language, blocks: layout.blocks,
                                 segments: segments, hardWrapped: layout.hardWrapped)
    }

    /// Treats every non-blank line as one segment (`--segmented` input).
    /// - Complexity: O(n).
    public static func lines(_ source: SourceText, language: String) -> SegmentedDocument {
        let bytes = source.bytes
        var segments: [Segment] = []
        var blocks: [Block] = []
        var start = 0
        func flush(_ end: Int) {
            var lo = start, hi = end
            while lo < hi && isSpace(bytes[lo]) { lo += 1 }
            while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
            if lo < hi {
                blocks.append(Block(byteRange: lo..<hi, kind: .prose))
                segments.append(Segment(index: segments.count, paragraph: blocks.count - 1, byteRange: lo..<hi,
                                        text: displayText(bytes[lo..<hi])))
            }
        }
        for (i, b) in bytes.enumerated() where b == 0x0A {
            flush(i)
            start = i + 1
        }
        flush(bytes.count)
        return SegmentedDocument(source: source, language: language, blocks: blocks, segments: segments, hardWrapped: false)
    }

    private func append(_ range: Range<Int>, block: Int, bytes: [UInt8], to segments: inout [Segment]) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && Segmenter.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && Segmenter.isSpace(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi else { return }
        segments.append(Segment(index: segments.count, paragraph: block, byteRange: lo..<hi,
                                text: Segmenter.displayText(bytes[lo..<hi])))
    }

    /// Removes ICU boundaries that follow an abbreviation or initials (the merge step).
    func mergeCuts(_ raw: [Int], bytes: [UInt8], block: Range<Int>) -> [Int] {
        var cuts: [Int] = [block.lowerBound]
        for b in raw where b > block.lowerBound && b < block.upperBound {
            if !shouldMerge(at: b, from: cuts.last!, bytes: bytes) { cuts.append(b) }
        }
        cuts.append(block.upperBound)
        return cuts
    }

    /// Whether the ICU boundary at byte `b` should be dropped.
    func shouldMerge(at b: Int, from start: Int, bytes: [UInt8]) -> Bool {
        // The last whitespace-delimited token before the boundary.
        var end = b
        while end > start && Segmenter.isSpace(bytes[end - 1]) { end -= 1 }
        var tokenStart = end
        while tokenStart > start && !Segmenter.isSpace(bytes[tokenStart - 1]) { tokenStart -= 1 }
        guard end > tokenStart, bytes[end - 1] == UInt8(ascii: ".") else { return false }
        var token = String(decoding: bytes[tokenStart..<end], as: UTF8.self)
        // Opening brackets or quotes glued to the token do not matter.
        while let f = token.unicodeScalars.first, "([«\"'“‘".unicodeScalars.contains(f) { token.unicodeScalars.removeFirst() }
        let next = nextWord(after: b, bytes: bytes)
        if data.nonBreaking.contains(token) { return true }
        if data.ambiguous.contains(token) || Segmenter.isInitials(token) {
            return !data.starters.contains(next)
        }
        return false
    }

    private func nextWord(after b: Int, bytes: [UInt8]) -> String {
        var i = b
        while i < bytes.count && Segmenter.isSpace(bytes[i]) { i += 1 }
        var j = i
        while j < bytes.count && !Segmenter.isSpace(bytes[j]) { j += 1 }
        var word = String(decoding: bytes[i..<j], as: UTF8.self)
        while let l = word.unicodeScalars.last, !l.properties.isAlphabetic { word.unicodeScalars.removeLast() }
        if let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }) {
            word = String(word[...apostrophe]).replacingOccurrences(of: "’", with: "'")
        }
        return word
    }

    /// "J.", "U.S.", "J.-C.", "É.-U.": single letters each followed by a period.
    static func isInitials(_ token: String) -> Bool {
        var sawLetter = false
        var expectLetter = true
        for scalar in token.unicodeScalars {
            if expectLetter {
                if scalar.properties.isUppercase { sawLetter = true; expectLetter = false; continue }
                if scalar == "-" && sawLetter { continue }
                return false
            } else {
                guard scalar == "." else { return false }
                expectLetter = true
            }
        }
        return sawLetter && expectLetter
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }

    /// NFC text with whitespace runs holding a line break shown as one space.
    static func displayText(_ bytes: ArraySlice<UInt8>) -> String {
        var hasBreak = false
        var ascii = true
        for b in bytes {
            if b == 0x0A || b == 0x0D { hasBreak = true }
            if b >= 0x80 { ascii = false }
        }
        var text: String
        if hasBreak {
            var out = [UInt8](); out.reserveCapacity(bytes.count)
            var i = bytes.startIndex
            while i < bytes.endIndex {
                if isSpace(bytes[i]) {
                    var j = i, sawBreak = false
                    while j < bytes.endIndex && isSpace(bytes[j]) { if bytes[j] == 0x0A || bytes[j] == 0x0D { sawBreak = true }; j += 1 }
                    if sawBreak { out.append(0x20) } else { out.append(contentsOf: bytes[i..<j]) }
                    i = j
                } else { out.append(bytes[i]); i += 1 }
            }
            text = String(decoding: out, as: UTF8.self)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        return ascii ? text : Normalization.nfc.apply(text)
    }
}
