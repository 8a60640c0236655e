/// Reads HTML and XHTML by their structure with libxml2's HTML parser: headings, paragraphs,
/// list items, table cells, preformatted code, captions, quotes and the title become blocks;
/// inline elements become placeholders; `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`,
/// hidden elements and navigation bars (`Data/html-not-text.txt`) are not text; `lang`
/// attributes give the blocks their language; entities are decoded by the parser.
enum HTMLReader {
    /// Elements whose content is never text.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "nav", "header", "footer", "iframe",
                                       "object", "embed", "svg", "math", "canvas", "select", "button", "head", "map", "audio", "video"]
    /// Elements that start and end a block of their own.
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody",
        "tfoot", "pre", "blockquote", "caption", "figcaption", "figure", "ul", "ol", "dl", "section", "article", "main",
        "aside", "address", "hr", "body", "html", "form", "fieldset", "legend", "details", "summary", "title", "center",
        "colgroup", "col", "listing", "xmp", "plaintext", "menu", "dir", "frameset", "noframes",
    ]
    /// Elements with nothing inside (no closing code expected).
    static let voidElements: Set<String> = ["br", "img", "wbr", "input", "area", "base", "col", "embed", "hr", "link",
                                            "meta", "param", "source", "track"]
    /// Class names and roles of elements that are not text (`Data/html-not-text.txt`).
    static func notTextClasses() throws -> Set<String> {
        Set(try LanguageData.files.entries("html-not-text").map { $0.lowercased() })
    }

    struct Frame {
        var name: String
        var skip: Bool
        var language: String?
        /// The block kind text inside gets (nil: inherit the parent's).
        var kind: Block.Kind
        var level: Int
        var group: Int?
        var preserve: Bool
        /// The placeholder this inline element opened, and in which block.
        var code: (id: Int, block: Int)?
        /// Left out because it is in `<head>`, where only the title is text.
        var head = false
    }

    /// Reads an HTML document.
    /// - Throws: ``VersoError`` when the parser cannot read it at all.
    /// - Complexity: O(n) in the size of the file.
    static func read(_ bytes: [UInt8], name: String, format: DocumentFormat = .html) throws -> StructuredDocument {
        let utf8 = SourceText.firstInvalidUTF8(bytes[...]) == nil
        let events = try Markup.parse(bytes, mode: .html, name: name, utf8: utf8)
        var walker = Walker(bytes: bytes, notText: try notTextClasses())
        for event in events { walker.handle(event) }
        walker.flush()
        var notes: [String] = []
        if !utf8 { notes.append("not UTF-8: read in the encoding the page declares; byte offsets are approximate") }
        return StructuredDocument(origin: DocumentOrigin(name: name, format: format, lineStarts: DocumentOrigin.lineStarts(of: bytes)),
                                  blocks: walker.blocks, language: walker.documentLanguage, notes: notes)
    }

    struct Walker {
        let bytes: [UInt8]
        var stack: [Frame] = [Frame(name: "#document", skip: false, language: nil, kind: .prose, level: 0, group: nil, preserve: false)]
        var builder = BlockBuilder()
        var blocks: [DocumentBlock] = []
        var documentLanguage: String?
        var listDepth = 0
        var rows = 0
        var lastEnd = 0
        /// Blocks flushed so far plus one: which block an open placeholder belongs to.
        var generation = 0

        let notText: Set<String>

        init(bytes: [UInt8], notText: Set<String>) {
            self.bytes = bytes
            self.notText = notText
        }

        var top: Frame { stack[stack.count - 1] }

        mutating func flush() {
            let frame = top
            if let block = builder.finish(kind: frame.kind, level: frame.level, language: frame.language, group: frame.group,
                                          fallbackRange: lastEnd..<lastEnd) {
                blocks.append(block)
            }
            generation += 1
            builder.preserveSpace = frame.preserve
        }

        func isHidden(_ event: MarkupEvent) -> Bool {
            if event.attributes.contains(where: { $0.name == "hidden" }) { return true }
            if event.attribute("aria-hidden")?.lowercased() == "true" { return true }
            if let style = event.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
               style.contains("display:none") || style.contains("visibility:hidden") { return true }
            if let type = event.attribute("type")?.lowercased(), event.name == "input", type == "hidden" { return true }
            if let role = event.attribute("role")?.lowercased(), notText.contains(role) { return true }
            if let classes = event.attribute("class")?.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }),
               classes.contains(where: { notText.contains(String($0)) }) { return true }
            return false
        }

        mutating func handle(_ event: MarkupEvent) {
            switch event.kind {
            case .text:
                guard !top.skip else { return }
                builder.cover(event.range)
                builder.append(event.text)
                lastEnd = event.range.upperBound
            case .start: start(event)
            case .end: end(event)
            }
        }

        mutating func start(_ event: MarkupEvent) {
            let name = event.name.lowercased()
            var frame = top
            frame.name = name
            frame.code = nil
            if let lang = event.attribute("lang") ?? event.attribute("xml:lang"), !lang.isEmpty {
                frame.language = lang
                if name == "html" { documentLanguage = lang }
            }
            if frame.skip {
                guard frame.head, name == "title" else {
                    stack.append(frame)
                    return
                }
                frame.skip = false
                frame.head = false
            }
            if (HTMLReader.skipped.contains(name) && name != "head") || isHidden(event) {
                if HTMLReader.blockElements.contains(name) || name == "nav" || name == "header" || name == "footer" { flush() }
                frame.skip = true
                stack.append(frame)
                return
            }
            if name == "head" {
                // Only the title of the head is text.
                frame.skip = true
                frame.head = true
                stack.append(frame)
                return
            }
            if HTMLReader.blockElements.contains(name) {
                flush()
                let container = [Block.Kind.listItem, .tableCell, .quote, .caption, .footnote].contains(frame.kind)
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    frame.kind = .heading
                    frame.level = Int(String(name.dropFirst())) ?? 1
                case "ul", "ol", "dl", "menu", "dir":
                    listDepth += 1
                case "li", "dt", "dd":
                    frame.kind = .listItem
                    frame.level = max(1, listDepth)
                case "tr":
                    rows += 1
                    frame.group = rows
                case "td", "th":
                    frame.kind = .tableCell
                    frame.level = 0
                    if frame.group == nil { rows += 1; frame.group = rows }
                case "pre", "listing", "xmp", "plaintext":
                    frame.kind = .code
                    frame.preserve = true
                case "blockquote":
                    frame.kind = .quote
                case "caption", "figcaption", "legend":
                    frame.kind = .caption
                case "title":
                    frame.kind = .title
                case "table":
                    frame.group = nil
                default:
                    if !container && frame.kind != .code { frame.kind = .prose; frame.level = 0 }
                }
                stack.append(frame)
                builder.preserveSpace = frame.preserve
                builder.cover(event.range)
                return
            }
            // Inline: a placeholder, and the text goes on.
            builder.cover(event.range)
            let original = Markup.original(event, in: bytes)
            if name == "br" {
                builder.standalone(original, type: "br")
                builder.lineBreak()
            } else if HTMLReader.voidElements.contains(name) {
                builder.standalone(original, type: name)
            } else {
                // Inline code (`<code>`, `<kbd>`) stays in its sentence, as a span.
                frame.code = (builder.open(original, type: name), generation)
            }
            stack.append(frame)
        }

        mutating func end(_ event: MarkupEvent) {
            let name = event.name.lowercased()
            // libxml2 reports every end, implied ones too, in nesting order.
            guard stack.count > 1, let index = stack.lastIndex(where: { $0.name == name }) else { return }
            while stack.count > index + 1 { close(stack.removeLast(), event: nil) }
            close(stack.removeLast(), event: event)
        }

        private mutating func close(_ frame: Frame, event: MarkupEvent?) {
            if frame.skip {
                if let event { lastEnd = max(lastEnd, event.range.upperBound) }
                return
            }
            if let event { builder.cover(event.range); lastEnd = max(lastEnd, event.range.upperBound) }
            if HTMLReader.blockElements.contains(frame.name) {
                if ["ul", "ol", "dl", "menu", "dir"].contains(frame.name) { listDepth = max(0, listDepth - 1) }
                // The text of this block ends here: it gets this frame's kind.
                let saved = stack
                stack.append(frame)
                flush()
                stack = saved
                builder.preserveSpace = top.preserve
                return
            }
            if let code = frame.code, code.block == generation {
                let original = event.map { Markup.original($0, in: bytes) } ?? "</\(frame.name)>"
                builder.close(code.id, original.hasPrefix("</") ? original : "</\(frame.name)>", type: frame.name)
            }
        }
    }
}
