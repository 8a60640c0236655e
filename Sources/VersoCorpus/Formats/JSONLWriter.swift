import VersoText
import VersoCheck
import Foundation

/// Writes JSON lines in the alignment contract (as `verso align --format jsonl`): when made with
/// a header, a first line `{"signature": "…"}`, then one object a unit:
///
/// ```
/// {"source": ["…"], "target": ["…"], "source_index": [3], "target_index": [3, 4], "score": 0.93,
///  "flags": [{"code": "…", "severity": "major", "message": "…", "side": "target", "span": [10, 14],
///             "category": "accuracy"}]}
/// ```
///
/// A unit holds each side as one string, so `source` and `target` are one-element arrays (empty
/// arrays for an empty side). `score` is `null` when unknown, `span` `null` when the finding has
/// none. Beyond the contract, flags carry `category` (and `suggestion` when there is one) and the
/// object carries `notes` and `document` when present, so `JSONLReader` gets the unit back whole.
///
/// The text is plain (no markup); a unit's inline codes go in fields of their own, when it has
/// any: `"source_codes"`/`"target_codes"`, arrays of `{"kind": "open"|"close"|"standalone",
/// "id": 1, "offset": 5, "original": "<b>", "type": "b"}` whose offsets count Unicode scalars
/// in the side's sentences joined with one space. So do a catalog's `"unit_flags"` (`fuzzy`,
/// `c-format`…), `"status"`, `"context"` (msgctxt) and `"plural_form"`.
public struct JSONLWriter: LanguageFreeWriter {
    public let options: ExportOptions
    /// Gives the signature line; nil writes none.
    public let header: CorpusHeader?
    private let output: TextOutput
    public private(set) var counts = WriterCounts()

    public init(options: ExportOptions = ExportOptions(), output: TextOutput) {
        self.init(header: nil, options: options, output: output)
    }

    public init(header: CorpusHeader, options: ExportOptions, output: TextOutput) {
        self.init(header: Optional(header), options: options, output: output)
    }

    private init(header: CorpusHeader?, options: ExportOptions, output: TextOutput) {
        self.header = header
        self.options = options
        self.output = output
    }

    /// A JSON string literal: quotes, backslash and every control character escaped, plus U+2028
    /// and U+2029 (which JavaScript once refused in strings).
    public static func quoted(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 2)
        out.append(0x22)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22, 0x5C: out += [0x5C, b]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case ..<0x20: out += Array(String(format: "\\u%04x", Int(b)).utf8)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    private static func flag(_ f: Finding) -> String {
        var parts = ["\"code\": \(quoted(f.code))", "\"severity\": \(quoted(f.severity.rawValue))",
                     "\"message\": \(quoted(f.message))", "\"side\": \(quoted(f.side.rawValue))",
                     "\"span\": " + (f.span.map { "[\($0.lowerBound), \($0.upperBound)]" } ?? "null"),
                     "\"category\": \(quoted(f.category.rawValue))"]
        if let suggestion = f.suggestion { parts.append("\"suggestion\": \(quoted(suggestion))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func code(_ c: InlineCode) -> String {
        "{\"kind\": \(quoted(c.kind.rawValue)), \"id\": \(c.id), \"offset\": \(c.offset), \"original\": \(quoted(c.original)), \"type\": \(quoted(c.type))}"
    }

    public mutating func begin() throws {
        if let header { try output.write("{\"signature\": \(Self.quoted(header.signature.description))}\n") }
    }

    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        guard counts.admit(unit, options) else { return false }
        try output.write(Self.object(unit) + "\n")
        return true
    }

    /// One unit as a JSON object on one line (no LF): the line this writer writes for it.
    public static func object(_ unit: TranslationUnit) -> String {
        var parts = [
            "\"source\": " + Self.array(unit.sides.source.map(Self.quoted)),
            "\"target\": " + Self.array(unit.sides.target.map(Self.quoted)),
            "\"source_index\": " + Self.array(unit.sourceIndices.map(String.init)),
            "\"target_index\": " + Self.array(unit.targetIndices.map(String.init)),
            "\"score\": " + (ScoreText.string(unit.score) ?? "null"),
            "\"flags\": " + Self.array(unit.findings.map(Self.flag)),
        ]
        if !unit.notes.isEmpty { parts.append("\"notes\": " + Self.array(unit.notes.map(Self.quoted))) }
        if let document = unit.document { parts.append("\"document\": " + Self.quoted(document)) }
        if !unit.sourceCodes.isEmpty { parts.append("\"source_codes\": " + Self.array(unit.sourceCodes.map(Self.code))) }
        if !unit.targetCodes.isEmpty { parts.append("\"target_codes\": " + Self.array(unit.targetCodes.map(Self.code))) }
        if !unit.flags.isEmpty { parts.append("\"unit_flags\": " + Self.array(unit.flags.map(Self.quoted))) }
        if let status = unit.status { parts.append("\"status\": " + Self.quoted(status.rawValue)) }
        if let context = unit.context { parts.append("\"context\": " + Self.quoted(context)) }
        if let form = unit.pluralForm { parts.append("\"plural_form\": \(form)") }
        if let content = unit.content { parts.append("\"content\": " + Self.quoted(content.rawValue)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    public mutating func end() throws {}
}
