import VersoText
import VersoCheck

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
        text += "      <segment state=\"\(unit.target.isEmpty ? "initial" : "translated")\">\n"
        text += "        <source>\(try state.escaper.content(unit.source, codePoints: true))</source>\n"
        if !unit.target.isEmpty { text += "        <target>\(try state.escaper.content(unit.target, codePoints: true))</target>\n" }
        text += "      </segment>\n    </unit>\n"
        try output.write(text)
        return true
    }

    public mutating func end() throws {
        try output.write((state.counts.written == 0 ? "    <group id=\"g1\"/>\n" : "") + "  </file>\n</xliff>\n")
    }
}
