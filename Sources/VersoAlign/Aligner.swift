import Foundation
import VersoText

/// Settings of the sentence aligner.
public struct AlignerOptions: Sendable {
    /// Language codes of the two sides (`en`, `fr`, `de`…): pick the stemmer, the function
    /// words and the FreeDict files.
    public var sourceLanguage: String
    public var targetLanguage: String
    /// Largest number of sentences on one side of a bead. With 3 the beads are 1-1, 1-2, 2-1,
    /// 2-2, 1-3, 3-1 (a + b ≤ maxBeadSide + 1), plus 1-0 and 0-1.
    public var maxBeadSide = 3
    /// Read FreeDict dictionaries for the pair from `dictionaryDirectory`.
    public var useDictionary = true
    public var dictionaryDirectory = FreeDict.defaultDirectory
    /// User lexicons: TSV files, `source<TAB>target` a line.
    public var lexiconPaths: [String] = []
    /// Link identical tokens (words ≥ 3 letters, numbers, punctuation) and words sharing their
    /// first 4 letters.
    public var useCognates = true
    /// Align once, learn word translations (IBM Model 1) from the confident 1-1 beads, align again.
    public var learnLexicon = true
    /// Share of the first pass's 1-1 beads (lowest cost first) the lexicon is learned from.
    public var learningShare = 0.7
    /// Penalize beads that straddle a paragraph boundary (only when the documents have
    /// paragraphs holding several segments, that is raw text rather than one sentence a line).
    public var useParagraphs = true
    /// Bead cost weights and the confidence calibration.
    public var weights = CostWeights()
    /// Inputs with at most this many DP nodes ((n + 1) · (m + 1)) get the exact full search;
    /// longer ones a band around anchors, widened where the path touches its edge.
    public var exactLimit = 250_000
    /// Half-width of the band, in sentences.
    public var bandWidth = 16

    public init(sourceLanguage: String = "en", targetLanguage: String = "fr") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// Whether any lexical evidence is used (otherwise the aligner is a length-based one with
    /// Gale and Church's priors).
    public var usesLexicalEvidence: Bool { useDictionary || useCognates || learnLexicon || !lexiconPaths.isEmpty }

    /// The non-null bead shapes.
    var shapes: [(a: Int, b: Int)] {
        var out: [(Int, Int)] = []
        for total in 2...(max(1, maxBeadSide) + 1) {
            for a in 1..<total where total - a >= 1 && a <= maxBeadSide && total - a <= maxBeadSide { out.append((a, total - a)) }
        }
        return out
    }

    /// The weights actually used: with no lexical evidence, Gale–Church's length model with its
    /// published priors.
    var effectiveWeights: CostWeights {
        guard !usesLexicalEvidence else { return weights }
        var w = weights
        w.length = 1
        w.similarity = 0
        w.oneTwo = 3.0
        w.twoTwo = 4.4
        w.large = 5.9
        w.nullOpen = 5.2
        w.nullExtend = 5.2
        return w
    }
}

/// The sentence aligner: finds the minimum-cost monotone sequence of beads pairing two
/// segmented documents.
///
/// The cost of a bead combines a Gale–Church length cost (with the document's own character
/// ratio), a prior per bead shape, and the lexical dissimilarity 1 − sim, where sim is the share
/// of the bead's tokens that have a linked token on the other side (dictionary, cognates,
/// identical tokens and numbers, a lexicon learned from the input). Null beads cost less when
/// they continue a run. Short inputs are searched exactly; long ones in a band around anchor
/// sentence pairs (rare linked tokens), widened where the best path touches the band's edge, so
/// time and memory grow linearly.
///
/// Each bead's `score` is a confidence in 0…1: a logistic function of the margin, the extra
/// cost of the best alignment that does not contain the bead.
public final class Aligner: @unchecked Sendable {
    public let options: AlignerOptions
    /// The dictionary and user lexicons (nil when neither is used).
    public let lexicon: TranslationLexicon?

    /// - Throws: ``VersoError`` when a dictionary or lexicon file cannot be read.
    public init(options: AlignerOptions) throws {
        self.options = options
        if options.useDictionary || !options.lexiconPaths.isEmpty || options.learnLexicon {
            lexicon = try TranslationLexicon(sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage,
                                             dictionaryDirectory: options.useDictionary ? options.dictionaryDirectory : nil,
                                             userLexicons: options.lexiconPaths)
        } else {
            lexicon = nil
        }
    }

    /// Aligns one document pair (the learned lexicon comes from this pair only).
    /// - Complexity: O((n + m) · band width) for long inputs.
    public func align(source: SegmentedDocument, target: SegmentedDocument) -> Alignment {
        alignAll([(source, target)])[0]
    }

    /// Aligns several document pairs that share one learned lexicon (learned from all of them,
    /// which helps short documents).
    public func alignAll(_ pairs: [(source: SegmentedDocument, target: SegmentedDocument)]) -> [Alignment] {
        let texts = pairs.map { (source: $0.source.segments.map(\.text), target: $0.target.segments.map(\.text),
                                 sourceParagraphs: $0.source.segments.map(\.paragraph), targetParagraphs: $0.target.segments.map(\.paragraph)) }
        let (paths, learned) = alignTexts(texts)
        return zip(pairs, paths).map { pair, path in
            Alignment(source: pair.source, target: pair.target, beads: path, signature: signature(learned: learned), lexicon: learned ?? lexicon)
        }
    }

    /// The aligner's part of a signature.
    public func signature(learned: TranslationLexicon? = nil) -> Signature {
        var s = Signature()
        s.set("languages", "\(options.sourceLanguage)-\(options.targetLanguage)")
        var evidence = ["length"]
        if options.useDictionary { evidence.append("dictionary") }
        if !options.lexiconPaths.isEmpty { evidence.append("user-lexicon") }
        if options.useCognates { evidence.append("cognates") }
        if options.learnLexicon { evidence.append("learned") }
        if options.useParagraphs { evidence.append("paragraphs") }
        s.set("aligner", "verso-dp(max\(options.maxBeadSide),exact\(options.exactLimit),band\(options.bandWidth))")
        s.set("evidence", evidence.joined(separator: "+"))
        let w = options.effectiveWeights
        s.set("weights", "len\(w.length),var\(w.variance),sim\(w.similarity),null\(w.nullOpen)/\(w.nullExtend),prior\(w.oneTwo)/\(w.twoTwo)/\(w.large),par\(w.paragraph)")
        let provenance = (learned ?? lexicon)?.provenance ?? []
        s.set("lexicon", provenance.isEmpty ? "none" : provenance.joined(separator: "+"))
        return s
    }

    /// Aligns sentence lists (the engine behind ``align(source:target:)``): returns the beads of
    /// each pair and the lexicon learned, if any.
    public func alignTexts(_ pairs: [(source: [String], target: [String], sourceParagraphs: [Int]?, targetParagraphs: [Int]?)])
        -> (beads: [[Bead]], learned: TranslationLexicon?) {
        let space = FeatureSpace(sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage)
        let docs = pairs.map { pair -> (SideFeatures, SideFeatures, Bool) in
            let paragraphs = options.useParagraphs && hasParagraphs(pair.sourceParagraphs) && hasParagraphs(pair.targetParagraphs)
            return (SideFeatures(texts: pair.source, paragraphs: pair.sourceParagraphs, space: space),
                    SideFeatures(texts: pair.target, paragraphs: pair.targetParagraphs, space: space), paragraphs)
        }
        let firstEvidence = DocumentLinks.Evidence(lexicon: options.useDictionary || !options.lexiconPaths.isEmpty ? lexicon : nil,
                                                  cognates: options.useCognates)
        var results = docs.map { search($0, space: space, evidence: firstEvidence, guide: nil) }
        var learned: TranslationLexicon?
        if options.learnLexicon, let base = lexicon {
            let stemPairs = learnPairs(docs: docs, results: results, space: space)
            let lexicon2 = firstEvidence.lexicon == nil ? base.adding(stemPairs: [], label: "none") : base
            learned = lexicon2.adding(stemPairs: stemPairs, label: "learned")
            let evidence = DocumentLinks.Evidence(lexicon: learned, cognates: options.useCognates)
            results = zip(docs, results).map { search($0, space: space, evidence: evidence, guide: ($1.low, $1.high)) }
        }
        let w = options.effectiveWeights
        let beads = results.map { result in
            result.beads.map { b in
                Bead(source: Array(b.i0..<(b.i0 + b.a)), target: Array(b.j0..<(b.j0 + b.b)),
                     score: 1 / (1 + exp(-(b.margin - w.confidenceCenter) / w.confidenceScale)))
            }
        }
        return (beads, learned)
    }

    private func hasParagraphs(_ paragraphs: [Int]?) -> Bool {
        guard let paragraphs, let last = paragraphs.last else { return false }
        return last + 1 < paragraphs.count
    }

    /// Runs the DP on one document: exact when small, else banded with widening.
    private func search(_ doc: (SideFeatures, SideFeatures, Bool), space: FeatureSpace, evidence: DocumentLinks.Evidence,
                        guide: (low: [Int], high: [Int])?) -> BandSearch.Result {
        let (source, target, paragraphs) = doc
        let n = source.count, m = target.count
        let links = DocumentLinks(source: source, target: target, space: space, evidence: evidence)
        let problem = AlignProblem(source: source, target: target, links: links, weights: options.effectiveWeights,
                                   shapes: options.shapes, useParagraphs: paragraphs)
        if (n + 1) * (m + 1) <= options.exactLimit || min(n, m) <= 4 {
            return BandSearch(problem: problem, band: .full(n: n, m: m)).run()
        }
        var low: [Int], high: [Int], width: [Int]
        if let guide {
            (low, high) = guide
            width = [Int](repeating: options.bandWidth, count: n + 1)
        } else {
            let (column, gap) = Anchors.guide(Anchors.find(source: source, target: target, links: links), n: n, m: m)
            low = column
            high = column
            width = gap.map { options.bandWidth + min($0 / 8, 4 * options.bandWidth) }
        }
        // Widening stops when the band would exceed this many nodes (linear in the input).
        let budget = max(options.exactLimit, 64 * (n + m + 2) * max(options.bandWidth, 1) / 8)
        var result = BandSearch(problem: problem, band: .around(guideLow: low, guideHigh: high, width: width, n: n, m: m)).run()
        for _ in 0..<6 where !result.touched.isEmpty {
            var wider = width
            for r in result.touched {
                let reach = 2 * width[r]
                for k in max(0, r - reach)...min(n, r + reach) { wider[k] = max(wider[k], 2 * width[r]) }
            }
            let band = Band.around(guideLow: result.low, guideHigh: result.high, width: wider, n: n, m: m)
            guard band.count <= budget else { break }
            width = wider
            result = BandSearch(problem: problem, band: band).run()
        }
        return result
    }

    /// Word stem pairs learned with IBM Model 1 from the cheapest 1-1 beads of a first pass.
    private func learnPairs(docs: [(SideFeatures, SideFeatures, Bool)], results: [BandSearch.Result], space: FeatureSpace) -> [(source: String, target: String)] {
        var candidates: [(doc: Int, i: Int, j: Int, cost: Double)] = []
        for (d, result) in results.enumerated() {
            for b in result.beads where b.a == 1 && b.b == 1 { candidates.append((d, b.i0, b.j0, b.cost)) }
        }
        candidates.sort { $0.cost != $1.cost ? $0.cost < $1.cost : ($0.doc, $0.i) < ($1.doc, $1.i) }
        let keep = min(Int((Double(candidates.count) * options.learningShare).rounded()), 20_000)
        var training: [(source: [Int32], target: [Int32])] = []
        for c in candidates.prefix(keep) {
            let (source, target, _) = docs[c.doc]
            let s = source.tokens[Int(source.tokenStart[c.i])..<Int(source.tokenStart[c.i + 1])].map { space.stem($0, side: 0) }
            let t = target.tokens[Int(target.tokenStart[c.j])..<Int(target.tokenStart[c.j + 1])].map { space.stem($0, side: 1) }
            if !s.isEmpty && !t.isEmpty && s.count <= 80 && t.count <= 80 { training.append((s, t)) }
        }
        guard !training.isEmpty else { return [] }
        // Only word stems become lexicon entries (numbers and punctuation match as cognates).
        let isWord = { (stem: String) in stem.unicodeScalars.first.map { AlignTokenizer.isLetter($0) } ?? false }
        return IBM1.learn(training).compactMap { e, f in
            let s = space.stems[0][Int(e)], t = space.stems[1][Int(f)]
            return isWord(s) && isWord(t) ? (s, t) : nil
        }
    }
}
