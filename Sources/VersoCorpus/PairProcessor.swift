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
    /// - Throws: `VersoError` (.badInput) when a side is empty or only white space: there is
    ///   nothing to align it with, and a pair of one empty file is almost always a wrong path.
    /// - Complexity: linear in the size of the texts.
    public func align(source: SourceText, target: SourceText) throws -> Alignment {
        for side in [source, target] where !side.hasText {
            throw VersoError(.badInput, side.bytes.isEmpty ? "the file is empty: there is nothing to align" : "the file holds only white space: there is nothing to align",
                             file: side.name, fix: "check that the path names the document (a pair needs text on both sides)")
        }
        let languages = (aligner.options.sourceLanguage, aligner.options.targetLanguage)
        let s = segmented ? Segmenter.lines(source, language: languages.0) : try Segmenter(language: languages.0).segment(source)
        let t = segmented ? Segmenter.lines(target, language: languages.1) : try Segmenter(language: languages.1).segment(target)
        var alignment = aligner.align(source: s, target: t)
        alignment.beads = PairProcessor.detachBoilerplate(alignment)
        alignment.signature.set("segmenter", segmented ? "lines"
            : "\(try Segmenter(language: languages.0).signature),\(try Segmenter(language: languages.1).signature)")
        return alignment
    }

    /// Site boilerplate (a header, a "Source link" footer) has no counterpart: when the aligner
    /// folded such a segment into a bead at its edge, it becomes a bead of its own (0-1 or 1-0)
    /// with the confidence of the bead it left.
    static func detachBoilerplate(_ alignment: Alignment) -> [Bead] {
        func isBoilerplate(_ index: Int, _ document: SegmentedDocument) -> Bool {
            BoilerplateCheck.isBoilerplate(document.segments[index].text, language: document.language, unpaired: true)
        }
        var beads: [Bead] = []
        for bead in alignment.beads {
            var b = bead
            var before: [Bead] = [], after: [Bead] = []
            while b.target.count > 1, isBoilerplate(b.target[0], alignment.target) {
                before.append(Bead(source: [], target: [b.target.removeFirst()], score: b.score))
            }
            while b.target.count > 1, isBoilerplate(b.target[b.target.count - 1], alignment.target) {
                after.insert(Bead(source: [], target: [b.target.removeLast()], score: b.score), at: 0)
            }
            while b.source.count > 1, isBoilerplate(b.source[0], alignment.source) {
                before.append(Bead(source: [b.source.removeFirst()], target: [], score: b.score))
            }
            while b.source.count > 1, isBoilerplate(b.source[b.source.count - 1], alignment.source) {
                after.insert(Bead(source: [b.source.removeLast()], target: [], score: b.score), at: 0)
            }
            beads += before + [b] + after
        }
        return beads
    }

    /// Reads two files, then ``process(source:target:)``.
    public func process(sourcePath: String, targetPath: String, lossy: Bool = false) throws -> Result {
        try process(source: SourceText.read(path: sourcePath, lossy: lossy), target: SourceText.read(path: targetPath, lossy: lossy))
    }
}
