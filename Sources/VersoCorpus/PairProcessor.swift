import Foundation
import VersoAlign
import VersoCheck
import VersoText

/// Aligns and checks one document pair: the unit of work of `verso check`, `verso corpus add`
/// and `verso stream`.
///
/// Thread-safe: the aligner (dictionary loaded once) is shared; each call makes its own
/// segmenters and check document.
public final class PairProcessor: @unchecked Sendable {
    public let aligner: Aligner
    public let engine: CheckEngine
    public let glossary: [GlossaryEntry]
    /// When true, every non-empty line is a sentence.
    public let segmented: Bool

    public init(aligner: Aligner, engine: CheckEngine, glossary: [GlossaryEntry] = [], segmented: Bool = false) {
        self.aligner = aligner
        self.engine = engine
        self.glossary = glossary
        self.segmented = segmented
    }

    /// The result for one pair.
    public struct Result: Sendable {
        public var alignment: Alignment
        public var findings: [Finding]
        /// Alignment signature plus the checks that ran.
        public var signature: Signature

        /// One unit a bead, with its sentences, indices, score and findings.
        public func units(document: String? = nil) -> [TranslationUnit] {
            TranslationUnit.units(of: alignment, findings: findings, document: document)
        }
    }

    /// Segments, aligns and checks two texts.
    /// - Complexity: linear in the size of the texts (the aligner's banded search).
    public func process(source: SourceText, target: SourceText) throws -> Result {
        try process(source: Document.plain(source), target: Document.plain(target))
    }

    /// Segments, aligns and checks two documents in any format ``DocumentReader`` reads (plain
    /// text as ``process(source:target:)`` does; structured documents by their blocks).
    /// - Complexity: linear in the size of the texts.
    public func process(source: Document, target: Document) throws -> Result {
        let alignment = try align(source: source, target: target)
        let findings = engine.run(try CheckDocument(alignment: alignment, glossary: glossary))
        var signature = alignment.signature
        signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
        return Result(alignment: alignment, findings: findings, signature: signature)
    }

    /// Segments and aligns two texts (no checks): what `verso align` writes.
    /// - Complexity: linear in the size of the texts.
    public func align(source: SourceText, target: SourceText) throws -> Alignment {
        try align(source: Document.plain(source), target: Document.plain(target))
    }

    /// Segments and aligns two documents (no checks). `--segmented` applies to plain text only:
    /// a structured document is always segmented by its blocks.
    /// - Complexity: linear in the size of the texts.
    public func align(source: Document, target: Document) throws -> Alignment {
        let languages = (aligner.options.sourceLanguage, aligner.options.targetLanguage)
        func segment(_ document: Document, _ language: String) throws -> SegmentedDocument {
            if segmented, case .plain(let text) = document { return Segmenter.lines(text, language: language) }
            return try Segmenter(language: language).segment(document)
        }
        let s = try segment(source, languages.0)
        let t = try segment(target, languages.1)
        var alignment = aligner.align(source: s, target: t)
        alignment.signature.set("segmenter", segmented ? "lines"
            : "\(try Segmenter(language: languages.0).signature),\(try Segmenter(language: languages.1).signature)")
        return alignment
    }

    /// Reads two files, then ``process(source:target:)``.
    public func process(sourcePath: String, targetPath: String, lossy: Bool = false, format: DocumentFormat? = nil) throws -> Result {
        let options = ReadOptions(format: format, lossy: lossy)
        return try process(source: DocumentReader.read(path: sourcePath, options: options),
                           target: DocumentReader.read(path: targetPath, options: options))
    }
}
