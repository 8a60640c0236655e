/// A paragraph-level block of a document.
public struct Block: Sendable, Equatable {
    /// What the block looks like; code blocks are never split into sentences. Plain text has
    /// the first six; documents read by their structure (HTML, Markdown, DOCX…) the others too.
    public enum Kind: String, Sendable, CaseIterable {
        case prose, listItem = "list-item", heading, code, dialogue, rule
        /// A table cell (cells of one row share ``Block/group``).
        case tableCell = "table-cell"
        /// A figure or table caption.
        case caption
        /// A block quotation.
        case quote
        /// The document's title (`<title>`, a title page).
        case title
        /// Metadata shown to a reader (a description, an author line).
        case metadata
        /// A subtitle cue (``Block/time`` holds its times).
        case cue
        /// A footnote or endnote body.
        case footnote
    }
    /// Byte range in ``SourceText/bytes``, from the first to the last non-blank character.
    public var byteRange: Range<Int>
    public var kind: Kind
    /// A heading's level (1 is the top), a list item's nesting depth (1 is the outer list); 0 otherwise.
    public var level = 0
    /// For a document read by its structure: the bytes of the original file the block came
    /// from (its markup included); nil for plain text, where ``byteRange`` is that already.
    public var sourceRange: Range<Int>? = nil
    /// The block's language when the document says it (HTML `lang`, `xml:lang`), else nil.
    public var language: String? = nil
    /// Blocks that belong together: the cells of one table row, the items of one list.
    public var group: Int? = nil
    /// A subtitle cue's start and end, in seconds.
    public var time: ClosedRange<Double>? = nil
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
    /// Inline markup that stood inside the segment (empty for plain text), in text order.
    public var codes: [InlineCode] = []
}

/// A document split into blocks and segments, keeping every byte of the input.
public struct SegmentedDocument: Sendable {
    public let source: SourceText
    public let language: String
    public let blocks: [Block]
    public let segments: [Segment]
    /// Whether the text was detected as hard-wrapped (and lines were re-flowed).
    public let hardWrapped: Bool
    /// For a document read by its structure (HTML, Markdown, DOCX, ODT, subtitles, PDF): the
    /// original file's format and line starts. `source` then holds the document's text, its
    /// blocks separated by blank lines, and ``reconstructed()`` gives that text back, not the file.
    public var origin: DocumentOrigin? = nil

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

    /// The 1-based line of each segment's first byte (lines end at LF).
    /// - Complexity: O(n).
    public func segmentLines() -> [Int] {
        // A document read by its structure: the line of each segment's block in the file.
        if isStructured { return segments.indices.map { originalLine(ofSegment: $0) } }
        var lines: [Int] = []
        lines.reserveCapacity(segments.count)
        var line = 1, byte = 0
        let bytes = source.bytes
        for segment in segments {
            while byte < segment.byteRange.lowerBound {
                if bytes[byte] == 0x0A { line += 1 }
                byte += 1
            }
            lines.append(line)
        }
        return lines
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
    let iterator: BreakIterator
    private let data: LanguageData

    /// - Parameters:
    ///   - language: language code (`en`, `fr`, `de`…), picks the abbreviation lists.
    ///   - locale: ICU locale for the iterator; defaults to `<language>@ss=standard`.
    public init(language: String, locale: String? = nil) throws {
        self.language = language
        let base = LanguageData.baseLanguage(language)
        self.locale = locale ?? "\(base)@ss=standard"
        iterator = try BreakIterator(.sentence, locale: self.locale)
        data = try LanguageData.load(base)
    }

    /// A description of the segmenter for signatures.
    public var signature: String { Segmenter.signature(language: language, locale: locale) }

    /// The signature of the segmenter for `language` and `locale` (default `<language>@ss=standard`),
    /// without making one.
    public static func signature(language: String, locale: String? = nil) -> String {
        let base = LanguageData.baseLanguage(language)
        return "icu-sentence(\(locale ?? "\(base)@ss=standard"))+merge(\(base))"
    }

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
                if block.kind == .rule { continue }   // underlines and rules are layout, kept as gap text
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
            let r = trimmed(start..<end, bytes)
            if !r.isEmpty {
                blocks.append(Block(byteRange: r, kind: .prose))
                segments.append(Segment(index: segments.count, paragraph: blocks.count - 1, byteRange: r,
                                        text: displayText(bytes[r])))
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
        let r = Segmenter.trimmed(range, bytes)
        guard !r.isEmpty else { return }
        segments.append(Segment(index: segments.count, paragraph: block, byteRange: r,
                                text: Segmenter.displayText(bytes[r])))
    }

    /// Removes ICU boundaries that follow an abbreviation or initials (the merge step).
    func mergeCuts(_ raw: [Int], bytes: [UInt8], block: Range<Int>) -> [Int] {
        // ICU's boundaries plus the ones ICU missed, then each judged in order.
        let candidates = Set(raw).union(missedBoundaries(bytes: bytes, block: block)).sorted()
        var cuts: [Int] = [block.lowerBound]
        for b in candidates where b > block.lowerBound && b < block.upperBound {
            if shouldMerge(at: b, from: cuts.last!, bytes: bytes, end: block.upperBound) { continue }
            let cut = Segmenter.afterClosingMarks(b, bytes: bytes, end: block.upperBound)
            if cut > cuts.last! && cut < block.upperBound { cuts.append(cut) }
        }
        cuts.append(block.upperBound)
        return cuts
    }

    /// Places ICU does not break but a sentence ends: before an opening quote that follows a
    /// sentence end ("la mer. « D’accord"), and after an abbreviation ICU suppresses that can
    /// end a sentence ("av. J.-C. Il"). ``shouldMerge`` then judges them like ICU's own.
    private func missedBoundaries(bytes: [UInt8], block: Range<Int>) -> [Int] {
        var result: [Int] = []
        var i = block.lowerBound
        while i < block.upperBound {
            let b = bytes[i]
            i += 1
            guard b == 0x2E || b == 0x21 || b == 0x3F else { continue }   // . ! ?
            var j = i
            while j < block.upperBound { let n = Segmenter.spaceAt(bytes, j, end: block.upperBound); if n == 0 { break }; j += n }
            guard j > i, j < block.upperBound else { continue }
            let (next, length) = Segmenter.decodeScalar(bytes, at: j)
            if "«“\"‘".unicodeScalars.contains(next) {
                var k = j + length
                while k < block.upperBound { let n = Segmenter.spaceAt(bytes, k, end: block.upperBound); if n == 0 { break }; k += n }
                if k < block.upperBound, Segmenter.decodeScalar(bytes, at: k).0.properties.isUppercase { result.append(j) }
            } else if b == 0x2E, next.properties.isUppercase {
                var t = i - 1
                while t > block.lowerBound && Segmenter.spaceBefore(bytes, t, start: block.lowerBound) == 0 { t -= 1 }
                let token = String(decoding: bytes[t..<i], as: UTF8.self)
                if data.ambiguous.contains(token) || data.endsUnlessContinued.contains(token) { result.append(j) }
            }
        }
        return result
    }

    /// ICU breaks before a closing mark set off by a space ("… coréenne. »"); such marks belong
    /// to the sentence before. Returns the cut moved past them, or `b`.
    static func afterClosingMarks(_ b: Int, bytes: [UInt8], end: Int) -> Int {
        var i = b
        while i < end { let n = spaceAt(bytes, i, end: end); if n == 0 { break }; i += n }
        var j = i
        while j < end {
            let (scalar, length) = decodeScalar(bytes, at: j)
            guard "»”’)]\"'›".unicodeScalars.contains(scalar) else { break }
            j += length
        }
        guard j > i else { return b }
        if j == end || spaceAt(bytes, j, end: end) > 0 { return j }
        return b
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(b0)!, 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether the ICU boundary at byte `b` should be dropped.
    func shouldMerge(at b: Int, from start: Int, bytes: [UInt8], end blockEnd: Int) -> Bool {
        // Dialogue: "— Tu viens ce soir ? demanda Claire." — a lower-case word after ? or !.
        let next = nextWord(after: b, bytes: bytes)
        if let first = next.first, first.isLowercase, endsWithQuestionOrExclamation(before: b, from: start, bytes: bytes) {
            return true
        }
        // "“Are you coming tonight?” Claire asked." — a short attribution after a quoted question.
        if endsWithQuotedQuestionOrExclamation(before: b, from: start, bytes: bytes),
           isShortAttribution(from: b, bytes: bytes, end: blockEnd) {
            return true
        }
        return shouldMergeAfterToken(at: b, from: start, bytes: bytes, next: next)
    }

    private func lastNonSpace(before b: Int, from start: Int, bytes: [UInt8]) -> Int {
        var end = b
        while true { let n = Segmenter.spaceBefore(bytes, end, start: start); if n == 0 { break }; end -= n }
        return end
    }

    private func endsWithQuestionOrExclamation(before b: Int, from start: Int, bytes: [UInt8]) -> Bool {
        let end = lastNonSpace(before: b, from: start, bytes: bytes)
        return end > start && (bytes[end - 1] == 0x3F || bytes[end - 1] == 0x21)
    }

    private func endsWithQuotedQuestionOrExclamation(before b: Int, from start: Int, bytes: [UInt8]) -> Bool {
        var end = lastNonSpace(before: b, from: start, bytes: bytes)
        var sawQuote = false
        while end > start {
            var k = end - 1
            while k > start && bytes[k] & 0xC0 == 0x80 { k -= 1 }
            let (scalar, _) = Segmenter.decodeScalar(bytes, at: k)
            if "”\"»’".unicodeScalars.contains(scalar) { sawQuote = true; end = k; continue }
            if scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" { end = k; continue }
            return sawQuote && (scalar == "?" || scalar == "!")
        }
        return false
    }

    /// Up to four words ending with a period, at the end of the block or before another
    /// sentence: "Claire asked.", "she said, laughing."
    private func isShortAttribution(from b: Int, bytes: [UInt8], end: Int) -> Bool {
        var i = b, words = 0, inWord = false
        while i < end {
            let byte = bytes[i]
            if byte == 0x2E { return words >= 1 && words <= 4 }
            if byte == 0x3F || byte == 0x21 || byte == 0x22 || byte == 0xC2 && i + 1 < end && bytes[i + 1] == 0xAB { return false }
            let space = Segmenter.spaceAt(bytes, i, end: end) > 0
            if !space && !inWord { words += 1 }
            inWord = !space
            i += 1
        }
        return false
    }

    private func shouldMergeAfterToken(at b: Int, from start: Int, bytes: [UInt8], next: String) -> Bool {
        // The last whitespace-delimited token before the boundary.
        var end = b
        while true { let n = Segmenter.spaceBefore(bytes, end, start: start); if n == 0 { break }; end -= n }
        var tokenStart = end
        while tokenStart > start && Segmenter.spaceBefore(bytes, tokenStart, start: start) == 0 { tokenStart -= 1 }
        guard end > tokenStart, bytes[end - 1] == UInt8(ascii: ".") else { return false }
        var token = String(decoding: bytes[tokenStart..<end], as: UTF8.self)
        // Opening brackets or quotes glued to the token do not matter.
        while let f = token.unicodeScalars.first, "([«\"'“‘".unicodeScalars.contains(f) { token.unicodeScalars.removeFirst() }
        // A list or section number alone ("7.9.", "8.", "iv.") belongs to what follows.
        if Segmenter.trimmed(start..<tokenStart, bytes).isEmpty,
           token.dropLast().allSatisfy({ $0.isNumber || $0 == "." }) || Segmenter.isRomanNumeral(token.dropLast()) {
            return true
        }
        if data.nonBreaking.contains(token) { return true }
        if data.endsUnlessContinued.contains(token) { return data.continuations.contains(next) }
        if data.ambiguous.contains(token) || Segmenter.isInitials(token) {
            return !data.starters.contains(next)
        }
        // A boundary Verso proposed itself after an ordinary word ("la mer. « D’accord") stands;
        // one after a word ICU chose not to break stays unbroken.
        return false
    }

    private func nextWord(after b: Int, bytes: [UInt8]) -> String {
        var i = b
        while i < bytes.count { let n = Segmenter.spaceAt(bytes, i, end: bytes.count); if n == 0 { break }; i += n }
        var j = i
        while j < bytes.count && Segmenter.spaceAt(bytes, j, end: bytes.count) == 0 { j += 1 }
        var word = String(decoding: bytes[i..<j], as: UTF8.self)
        while let l = word.unicodeScalars.last, !l.properties.isAlphabetic { word.unicodeScalars.removeLast() }
        if let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }) {
            word = String(word[...apostrophe]).replacingOccurrences(of: "’", with: "'")
        }
        return word
    }

    static func isRomanNumeral(_ s: Substring) -> Bool {
        !s.isEmpty && s.count <= 5 && (s.allSatisfy { "ivxlc".contains($0) } || s.allSatisfy { "IVXLC".contains($0) })
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

    /// Byte length of the white space starting at `i` (ASCII spaces, U+00A0, U+2000–U+200A,
    /// U+202F, U+3000), or 0.
    @inline(__always) static func spaceAt(_ bytes: [UInt8], _ i: Int, end: Int) -> Int {
        let b = bytes[i]
        if isSpace(b) { return 1 }
        if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, (0x80...0x8A).contains(bytes[i + 2]) || bytes[i + 2] == 0xAF { return 3 }
        if b == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Byte length of the white space ending just before `i`, or 0.
    @inline(__always) static func spaceBefore(_ bytes: [UInt8], _ i: Int, start: Int) -> Int {
        guard i > start else { return 0 }
        if isSpace(bytes[i - 1]) { return 1 }
        if i - 2 >= start, spaceAt(bytes, i - 2, end: i) == 2 { return 2 }
        if i - 3 >= start, spaceAt(bytes, i - 3, end: i) == 3 { return 3 }
        return 0
    }

    /// `range` without white space at either end.
    static func trimmed(_ range: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi { let n = spaceAt(bytes, lo, end: hi); if n == 0 { break }; lo += n }
        while hi > lo { let n = spaceBefore(bytes, hi, start: lo); if n == 0 { break }; hi -= n }
        return lo..<hi
    }

    /// NFC text with whitespace runs holding a line break shown as one space.
    static func displayText(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { buf -> String in
            var hasBreak = false, ascii = true
            for b in buf {
                if b == 0x0A || b == 0x0D { hasBreak = true }
                if b >= 0x80 { ascii = false }
            }
            var text: String
            if hasBreak {
                // Collapse each white-space run (ASCII or U+00A0) that holds a line break to one space.
                text = String(unsafeUninitializedCapacity: buf.count) { out in
                    var n = 0, i = 0
                    while i < buf.count {
                        let b = buf[i]
                        if isSpace(b) || (b == 0xC2 && i + 1 < buf.count && buf[i + 1] == 0xA0) {
                            var j = i, sawBreak = false
                            while j < buf.count {
                                if isSpace(buf[j]) { if buf[j] == 0x0A || buf[j] == 0x0D { sawBreak = true }; j += 1 }
                                else if buf[j] == 0xC2 && j + 1 < buf.count && buf[j + 1] == 0xA0 { j += 2 }
                                else { break }
                            }
                            if sawBreak { out[n] = 0x20; n += 1 } else { for k in i..<j { out[n] = buf[k]; n += 1 } }
                            i = j
                        } else { out[n] = b; n += 1; i += 1 }
                    }
                    return n
                }
            } else {
                text = String(decoding: buf, as: UTF8.self)
            }
            return ascii || isTriviallyNFC(buf) ? text : Normalization.nfc.apply(text)
        }
    }

    /// True when every non-ASCII scalar is below U+0300 or in U+2002–U+20FF: no such scalar
    /// changes under NFC, so the ICU call can be skipped (most Western European text).
    static func isTriviallyNFC(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count {
            let b = buf[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xC2 && b <= 0xCB { i += 2; continue }
            if b == 0xE2 && i + 2 < buf.count && (buf[i + 1] == 0x80 || buf[i + 1] == 0x81 || buf[i + 1] == 0x82)
                && !(buf[i + 1] == 0x80 && (buf[i + 2] == 0x80 || buf[i + 2] == 0x81)) { i += 3; continue }
            return false
        }
        return true
    }
}
