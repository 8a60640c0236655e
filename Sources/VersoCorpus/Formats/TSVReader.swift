import VersoCheck
import VersoText

/// Reads tab-separated pairs: `source<TAB>target[<TAB>score[<TAB>codes]]`, one a line.
///
/// Fields are read as the TSV convention has them: every character as written, so a Windows
/// path `C:\Users\new` stays as it is. The escapes `TSVWriter` writes (`\\`, `\t`, `\n`,
/// `\r`) are undone only in a file that starts with Verso's header line
/// (`source<TAB>target<TAB>score<TAB>codes`, which the writer puts first by default) or when
/// `escapes` is `.on` (`--tsv-escapes`); another backslash sequence is kept as written then.
/// Blank lines are skipped. A line with one field or more than four, or a score that is not a
/// number, is an error naming the line.
///
/// Header detection (`Header.auto`): the first line is a header when each of its fields is one of
/// `source`, `src`, `target`, `tgt`, `trg`, `score`, `codes`, `flags` or a given language
/// (case-insensitive). Codes come back as findings that carry only their code (severity `info`,
/// category `accuracy`, side `both`, no message): TSV keeps no more.
public final class TSVReader: UnitReader {
    public enum Header: String, Sendable, CaseIterable { case auto, present, absent }
    /// Whether backslash escapes are undone: `auto` when the file carries Verso's header line.
    public enum Escapes: String, Sendable, CaseIterable { case auto, on, off }

    public let input: InputSource
    public let header: Header
    public let escapes: Escapes
    /// Whether escapes were undone (after a read).
    public private(set) var unescaped = false
    public let sourceLanguage: String?
    public let targetLanguage: String?
    /// Whether the first line was taken as a header (after a read).
    public private(set) var hadHeader = false
    /// Blank lines skipped.
    public private(set) var blankLines = 0

    public init(_ input: InputSource, sourceLanguage: String? = nil, targetLanguage: String? = nil,
                header: Header = .auto, escapes: Escapes = .auto) {
        self.input = input
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.header = header
        self.escapes = escapes
    }

    public var remarks: [String] {
        blankLines > 0 ? ["\(blankLines) blank line(s) skipped"] : []
    }

    /// `field` with `\\`, `\t`, `\n`, `\r` turned back into the characters.
    public static func unescape(_ field: String) -> String {
        guard field.utf8.contains(0x5C) else { return field }
        var out = String.UnicodeScalarView()
        var escaped = false
        for scalar in field.unicodeScalars {
            if escaped {
                switch scalar {
                case "\\": out.append("\\")
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append("\\"); out.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.append(scalar)
            }
        }
        if escaped { out.append("\\") }
        return String(out)
    }

    private func isHeader(_ fields: [Substring]) -> Bool {
        var words: Set<String> = ["source", "src", "target", "tgt", "trg", "score", "codes", "flags"]
        for language in [sourceLanguage, targetLanguage].compactMap({ $0 }) { words.insert(language.lowercased()) }
        return fields.allSatisfy { words.contains($0.lowercased()) }
    }

    /// - Complexity: O(input size); memory bounded by the longest line.
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        var units = 0
        (hadHeader, blankLines) = (false, 0)
        unescaped = escapes == .on
        try LineReader(input).forEachLine { line, number in
            if line.isEmpty { blankLines += 1; return }
            let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            if number == 1 {
                hadHeader = header == .present || (header == .auto && isHeader(fields))
                if escapes == .auto { unescaped = fields.map { $0.lowercased() } == TSVWriter.headerFields }
                if hadHeader { return }
            }
            guard (2...4).contains(fields.count) else {
                throw VersoError(.badData, "line \(number) has \(fields.count) field(s); expected 2 to 4 (source, target, score, codes) separated by tabs",
                                 file: input.name, line: number, fix: "write tabs inside a text as \\t")
            }
            var score: Double?
            if fields.count > 2, !fields[2].isEmpty {
                guard let value = ScoreText.parse(String(fields[2])) else {
                    throw VersoError(.badData, "line \(number): the score \"\(fields[2])\" is not a number", file: input.name,
                                     line: number, fix: "leave the third field empty or write a number such as 0.93")
                }
                score = value
            }
            let codes = fields.count > 3 ? fields[3].split(whereSeparator: { $0 == "," || $0 == " " }) : []
            let findings = codes.map {
                Finding(code: String($0), category: .accuracy, severity: .info, message: "", side: .both, bead: units)
            }
            let text = { (field: Substring) in self.unescaped ? Self.unescape(String(field)) : String(field) }
            try body(TranslationUnit(source: text(fields[0]), target: text(fields[1]), score: score, findings: findings))
            units += 1
        }
    }
}
