import VersoText

/// Reads a Moses-style parallel corpus: two plain-text files with one segment a line, line n of
/// one the translation of line n of the other (`PREFIX.en`, `PREFIX.fr`).
///
/// Both files are counted first: different line counts are an error naming both files and both
/// counts, before any unit is delivered. Empty lines give units with an empty side.
public final class MosesReader: UnitReader {
    public let source: InputSource
    public let target: InputSource
    public let sourceLanguage: String?
    public let targetLanguage: String?
    public var remarks: [String] { [] }

    public init(source: InputSource, target: InputSource, sourceLanguage: String? = nil, targetLanguage: String? = nil) {
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The reader for `PREFIX.<source>` and `PREFIX.<target>`.
    public convenience init(prefix: String, sourceLanguage: String, targetLanguage: String) {
        self.init(source: .file("\(prefix).\(sourceLanguage)"), target: .file("\(prefix).\(targetLanguage)"),
                  sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// - Complexity: O(total size) time (a counting pass, then a reading pass); memory bounded
    ///   by the longest line.
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        let (sourceCount, targetCount) = (try LineReader.countLines(source), try LineReader.countLines(target))
        guard sourceCount == targetCount else {
            throw VersoError(.badData, "the two sides differ in length: \(source.name) has \(sourceCount) line(s), \(target.name) has \(targetCount)",
                             file: source.name, fix: "a Moses corpus needs one segment a line on both sides; check which file lost or gained lines")
        }
        let (sourceLines, targetLines) = (LineReader(source), LineReader(target))
        while let line = try sourceLines.next() {
            guard let other = try targetLines.next() else { break }
            try body(TranslationUnit(source: line, target: other))
        }
    }
}
