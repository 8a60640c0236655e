import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VersoText

/// Reads XLIFF 2.x as a stream of units (one per `<unit>`), under `SafeXML`'s safety policy.
///
/// A unit's source is the text of its `<segment>` and `<ignorable>` sources in order, its target
/// the same for targets (an `<ignorable>` without target contributes its source). Inline
/// elements: `<cp hex>` gives its character back, `<pc>` and `<mrk>` keep their text, the empty
/// code markers (`<ph>`, `<sc>`, `<ec>`, `<sm>`, `<em>`) are dropped; `<originalData>` is not
/// text. Languages come from `srcLang` and `trgLang`. What `XLIFFWriter` stores in `x-verso`
/// metadata (score, findings, indices, document) comes back, findings pairing with notes whose
/// `category` is their code. XLIFF 1.2 is refused with a clear error.
public final class XLIFFReader: UnitReader {
    public let input: InputSource
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?
    /// The file-level `x-verso` metadata (signature, tool, date), by type.
    public private(set) var fileMetadata: [String: String] = [:]
    public var remarks: [String] { [] }

    public init(_ input: InputSource) { self.input = input }

    /// - Throws: `VersoError` for unreadable or malformed files, entity declarations, a root other
    ///   than `<xliff>`, XLIFF 1.x; or what `body` throws.
    /// - Complexity: O(file size); memory bounded by the largest `<unit>`.
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        (sourceLanguage, targetLanguage, fileMetadata) = (nil, nil, [:])
        try withoutActuallyEscaping(body) { body in
            try SafeXML.parse(input, handler: Handler(reader: self, body: body), namespaces: true)
        }
    }

    private final class Handler: XMLEventHandler {
        let reader: XLIFFReader
        let body: (TranslationUnit) throws -> Void
        private var units = 0

        private var inUnit = false
        private var source = "", target = ""
        private var segmentTarget: String?
        private var segmentSource = ""
        private var inContainer = false  // <segment> or <ignorable>
        private var side: Int?  // 0 source, 1 target
        private var skipDepth = 0  // inside <originalData>
        private var meta: [(type: String, value: String)] = []
        private var notes: [TaggedNote] = []
        private var captureType: String?  // meta type, or "note"
        private var noteCategory: String?
        private var captured = ""

        init(reader: XLIFFReader, body: @escaping (TranslationUnit) throws -> Void) {
            self.reader = reader
            self.body = body
        }

        override func start(_ parser: XMLParser, _ name: String, namespace namespaceURI: String?, attributes: [String: String], isRoot: Bool) {
            if isRoot {
                guard name == "xliff" else {
                    return stop(parser, VersoError(.badData, "not an XLIFF document: the root element is <\(name)>",
                                                   file: reader.input.name, line: parser.lineNumber,
                                                   fix: "give an .xlf file, or say its format with --from"))
                }
                guard attributes["version"]?.hasPrefix("2") == true else {
                    return stop(parser, VersoError(.badData, "XLIFF version \(attributes["version"] ?? "(none)") is not supported; Verso reads XLIFF 2",
                                                   file: reader.input.name, line: parser.lineNumber,
                                                   fix: "convert the file to XLIFF 2.0 first"))
                }
                reader.sourceLanguage = attributes["srcLang"]
                reader.targetLanguage = attributes["trgLang"]
                return
            }
            if skipDepth > 0 || name == "originalData" { skipDepth += 1; return }
            if let side, side >= 0 {
                if name == "cp", let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    text(String(scalar))
                }
                return
            }
            switch name {
            case "unit":
                inUnit = true
                (source, target, meta, notes) = ("", "", [], [])
            case "segment", "ignorable":
                inContainer = true
                segmentSource = ""
                segmentTarget = nil
            case "source" where inContainer: side = 0
            case "target" where inContainer: side = 1; segmentTarget = ""
            case "meta" where namespaceURI == XLIFFWriter.metadataNamespace:
                captureType = attributes["type"] ?? ""
                captured = ""
            case "note":
                captureType = "note"
                noteCategory = attributes["category"]
                captured = ""
            default: break
            }
        }

        override func text(_ text: String) {
            guard skipDepth == 0 else { return }
            switch side {
            case 0: segmentSource += text
            case 1: segmentTarget? += text
            default: if captureType != nil { captured += text }
            }
        }

        override func end(_ parser: XMLParser, _ name: String, namespace: String?) {
            if skipDepth > 0 { skipDepth -= 1; return }
            switch name {
            case "source" where side == 0, "target" where side == 1: side = nil
            case "segment", "ignorable":
                inContainer = false
                source += segmentSource
                target += segmentTarget ?? (name == "ignorable" ? segmentSource : "")
            case "meta" where captureType != nil && captureType != "note":
                if inUnit { meta.append((captureType!, captured)) } else { reader.fileMetadata[captureType!] = captured }
                captureType = nil
            case "note" where captureType == "note":
                if inUnit { notes.append(TaggedNote(code: noteCategory, message: captured, original: captured)) }
                captureType = nil
            case "unit":
                inUnit = false
                guarded(parser) { try body(unit()) }
            default: break
            }
        }

        private func unit() -> TranslationUnit {
            func value(_ type: String) -> String? { meta.first { $0.type == type }?.value }
            func indices(_ type: String) -> [Int] { value(type)?.split(separator: " ").compactMap { Int($0) } ?? [] }
            let assembled = FindingCodec.assemble(descriptors: meta.filter { $0.type == "finding" }.map(\.value),
                                                  notes: notes, bead: units)
            units += 1
            return TranslationUnit(source: source, target: target, score: value("score").flatMap(ScoreText.parse),
                                   findings: assembled.findings, sourceIndices: indices("source-index"),
                                   targetIndices: indices("target-index"), notes: assembled.notes, document: value("document"))
        }
    }
}
