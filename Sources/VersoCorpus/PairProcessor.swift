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
        let alignment = try align(source: source, target: target)
        let findings = engine.run(try CheckDocument(alignment: alignment, glossary: glossary))
        var signature = alignment.signature
        signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
        return Result(alignment: alignment, findings: findings, signature: signature)
    }

    /// Segments and aligns two texts (no checks): what `verso align` writes.
    /// - Complexity: linear in the size of the texts.
    public func align(source: SourceText, target: SourceText) throws -> Alignment {
        let languages = (aligner.options.sourceLanguage, aligner.options.targetLanguage)
        let s = segmented ? Segmenter.lines(source, language: languages.0) : try Segmenter(language: languages.0).segment(source)
        let t = segmented ? Segmenter.lines(target, language: languages.1) : try Segmenter(language: languages.1).segment(target)
        var alignment = aligner.align(source: s, target: t)
        alignment.signature.set("segmenter", segmented ? "lines"
            : "\(try Segmenter(language: languages.0).signature),\(try Segmenter(language: languages.1).signature)")
        return alignment
    }

    /// Reads two files, then ``process(source:target:)``.
    public func process(sourcePath: String, targetPath: String, lossy: Bool = false) throws -> Result {
        try process(source: SourceText.read(path: sourcePath, lossy: lossy), target: SourceText.read(path: targetPath, lossy: lossy))
    }
}
