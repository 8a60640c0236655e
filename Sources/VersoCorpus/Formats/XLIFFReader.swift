import Foundation
import VersoText

/// Reads XLIFF 1.2 and 2.x as a stream of units, under `SafeXML`'s safety policy.
///
/// **XLIFF 2** (one unit per `<unit>`): the source is the text of its `<segment>` and
/// `<ignorable>` sources in order, the target the same for targets (an `<ignorable>` without
/// target contributes its source). Inline codes become `sourceCodes`/`targetCodes`: `<ph>` a
/// standalone code, `<pc>` an opening and a closing code around its text, `<sc>`/`<ec>` a pair
/// (or isolated codes with `isolated="yes"`), each with its `<originalData>` text as `original`
/// and its `subType` (or `type`) as type; `<cp hex>` gives its character back, `<mrk>`, `<sm>`
/// and `<em>` keep their text. Segment `state` gives `status` (`initial` is `untranslated`
/// without target and `fuzzy` with one; several segments: the least advanced). What
/// `XLIFFWriter` stores in `x-verso` metadata (score, findings, indices, document) comes back,
/// findings pairing with notes whose `category` is their code.
///
/// **XLIFF 1.2** (one unit per `<trans-unit>`, or per segment of its `<seg-source>`): `<source>`
/// and `<target>` (never those of `<alt-trans>`), `<note>`s as notes, the `<file>`'s `original`
/// as document and its languages. Inline codes: `<g>` an opening and a closing code around its
/// text, `<x/>` a standalone code, `<bx/>`/`<ex/>` and `<bpt>`/`<ept>` pairs (linked by `rid`,
/// else `id`), `<it pos="open|close">` isolated codes, `<ph>` a standalone code; the native
/// code of `<ph>`, `<bpt>`, `<ept>`, `<it>` (with its `<sub>` text) is the code's `original`,
/// `ctype` its type; `<mrk>` keeps its text. When `<seg-source>` splits the source into
/// `<mrk mtype="seg" mid="…">` segments and the target has the same marks, each `mid` is a unit
/// (the target's segment of the same `mid`); otherwise the whole source and target are. Status:
/// no or empty target `untranslated`; `approved="yes"` `final`; else the target's `state`
/// (`final`; `signed-off` reviewed; `translated`; `needs-translation` untranslated; `new`,
/// `needs-adaptation`, `needs-l10n`, `needs-review-*` fuzzy). `<bin-unit>` is not text.
///
/// Units marked `translate="no"` are not delivered (counted in `remarks`).
public final class XLIFFReader: UnitReader {
    public let input: InputSource
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?
    /// The file-level `x-verso` metadata (signature, tool, date), by type (XLIFF 2).
    public private(set) var fileMetadata: [String: String] = [:]
    /// The root's `version` attribute.
    public private(set) var version: String?
    /// Units marked `translate="no"`, not delivered.
    public private(set) var notTranslatable = 0
    /// XLIFF 1.2 `<file>`s whose languages differ from the first file's (their units are read
    /// as the first file's languages).
    public private(set) var otherLanguageFiles = 0

    public var remarks: [String] {
        var lines: [String] = []
        if notTranslatable > 0 { lines.append("\(notTranslatable) unit(s) marked translate=\"no\" were not read") }
        if otherLanguageFiles > 0 {
            lines.append("\(otherLanguageFiles) <file>(s) declare other languages than the first; their units were read as \(sourceLanguage ?? "?")-\(targetLanguage ?? "?")")
        }
        return lines
    }

    public init(_ input: InputSource) { self.input = input }

    /// - Throws: `VersoError` for unreadable or malformed files, entity declarations, a root other
    ///   than `<xliff>`, an XLIFF version other than 1.x or 2.x; or what `body` throws.
    /// - Complexity: O(file size); memory bounded by the largest unit.
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        (sourceLanguage, targetLanguage, fileMetadata, version, notTranslatable, otherLanguageFiles) = (nil, nil, [:], nil, 0, 0)
        try withoutActuallyEscaping(body) { body in
            try input.parseXML(handler: Router(reader: self, body: body))
        }
    }

    /// Sends the events to the handler of the document's XLIFF version.
    private final class Router: XMLContentHandler {
        let reader: XLIFFReader
        let body: (TranslationUnit) throws -> Void
        private var handler: XMLContentHandler?

        init(reader: XLIFFReader, body: @escaping (TranslationUnit) throws -> Void) {
            self.reader = reader
            self.body = body
        }

        func start(_ tag: XMLStartTag) throws {
            if let handler { return try handler.start(tag) }
            guard tag.name == "xliff" else {
                throw VersoError(.badData, "not an XLIFF document: the root element is <\(tag.qualifiedName)>",
                                 file: reader.input.name, line: tag.line, fix: "give an .xlf file, or say its format with --from")
            }
            let version = tag.attributes["version"] ?? (tag.namespace == XLIFF1Handler.namespace ? "1.2" : nil)
            reader.version = version
            if version?.hasPrefix("2") == true {
                reader.sourceLanguage = tag.attributes["srcLang"]
                reader.targetLanguage = tag.attributes["trgLang"]
                handler = XLIFF2Handler(reader: reader, body: body)
            } else if version?.hasPrefix("1") == true {
                handler = XLIFF1Handler(reader: reader, body: body)
            } else {
                throw VersoError(.badData, "XLIFF version \(version.map { "\"\($0)\"" } ?? "(none)") is not supported; Verso reads XLIFF 1.x and 2.x",
                                 file: reader.input.name, line: tag.line, fix: "give the root element a version attribute (1.2 or 2.0)")
            }
        }

        func end(name: String, namespace: String?, line: Int) throws { try handler?.end(name: name, namespace: namespace, line: line) }
        func text(_ text: String) throws { try handler?.text(text) }
    }

    fileprivate func fileLanguages(source: String?, target: String?) {
        if sourceLanguage == nil && targetLanguage == nil {
            (sourceLanguage, targetLanguage) = (source, target)
        } else if (source.map { s in sourceLanguage.map { LanguageTag.matches(s, $0) } ?? true } ?? true) == false
                    || (target.map { t in targetLanguage.map { LanguageTag.matches(t, $0) } ?? true } ?? true) == false {
            otherLanguageFiles += 1
        }
    }

    fileprivate func skippedUntranslatable() { notTranslatable += 1 }
    fileprivate func setFileMetadata(_ type: String, _ value: String) { fileMetadata[type] = value }
}

/// The native code of an inline element being read (its text, `<sub>` text included).
private struct CodeElement {
    var name: String
    var attributes: [String: String]
    var original = ""
    var depth = 1
}

// MARK: - XLIFF 1.2

private final class XLIFF1Handler: XMLContentHandler {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    let reader: XLIFFReader
    let body: (TranslationUnit) throws -> Void

    private var document: String?
    private var skipDepth = 0  // inside <alt-trans>, <bin-unit>, <header>, groups of context
    private var unitLine: Int?
    private var translatable = true
    private var approved = false
    private var state: String?
    private var hasTarget = false
    private var source: [MarkupEvent] = []
    private var segSource: [MarkupEvent] = []
    private var target: [MarkupEvent] = []
    private var notes: [String] = []
    /// 0 source, 1 seg-source, 2 target.
    private var side: Int?
    private var code: CodeElement?
    private var segmentDepth = 0  // nesting inside the current <mrk mtype="seg">; 0 outside
    private var mrkStack: [Bool] = []  // for each open <mrk>: is it a segment mark
    private var note: String?

    private static let skipped: Set<String> = ["alt-trans", "bin-unit", "header", "context-group", "count-group", "prop-group"]
    private static let codeElements: Set<String> = ["ph", "bpt", "ept", "it"]

    init(reader: XLIFFReader, body: @escaping (TranslationUnit) throws -> Void) {
        self.reader = reader
        self.body = body
    }

    private func record(_ event: MarkupEvent) {
        switch side {
        case 0: source.append(event)
        case 1: segSource.append(event)
        case 2: target.append(event)
        default: break
        }
    }

    func start(_ tag: XMLStartTag) throws {
        if skipDepth > 0 { skipDepth += 1; return }
        if code != nil {
            code?.depth += 1
            return
        }
        let a = tag.attributes
        if side != nil {
            switch tag.name {
            case "g": record(.spanStart(original: "", type: a["ctype"] ?? ""))
            case "x": record(.standalone(original: "", type: a["ctype"] ?? ""))
            case "bx": record(.open(key: a["rid"] ?? a["id"], original: "", type: a["ctype"] ?? ""))
            case "ex": record(.close(key: a["rid"] ?? a["id"], original: "", type: a["ctype"] ?? ""))
            case let name where Self.codeElements.contains(name): code = CodeElement(name: name, attributes: a)
            case "mrk":
                let isSegment = a["mtype"] == "seg" && segmentDepth == 0
                mrkStack.append(isSegment)
                if isSegment {
                    segmentDepth = 1
                    record(.segmentStart(a["mid"] ?? ""))
                }
            default: break
            }
            return
        }
        switch tag.name {
        case let name where Self.skipped.contains(name): skipDepth = 1
        case "file":
            document = a["original"]
            reader.fileLanguages(source: a["source-language"], target: a["target-language"])
        case "trans-unit":
            unitLine = tag.line
            translatable = a["translate"] != "no"
            approved = a["approved"] == "yes"
            (state, hasTarget, source, segSource, target, notes) = (nil, false, [], [], [], [])
        case "source" where unitLine != nil: side = 0
        case "seg-source" where unitLine != nil: side = 1
        case "target" where unitLine != nil:
            side = 2
            hasTarget = true
            state = a["state"]
        case "note" where unitLine != nil: note = ""
        default: break
        }
    }

    func text(_ text: String) {
        guard skipDepth == 0 else { return }
        if code != nil { code?.original += text } else if side != nil { record(.text(text)) } else if note != nil { note? += text }
    }

    func end(name: String, namespace: String?, line: Int) throws {
        if skipDepth > 0 { skipDepth -= 1; return }
        if var element = code {
            element.depth -= 1
            code = element.depth == 0 ? nil : element
            if element.depth == 0 { placeCode(element) }
            return
        }
        if side != nil {
            switch name {
            case "g": record(.spanEnd(original: ""))
            case "mrk":
                if mrkStack.popLast() == true {
                    segmentDepth = 0
                    record(.segmentEnd)
                }
            case "source" where side == 0, "seg-source" where side == 1, "target" where side == 2: side = nil
            default: break
            }
            return
        }
        switch name {
        case "note" where note != nil:
            if let text = note { notes.append(text) }
            note = nil
        case "trans-unit":
            guard unitLine != nil else { return }
            defer { unitLine = nil }
            guard translatable else { return reader.skippedUntranslatable() }
            for unit in units() { try body(unit) }
        default: break
        }
    }

    private func placeCode(_ element: CodeElement) {
        let a = element.attributes
        let type = a["ctype"] ?? ""
        switch element.name {
        case "bpt": record(.open(key: a["rid"] ?? a["id"], original: element.original, type: type))
        case "ept": record(.close(key: a["rid"] ?? a["id"], original: element.original, type: type))
        case "it" where a["pos"] == "open": record(.open(key: nil, original: element.original, type: type))
        case "it" where a["pos"] == "close": record(.close(key: nil, original: element.original, type: type))
        default: record(.standalone(original: element.original, type: type))
        }
    }

    private func status(targetEmpty: Bool) -> TranslationStatus? {
        if !hasTarget || targetEmpty { return .untranslated }
        if approved { return .final }
        switch state {
        case "final"?: return .final
        case "signed-off"?: return .reviewed
        case "translated"?: return .translated
        case "needs-translation"?: return .untranslated
        case "new"?, "needs-adaptation"?, "needs-l10n"?, "needs-review-translation"?, "needs-review-adaptation"?, "needs-review-l10n"?:
            return .fuzzy
        default: return nil
        }
    }

    private func units() -> [TranslationUnit] {
        let sourceSegments = MarkupEvent.segments(segSource)
        let targetSegments = MarkupEvent.segments(target)
        var pairs: [(InlineTextBuilder, InlineTextBuilder)] = []
        if !sourceSegments.isEmpty && !targetSegments.isEmpty {
            let byMid = Dictionary(targetSegments.map { ($0.mid, $0.text) }, uniquingKeysWith: { first, _ in first })
            pairs = sourceSegments.map { ($0.text, byMid[$0.mid] ?? InlineTextBuilder()) }
        } else {
            pairs = [(MarkupEvent.build(source), MarkupEvent.build(target))]
        }
        return pairs.map { s, t in
            var unit = TranslationUnit(source: s.text, target: t.text, notes: notes, document: document)
            (unit.sourceCodes, unit.targetCodes) = (s.codes, t.codes)
            unit.status = status(targetEmpty: t.text.isEmpty && t.codes.isEmpty)
            unit.line = unitLine
            return unit
        }
    }
}

// MARK: - XLIFF 2

private final class XLIFF2Handler: XMLContentHandler {
    let reader: XLIFFReader
    let body: (TranslationUnit) throws -> Void
    private var units = 0

    private var unitLine: Int?
    private var translatable = true
    private var source: [MarkupEvent] = []
    private var target: [MarkupEvent] = []
    private var segmentSource: [MarkupEvent] = []
    private var segmentTarget: [MarkupEvent]?
    private var states: [String] = []
    private var container: String?  // "segment" or "ignorable"
    private var side: Int?  // 0 source, 1 target
    private var originalData: [String: String] = [:]
    /// The `dataRefEnd` originals of the open `<pc>`s, innermost last.
    private var spanEnds: [String] = []
    private var dataID: String?  // the <data> whose text is being read
    private var inOriginalData = false
    private var meta: [(type: String, value: String)] = []
    private var notes: [TaggedNote] = []
    private var captureType: String?  // meta type, or "note"
    private var noteCategory: String?
    private var captured = ""

    init(reader: XLIFFReader, body: @escaping (TranslationUnit) throws -> Void) {
        self.reader = reader
        self.body = body
    }

    private func record(_ event: MarkupEvent) {
        if side == 0 { segmentSource.append(event) } else if side == 1 { segmentTarget?.append(event) }
    }

    private func type(_ a: [String: String]) -> String {
        if let sub = a["subType"] { return sub.hasPrefix("verso:") ? String(sub.dropFirst(6)) : sub }
        return a["type"] ?? ""
    }

    private func data(_ id: String?) -> String { id.flatMap { originalData[$0] } ?? "" }

    private static func character(_ a: [String: String]) -> String? {
        guard let hex = a["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        return String(scalar)
    }

    func start(_ tag: XMLStartTag) throws {
        let a = tag.attributes
        if inOriginalData {
            if tag.name == "data" { (dataID, captured) = (a["id"], "") } else if tag.name == "cp", dataID != nil, let c = Self.character(a) { captured += c }
            return
        }
        if side != nil {
            switch tag.name {
            case "cp": if let c = Self.character(a) { record(.text(c)) }
            case "ph": record(.standalone(original: data(a["dataRef"]), type: type(a)))
            case "pc":
                spanEnds.append(data(a["dataRefEnd"]))
                record(.spanStart(original: data(a["dataRefStart"]), type: type(a)))
            case "sc": record(.open(key: a["isolated"] == "yes" ? nil : a["id"], original: data(a["dataRef"]), type: type(a)))
            case "ec": record(.close(key: a["isolated"] == "yes" ? nil : a["startRef"], original: data(a["dataRef"]), type: type(a)))
            default: break  // <mrk>, <sm>, <em>: annotations, their text is text
            }
            return
        }
        switch tag.name {
        case "unit":
            unitLine = tag.line
            translatable = a["translate"] != "no"
            (source, target, states, meta, notes, originalData) = ([], [], [], [], [], [:])
        case "originalData" where unitLine != nil: inOriginalData = true
        case "segment", "ignorable":
            container = tag.name
            segmentSource = []
            segmentTarget = nil
            if tag.name == "segment" { states.append(a["state"] ?? "initial") }
        case "source" where container != nil: side = 0
        case "target" where container != nil:
            side = 1
            segmentTarget = []
        case "meta" where tag.namespace == XLIFFWriter.metadataNamespace:
            captureType = a["type"] ?? ""
            captured = ""
        case "note":
            captureType = "note"
            noteCategory = a["category"]
            captured = ""
        default: break
        }
    }

    func text(_ text: String) {
        if inOriginalData {
            if dataID != nil { captured += text }
        } else if side != nil {
            record(.text(text))
        } else if captureType != nil {
            captured += text
        }
    }

    func end(name: String, namespace: String?, line: Int) throws {
        if inOriginalData {
            if name == "data", let id = dataID { originalData[id] = captured; dataID = nil }
            if name == "originalData" { inOriginalData = false }
            return
        }
        if side != nil {
            switch name {
            case "pc": record(.spanEnd(original: spanEnds.popLast() ?? ""))
            case "source" where side == 0, "target" where side == 1: side = nil
            default: break
            }
            return
        }
        switch name {
        case "segment", "ignorable":
            container = nil
            source += segmentSource
            if let t = segmentTarget { target += t } else if name == "ignorable" { target += segmentSource }
        case "meta" where captureType != nil && captureType != "note":
            if let type = captureType {
                if unitLine != nil { meta.append((type, captured)) } else { reader.setFileMetadata(type, captured) }
            }
            captureType = nil
        case "note" where captureType == "note":
            if unitLine != nil { notes.append(TaggedNote(code: noteCategory, message: captured, original: captured)) }
            captureType = nil
        case "unit":
            defer { unitLine = nil }
            guard translatable else { return reader.skippedUntranslatable() }
            try body(unit())
        default: break
        }
    }

    /// The least advanced state of the unit's segments.
    private func status(hasTarget: Bool) -> TranslationStatus? {
        let order: [String: TranslationStatus] = ["initial": hasTarget ? .fuzzy : .untranslated, "translated": .translated,
                                                   "reviewed": .reviewed, "final": .final]
        return states.compactMap { order[$0] }.min()
    }

    private func unit() -> TranslationUnit {
        func value(_ type: String) -> String? { meta.first { $0.type == type }?.value }
        func indices(_ type: String) -> [Int] { value(type)?.split(separator: " ").compactMap { Int($0) } ?? [] }
        let assembled = FindingCodec.assemble(descriptors: meta.filter { $0.type == "finding" }.map(\.value),
                                              notes: notes, bead: units)
        units += 1
        let s = MarkupEvent.build(source), t = MarkupEvent.build(target)
        var unit = TranslationUnit(source: s.text, target: t.text, score: value("score").flatMap(ScoreText.parse),
                                   findings: assembled.findings, sourceIndices: indices("source-index"),
                                   targetIndices: indices("target-index"), notes: assembled.notes, document: value("document"))
        (unit.sourceCodes, unit.targetCodes) = (s.codes, t.codes)
        unit.status = status(hasTarget: !t.text.isEmpty || !t.codes.isEmpty)
        unit.line = unitLine
        return unit
    }
}
