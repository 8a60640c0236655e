/// Finds paragraphs and other blocks in plain text.
///
/// Blank lines always separate blocks. When the document is hard-wrapped (most lines end near
/// one width, as in Debian's FAQ text files), consecutive lines are joined into one block
/// when the first word of the next line would not have fitted on the line before, or when the
/// next line starts in lower case after a line with no closing punctuation. List items,
/// dialogue lines, code lines, rules and headings start blocks of their own. In a document
/// that is not hard-wrapped, every line is its own block: a line break there is the writer's.
enum BlockDetector {
    struct Line {
        var range: Range<Int>        // content without the line break
        var length: Int              // in scalars
        var indent: Int              // in bytes
        var indentColumns: Int
        var blank: Bool
        var firstWordLength: Int
        var startsList: Bool
        var startsDialogue: Bool
        var isRule: Bool
        var looksLikeCode: Bool
        var endsSentence: Bool
        var startsLower: Bool
        var endsWithColon: Bool
        var words: Int
    }

    struct Layout {
        var blocks: [Block]
        var hardWrapped: Bool
    }

    /// - Complexity: O(n).
    static func detect(_ bytes: [UInt8]) -> Layout {
        let lines = scanLines(bytes)
        let width = wrapWidth(lines)
        var blocks: [Block] = []
        var current: (start: Int, end: Int, kind: Block.Kind)?
        var previous: Line?

        func close() {
            if let c = current { blocks.append(Block(byteRange: c.start..<c.end, kind: c.kind)) }
            current = nil
        }
        // Indented code: in a wrapped text, lines indented deeper than the prose after a
        // paragraph that ends with ":" ("run:" then "    apt update").
        let baseIndent = width == nil ? nil : commonIndent(lines)
        var afterColon = false, codeIndent: Int?
        for line in lines {
            if line.blank {
                if let p = previous { afterColon = p.endsWithColon }
                close(); previous = nil; continue
            }
            let contentStart = line.range.lowerBound + line.indent
            var indentedCode = false
            // A line that runs to the wrap width with several words is wrapped prose, however
            // deep its indentation (a list item's second paragraph).
            let proseLength = width.map { line.length * 10 >= $0 * 8 && line.words >= 5 } ?? false
            if let c = codeIndent, line.indentColumns >= c, previous == nil || current?.kind == .code, !proseLength {
                indentedCode = true
            } else if previous == nil, afterColon, let base = baseIndent, line.indentColumns >= base + 3, !line.startsList, !proseLength {
                indentedCode = true
                codeIndent = line.indentColumns
            } else if previous == nil {
                codeIndent = nil
            }
            let kind: Block.Kind = line.isRule ? .rule : (line.looksLikeCode || indentedCode) ? .code
                : line.startsList ? .listItem : line.startsDialogue ? .dialogue : .prose
            if let prev = previous, let cur = current, let width,
               joins(prev, line, width: width), cur.kind != .code, cur.kind != .rule, kind == .prose {
                current!.end = line.range.upperBound
            } else {
                close()
                current = (contentStart, line.range.upperBound, kind)
            }
            previous = line
        }
        close()
        // A single short line followed by a different block, with no closing punctuation, is a
        // heading.
        for i in blocks.indices where blocks[i].kind == .prose {
            let r = blocks[i].byteRange
            if r.count < 80, !bytes[r].contains(0x0A), let last = bytes[r].last,
               !".!?:;,\"»”)…".utf8.contains(last) {
                blocks[i].kind = .heading
            }
        }
        return Layout(blocks: blocks, hardWrapped: width != nil)
    }

    /// The most frequent indentation of non-blank lines.
    private static func commonIndent(_ lines: [Line]) -> Int {
        var counts: [Int: Int] = [:]
        for l in lines where !l.blank && !l.startsList { counts[l.indentColumns, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
    }

    private static func joins(_ prev: Line, _ line: Line, width: Int) -> Bool {
        if line.looksLikeCode || line.isRule || line.startsList || line.startsDialogue { return false }
        if prev.looksLikeCode || prev.isRule { return false }
        // The next word would not have fitted: the break is the wrapper's.
        if prev.length + 1 + line.firstWordLength > width - 2 { return true }
        // A sentence obviously continues.
        if !prev.endsSentence && line.startsLower { return true }
        return false
    }

    /// The wrap width when the text looks hard-wrapped, else nil.
    private static func wrapWidth(_ lines: [Line]) -> Int? {
        let lengths = lines.filter { !$0.blank }.map(\.length).sorted()
        guard lengths.count >= 8 else { return nil }
        let p95 = lengths[min(lengths.count - 1, lengths.count * 95 / 100)]
        guard (40...100).contains(p95) else { return nil }
        // Most non-final lines of a wrapped text are near the width.
        var followed = 0, near = 0
        for i in 0..<(lines.count - 1) where !lines[i].blank && !lines[i + 1].blank {
            followed += 1
            if lines[i].length >= p95 * 3 / 4 { near += 1 }
        }
        guard followed >= 4, near * 2 >= followed else { return nil }
        return p95
    }

    private static func scanLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        let n = bytes.count
        while start <= n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            lines.append(describe(bytes, start..<contentEnd))
            if end >= n { break }
            start = end + 1
        }
        return lines
    }

    private static func describe(_ bytes: [UInt8], _ range: Range<Int>) -> Line {
        var indent = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let n = Segmenter.spaceAt(bytes, i, end: range.upperBound)
            if n == 0 { break }
            indent += bytes[i] == 0x09 ? 8 : 1
            i += n
        }
        let indentBytes = i - range.lowerBound
        var hi = range.upperBound
        while hi > i { let n = Segmenter.spaceBefore(bytes, hi, start: i); if n == 0 { break }; hi -= n }
        let blank = i >= hi
        var length = indent
        for k in i..<hi where bytes[k] & 0xC0 != 0x80 { length += 1 }
        var w = i
        while w < hi && Segmenter.spaceAt(bytes, w, end: hi) == 0 { w += 1 }
        var firstWordLength = 0
        for k in i..<w where bytes[k] & 0xC0 != 0x80 { firstWordLength += 1 }
        // Work on the bytes: this runs once a line on documents of any size.
        let body = bytes[i..<hi]
        let rest = bytes[w..<hi]
        // Only short first words that start like a marker are decoded.
        let lead = blank ? 0 : bytes[i]
        let mayBeMarker = w - i <= 8 && (lead == 0x2D || lead == 0x2A || lead == 0x2B || lead == 0x28 || lead == 0x5B
            || lead == 0x24 || lead == 0x23 || lead == 0x3E || (0x30...0x39).contains(lead) || lead == 0xE2 || lead == 0xC2
            || ((0x61...0x7A).contains(lead) && w - i <= 4))
        let firstWord = mayBeMarker ? String(decoding: bytes[i..<w], as: UTF8.self) : ""
        let startsList = mayBeMarker && isListMarker(Substring(firstWord), followedBySpace: !rest.isEmpty)
        let startsDialogue = !blank && (firstWord == "—" || firstWord == "–" || firstWord == "--") && !rest.isEmpty
        let isRule = !blank && body.count >= 3 && "=-*_~#".utf8.contains(body.first!) && body.allSatisfy { $0 == body.first! }
        // Code: a run of 3+ spaces inside (columns) or a shell prompt.
        var columns = false, run = 0
        for b in body { run = b == 0x20 ? run + 1 : 0; if run >= 3 { columns = true; break } }
        let prompt = ["$", "#", ">"].contains(firstWord) && !rest.isEmpty
        let looksLikeCode = !blank && (columns || prompt)
        let lastScalar = blank ? nil : lastScalarOf(body)
        let endsSentence = lastScalar.map { ".!?:;»”\"…)".unicodeScalars.contains($0) } ?? false
        let startsLower: Bool
        if blank { startsLower = false } else if lead < 0x80 { startsLower = (0x61...0x7A).contains(lead) } else {
            startsLower = String(decoding: bytes[i..<min(i + 4, hi)], as: UTF8.self).first?.isLowercase ?? false
        }
        return Line(range: range, length: length, indent: indentBytes, indentColumns: indent, blank: blank, firstWordLength: firstWordLength,
                    startsList: startsList, startsDialogue: startsDialogue, isRule: isRule,
                    looksLikeCode: looksLikeCode, endsSentence: endsSentence, startsLower: startsLower,
                    endsWithColon: lastScalar == ":", words: blank ? 0 : body.split(separator: 0x20).count)
    }

    /// "-", "*", "•", "1.", "1.2.", "a)", "(3)", "[2]" followed by a space.
    private static func lastScalarOf(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var k = body.endIndex - 1
        while k > body.startIndex && body[k] & 0xC0 == 0x80 { k -= 1 }
        return String(decoding: body[k...], as: UTF8.self).unicodeScalars.first
    }

    private static func isListMarker(_ word: Substring, followedBySpace: Bool) -> Bool {
        guard followedBySpace else { return false }
        if ["-", "*", "•", "+", "·", "◦", "‣", "–"].contains(word) { return true }
        var s = word
        if s.hasPrefix("(") || s.hasPrefix("[") { s = s.dropFirst() }
        guard let last = s.last, ".)]".contains(last) else { return false }
        let body = s.dropLast()
        if body.isEmpty { return false }
        // 1. 1.2. 12) a) iv)
        if body.allSatisfy({ $0.isNumber || $0 == "." }) && body.first!.isNumber { return true }
        if body.count == 1, body.first!.isLetter, body.first!.isLowercase { return last != "." }
        return false
    }
}
