import Foundation
import VersoText

/// Reads TMX (1.1 to 1.4b) as a stream of units, leniently and safely.
///
/// Lenient with what real memories contain: any `version` (OPUS writes `1.4.`), a missing header
/// or header attributes, `lang` instead of `xml:lang`, regional tags (`EN-US` is English), CDATA,
/// and inline markup. Safe: see `SafeXML` (entity declarations refused, external DTDs never read,
/// malformed XML reported with line and column). Streaming: one `<tu>` is held at a time.
///
/// Languages: the source is `Options.sourceLanguage`, else the header's `srclang` (unless
/// `*all*`), else the language of the first `<tuv>`; the target is `Options.targetLanguage`, else
/// the first other language met. A `<tu>` missing one of the two gives a unit with that side
/// empty (counted in `oneSided`); one with neither is skipped (`skipped`); variants in other
/// languages are ignored (`ignoredVariants`).
///
/// What Verso's `TMXWriter` adds comes back: `x-verso-score`, `x-verso-finding` props with their
/// `[code] message` notes (as `findings`), indices, document; the other notes stay `notes`.
public final class TMXReader: UnitReader {
    /// What to do with inline markup inside `<seg>`.
    public enum InlineTags: String, Sendable, CaseIterable {
        /// Take `<bpt>`, `<ept>`, `<it>`, `<ph>` and `<ut>` out of the text as inline codes (their
        /// native code, `<sub>` text included, as the code's `original`, their `type` as its type)
        /// and `<hi>` as an opening and a closing code around its text: `<b>bold</b>` encoded as
        /// `<bpt>` pairs reads "bold" with two codes in `sourceCodes`/`targetCodes`.
        case strip
        /// Keep the native code those elements carry as text, with no codes: reads "<b>bold</b>".
        case keepCode
    }

    public struct Options: Sendable {
        public var sourceLanguage: String?
        public var targetLanguage: String?
        public var inlineTags: InlineTags

        public init(sourceLanguage: String? = nil, targetLanguage: String? = nil, inlineTags: InlineTags = .strip) {
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.inlineTags = inlineTags
        }
    }

    /// The document's header as found (nothing is required).
    public struct Header: Sendable, Equatable {
        /// The root's `version` attribute, as written.
        public var version: String?
        /// The `<header>` attributes.
        public var attributes: [String: String] = [:]
        /// The `<header>` props, as `(type, value)` in order.
        public var props: [Prop] = []
        /// The `<header>` notes.
        public var notes: [String] = []

        public struct Prop: Sendable, Equatable {
            public var type: String
            public var value: String
        }

        /// The signature Verso wrote (`x-verso-signature`), when present.
        public var signature: String? { props.first { $0.type == "x-verso-signature" }?.value }
    }

    public let input: InputSource
    public let options: Options
    public private(set) var header = Header()
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?
    /// Units delivered.
    public private(set) var units = 0
    /// Units delivered with one side empty (their `<tu>` lacked one of the two languages).
    public private(set) var oneSided = 0
    /// `<tu>` elements with neither language, not delivered.
    public private(set) var skipped = 0
    /// `<tuv>` elements in a third language, a second one in the same language, or without language.
    public private(set) var ignoredVariants = 0

    public init(_ input: InputSource, options: Options = Options()) {
        self.input = input
        self.options = options
        sourceLanguage = options.sourceLanguage
        targetLanguage = options.targetLanguage
    }

    /// Every unit of a file, with the reader (for its header and counts).
    public static func readAll(path: String, options: Options = Options()) throws -> (units: [TranslationUnit], reader: TMXReader) {
        let reader = TMXReader(.file(path), options: options)
        return (try reader.readAll(), reader)
    }

    public var remarks: [String] {
        var lines: [String] = []
        if oneSided > 0 { lines.append("\(oneSided) unit(s) had only one of the two languages (read with an empty side)") }
        if skipped > 0 { lines.append("\(skipped) <tu> had neither language and were skipped") }
        if ignoredVariants > 0 { lines.append("\(ignoredVariants) <tuv> in another language, repeated or without language were ignored") }
        return lines
    }

    /// Reads the document, calling `body` with each unit in order.
    ///
    /// - Throws: `VersoError` for a file that cannot be read, malformed XML (with line and
    ///   column), entity declarations, a root element other than `<tmx>`; or what `body` throws.
    /// - Complexity: O(file size) time; memory bounded by the largest `<tu>`.
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        (header, units, oneSided, skipped, ignoredVariants, roles) = (Header(), 0, 0, 0, 0, [:])
        (sourceLanguage, targetLanguage) = (options.sourceLanguage, options.targetLanguage)
        try withoutActuallyEscaping(body) { body in
            let handler = Handler(reader: self, body: body)
            try input.parseXML(handler: handler)
        }
    }

    // MARK: - Building units

    fileprivate enum Role { case source, target, other }
    /// Roles of the language tags met, once both languages are known (tags repeat on every unit).
    private var roles: [String: Role] = [:]

    private func role(_ tag: String) -> Role {
        if let known = roles[tag] { return known }
        var found = Role.other
        if let s = sourceLanguage, LanguageTag.matches(tag, s) { found = .source } else if let t = targetLanguage, LanguageTag.matches(tag, t) { found = .target }
        if sourceLanguage != nil && targetLanguage != nil { roles[tag] = found }
        return found
    }

    fileprivate struct Variant {
        var language: String?
        var text: String
        var codes: [InlineCode]
    }

    fileprivate struct PendingUnit {
        var line: Int
        var variants: [Variant] = []
        var props: [Header.Prop] = []
        var notes: [String] = []
    }

    fileprivate func headerStarted(_ attributes: [String: String]) {
        header.attributes = attributes
        if sourceLanguage == nil, let srclang = attributes["srclang"], !srclang.isEmpty, srclang.lowercased() != "*all*" {
            sourceLanguage = srclang
        }
    }

    fileprivate func rootStarted(_ attributes: [String: String]) { header.version = attributes["version"] }
    fileprivate func headerProp(_ prop: Header.Prop) { header.props.append(prop) }
    fileprivate func headerNote(_ note: String) { header.notes.append(note) }

    /// The unit for a finished `<tu>`, or nil when it has neither language.
    fileprivate func unit(from pending: PendingUnit) -> TranslationUnit? {
        if sourceLanguage == nil { sourceLanguage = pending.variants.first { $0.language != nil }?.language }
        if targetLanguage == nil, let source = sourceLanguage {
            targetLanguage = pending.variants.first { $0.language.map { !LanguageTag.matches($0, source) } ?? false }?.language
        }
        var source: Variant?, target: Variant?
        for variant in pending.variants {
            switch variant.language.map(role) {
            case .source? where source == nil: source = variant
            case .target? where target == nil: target = variant
            default: ignoredVariants += 1
            }
        }
        guard source != nil || target != nil else {
            skipped += 1
            return nil
        }
        if source == nil || target == nil { oneSided += 1 }
        func prop(_ type: String) -> String? { pending.props.first { $0.type == type }?.value }
        func indices(_ type: String) -> [Int] { prop(type)?.split(separator: " ").compactMap { Int($0) } ?? [] }
        let assembled = FindingCodec.assemble(
            descriptors: pending.props.filter { $0.type == "x-verso-finding" }.map(\.value),
            notes: pending.notes.map(FindingCodec.tmxNote(parsing:)), bead: units)
        units += 1
        var unit = TranslationUnit(source: source?.text ?? "", target: target?.text ?? "",
                                   score: prop("x-verso-score").flatMap(ScoreText.parse),
                                   findings: assembled.findings, sourceIndices: indices("x-verso-source-index"),
                                   targetIndices: indices("x-verso-target-index"), notes: assembled.notes,
                                   document: prop("x-verso-document"))
        unit.sourceCodes = source?.codes ?? []
        unit.targetCodes = target?.codes ?? []
        unit.line = pending.line
        return unit
    }

    // MARK: - The SAX handler

    private final class Handler: XMLContentHandler {
        let reader: TMXReader
        let body: (TranslationUnit) throws -> Void
        let keepCode: Bool

        private var inHeader = false
        private var pending: PendingUnit?
        private var variantLanguage: String?
        private var inSegment = false
        private var segment = InlineTextBuilder()
        /// The inline code element being read (outermost only), with its native code so far.
        private var code: (name: String, attributes: [String: String], original: String)?
        private var codeDepth = 0
        /// Open `<hi>` spans (code id and type), innermost last.
        private var highlights: [(id: Int, type: String)] = []
        /// The prop (with its type) or note whose text is being collected.
        private var captureType: String?
        private var capturing = false
        private var captured = ""

        private static let codeElements: Set<String> = ["bpt", "ept", "it", "ph", "ut"]

        init(reader: TMXReader, body: @escaping (TranslationUnit) throws -> Void) {
            self.reader = reader
            self.body = body
            keepCode = reader.options.inlineTags == .keepCode
        }

        func start(_ tag: XMLStartTag) throws {
            let name = tag.name
            if tag.isRoot {
                guard name == "tmx" else {
                    throw VersoError(.badData, "not a TMX document: the root element is <\(tag.qualifiedName)>, not <tmx>",
                                     file: reader.input.name, line: tag.line, fix: "give a .tmx file, or say its format with --from")
                }
                reader.rootStarted(tag.attributes)
                return
            }
            if inSegment {
                if Self.codeElements.contains(name) {
                    codeDepth += 1
                    if codeDepth == 1 { code = (name, tag.attributes, "") }
                } else if name == "hi", codeDepth == 0, !keepCode {
                    let type = tag.attributes["type"] ?? "hi"
                    highlights.append((segment.open(key: nil, original: "", type: type), type))
                }
                return
            }
            switch name {
            case "header": inHeader = true; reader.headerStarted(tag.attributes)
            case "tu": pending = PendingUnit(line: tag.line)
            case "tuv": variantLanguage = tag.attributes["xml:lang"] ?? tag.attributes["lang"]
            case "seg" where pending != nil:
                inSegment = true
                segment = InlineTextBuilder()
                (codeDepth, code, highlights) = (0, nil, [])
            case "prop", "note":
                capturing = true
                captureType = name == "prop" ? (tag.attributes["type"] ?? "") : nil
                captured = ""
            default: break
            }
        }

        func text(_ text: String) {
            if inSegment {
                if codeDepth == 0 { segment.append(text) } else if keepCode { segment.append(text) } else { code?.original += text }
            } else if capturing {
                captured += text
            }
        }

        func end(name: String, namespace: String?, line: Int) throws {
            if inSegment {
                if Self.codeElements.contains(name) {
                    codeDepth -= 1
                    if codeDepth == 0, let finished = code, !keepCode { place(finished) }
                    if codeDepth == 0 { code = nil }
                } else if name == "hi", codeDepth == 0, !keepCode, let span = highlights.popLast() {
                    segment.close(id: span.id, original: "", type: span.type)
                } else if name == "seg" {
                    inSegment = false
                    pending?.variants.append(Variant(language: variantLanguage, text: segment.text, codes: segment.codes))
                }
                return
            }
            switch name {
            case "prop", "note":
                capturing = false
                if let type = captureType {
                    let prop = Header.Prop(type: type, value: captured)
                    if pending != nil { pending?.props.append(prop) } else if inHeader { reader.headerProp(prop) }
                } else if pending != nil {
                    pending?.notes.append(captured)
                } else if inHeader {
                    reader.headerNote(captured)
                }
            case "header": inHeader = false
            case "tuv": variantLanguage = nil
            case "tu":
                guard let finished = pending else { return }
                pending = nil
                if let unit = reader.unit(from: finished) { try body(unit) }
            default: break
            }
        }

        /// A finished `<bpt>`, `<ept>`, `<it>`, `<ph>` or `<ut>` as a code of the segment.
        private func place(_ element: (name: String, attributes: [String: String], original: String)) {
            let type = element.attributes["type"] ?? ""
            switch element.name {
            case "bpt": segment.open(key: element.attributes["i"], original: element.original, type: type)
            case "ept": segment.close(key: element.attributes["i"], original: element.original, type: type)
            case "it" where element.attributes["pos"] == "begin": segment.open(key: nil, original: element.original, type: type)
            case "it" where element.attributes["pos"] == "end": segment.close(key: nil, original: element.original, type: type)
            default: segment.standalone(original: element.original, type: type)
            }
        }
    }
}
