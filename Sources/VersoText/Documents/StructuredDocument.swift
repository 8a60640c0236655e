/// The formats Verso reads documents in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text (UTF-8 or UTF-16), read by ``SourceText`` and ``Segmenter/segment(_:)-(SourceText)``.
    case text
    case html
    case markdown
    case docx
    case odt
    case epub
    /// SubRip subtitles.
    case srt
    /// WebVTT subtitles.
    case vtt
    /// PDF, through poppler's `pdftotext`.
    case pdf

    /// The name shown to users.
    public var displayName: String {
        switch self {
        case .text: return "plain text"
        case .html: return "HTML"
        case .markdown: return "Markdown"
        case .docx: return "DOCX (Word)"
        case .odt: return "ODT (OpenDocument text)"
        case .epub: return "EPUB"
        case .srt: return "SubRip subtitles"
        case .vtt: return "WebVTT subtitles"
        case .pdf: return "PDF"
        }
    }
}

/// Where a structured document's text came from: the file's name, format and line starts, so a
/// block's ``Block/sourceRange`` can be shown as a line of the file.
public struct DocumentOrigin: Sendable, Equatable {
    public var name: String
    public var format: DocumentFormat
    /// Byte offset of each line's start in the original file (for containers such as DOCX: in
    /// the XML part the text came from).
    public var lineStarts: [Int]

    public init(name: String, format: DocumentFormat, lineStarts: [Int]) {
        self.name = name
        self.format = format
        self.lineStarts = lineStarts
    }

    /// Line starts of `bytes` (LF-terminated lines).
    /// - Complexity: O(n).
    public static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }

    /// 1-based line of a byte offset of the original file.
    /// - Complexity: O(log lines).
    public func line(atByte offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}

/// One block of a document read by its structure: a heading, paragraph, list item, table cell,
/// code block, caption, quote, title, cue…, with its plain text and its inline markup kept as
/// placeholders.
public struct DocumentBlock: Sendable, Equatable {
    public var kind: Block.Kind
    /// Heading level or list depth (see ``Block/level``).
    public var level: Int
    /// What a reader sees: NFC, white space collapsed to single spaces (code keeps its lines).
    public var text: String
    /// Inline markup, with offsets in Unicode scalars into ``text``, in text order; ids unique
    /// in the block, an opening code and its closing one sharing theirs.
    public var codes: [InlineCode]
    /// Bytes of the original file the block came from.
    public var sourceRange: Range<Int>
    public var language: String?
    public var group: Int?
    public var time: ClosedRange<Double>?

    public init(kind: Block.Kind, level: Int = 0, text: String, codes: [InlineCode] = [], sourceRange: Range<Int>,
                language: String? = nil, group: Int? = nil, time: ClosedRange<Double>? = nil) {
        self.kind = kind
        self.level = level
        self.text = text
        self.codes = codes
        self.sourceRange = sourceRange
        self.language = language
        self.group = group
        self.time = time
    }
}

/// A document read by its structure: the blocks a reader sees, in reading order.
public struct StructuredDocument: Sendable, Equatable {
    public var origin: DocumentOrigin
    public var blocks: [DocumentBlock]
    /// The document's declared language (HTML `<html lang>`, DOCX/ODT defaults), when it says one.
    public var language: String?
    /// Notes for the user about what was left out or repaired (an implied end tag, a dropped
    /// page header), in reading order. Never errors: those are thrown.
    public var notes: [String]

    public init(origin: DocumentOrigin, blocks: [DocumentBlock], language: String? = nil, notes: [String] = []) {
        self.origin = origin
        self.blocks = blocks
        self.language = language
        self.notes = notes
    }

    /// The document's text: each block's text, blocks separated by one blank line. Block byte
    /// ranges of a segmented structured document point into it.
    /// - Complexity: O(n).
    public var text: String { blocks.map(\.text).joined(separator: "\n\n") }
}

/// A document as read from a file: plain text (read as Verso always has, losslessly) or a
/// document read by its structure.
public enum Document: Sendable {
    case plain(SourceText)
    case structured(StructuredDocument)

    /// The name used in messages.
    public var name: String {
        switch self {
        case .plain(let text): return text.name
        case .structured(let document): return document.origin.name
        }
    }

    /// The format the document was read as.
    public var format: DocumentFormat {
        switch self {
        case .plain: return .text
        case .structured(let document): return document.origin.format
        }
    }

    /// The text a reader sees (for language guessing and messages).
    public var text: String {
        switch self {
        case .plain(let source): return source.string
        case .structured(let document): return document.text
        }
    }
}
