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
        try run(source: Document.plain(source), target: Document.plain(target))
    }

    /// Segments, aligns and checks two documents in any format ``DocumentReader`` reads (plain
    /// text as ``run(source:target:)-(SourceText,_)`` does; structured documents by their blocks).
    /// Beads that are not prose (``ContentKind``) are not judged by the prose checks.
    /// - Complexity: linear in the size of the texts.
    public func run(source: Document, target: Document) throws -> PairReport {
        let alignment = try align(source: source, target: target)
        let kinds = alignment.contentKinds()
        let beads = alignment.beads.enumerated().map { i, bead in
            var text = BeadText(source: alignment.sourceTexts(bead), target: alignment.targetTexts(bead), score: bead.score, content: kinds[i])
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
        try align(source: Document.plain(source), target: Document.plain(target))
    }

    /// Segments and aligns two documents (no checks). `--segmented` applies to plain text only:
    /// a structured document is always segmented by its blocks.
    /// - Throws: `VersoError` (.badInput) when a side has no text.
    /// - Complexity: linear in the size of the texts.
    public func align(source: Document, target: Document) throws -> Alignment {
        for case .plain(let side) in [source, target] where !side.hasText {
            throw VersoError(.badInput, side.bytes.isEmpty ? "the file is empty: there is nothing to align" : "the file holds only white space: there is nothing to align",
                             file: side.name, fix: "check that the path names the document (a pair needs text on both sides)")
        }
        let s = try segment(source, language: sourceLanguage)
        let t = try segment(target, language: targetLanguage)
        for (document, side) in [(source, s), (target, t)] where side.segments.isEmpty {
            throw VersoError(.badInput, "has no text to align (only markup, or blocks that are not text)", file: document.name,
                             fix: "check that the file is the document, or force its format with --input-format")
        }
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
            var bead = BeadText(source: unit.sides.source, target: unit.sides.target, score: unit.score, content: unit.content)
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

    /// Reads two files in any format ``DocumentReader`` reads, then ``run(source:target:)-(Document,_)``.
    public func run(sourcePath: String, targetPath: String, lossy: Bool = false, format: DocumentFormat? = nil) throws -> PairReport {
        let options = ReadOptions(format: format, lossy: lossy)
        return try run(source: DocumentReader.read(path: sourcePath, options: options), target: DocumentReader.read(path: targetPath, options: options))
    }

    private func segment(_ document: Document, language: String) throws -> SegmentedDocument {
        if segmented, case .plain(let text) = document { return Segmenter.lines(text, language: language) }
        return try Segmenter(language: language).segment(document)
    }
}
