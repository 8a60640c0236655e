import VersoText
import VersoCheck
import VersoText

/// Writes XLIFF 2.0 for review in CAT tools: one `<unit>` per unit with its findings as notes.
///
/// ```
/// <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"
///        version="2.0" srcLang="en" trgLang="fr">
///   <file id="f1" xml:space="preserve">          (metadata: signature, tool, creation date)
///     <unit id="u1">
///       <mda:metadata><mda:metaGroup category="x-verso">   score, findings, indices, document
///       <notes><note>free note</note><note category="CODE" appliesTo="target" priority="3">message</note></notes>
///       <segment state="translated"><source>…</source><target>…</target></segment>
/// ```
///
/// Inline codes go back where they stood, their `original` in the unit's `<originalData>`
/// (`<data id="d1">`, referenced by `dataRef`/`dataRefStart`/`dataRefEnd`): paired codes as
/// `<pc id="N">…</pc>` when they nest properly, else as `<sc id="N"/>` … `<ec startRef="N"/>`;
/// codes without their partner as `<sc isolated="yes"/>` / `<ec isolated="yes"/>`; standalone
/// codes as `<ph id="N"/>`. A code's type is XLIFF's `type` when it is one of XLIFF's six
/// (`fmt`, `ui`, `quote`, `link`, `image`, `other`), else `type="other" subType="verso:TYPE"`.
///
/// The segment's `state` comes from the unit's `status` when it has one (`untranslated` and
/// `fuzzy` are `initial`, XLIFF 2 having no draft state), else from whether it has a target.
///
/// Finding severity maps to note priority (critical 1, major 3, minor 6, info 9). Characters XML
/// cannot carry are written as `<cp hex="…"/>` inside `<source>`/`<target>` (lossless) and handled
/// by `InvalidCharacterPolicy` elsewhere. An empty target (with `keepEmpty`) is left out and the
/// segment is `state="initial"`. A document with no unit holds one empty `<group>`, since a
/// `<file>` needs a unit or a group.
public struct XLIFFWriter: DocumentWriter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let metadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"

    public let header: CorpusHeader
    public let options: ExportOptions
    private let output: TextOutput
    private var state: XMLWriterState

    public var counts: WriterCounts { state.counts }

    public init(header: CorpusHeader, options: ExportOptions = ExportOptions(), output: TextOutput) {
        self.header = header
        self.options = options
        self.output = output
        state = XMLWriterState(options: options)
    }

    static func priority(_ severity: Severity) -> Int {
        switch severity {
        case .critical: return 1
        case .major: return 3
        case .minor: return 6
        case .info: return 9
        }
    }

    /// `<mda:metadata>` with one `x-verso` group, indented by `indent`; empty when no entries.
    private mutating func metadata(_ entries: [(String, String)], indent: String) throws -> String {
        guard !entries.isEmpty else { return "" }
        var text = "\(indent)<mda:metadata>\n\(indent)  <mda:metaGroup category=\"x-verso\">\n"
        for (type, value) in entries {
            text += "\(indent)    <mda:meta type=\"\(type)\">\(try state.escaper.content(value))</mda:meta>\n"
        }
        return text + "\(indent)  </mda:metaGroup>\n\(indent)</mda:metadata>\n"
    }

    public mutating func begin() throws {
        try header.validateLanguages()
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"\(Self.namespace)\" xmlns:mda=\"\(Self.metadataNamespace)\" version=\"2.0\""
        text += " srcLang=\"\(try state.escaper.attribute(header.sourceLanguage))\" trgLang=\"\(try state.escaper.attribute(header.targetLanguage))\">\n"
        text += "  <file id=\"f1\""
        if let document = header.document { text += " original=\"\(try state.escaper.attribute(document))\"" }
        text += " xml:space=\"preserve\">\n"
        text += try metadata([("signature", header.signature.description), ("creationtool", "\(header.toolName) \(header.toolVersion)"),
                              ("creationdate", header.tmxCreationDate)], indent: "    ")
        try output.write(text)
    }

    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        guard state.next(unit, options) else { return false }
        var text = "    <unit id=\"u\(state.unitNumber)\">\n"
        var entries: [(String, String)] = []
        if let score = ScoreText.string(unit.score) { entries.append(("score", score)) }
        entries += unit.findings.map { ("finding", FindingCodec.descriptor($0)) }
        if !unit.sourceIndices.isEmpty { entries.append(("source-index", unit.sourceIndices.map(String.init).joined(separator: " "))) }
        if !unit.targetIndices.isEmpty { entries.append(("target-index", unit.targetIndices.map(String.init).joined(separator: " "))) }
        if let document = unit.document { entries.append(("document", document)) }
        text += try metadata(entries, indent: "      ")
        if !unit.notes.isEmpty || !unit.findings.isEmpty {
            text += "      <notes>\n"
            for note in unit.notes { text += "        <note>\(try state.escaper.content(note))</note>\n" }
            for f in unit.findings {
                text += "        <note category=\"\(try state.escaper.attribute(f.code))\""
                if f.side != .both { text += " appliesTo=\"\(f.side.rawValue)\"" }
                text += " priority=\"\(Self.priority(f.severity))\">\(try state.escaper.content(f.message))</note>\n"
            }
            text += "      </notes>\n"
        }
        var data = OriginalData()
        let source = try content(unit.source, unit.sourceCodes, &data)
        let target = try content(unit.target, unit.targetCodes, &data)
        if !data.entries.isEmpty {
            text += "      <originalData>\n"
            for (id, original) in data.entries {
                text += "        <data id=\"\(id)\">\(try state.escaper.content(original, codePoints: true))</data>\n"
            }
            text += "      </originalData>\n"
        }
        let hasTarget = !unit.target.isEmpty || !unit.targetCodes.isEmpty
        text += "      <segment state=\"\(Self.state(unit.status, hasTarget: hasTarget))\">\n"
        text += "        <source>\(source)</source>\n"
        if hasTarget { text += "        <target>\(target)</target>\n" }
        text += "      </segment>\n    </unit>\n"
        try output.write(text)
        return true
    }

    static func state(_ status: TranslationStatus?, hasTarget: Bool) -> String {
        switch status {
        case .untranslated?, .fuzzy?: return "initial"
        case .translated?: return "translated"
        case .reviewed?: return "reviewed"
        case .final?: return "final"
        case nil: return hasTarget ? "translated" : "initial"
        }
    }

    /// The `<originalData>` of a unit being written.
    private struct OriginalData {
        var entries: [(id: String, original: String)] = []

        /// ` name="dN"` for a non-empty original, registering it; empty otherwise.
        mutating func reference(_ name: String, _ original: String) -> String {
            guard !original.isEmpty else { return "" }
            let id = "d\(entries.count + 1)"
            entries.append((id, original))
            return " \(name)=\"\(id)\""
        }
    }

    private static let types: Set<String> = ["fmt", "ui", "quote", "link", "image", "other"]

    /// ` type="…"` (and ` subType="verso:…"`) for a code's type; empty when it has none.
    private mutating func typeAttributes(_ type: String) throws -> String {
        guard !type.isEmpty else { return "" }
        if Self.types.contains(type) { return " type=\"\(type)\"" }
        return " type=\"other\" subType=\"verso:\(try state.escaper.attribute(type))\""
    }

    /// A side's text with its inline codes as XLIFF 2 elements.
    private mutating func content(_ text: String, _ codes: [InlineCode], _ data: inout OriginalData) throws -> String {
        guard !codes.isEmpty else { return try state.escaper.content(text, codePoints: true) }
        let pieces = InlineMarkup.pieces(text, codes)
        let spans = InlineMarkup.nestsProperly(pieces)
        // For <pc>, the closing code's original goes on the opening element (dataRefEnd).
        var closing: [Int: String] = [:]
        if spans { for case .code(let code, true) in pieces where code.kind == .close { closing[code.id] = code.original } }
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let t): out += try state.escaper.content(t, codePoints: true)
            case .code(let code, let paired):
                let type = try typeAttributes(code.type)
                switch (code.kind, paired) {
                case (.standalone, _):
                    out += "<ph id=\"\(code.id)\"\(data.reference("dataRef", code.original))\(type)/>"
                case (.open, true) where spans:
                    out += "<pc id=\"\(code.id)\"\(data.reference("dataRefStart", code.original))"
                        + "\(data.reference("dataRefEnd", closing[code.id] ?? ""))\(type)>"
                case (.close, true) where spans:
                    out += "</pc>"
                case (.open, true):
                    out += "<sc id=\"\(code.id)\"\(data.reference("dataRef", code.original))\(type)/>"
                case (.close, true):
                    out += "<ec startRef=\"\(code.id)\"\(data.reference("dataRef", code.original))/>"
                case (.open, false):
                    out += "<sc id=\"\(code.id)\" isolated=\"yes\"\(data.reference("dataRef", code.original))\(type)/>"
                case (.close, false):
                    out += "<ec id=\"\(code.id)\" isolated=\"yes\"\(data.reference("dataRef", code.original))\(type)/>"
                }
            }
        }
        return out
    }

    public mutating func end() throws {
        try output.write((state.counts.written == 0 ? "    <group id=\"g1\"/>\n" : "") + "  </file>\n</xliff>\n")
    }
}
