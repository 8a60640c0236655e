import CZlibShim
import Foundation

/// How to read a document.
public struct ReadOptions: Sendable, Equatable {
    /// The format, when the user forces one (`--input-format`); nil detects it from the content,
    /// with the file's extension as a hint.
    public var format: DocumentFormat?
    /// Replace invalid UTF-8 in plain text with U+FFFD instead of failing.
    public var lossy = false
    public var limits = DocumentLimits()
    /// Seconds `pdftotext` may run.
    public var pdfTimeout = 120.0

    /// - Parameter documentLimit: the largest document, in bytes (also the largest text a `.gz`
    ///   file may expand to).
    public init(format: DocumentFormat? = nil, lossy: Bool = false, documentLimit: Int = SourceText.defaultLimit) {
        self.format = format
        self.lossy = lossy
        self.limits = DocumentLimits(documentBytes: documentLimit)
    }
}

/// What the first bytes of a file say it is.
public enum Detection: Sendable, Equatable {
    /// A format Verso reads.
    case format(DocumentFormat)
    /// gzip: decompressed, then detected again.
    case gzip
    /// Something Verso does not read as a document: what it is, and what to do.
    case unsupported(what: String, fix: String)
}

/// Reads a document in any format Verso knows, detected from its content: the one entry point
/// of the commands that read documents (`verso align`, `verso check SOURCE TARGET`,
/// `verso segment`, `verso corpus add`).
public enum DocumentReader {
    /// Reads a file (or standard input for `-`).
    ///
    /// - Throws: ``VersoError`` for a missing or unreadable file, a format Verso does not read
    ///   (naming it and what to do), or a document its reader refuses.
    /// - Complexity: O(n) in the size of the file.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> Document {
        let (data, name) = try SourceText.readBytes(path: path, limit: options.limits.maxFileBytes)
        return try read(data: data, name: name, options: options)
    }

    /// Reads a document from its bytes.
    /// - Parameter name: the path shown in errors; its extension is the hint for formats the
    ///   content cannot tell apart (Markdown is plain text to the eye).
    /// - Throws: as ``read(path:options:)``.
    /// - Complexity: O(n) in the size of the document.
    public static func read(data: [UInt8], name: String, options: ReadOptions = ReadOptions()) throws -> Document {
        try read(data: data, name: name, options: options, depth: 0)
    }

    private static func read(data: [UInt8], name: String, options: ReadOptions, depth: Int) throws -> Document {
        let detected = detect(data, name: name)
        switch detected {
        case .gzip:
            guard depth == 0 else {
                throw VersoError(.badInput, "is gzip inside gzip", file: name, fix: "decompress it with `gunzip` and read the result")
            }
            let inner = try gunzip(data, name: name, limit: options.limits.maxGunzipBytes)
            let innerName = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
            let document = try read(data: inner, name: innerName, options: options, depth: depth + 1)
            return document
        case .unsupported(let what, let fix):
            if options.format == nil || options.format == .text {
                throw VersoError(.badInput, "is \(what), which Verso does not read as a document", file: name, fix: fix)
            }
            return try read(data: data, name: name, as: options.format ?? .text, options: options)
        case .format(let format):
            if let forced = options.format, forced != format {
                // A binary container cannot be read as something else.
                if [.pdf, .docx, .odt, .epub].contains(format) {
                    throw VersoError(.usage, "is \(format.displayName), not \(forced.displayName)", file: name,
                                     fix: "leave out --input-format \(forced.rawValue) (Verso detects \(format.displayName) by itself)")
                }
                return try read(data: data, name: name, as: forced, options: options)
            }
            return try read(data: data, name: name, as: format, options: options)
        }
    }

    private static func read(data: [UInt8], name: String, as format: DocumentFormat, options: ReadOptions) throws -> Document {
        switch format {
        case .text:
            return .plain(try SourceText(data: data, name: name, lossy: options.lossy))
        case .pdf:
            return .plain(try PDFReader.read(data, name: name, timeout: options.pdfTimeout))
        case .docx:
            return .structured(try OfficeReader.readDOCX(data, name: name, limits: options.limits))
        case .odt:
            return .structured(try OfficeReader.readODT(data, name: name, limits: options.limits))
        case .epub:
            return .structured(try OfficeReader.readEPUB(data, name: name, limits: options.limits))
        case .html:
            // libxml2 decodes the page's own encoding; a UTF-16 page is decoded first.
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
                let text = try SourceText(data: data, name: name, lossy: options.lossy)
                return .structured(try HTMLReader.read(text.bytes, name: name))
            }
            return .structured(try HTMLReader.read(data, name: name))
        case .markdown, .srt, .vtt:
            let text = try SourceText(data: data, name: name, lossy: options.lossy)
            if format == .markdown { return .structured(try MarkdownReader.read(text.bytes, name: name)) }
            return .structured(try SubtitleReader.read(text.bytes, name: name, format: format))
        }
    }

    /// Decompresses gzip within `limit` bytes.
    static func gunzip(_ data: [UInt8], name: String, limit: Int) throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = data.withUnsafeBufferPointer { verso_gunzip_bounded($0.baseAddress, $0.count, limit, &output, &length) }
        defer { if let output { verso_gunzip_free(output) } }
        if status == VERSO_GUNZIP_TOO_LARGE {
            throw VersoError(.badInput, "expands past \(limit >> 20) MB when decompressed (a gzip bomb, or too large to read as one document)",
                             file: name, fix: "decompress it with `gunzip` and split it into smaller documents")
        }
        guard status == 0, let output else {
            throw VersoError(.badData, "is gzip but cannot be decompressed (zlib error \(status): truncated or damaged)", file: name,
                             fix: "fetch the file again; `gunzip -t \(name)` tests it")
        }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    /// What a file is, from its first bytes (magic numbers, the root element of XML, the first
    /// lines of subtitles), with the name's extension as a hint where the content cannot tell
    /// (Markdown, an HTML fragment).
    /// - Complexity: O(1) but for zip archives (their directory is read) and the first 64 KB.
    public static func detect(_ data: [UInt8], name: String) -> Detection {
        let ext = (name as NSString).pathExtension.lowercased()
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            data.count >= offset + magic.count && Array(data[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x1F, 0x8B]) { return .gzip }
        // %PDF- may follow some junk in the first 1024 bytes.
        if data.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil { return .format(.pdf) }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return zipKind(data, name: name) }
        for (magic, what) in binaryMagic where starts(magic) {
            return .unsupported(what: what.0, fix: what.1)
        }
        if starts([0x52, 0x49, 0x46, 0x46]), data.count >= 12 {
            return .unsupported(what: "a RIFF file (WebP image, WAV or AVI)", fix: "Verso reads text documents; give it the document's text")
        }
        // gettext MO catalogs (either byte order).
        if starts([0xDE, 0x12, 0x04, 0x95]) || starts([0x95, 0x04, 0x12, 0xDE]) {
            return .unsupported(what: "a gettext MO catalog (already aligned pairs)", fix: "check it as a translation memory: `verso check \(name)`")
        }
        // Text: look at the start, after a byte-order mark and white space.
        let head = textHead(data)
        let lower = head.lowercased()
        if lower.hasPrefix("{\\rtf") {
            return .unsupported(what: "an RTF document", fix: "save it as .docx or .odt (or as text) and read that: `libreoffice --headless --convert-to docx \(name)`")
        }
        if lower.hasPrefix("<?xml") || lower.hasPrefix("<!doctype") || lower.hasPrefix("<") {
            let root = rootElement(lower)
            if root == "html" || root == "xhtml" || lower.hasPrefix("<!doctype html") { return .format(.html) }
            if let root, ["tmx", "xliff"].contains(root) {
                return .unsupported(what: "a \(root.uppercased()) translation memory (already aligned pairs)",
                                    fix: "check it with `verso check \(name)` or convert it with `verso convert`")
            }
            if ["html", "htm", "xhtml", "xht"].contains(ext) || ["head", "body", "p", "div", "h1", "h2", "section", "article", "table", "meta", "title"].contains(root ?? "") {
                return .format(.html)
            }
            if lower.hasPrefix("<?xml"), let root {
                return .unsupported(what: "an XML document (root element <\(root)>) of a kind Verso does not read", fix: "export its text, or convert it to HTML or XLIFF")
            }
        }
        if lower.hasPrefix("webvtt") { return .format(.vtt) }
        if looksLikeSubRip(head) { return .format(.srt) }
        if head.hasPrefix("msgid ") || head.contains("\nmsgid \"") && head.contains("\nmsgstr ") {
            return .unsupported(what: "a gettext PO catalog (already aligned pairs)", fix: "check it as a translation memory: `verso check \(name)`")
        }
        switch ext {
        case "md", "markdown", "mdown", "mkd", "mkdn": return .format(.markdown)
        case "html", "htm", "xhtml", "xht": return .format(.html)
        case "srt": return .format(.srt)
        case "vtt": return .format(.vtt)
        default: break
        }
        // Binary junk: NUL bytes in the start of a file that is not UTF-16 or UTF-32, marked or
        // not (SourceText decodes the marked ones and names the unmarked ones with their iconv fix).
        let wide = starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) || starts([0, 0, 0xFE, 0xFF]) || Unmarked.wideEncoding(data) != nil
        if !wide, data.prefix(8192).contains(0) {
            return .unsupported(what: "binary data (NUL bytes in the first 8 KB), not text", fix: "give Verso the document's text, or a format it reads (HTML, Markdown, DOCX, ODT, EPUB, PDF, SubRip, WebVTT)")
        }
        return .format(.text)
    }

    /// Formats Verso recognises only to refuse them clearly.
    static let binaryMagic: [([UInt8], (String, String))] = [
        ([0x89, 0x50, 0x4E, 0x47], ("a PNG image", "Verso reads text; run OCR (for example tesseract) to get the text of an image")),
        ([0xFF, 0xD8, 0xFF], ("a JPEG image", "Verso reads text; run OCR (for example tesseract) to get the text of an image")),
        (Array("GIF8".utf8), ("a GIF image", "Verso reads text; run OCR to get the text of an image")),
        ([0x49, 0x49, 0x2A, 0x00], ("a TIFF image", "Verso reads text; run OCR to get the text of an image")),
        ([0x4D, 0x4D, 0x00, 0x2A], ("a TIFF image", "Verso reads text; run OCR to get the text of an image")),
        (Array("BZh".utf8), ("bzip2-compressed data", "decompress it first: `bunzip2 -k FILE`")),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], ("xz-compressed data", "decompress it first: `unxz -k FILE`")),
        ([0x28, 0xB5, 0x2F, 0xFD], ("zstd-compressed data", "decompress it first: `unzstd FILE`")),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], ("a 7-Zip archive", "extract the document from it first")),
        (Array("Rar!".utf8), ("a RAR archive", "extract the document from it first")),
        ([0x7F, 0x45, 0x4C, 0x46], ("an ELF executable", "give Verso a document, not a program")),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], ("a legacy Microsoft Office file (.doc, .xls, .ppt)",
                                                             "save it as .docx or convert it: `libreoffice --headless --convert-to docx FILE`")),
        (Array("SQLite format 3".utf8), ("an SQLite database", "export the text you want to align; a Verso corpus is read with `verso corpus export`")),
        ([0x00, 0x00, 0x01, 0x00], ("an icon image", "Verso reads text documents")),
        (Array("OggS".utf8), ("an Ogg media file", "Verso reads text; give it the subtitles or the transcript")),
        (Array("ID3".utf8), ("an MP3 audio file", "Verso reads text; give it the transcript")),
        ([0x1A, 0x45, 0xDF, 0xA3], ("a Matroska/WebM video", "Verso reads text; give it the subtitles (.srt or .vtt)")),
    ]

    /// Which document a zip archive holds.
    static func zipKind(_ data: [UInt8], name: String) -> Detection {
        guard let zip = try? ZipContainer(data: data, name: name, limits: DocumentLimits()) else {
            return .unsupported(what: "a damaged or truncated zip archive", fix: "fetch or export the file again; `unzip -t` tests it")
        }
        let paths = Set(zip.paths)
        if paths.contains("word/document.xml") { return .format(.docx) }
        if paths.contains("xl/workbook.xml") { return .unsupported(what: "an Excel workbook (.xlsx)", fix: "export the columns to align as TSV and use `verso check FILE.tsv`") }
        if paths.contains("ppt/presentation.xml") { return .unsupported(what: "a PowerPoint presentation (.pptx)", fix: "export it as PDF or text and read that") }
        if paths.contains("mimetype") {
            var copy = zip
            let mime = (try? copy.read("mimetype")).flatMap { $0 }.map { String(decoding: $0.prefix(200), as: UTF8.self) } ?? ""
            if mime.hasPrefix("application/vnd.oasis.opendocument.text") { return .format(.odt) }
            if mime.hasPrefix("application/epub+zip") { return .format(.epub) }
            if mime.hasPrefix("application/vnd.oasis.opendocument") {
                return .unsupported(what: "an OpenDocument file of another kind (\(mime))", fix: "Verso reads OpenDocument text (.odt); export this one as PDF or text")
            }
        }
        if paths.contains("content.xml") && paths.contains("META-INF/manifest.xml") { return .format(.odt) }
        return .unsupported(what: "a zip archive of unknown kind (not DOCX, ODT or EPUB)", fix: "extract the document from it (`unzip \(name)`) and read that file")
    }

    /// The first 64 KB as text, after a UTF-8/UTF-16 byte-order mark and leading white space.
    static func textHead(_ data: [UInt8]) -> String {
        var bytes = Array(data.prefix(65536))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count { units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])); i += 2 }
            return String(decoding: units, as: UTF16.self).trimmingPrefix { $0.isWhitespace }.description
        }
        return String(decoding: bytes, as: UTF8.self).trimmingPrefix { $0.isWhitespace }.description
    }

    /// The name of the first element after the XML declaration, doctype and comments.
    static func rootElement(_ lower: String) -> String? {
        var rest = Substring(lower)
        for _ in 0..<64 {
            guard let open = rest.firstIndex(of: "<") else { return nil }
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                if rest.hasPrefix("!--"), let end = rest.range(of: "-->") { rest = rest[end.upperBound...]; continue }
                if rest.hasPrefix("!doctype html") { return "html" }
                guard let end = rest.firstIndex(of: ">") else { return nil }
                rest = rest[rest.index(after: end)...]
                continue
            }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" || $0 == "_" }
            guard !name.isEmpty else { return nil }
            return String(name.split(separator: ":").last ?? name)
        }
        return nil
    }

    /// A cue number on the first line and a SubRip timing on the second.
    static func looksLikeSubRip(_ head: String) -> Bool {
        let lines = head.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard lines.count >= 2, !lines[0].isEmpty, lines[0].allSatisfy(\.isNumber) else { return false }
        let timing = lines[1]
        guard let arrow = timing.range(of: "-->") else { return false }
        return SubtitleReader.parseTime(String(timing[..<arrow.lowerBound])) != nil
    }
}
