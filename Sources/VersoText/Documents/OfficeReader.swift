import Foundation

/// Reads word-processor documents by their structure: DOCX (Office Open XML), ODT
/// (OpenDocument text) and EPUB. libzip opens the container (``ZipContainer``, within
/// ``DocumentLimits``), libxml2's XML parser reads the parts (``Markup``). Paragraphs become
/// blocks; headings come from the paragraph styles (`Heading 2`, outline levels, ODT's
/// `<text:h>`), list items from numbering, cells from tables, footnotes and endnotes follow the
/// body; formatted runs, links and note references become placeholders holding their XML.
enum OfficeReader {
    // MARK: DOCX

    /// What a paragraph style makes of a paragraph.
    struct StyleInfo {
        var name = ""
        var basedOn: String?
        var outline: Int?
    }

    /// Reads a DOCX file.
    /// - Throws: ``VersoError`` for a damaged container, a missing body, XML that is not
    ///   well-formed, or parts past the limits.
    /// - Complexity: O(n) in the size of the expanded parts.
    static func readDOCX(_ data: [UInt8], name: String, limits: DocumentLimits) throws -> StructuredDocument {
        var zip = try ZipContainer(data: data, name: name, limits: limits)
        guard let body = try zip.read("word/document.xml") else {
            throw VersoError(.badData, "a zip archive without word/document.xml: not a Word document", file: name,
                             fix: "open it in the program that made it and save it as .docx again")
        }
        var styles: [String: StyleInfo] = [:]
        if let xml = try zip.read("word/styles.xml") { styles = try docxStyles(xml, name: name + ":word/styles.xml") }
        var walker = DOCXWalker(bytes: body, styles: styles)
        for event in try Markup.parse(body, mode: .xml, name: name + ":word/document.xml", utf8: true) { walker.handle(event) }
        var blocks = walker.blocks
        for part in ["word/footnotes.xml", "word/endnotes.xml"] {
            guard let xml = try zip.read(part) else { continue }
            var notes = DOCXWalker(bytes: xml, styles: styles)
            notes.noteDefault = true
            for event in try Markup.parse(xml, mode: .xml, name: "\(name):\(part)", utf8: true) { notes.handle(event) }
            blocks += notes.blocks
        }
        return StructuredDocument(origin: DocumentOrigin(name: name, format: .docx, lineStarts: DocumentOrigin.lineStarts(of: body)),
                                  blocks: blocks)
    }

    static func docxStyles(_ xml: [UInt8], name: String) throws -> [String: StyleInfo] {
        var styles: [String: StyleInfo] = [:]
        var current: String?
        for e in try Markup.parse(xml, mode: .xml, name: name, utf8: true) where e.kind == .start {
            switch e.name {
            case "w:style": current = e.attribute("w:styleId"); if let c = current { styles[c] = StyleInfo() }
            case "w:name": if let c = current { styles[c]?.name = e.attribute("w:val") ?? "" }
            case "w:basedOn": if let c = current { styles[c]?.basedOn = e.attribute("w:val") }
            case "w:outlineLvl": if let c = current, let v = e.attribute("w:val").flatMap(Int.init), v < 9 { styles[c]?.outline = v + 1 }
            default: break
            }
        }
        return styles
    }

    /// A block kind (and level) from a style's name, for Word's and LibreOffice's built-in
    /// names in English (`Heading 1`, `Title`, `Caption`, `Quote`, `List Paragraph`,
    /// `Preformatted Text`, `footnote text`) and their style ids (`Heading1`, `Heading_20_1`).
    static func kind(ofStyle rawName: String) -> (Block.Kind, Int)? {
        let name = rawName.replacingOccurrences(of: "_20_", with: " ").lowercased()
        let compact = name.filter { !$0.isWhitespace }
        if compact.hasPrefix("heading"), let level = Int(compact.dropFirst("heading".count)), (1...9).contains(level) { return (.heading, level) }
        if compact == "heading" { return (.heading, 1) }
        if compact == "title" { return (.title, 0) }
        if compact == "subtitle" { return (.heading, 1) }
        if compact.contains("caption") { return (.caption, 0) }
        if compact == "quote" || compact == "intensequote" || compact == "quotations" || compact == "blocktext" { return (.quote, 0) }
        if compact.hasPrefix("list") { return (.listItem, 1) }
        if compact.contains("preformatted") || compact.contains("sourcetext") || compact == "code" || compact == "plaintext" || compact.hasPrefix("htmlpre") { return (.code, 0) }
        if compact.hasPrefix("footnote") || compact.hasPrefix("endnote") { return (.footnote, 0) }
        return nil
    }

    static func resolve(_ id: String, _ styles: [String: StyleInfo]) -> (Block.Kind, Int)? {
        var current: String? = id
        for _ in 0..<10 {
            guard let c = current else { break }
            let info = styles[c]
            if let level = info?.outline { return (.heading, level) }
            if let kind = kind(ofStyle: info?.name ?? c) ?? kind(ofStyle: c) { return kind }
            current = info?.basedOn
        }
        return nil
    }

    /// Run properties that a reader sees as formatting (not fonts, sizes, language or spell-check marks).
    static let formatting: [String: String] = [
        "w:b": "bold", "w:i": "italic", "w:u": "underline", "w:strike": "strike", "w:dstrike": "strike",
        "w:vertAlign": "script", "w:rStyle": "style", "w:highlight": "highlight", "w:caps": "caps", "w:smallCaps": "caps",
        "w:color": "color",
    ]
    /// Elements whose content is not text: deletions, field instructions, properties,
    /// drawings (their text boxes would nest paragraphs), alternative content fallbacks.
    static let docxSkipped: Set<String> = ["w:del", "w:instrText", "w:delInstrText", "w:pPr", "w:sectPr", "w:drawing", "w:pict",
                                           "w:object", "mc:Fallback", "w:commentReference", "w:tblPr", "w:tcPr", "w:trPr", "w:tblGrid"]

    /// Which table cell a walker is in: rows numbered in the document, so the cells of one row
    /// share a ``Block/group``.
    struct TableState {
        var cellDepth = 0
        var rows: [Int] = []
        var rowCount = 0
        var inCell: Bool { cellDepth > 0 }
        var row: Int? { inCell ? rows.last : nil }

        /// Follows a row or cell element; true when `e` was one.
        mutating func follow(_ e: MarkupEvent, row: String, cell: String) -> Bool {
            switch (e.kind, e.name) {
            case (.start, row): rowCount += 1; rows.append(rowCount)
            case (.end, row): _ = rows.popLast()
            case (.start, cell): cellDepth += 1
            case (.end, cell): cellDepth = max(0, cellDepth - 1)
            default: return false
            }
            return true
        }
    }

    struct DOCXWalker {
        let bytes: [UInt8]
        let styles: [String: StyleInfo]
        var blocks: [DocumentBlock] = []
        var builder = BlockBuilder()
        var skip = 0
        var paragraphStyle: String?
        var listLevel: Int?
        var table = TableState()
        var runStart: Int?
        var runCode: (id: Int, type: String)?
        var runFormat: String?
        var linkIds: [Int] = []
        /// Footnote and endnote parts: paragraphs are footnotes unless styled otherwise.
        var noteDefault = false
        var noteSkip = false
        var inRunProperties = false

        init(bytes: [UInt8], styles: [String: StyleInfo]) {
            self.bytes = bytes
            self.styles = styles
        }

        mutating func handle(_ e: MarkupEvent) {
            if noteSkip {
                if e.kind == .end, e.name == "w:footnote" || e.name == "w:endnote" { noteSkip = false }
                return
            }
            // Paragraph properties are read even though their content is not text.
            if e.kind == .start, skip <= 1, e.name == "w:pStyle" { paragraphStyle = e.attribute("w:val") }
            if e.kind == .start, skip <= 1, e.name == "w:ilvl" { listLevel = (e.attribute("w:val").flatMap(Int.init) ?? 0) + 1 }
            if e.kind == .start, skip <= 1, e.name == "w:numId", listLevel == nil { listLevel = 1 }
            if e.kind == .start, inRunProperties, let type = OfficeReader.formatting[e.name], e.attribute("w:val") != "0",
               e.attribute("w:val") != "false", e.attribute("w:val") != "none" {
                runFormat = runFormat ?? type
            }
            if OfficeReader.docxSkipped.contains(e.name) {
                if e.kind == .start { skip += 1 } else if e.kind == .end { skip = max(0, skip - 1) }
                return
            }
            if e.name == "w:rPr" {
                inRunProperties = e.kind == .start
                if e.kind == .end, let format = runFormat, let start = runStart, runCode == nil {
                    let original = String(decoding: bytes[min(start, e.range.upperBound)..<e.range.upperBound], as: UTF8.self)
                    runCode = (builder.open(original, type: format), format)
                }
                return
            }
            guard skip == 0 else { return }
            switch (e.kind, e.name) {
            case (.start, "w:footnote"), (.start, "w:endnote"):
                if let type = e.attribute("w:type"), type != "normal" { noteSkip = true }
            case (.start, "w:p"):
                paragraphStyle = nil
                listLevel = nil
                builder = BlockBuilder()
                builder.cover(e.range)
            case (.end, "w:p"):
                builder.cover(e.range)
                var kind: Block.Kind = noteDefault ? .footnote : .prose
                var level = 0
                if let style = paragraphStyle, let resolved = OfficeReader.resolve(style, styles) { (kind, level) = resolved }
                if kind == .prose || kind == .listItem, let l = listLevel { kind = .listItem; level = l }
                if table.inCell { kind = .tableCell; level = 0 }
                if let block = builder.finish(kind: kind, level: level, group: table.row, fallbackRange: e.range) {
                    blocks.append(block)
                }
            case (.start, "w:r"):
                runStart = e.range.lowerBound
                runFormat = nil
                runCode = nil
            case (.end, "w:r"):
                if let code = runCode { builder.close(code.id, "</w:r>", type: code.type) }
                runCode = nil
                runStart = nil
            case (.text, _):
                builder.append(e.text)
                builder.cover(e.range)
            case (.start, "w:tab"), (.start, "w:ptab"):
                builder.append("\t")
            case (.start, "w:br"), (.start, "w:cr"):
                if e.attribute("w:type") == nil || e.attribute("w:type") == "textWrapping" {
                    builder.standalone(Markup.original(e, in: bytes), type: "br")
                    builder.lineBreak()
                }
            case (.start, "w:noBreakHyphen"):
                builder.append("\u{2011}")
            case (.start, "w:hyperlink"):
                linkIds.append(builder.open(Markup.original(e, in: bytes), type: "link"))
            case (.end, "w:hyperlink"):
                if let id = linkIds.popLast() { builder.close(id, "</w:hyperlink>", type: "link") }
            case (.start, "w:footnoteReference"), (.start, "w:endnoteReference"):
                builder.standalone(Markup.original(e, in: bytes), type: "footnote")
            default:
                _ = table.follow(e, row: "w:tr", cell: "w:tc")
            }
        }
    }

    // MARK: ODT

    /// Reads an ODT file.
    /// - Throws: ``VersoError`` as ``readDOCX(_:name:limits:)`` does.
    /// - Complexity: O(n) in the size of the expanded parts.
    static func readODT(_ data: [UInt8], name: String, limits: DocumentLimits) throws -> StructuredDocument {
        var zip = try ZipContainer(data: data, name: name, limits: limits)
        guard let content = try zip.read("content.xml") else {
            throw VersoError(.badData, "an OpenDocument archive without content.xml", file: name,
                             fix: "open it in LibreOffice and save it as .odt again")
        }
        var walker = ODTWalker(bytes: content)
        for event in try Markup.parse(content, mode: .xml, name: name + ":content.xml", utf8: true) { walker.handle(event) }
        return StructuredDocument(origin: DocumentOrigin(name: name, format: .odt, lineStarts: DocumentOrigin.lineStarts(of: content)),
                                  blocks: walker.blocks + walker.notes)
    }

    static let odtSkipped: Set<String> = ["text:tracked-changes", "office:annotation", "text:note-citation", "draw:frame", "draw:custom-shape",
                                          "text:sequence-decls", "office:forms", "svg:title", "svg:desc", "office:automatic-styles",
                                          "office:font-face-decls", "office:scripts", "text:bookmark-ref", "office:annotation-end"]

    struct ODTWalker {
        let bytes: [UInt8]
        var blocks: [DocumentBlock] = []
        var notes: [DocumentBlock] = []
        var builder = BlockBuilder()
        /// Builders of the paragraphs a note interrupts.
        var saved: [BlockBuilder] = []
        var inNote = 0
        var skip = 0
        var listDepth = 0
        var table = TableState()
        var paragraph: (kind: Block.Kind, level: Int)?
        var spans: [Int?] = []
        /// Automatic styles (`P1`) and the style they derive from.
        var parents: [String: String] = [:]
        var currentStyle: String?

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func handle(_ e: MarkupEvent) {
            if e.kind == .start, e.name == "style:style", let name = e.attribute("style:name") {
                currentStyle = name
                if let parent = e.attribute("style:parent-style-name") { parents[name] = parent }
            }
            if skipped(e) { return }
            guard skip == 0 else { return }
            switch (e.kind, e.name) {
            case (.start, "text:h"), (.start, "text:p"):
                builder = BlockBuilder()
                builder.cover(e.range)
                let style = e.attribute("text:style-name").map { parents[$0] ?? $0 }
                if e.name == "text:h" {
                    paragraph = (.heading, e.attribute("text:outline-level").flatMap(Int.init) ?? 1)
                } else if let style, let kind = OfficeReader.kind(ofStyle: style), kind.0 != .listItem {
                    paragraph = kind
                } else {
                    paragraph = (.prose, 0)
                }
                if let p = paragraph, p.0 == .code { builder.preserveSpace = true }
            case (.end, "text:h"), (.end, "text:p"):
                builder.cover(e.range)
                var (kind, level) = paragraph ?? (.prose, 0)
                if inNote > 0 { kind = .footnote; level = 0 } else if table.inCell { kind = .tableCell; level = 0 }
                else if listDepth > 0, kind == .prose { kind = .listItem; level = listDepth }
                if let block = builder.finish(kind: kind, level: level, group: inNote == 0 ? table.row : nil, fallbackRange: e.range) {
                    if inNote > 0 { notes.append(block) } else { blocks.append(block) }
                }
                paragraph = nil
            case (.text, _):
                builder.append(e.text)
                builder.cover(e.range)
            case (.start, "text:s"):
                let count = min(1000, e.attribute("text:c").flatMap(Int.init) ?? 1)
                builder.append(String(repeating: " ", count: max(1, count)))
            case (.start, "text:tab"):
                builder.append("\t")
            case (.start, "text:line-break"):
                builder.standalone(Markup.original(e, in: bytes), type: "br")
                builder.lineBreak()
            case (.start, "text:span"), (.start, "text:a"):
                spans.append(builder.open(Markup.original(e, in: bytes), type: e.name == "text:a" ? "link" : "span"))
            case (.end, "text:span"), (.end, "text:a"):
                if let id = spans.popLast() ?? nil { builder.close(id, "</\(e.name)>", type: e.name == "text:a" ? "link" : "span") }
            case (.start, "text:note"):
                builder.standalone(Markup.original(e, in: bytes), type: "footnote")
                saved.append(builder)
                inNote += 1
            case (.end, "text:note"):
                inNote = max(0, inNote - 1)
                if let b = saved.popLast() { builder = b }
            case (.start, "text:list"):
                listDepth += 1
            case (.end, "text:list"):
                listDepth = max(0, listDepth - 1)
            default:
                _ = table.follow(e, row: "table:table-row", cell: "table:table-cell")
            }
        }

        /// Counts the nesting of elements that are not text; true for such an element's own events.
        private mutating func skipped(_ e: MarkupEvent) -> Bool {
            guard OfficeReader.odtSkipped.contains(e.name) else { return false }
            if e.kind == .start { skip += 1 } else if e.kind == .end { skip = max(0, skip - 1) }
            return true
        }
    }

    // MARK: EPUB

    /// Reads an EPUB: the chapters of its spine, in order, each by ``HTMLReader``.
    /// - Throws: ``VersoError`` for a damaged container, a missing package file or chapter,
    ///   or parts past the limits.
    /// - Complexity: O(n) in the size of the expanded chapters.
    static func readEPUB(_ data: [UInt8], name: String, limits: DocumentLimits) throws -> StructuredDocument {
        var zip = try ZipContainer(data: data, name: name, limits: limits)
        guard let container = try zip.read("META-INF/container.xml"),
              let rootfile = try Markup.parse(container, mode: .xml, name: name + ":META-INF/container.xml", utf8: true)
                .first(where: { $0.kind == .start && $0.name == "rootfile" })?.attribute("full-path") else {
            throw VersoError(.badData, "an EPUB without META-INF/container.xml naming its package file", file: name,
                             fix: "the book is damaged; export it again")
        }
        guard let package = try zip.read(rootfile) else {
            throw VersoError(.badData, "the package file \(rootfile) named by META-INF/container.xml is missing", file: name,
                             fix: "the book is damaged; export it again")
        }
        let base = rootfile.split(separator: "/").dropLast().joined(separator: "/")
        var manifest: [String: String] = [:]
        var spine: [String] = []
        var language: String?
        var inLanguage = false
        for e in try Markup.parse(package, mode: .xml, name: "\(name):\(rootfile)", utf8: true) {
            if e.kind == .start, e.name == "item", let id = e.attribute("id"), let href = e.attribute("href") { manifest[id] = href }
            if e.kind == .start, e.name == "itemref", let id = e.attribute("idref"), e.attribute("linear") != "no" { spine.append(id) }
            if e.name == "dc:language" { inLanguage = e.kind == .start }
            if e.kind == .text, inLanguage, language == nil { language = e.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        var blocks: [DocumentBlock] = []
        var first: [UInt8] = []
        for id in spine {
            guard let href = manifest[id] else { continue }
            let path = base.isEmpty ? href : base + "/" + href
            let decoded = path.removingPercentEncoding ?? path
            guard let chapter = try zip.read(decoded) else {
                throw VersoError(.badData, "the chapter \(decoded) listed in the spine is missing", file: name, fix: "the book is damaged; export it again")
            }
            if first.isEmpty { first = chapter }
            blocks += try HTMLReader.read(chapter, name: "\(name):\(decoded)").blocks
        }
        return StructuredDocument(origin: DocumentOrigin(name: name, format: .epub, lineStarts: DocumentOrigin.lineStarts(of: first)),
                                  blocks: blocks, language: language)
    }
}
