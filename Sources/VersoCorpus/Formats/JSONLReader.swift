import Foundation
import VersoCheck
import VersoText

/// Reads JSON lines in the alignment contract (what `JSONLWriter` and `verso align --format
/// jsonl` write): one object a line with `source` and `target` arrays of sentences, and
/// optionally `source_index`, `target_index`, `score`, `flags`, `notes`, `document`.
///
/// Each side's sentences are joined with one space (the bead text the checks see). A flag without
/// `category` gets `accuracy`. A first line `{"signature": "…"}` gives `signature`. Blank lines
/// are skipped; a line that is not such an object is an error naming the line and what is wrong.
public final class JSONLReader: UnitReader {
    public let input: InputSource
    public let sourceLanguage: String?
    public let targetLanguage: String?
    public var remarks: [String] { [] }
    /// The signature line's value, when the file starts with one.
    public private(set) var signature: String?

    public init(_ input: InputSource, sourceLanguage: String? = nil, targetLanguage: String? = nil) {
        self.input = input
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    private struct Line: Decodable {
        var source: [String]
        var target: [String]
        var source_index: [Int]?
        var target_index: [Int]?
        var score: Double?
        var flags: [Flag]?
        var notes: [String]?
        var document: String?
        var source_codes: [InlineCode]?
        var target_codes: [InlineCode]?
        var unit_flags: [String]?
        var status: TranslationStatus?
        var context: String?
        var plural_form: Int?
        var content: String?
    }

    private struct SignatureLine: Decodable {
        var signature: String
        var source: [String]?
    }

    private struct Flag: Decodable {
        var code: String
        var severity: Severity
        var message: String?
        var side: Side?
        var span: [Int]?
        var category: Category?
        var suggestion: String?
    }

    /// - Complexity: O(input size); memory bounded by the longest line.
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        let decoder = JSONDecoder()
        var units = 0
        signature = nil
        try LineReader(input).forEachLine { text, number in
            guard !text.allSatisfy(\.isWhitespace) else { return }
            if units == 0, signature == nil, let first = try? decoder.decode(SignatureLine.self, from: Data(text.utf8)), first.source == nil {
                signature = first.signature
                return
            }
            let line: Line
            do { line = try decoder.decode(Line.self, from: Data(text.utf8)) } catch {
                throw VersoError(.badData, "line \(number) is not a pair object: \(Self.explain(error))", file: input.name,
                                 line: number, fix: "each line needs {\"source\": [...], \"target\": [...], ...}")
            }
            let findings = try (line.flags ?? []).map { flag -> Finding in
                var span: Range<Int>?
                if let bounds = flag.span {
                    guard bounds.count == 2, bounds[0] <= bounds[1] else {
                        throw VersoError(.badData, "line \(number): the span \(bounds) of flag \"\(flag.code)\" is not [start, end]",
                                         file: input.name, line: number)
                    }
                    span = bounds[0]..<bounds[1]
                }
                return Finding(code: flag.code, category: flag.category ?? .accuracy, severity: flag.severity,
                               message: flag.message ?? "", side: flag.side ?? .both, span: span,
                               suggestion: flag.suggestion, bead: units)
            }
            var unit = TranslationUnit(source: line.source.joined(separator: " "), target: line.target.joined(separator: " "),
                                       score: line.score, findings: findings, sourceIndices: line.source_index ?? [],
                                       targetIndices: line.target_index ?? [], notes: line.notes ?? [], document: line.document)
            unit.content = line.content.flatMap(ContentKind.init(rawValue:))
            if line.source.count > 1 || line.target.count > 1 { (unit.sourceSegments, unit.targetSegments) = (line.source, line.target) }
            (unit.sourceCodes, unit.targetCodes) = (line.source_codes ?? [], line.target_codes ?? [])
            (unit.flags, unit.status, unit.context, unit.pluralForm) = (line.unit_flags ?? [], line.status, line.context, line.plural_form)
            unit.line = number
            try body(unit)
            units += 1
        }
    }

    private static func explain(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "the key \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\"\(path)\" has the wrong type"
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "\"\(path)\" has an unknown value"
        default: return "\(error)"
        }
    }
}
