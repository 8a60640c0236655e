import Foundation
import VersoAlign
import VersoCheck
import VersoText

/// The one way from inputs to a ``PairReport``: segment → align (with its boilerplate stage) →
/// check, for a document pair; check alone for a translation memory whose pairs are already
/// aligned. `verso check`, `verso align`, `verso stream`, `verso corpus add` and the review
/// server all ask a pipeline for a report and hand it to a renderer or the store.
///
/// Thread-safe: the aligner (its dictionary loaded once) and the check engine are shared; each
/// call makes its own segmenters and check document.
public final class Pipeline: Sendable {
    public let aligner: Aligner
    public let engine: CheckEngine
    public let glossary: [GlossaryEntry]
    /// When true, every non-empty line of an input is one sentence (no segmentation).
    public let segmented: Bool

    public init(aligner: Aligner, engine: CheckEngine, glossary: [GlossaryEntry] = [], segmented: Bool = false) {
        self.aligner = aligner
        self.engine = engine
        self.glossary = glossary
        self.segmented = segmented
    }

    public var sourceLanguage: String { aligner.options.sourceLanguage }
    public var targetLanguage: String { aligner.options.targetLanguage }

    /// Everything that can change what this pipeline produces: the aligner's signature, the
    /// segmenters and the checks that run. Every report carries it.
    public var signature: Signature {
        var signature = aligner.signature()
        signature.set("segmenter", segmented ? "lines"
            : "\(Segmenter.signature(language: sourceLanguage)),\(Segmenter.signature(language: targetLanguage))")
        signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
        return signature
    }

    /// Segments, aligns and checks a document pair.
    /// - Complexity: linear in the size of the texts (the aligner's banded search, linear checks).
    public func run(source: SourceText, target: SourceText) throws -> PairReport {
        let alignment = try align(source: source, target: target)
        let beads = alignment.beads.map { bead in
            var text = BeadText(source: alignment.sourceTexts(bead), target: alignment.targetTexts(bead), score: bead.score)
            // The segments' inline markup, at offsets in the bead's text (sentences joined with one space).
            func codes(_ indices: [Int], _ segments: [Segment]) -> [InlineCode] {
                var offset = 0, result: [InlineCode] = []
                for i in indices {
                    result += segments[i].codes.map { var c = $0; c.offset += offset; return c }
                    offset += segments[i].text.unicodeScalars.count + 1
                }
                return result
            }
            text.sourceCodes = codes(bead.source, alignment.source.segments)
            text.targetCodes = codes(bead.target, alignment.target.segments)
            return text
        }
        let lexicon: CheckLexicon = alignment.lexicon.map { AlignerLexicon($0) } ?? CognateLexicon()
        let findings = engine.run(try CheckDocument(beads: beads, sourceLanguage: alignment.source.language,
                                                    targetLanguage: alignment.target.language, lexicon: lexicon, glossary: glossary))
        var signature = alignment.signature
        signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
        return PairReport(alignment: alignment, findings: findings, signature: signature)
    }

    /// Segments and aligns a document pair (no checks): what `verso align` writes.
    /// - Throws: `VersoError` (.badInput) when a side is empty or only white space: there is
    ///   nothing to align it with, and a pair of one empty file is almost always a wrong path.
    /// - Complexity: linear in the size of the texts.
    public func align(source: SourceText, target: SourceText) throws -> Alignment {
        for side in [source, target] where !side.hasText {
            throw VersoError(.badInput, side.bytes.isEmpty ? "the file is empty: there is nothing to align" : "the file holds only white space: there is nothing to align",
                             file: side.name, fix: "check that the path names the document (a pair needs text on both sides)")
        }
        let s = try segment(source, language: sourceLanguage)
        let t = try segment(target, language: targetLanguage)
        var alignment = aligner.align(source: s, target: t)
        alignment.signature.set("segmenter", segmented ? "lines"
            : "\(Segmenter.signature(language: sourceLanguage)),\(Segmenter.signature(language: targetLanguage))")
        return alignment
    }

    /// Checks the pairs of a translation memory as they are (no alignment): QA for memories
    /// people own. The lexicon is the aligner's dictionary and user lexicons, when it has them.
    ///
    /// - Parameters:
    ///   - units: the memory's pairs, in order; their findings are replaced.
    ///   - name: the memory's path, for locations (`memory.tmx:unit 3`).
    ///   - format: what the memory was read as (`tmx`, `po`, …), for the signature.
    /// - Complexity: linear in the size of the memory.
    public func check(memory units: [TranslationUnit], name: String, format: String) throws -> PairReport {
        let beads = units.map { unit in
            var bead = BeadText(source: unit.sides.source, target: unit.sides.target, score: unit.score)
            // gettext's format flags say which placeholders apply; inline codes feed the tag check.
            (bead.flags, bead.sourceCodes, bead.targetCodes) = (unit.flags, unit.sourceCodes, unit.targetCodes)
            return bead
        }
        let lexicon: CheckLexicon = aligner.lexicon.map { AlignerLexicon($0) } ?? CognateLexicon()
        let findings = engine.run(try CheckDocument(beads: beads, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                                    lexicon: lexicon, glossary: glossary))
        var signature = Signature()
        signature.set("languages", "\(sourceLanguage)-\(targetLanguage)")
        signature.set("input", "\(format)-memory")
        signature.set("lexicon", aligner.lexicon?.provenance.joined(separator: "+") ?? "none")
        signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
        return PairReport(memory: units, findings: findings, name: name, sourceLanguage: sourceLanguage,
                          targetLanguage: targetLanguage, signature: signature)
    }

    /// Reads two files, then ``run(source:target:)``.
    public func run(sourcePath: String, targetPath: String, lossy: Bool = false) throws -> PairReport {
        try run(source: SourceText.read(path: sourcePath, lossy: lossy), target: SourceText.read(path: targetPath, lossy: lossy))
    }

    private func segment(_ text: SourceText, language: String) throws -> SegmentedDocument {
        segmented ? Segmenter.lines(text, language: language) : try Segmenter(language: language).segment(text)
    }
}
