import VersoText
/// Writes tab-separated values: `source`, `target`, `score`, `codes`, one unit a line.
///
/// Escaping (undone by `TSVReader`): backslash is written `\\`, TAB `\t`, LF `\n` and CR `\r`, so
/// every unit stays on one line with exactly four fields. `score` is empty when unknown; `codes`
/// lists the finding codes separated by commas (empty when none). With `ExportOptions.tsvHeader`
/// the first line is `source<TAB>target<TAB>score<TAB>codes`.
public struct TSVWriter: LanguageFreeWriter {
    /// The header line's fields.
    public static let headerFields = ["source", "target", "score", "codes"]

    public let options: ExportOptions
    private let output: TextOutput
    public private(set) var counts = WriterCounts()

    public init(options: ExportOptions = ExportOptions(), output: TextOutput) {
        self.options = options
        self.output = output
    }

    /// The header is not used: this format names no languages.
    public init(header: CorpusHeader, options: ExportOptions, output: TextOutput) {
        self.init(options: options, output: output)
    }

    /// `field` with backslash, TAB, LF and CR escaped.
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var out = ""
        out.reserveCapacity(field.utf8.count + 8)
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public mutating func begin() throws {
        if options.tsvHeader { try output.write(Self.headerFields.joined(separator: "\t") + "\n") }
    }

    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        guard counts.admit(unit, options) else { return false }
        let fields = [Self.escape(unit.source), Self.escape(unit.target), ScoreText.string(unit.score) ?? "",
                      unit.findingCodes.joined(separator: ",")]
        try output.write(fields.joined(separator: "\t") + "\n")
        return true
    }

    public mutating func end() throws {}
}
