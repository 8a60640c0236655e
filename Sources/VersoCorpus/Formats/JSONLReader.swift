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
                throw VersoError(.badData, "line \(number) is not a pair object: \(Self.explain(error, line: text))", file: input.name,
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

    /// What is wrong with a line, in words: which field, what it should be, what it is.
    private static func explain(_ error: Error, line text: String) -> String {
        func place(_ path: [CodingKey]) -> String {
            path.isEmpty ? "the line" : "\"" + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[") + "\""
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: return "a string"
            case is [String].Type: return "an array of strings"
            case is Int.Type: return "an integer"
            case is [Int].Type: return "an array of integers"
            case is Double.Type: return "a number"
            case is [String: Any].Type: return "an object"
            default: return type is [Any].Type ? "an array" : "a JSON object"
            }
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            let path = context.codingPath.isEmpty ? "" : " in \(place(context.codingPath))"
            return "the key \"\(key.stringValue)\" is missing\(path)"
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "the line is not a JSON object but \(Self.kind(of: text))" }
            return "\(place(context.codingPath)) should be \(expected(type))"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) is null; it should be \(expected(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let cause = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON" + (cause.map { " (\($0))" } ?? "")
            }
            return "\(place(context.codingPath)) has an unknown value (\(context.debugDescription))"
        default: return "\(error)"
        }
    }

    /// "a string", "an array", "a number"… for the first character of a JSON value.
    static func kind(of text: String) -> String {
        switch text.first(where: { !$0.isWhitespace }) {
        case "\"": return "a string"
        case "[": return "an array"
        case "t", "f": return "a boolean"
        case "n": return "null"
        case .some(let c) where c == "-" || c.isNumber: return "a number"
        default: return "something else"
        }
    }
}
