/// Collects the text and inline markup of one block as a reader walks a document: white space
/// collapsed as a browser shows it (outside code), placeholders at the scalar offsets where the
/// markup stood, and the range of the original file the block covers. Every structured reader
/// (HTML, Markdown, DOCX, ODT) builds its blocks with it.
struct BlockBuilder {
    private(set) var text = ""
    /// Length of ``text`` in Unicode scalars.
    private(set) var count = 0
    private(set) var codes: [InlineCode] = []
    /// Keep white space and line breaks as they are (code, preformatted text).
    var preserveSpace = false
    private var pendingSpace = false
    private var nextId = 1
    private var sourceStart: Int?
    private var sourceEnd = 0

    /// Whether no visible text was added yet.
    var isEmpty: Bool { text.isEmpty }

    /// Extends the block's source range to cover `range` of the original file.
    mutating func cover(_ range: Range<Int>) {
        sourceStart = min(sourceStart ?? range.lowerBound, range.lowerBound)
        sourceEnd = max(sourceEnd, range.upperBound)
    }

    /// Adds text as a reader sees it.
    /// - Complexity: O(n) in the length of `piece`.
    mutating func append(_ piece: String) {
        let normalized = Normalization.nfc.apply(piece)
        if preserveSpace {
            flushSpace()
            var previousCR = false
            for scalar in normalized.unicodeScalars {
                if scalar == "\r" { text.unicodeScalars.append("\n"); count += 1; previousCR = true; continue }
                if scalar == "\n" && previousCR { previousCR = false; continue }
                previousCR = false
                text.unicodeScalars.append(scalar)
                count += 1
            }
            return
        }
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                pendingSpace = true
            default:
                flushSpace()
                text.unicodeScalars.append(scalar)
                count += 1
            }
        }
    }

    /// A line break the markup asks for (`<br>`, a soft break in Markdown): a space in prose,
    /// a line break in code.
    mutating func lineBreak() {
        if preserveSpace { text.unicodeScalars.append("\n"); count += 1 } else { pendingSpace = true }
    }

    private mutating func flushSpace() {
        if pendingSpace && !text.isEmpty {
            text.unicodeScalars.append(" ")
            count += 1
        }
        pendingSpace = false
    }

    /// Places an opening code; returns its id, to close it with.
    @discardableResult
    mutating func open(_ original: String, type: String) -> Int {
        flushSpace()
        let id = nextId
        nextId += 1
        codes.append(InlineCode(kind: .open, id: id, offset: count, original: original, type: type))
        return id
    }

    /// Places the closing code of `id`.
    mutating func close(_ id: Int, _ original: String, type: String) {
        codes.append(InlineCode(kind: .close, id: id, offset: count, original: original, type: type))
    }

    /// Places a standalone code (an image, a footnote mark).
    mutating func standalone(_ original: String, type: String) {
        flushSpace()
        let id = nextId
        nextId += 1
        codes.append(InlineCode(kind: .standalone, id: id, offset: count, original: original, type: type))
    }

    /// The block, or nil when it holds no visible text. Trailing white space is dropped (codes
    /// past the end move to it); leading and trailing blank lines of code are dropped too.
    mutating func finish(kind: Block.Kind, level: Int = 0, language: String? = nil, group: Int? = nil,
                         time: ClosedRange<Double>? = nil, fallbackRange: Range<Int>) -> DocumentBlock? {
        defer { self = BlockBuilder(preserveSpace: false) }
        var scalars = Array(text.unicodeScalars)
        var leading = 0
        if preserveSpace {
            // Drop whole blank lines at the start (the newline after <pre>), and trailing space.
            var k = 0
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "\n" {
                if scalars[k] == "\n" { leading = k + 1 }
                k += 1
            }
            if k == scalars.count { leading = scalars.count }
        }
        var end = scalars.count
        while end > leading, [" ", "\t", "\n"].contains(scalars[end - 1]) { end -= 1 }
        guard end > leading, scalars[leading..<end].contains(where: { !$0.properties.isWhitespace }) else { return nil }
        scalars = Array(scalars[leading..<end])
        var result = String()
        result.unicodeScalars.append(contentsOf: scalars)
        let moved = codes.map { code -> InlineCode in
            var c = code
            c.offset = min(max(0, c.offset - leading), scalars.count)
            return c
        }
        let range = sourceStart.map { $0..<max($0, sourceEnd) } ?? fallbackRange
        return DocumentBlock(kind: kind, level: level, text: result, codes: moved, sourceRange: range,
                             language: language, group: group, time: time)
    }

    init(preserveSpace: Bool = false) { self.preserveSpace = preserveSpace }
}
