import VersoText

/// Writes TMX 1.4b that validates against the TMX 1.4 DTD.
///
/// The document: `<?xml version="1.0" encoding="UTF-8"?>` (no byte-order mark, no DOCTYPE, so no
/// reader is sent looking for the DTD), `<tmx version="1.4">`, a `<header>` with every required
/// attribute (`creationtool`, `creationtoolversion`, `segtype="sentence"`, `o-tmf`, `adminlang`,
/// `srclang`, `datatype="plaintext"`, `creationdate` as `YYYYMMDDThhmmssZ`) and the signature as
/// `<prop type="x-verso-signature">`, then one `<tu>` per unit:
///
/// - props: `x-verso-score` (the score, when known), `x-verso-flags` (finding codes, separated by
///   spaces), one `x-verso-finding` per finding (`code severity category side start-end`, read
///   back by `TMXReader`), `x-verso-source-index` / `x-verso-target-index` (segment indices,
///   separated by spaces) and `x-verso-document`, each when present;
/// - notes: the unit's own notes, then one `[code] message` note per finding;
/// - one `<tuv xml:lang="…"><seg>…</seg></tuv>` for the source, then one for the target.
///
/// Inline codes (`sourceCodes`, `targetCodes`) go back into the `<seg>` where they stood: an
/// opening code whose closing code is in the same side as `<bpt i="id">`, the closing one as
/// `<ept i="id">`, a standalone code as `<ph x="id">`, an opening or closing code without its
/// partner as `<it pos="begin|end" x="id">`; each holds the code's `original` (escaped) and its
/// `type`, when it has one, in `type` (valid against the TMX 1.4 DTD; OmegaT shows them as tags).
///
/// Units with an empty side are left out (and counted) unless `ExportOptions.keepEmpty`; then the
/// `<seg>` is empty. Text is escaped by `XMLEscaper` (see `InvalidCharacterPolicy` for control
/// characters).
public struct TMXWriter: DocumentWriter {
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

    public mutating func begin() throws {
        try header.validateLanguages()
        let attributes: [(String, String)] = [
            ("creationtool", header.toolName), ("creationtoolversion", header.toolVersion),
            ("segtype", "sentence"), ("o-tmf", header.toolName), ("adminlang", "en"),
            ("srclang", header.sourceLanguage), ("datatype", "plaintext"), ("creationdate", header.tmxCreationDate),
        ]
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header"
        for (name, value) in attributes { text += " \(name)=\"\(try state.escaper.attribute(value))\"" }
        text += ">\n    <prop type=\"x-verso-signature\">\(try state.escaper.content(header.signature.description))</prop>\n  </header>\n  <body>\n"
        try output.write(text)
    }

    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        guard state.next(unit, options) else { return false }
        var text = "    <tu>\n"
        func prop(_ type: String, _ value: String) throws {
            text += "      <prop type=\"\(type)\">\(try state.escaper.content(value))</prop>\n"
        }
        if let score = ScoreText.string(unit.score) { try prop("x-verso-score", score) }
        if !unit.findings.isEmpty {
            try prop("x-verso-flags", unit.findingCodes.joined(separator: " "))
            for finding in unit.findings { try prop("x-verso-finding", FindingCodec.descriptor(finding)) }
        }
        if !unit.sourceIndices.isEmpty { try prop("x-verso-source-index", unit.sourceIndices.map(String.init).joined(separator: " ")) }
        if !unit.targetIndices.isEmpty { try prop("x-verso-target-index", unit.targetIndices.map(String.init).joined(separator: " ")) }
        if let document = unit.document { try prop("x-verso-document", document) }
        for note in unit.notes + unit.findings.map(FindingCodec.tmxNote) {
            text += "      <note>\(try state.escaper.content(note))</note>\n"
        }
        for (language, segment, codes) in [(header.sourceLanguage, unit.source, unit.sourceCodes),
                                            (header.targetLanguage, unit.target, unit.targetCodes)] {
            text += "      <tuv xml:lang=\"\(try state.escaper.attribute(language))\"><seg>\(try content(segment, codes))</seg></tuv>\n"
        }
        text += "    </tu>\n"
        try output.write(text)
        return true
    }

    /// A side's text with its inline codes as TMX elements.
    private mutating func content(_ text: String, _ codes: [InlineCode]) throws -> String {
        guard !codes.isEmpty else { return try state.escaper.content(text) }
        var out = ""
        for piece in InlineMarkup.pieces(text, codes) {
            switch piece {
            case .text(let t): out += try state.escaper.content(t)
            case .code(let code, let paired):
                let original = try state.escaper.content(code.original)
                let type = code.type.isEmpty ? "" : " type=\"\(try state.escaper.attribute(code.type))\""
                switch (code.kind, paired) {
                case (.open, true): out += "<bpt i=\"\(code.id)\"\(type)>\(original)</bpt>"
                case (.close, true): out += "<ept i=\"\(code.id)\">\(original)</ept>"
                case (.standalone, _): out += "<ph x=\"\(code.id)\"\(type)>\(original)</ph>"
                case (.open, false): out += "<it pos=\"begin\" x=\"\(code.id)\"\(type)>\(original)</it>"
                case (.close, false): out += "<it pos=\"end\" x=\"\(code.id)\"\(type)>\(original)</it>"
                }
            }
        }
        return out
    }

    public mutating func end() throws {
        try output.write("  </body>\n</tmx>\n")
    }
}
