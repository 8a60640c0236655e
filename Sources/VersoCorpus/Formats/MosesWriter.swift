import VersoText
/// Writes a Moses-style parallel corpus: two plain-text files, `PREFIX.<source language>` and
/// `PREFIX.<target language>`, line n of one the translation of line n of the other.
///
/// Every line break inside a segment (LF, CR, CRLF, VT, FF, U+0085, U+2028, U+2029 — what
/// Python's `splitlines` splits on — and the FS/GS/RS controls) becomes one space, so the line
/// counts always match; `WriterCounts.joinedLines` counts the units changed so. Scores and
/// findings are not written.
public struct MosesWriter: UnitWriter {
    public let options: ExportOptions
    private let source: TextOutput
    private let target: TextOutput
    public private(set) var counts = WriterCounts()

    public init(options: ExportOptions = ExportOptions(), source: TextOutput, target: TextOutput) {
        self.options = options
        self.source = source
        self.target = target
    }

    /// The two files' text in memory.
    public static func render(_ units: [TranslationUnit], options: ExportOptions = ExportOptions()) throws -> (source: String, target: String, counts: WriterCounts) {
        let source = StringOutput(), target = StringOutput()
        var writer = MosesWriter(options: options, source: source, target: target)
        try writer.writeAll(units)
        return (source.text, target.text, writer.counts)
    }

    /// The paths of the two files for `prefix`: `prefix.<source>` and `prefix.<target>`.
    public static func paths(prefix: String, header: CorpusHeader) -> (source: String, target: String) {
        ("\(prefix).\(header.sourceLanguage)", "\(prefix).\(header.targetLanguage)")
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `segment` on one line: each line break (CRLF counts as one) becomes a space.
    static func oneLine(_ segment: String) -> String {
        guard segment.unicodeScalars.contains(where: isLineBreak) else { return segment }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in segment.unicodeScalars {
            if isLineBreak(scalar) {
                if !(scalar == "\n" && previous == "\r") { out.append(" ") }
            } else {
                out.append(scalar)
            }
            previous = scalar
        }
        return String(out)
    }

    public mutating func begin() throws {}

    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        guard counts.admit(unit, options) else { return false }
        let (s, t) = (Self.oneLine(unit.source), Self.oneLine(unit.target))
        if s != unit.source || t != unit.target { counts.joinedLines += 1 }
        try source.write(s + "\n")
        try target.write(t + "\n")
        return true
    }

    public mutating func end() throws {}
}
