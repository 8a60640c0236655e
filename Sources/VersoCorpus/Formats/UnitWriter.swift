import VersoText
import Foundation

/// A format writer: `begin()`, then `write(_:)` for each unit in order, then `end()`.
///
/// Writers stream: they hold one unit at a time and send text to their `TextOutput`s as they go.
/// Units with an empty side are left out (and counted) unless `ExportOptions.keepEmpty`.
public protocol UnitWriter {
    /// Writes what comes before the first unit (XML declaration and header, TSV header line).
    mutating func begin() throws
    /// Writes one unit, or leaves it out; returns false when it was left out.
    @discardableResult mutating func write(_ unit: TranslationUnit) throws -> Bool
    /// Writes what comes after the last unit.
    mutating func end() throws
    /// What was written and left out so far.
    var counts: WriterCounts { get }
}

extension UnitWriter {
    /// Writes a whole document: `begin`, every unit, `end`.
    ///
    /// - Complexity: O(total text length).
    public mutating func writeAll(_ units: [TranslationUnit]) throws {
        try begin()
        for unit in units { try write(unit) }
        try end()
    }
}

/// A writer of one document to one `TextOutput` (every format but Moses).
public protocol DocumentWriter: UnitWriter {
    init(header: CorpusHeader, options: ExportOptions, output: TextOutput)
}

extension DocumentWriter {
    /// A whole document in memory.
    ///
    /// - Complexity: O(total text length).
    public static func render(_ units: [TranslationUnit], header: CorpusHeader,
                              options: ExportOptions = ExportOptions()) throws -> (text: String, counts: WriterCounts) {
        let output = StringOutput()
        var writer = Self(header: header, options: options, output: output)
        try writer.writeAll(units)
        return (output.text, writer.counts)
    }
}

/// A document writer that can do without a header (TSV, JSONL).
public protocol LanguageFreeWriter: DocumentWriter {
    init(options: ExportOptions, output: TextOutput)
}

extension LanguageFreeWriter {
    /// A whole document in memory, without a header.
    public static func render(_ units: [TranslationUnit], options: ExportOptions = ExportOptions()) throws -> (text: String, counts: WriterCounts) {
        let output = StringOutput()
        var writer = Self(options: options, output: output)
        try writer.writeAll(units)
        return (output.text, writer.counts)
    }
}

/// What the XML writers (TMX, XLIFF) track while writing: the escaper, the unit number and counts.
struct XMLWriterState {
    var escaper: XMLEscaper
    private var writerCounts = WriterCounts()
    /// 1-based number of the unit being written (also counts units left out).
    private(set) var unitNumber = 0

    init(options: ExportOptions) { escaper = XMLEscaper(policy: options.invalidCharacters) }

    /// Counts, with the characters the escaper replaced.
    var counts: WriterCounts {
        var c = writerCounts
        c.replacedCharacters = escaper.replaced
        return c
    }

    /// Starts the next unit; false when it is left out (see `WriterCounts.admit`).
    mutating func next(_ unit: TranslationUnit, _ options: ExportOptions) -> Bool {
        unitNumber += 1
        escaper.unitNumber = unitNumber
        return writerCounts.admit(unit, options)
    }
}

/// What a writer did.
public struct WriterCounts: Sendable, Equatable {
    /// Units written.
    public var written = 0
    /// Units with an empty side that were left out (see `ExportOptions.keepEmpty`).
    public var leftOutEmpty = 0
    /// Characters XML cannot carry that were replaced (see `InvalidCharacterPolicy`).
    public var replacedCharacters = 0
    /// Line breaks inside a segment replaced by a space (Moses: one segment per line).
    public var joinedLines = 0

    public init() {}

    /// Decides whether `unit` is written under `options`, counting it either way.
    mutating func admit(_ unit: TranslationUnit, _ options: ExportOptions) -> Bool {
        if unit.hasEmptySide && !options.keepEmpty {
            leftOutEmpty += 1
            return false
        }
        written += 1
        return true
    }
}

/// How scores are written in every format: at most four decimals, trailing zeros dropped
/// (`0.93`, `0.8735`, `1`), so the same score always gives the same bytes.
enum ScoreText {
    static func string(_ score: Double?) -> String? {
        guard let score, score.isFinite else { return nil }
        var text = String(format: "%.4f", score)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Parses a score written by any tool (`0.93`, `.5`, `1e-2`); nil when it is not a finite number.
    static func parse(_ text: String) -> Double? {
        guard let value = Double(text) ?? Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }
}
