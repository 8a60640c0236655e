import CMarkdownShim
import Foundation

/// Reads Markdown (CommonMark with GitHub's tables and strikethrough) with libcmark-gfm:
/// headings, paragraphs, list items, table cells, code blocks, quotes and footnotes become
/// blocks at their source positions; emphasis, inline code, links, images and inline HTML
/// become placeholders holding their Markdown (`**`, `` ` ``, `[`…`](url)`); HTML blocks are
/// read by ``HTMLReader``.
enum MarkdownReader {
    /// Nodes are capped as ``Markup/maxEvents`` are.
    static let maxEvents: Int64 = 4_000_000

    /// The cmark-gfm version, for signatures.
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 64)
        let n = verso_md_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    struct Frame {
        var kind: Block.Kind
        var level: Int
        var group: Int?
    }

    /// Reads a Markdown document (valid UTF-8; ``DocumentReader`` checks).
    /// - Throws: ``VersoError`` when the parser runs out of memory or the document is too large.
    /// - Complexity: O(n) in the size of the file.
    static func read(_ bytes: [UInt8], name: String) throws -> StructuredDocument {
        let raw = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { verso_md_parse(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), buffer.count, maxEvents) }
                ?? verso_md_parse(nil, 0, maxEvents)
        }
        guard let result = raw else {
            throw VersoError(.internalError, "out of memory while parsing Markdown", file: name, fix: "split the document into smaller files")
        }
        defer { verso_md_free(result) }
        let r = result.pointee
        if r.out_of_memory != 0 || r.truncated != 0 {
            throw VersoError(.badInput, "the Markdown document is too large to read as one", file: name, fix: "split the document into smaller files")
        }
        let lineStarts = DocumentOrigin.lineStarts(of: bytes)
        func offset(_ line: Int32, _ column: Int32, end: Bool) -> Int? {
            guard line >= 1, Int(line) <= lineStarts.count, column >= 1 else { return nil }
            return min(bytes.count, lineStarts[Int(line) - 1] + Int(column) - (end ? 0 : 1))
        }
        func string(_ offset: Int64, _ length: Int64? = nil) -> String {
            guard offset >= 0, let pool = r.pool else { return "" }
            let start = UnsafeRawPointer(pool + Int(offset)).assumingMemoryBound(to: UInt8.self)
            let count = length.map(Int.init) ?? strlen(pool + Int(offset))
            return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }
        var stack = [Frame(kind: .prose, level: 0, group: nil)]
        var builder = BlockBuilder()
        var blocks: [DocumentBlock] = []
        var listDepth = 0, rows = 0, imageDepth = 0
        var codeIds: [Int] = []
        var lastEnd = 0
        func flush() {
            let frame = stack[stack.count - 1]
            if let block = builder.finish(kind: frame.kind, level: frame.level, group: frame.group, fallbackRange: lastEnd..<lastEnd) {
                blocks.append(block)
            }
            codeIds.removeAll()
        }
        guard let events = r.events else {
            return StructuredDocument(origin: DocumentOrigin(name: name, format: .markdown, lineStarts: lineStarts), blocks: [])
        }
        for k in 0..<Int(r.count) {
            let e = events[k]
            let enter = e.enter != 0
            let range: Range<Int>? = offset(e.start_line, e.start_column, end: false).flatMap { lo in
                offset(e.end_line, e.end_column, end: true).map { lo..<max(lo, $0) }
            }
            if imageDepth > 0 {
                if e.kind == Int32(VERSO_MD_IMAGE) { imageDepth += enter ? 1 : -1 }
                continue
            }
            switch Int(e.kind) {
            case Int(VERSO_MD_HEADING), Int(VERSO_MD_PARAGRAPH), Int(VERSO_MD_ITEM), Int(VERSO_MD_TABLE_CELL),
                 Int(VERSO_MD_BLOCK_QUOTE), Int(VERSO_MD_FOOTNOTE_DEFINITION):
                flush()
                if enter {
                    var frame = stack[stack.count - 1]
                    let container = [Block.Kind.listItem, .tableCell, .quote, .footnote].contains(frame.kind)
                    switch Int(e.kind) {
                    case Int(VERSO_MD_HEADING): frame.kind = .heading; frame.level = Int(e.level)
                    case Int(VERSO_MD_ITEM): frame.kind = .listItem; frame.level = max(1, listDepth)
                    case Int(VERSO_MD_TABLE_CELL): frame.kind = .tableCell; frame.level = 0; frame.group = rows
                    case Int(VERSO_MD_BLOCK_QUOTE): frame.kind = .quote
                    case Int(VERSO_MD_FOOTNOTE_DEFINITION): frame.kind = .footnote
                    default: if !container { frame.kind = .prose; frame.level = 0 }
                    }
                    stack.append(frame)
                    if let range { builder.cover(range) }
                } else if stack.count > 1 {
                    stack.removeLast()
                }
                if let range { lastEnd = max(lastEnd, range.upperBound) }
            case Int(VERSO_MD_LIST):
                flush()
                listDepth += enter ? 1 : -1
                listDepth = max(0, listDepth)
            case Int(VERSO_MD_TABLE_ROW):
                flush()
                if enter { rows += 1 }
            case Int(VERSO_MD_TABLE), Int(VERSO_MD_THEMATIC_BREAK), Int(VERSO_MD_DOCUMENT):
                flush()
            case Int(VERSO_MD_CODE_BLOCK):
                flush()
                builder.preserveSpace = true
                if let range { builder.cover(range) }
                builder.append(string(e.literal, e.literal_length))
                stack.append(Frame(kind: .code, level: 0, group: nil))
                flush()
                stack.removeLast()
                builder.preserveSpace = false
                if let range { lastEnd = max(lastEnd, range.upperBound) }
            case Int(VERSO_MD_HTML_BLOCK):
                flush()
                let html = Array(string(e.literal, e.literal_length).utf8)
                let base = range?.lowerBound ?? lastEnd
                if let fragment = try? HTMLReader.read(html, name: name) {
                    for var block in fragment.blocks {
                        block.sourceRange = (base + block.sourceRange.lowerBound)..<(base + block.sourceRange.upperBound)
                        blocks.append(block)
                    }
                }
                if let range { lastEnd = max(lastEnd, range.upperBound) }
            case Int(VERSO_MD_TEXT):
                builder.append(string(e.literal, e.literal_length))
            case Int(VERSO_MD_SOFTBREAK):
                builder.lineBreak()
            case Int(VERSO_MD_LINEBREAK):
                builder.standalone("\\\n", type: "br")
                builder.lineBreak()
            case Int(VERSO_MD_CODE):
                let id = builder.open("`", type: "code")
                builder.append(string(e.literal, e.literal_length))
                builder.close(id, "`", type: "code")
            case Int(VERSO_MD_HTML_INLINE):
                builder.standalone(string(e.literal, e.literal_length), type: "html")
            case Int(VERSO_MD_FOOTNOTE_REFERENCE):
                builder.standalone("[^\(string(e.literal, e.literal_length))]", type: "footnote")
            case Int(VERSO_MD_IMAGE):
                builder.standalone("![](\(string(e.url)))", type: "image")
                imageDepth = 1
            case Int(VERSO_MD_EMPH), Int(VERSO_MD_STRONG), Int(VERSO_MD_STRIKETHROUGH), Int(VERSO_MD_LINK):
                let (mark, type): (String, String) = switch Int(e.kind) {
                case Int(VERSO_MD_EMPH): ("*", "emphasis")
                case Int(VERSO_MD_STRONG): ("**", "strong")
                case Int(VERSO_MD_STRIKETHROUGH): ("~~", "strikethrough")
                default: ("[", "link")
                }
                if enter {
                    codeIds.append(builder.open(mark, type: type))
                } else if let id = codeIds.popLast() {
                    builder.close(id, type == "link" ? "](\(string(e.url)))" : mark, type: type)
                }
            default:
                break
            }
        }
        flush()
        return StructuredDocument(origin: DocumentOrigin(name: name, format: .markdown, lineStarts: lineStarts), blocks: blocks)
    }
}
