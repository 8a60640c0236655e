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
    /// Use block kinds as evidence when both documents were read by their structure (HTML,
    /// Markdown, DOCX, ODT, subtitles): see ``Structure``.
    public var useStructure = true
    /// Bead cost weights and the confidence calibration.
    public var weights = CostWeights()
    /// After aligning, give site boilerplate at a bead's edge a bead of its own (``Boilerplate``).
    public var detachBoilerplate = true
    /// Inputs with at most this many DP nodes ((n + 1) · (m + 1)) get the exact full search;
    /// longer ones a band around the path found on a coarser grid, widened where the path touches its edge.
    public var exactLimit = 250_000
    /// Band size in sentences: both passes search half this width around their guide (anchors,
    /// coarse path or the first pass's path); stretches where the path touches the edge are searched
    /// again with doubled widths, up to 8 times this.
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
/// they continue a run. Short inputs are searched exactly; long ones in a band through anchor
/// sentence pairs (rare linked words of equal count on both sides, see ``Anchors``) or, with too
/// few anchors, coarse-to-fine (blocks of 8 sentences, recursively, then a band around the
/// projected path); the band is widened where the best path touches its edge, so time and memory
/// grow linearly.
///
/// Each bead's `score` is a confidence in 0…1: a logistic function of the margin, the extra
/// cost of the best alignment that does not contain the bead.
public final class Aligner: Sendable {
    public let options: AlignerOptions
    /// The dictionary and user lexicons (nil when neither is used).
    public let lexicon: TranslationLexicon?

    /// The stemmers of the source and the target language.
    let stemmers: [Stemmer]
    /// The boilerplate stage, when ``AlignerOptions/detachBoilerplate`` is on.
    let boilerplate: Boilerplate?

    /// - Throws: ``VersoError`` when a dictionary or lexicon file cannot be read.
    public init(options: AlignerOptions) throws {
        self.options = options
        stemmers = [try Stemmer(language: options.sourceLanguage), try Stemmer(language: options.targetLanguage)]
        boilerplate = options.detachBoilerplate ? try Boilerplate.load() : nil
        if options.useDictionary || !options.lexiconPaths.isEmpty || options.learnLexicon {
            lexicon = try TranslationLexicon(sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage,
                                             dictionaryDirectory: options.useDictionary ? options.dictionaryDirectory : nil,
                                             userLexicons: options.lexiconPaths)
        } else {
            lexicon = nil
        }
    }

    /// What the user should know about these settings: a dictionary that is not installed.
    public var remarks: [String] {
        guard options.useDictionary, let missing = lexicon?.missingDictionaries, !missing.isEmpty else { return [] }
        return ["no FreeDict dictionary for \(options.sourceLanguage)-\(options.targetLanguage) in \(options.dictionaryDirectory): "
                + "install the Debian package \(missing.joined(separator: " or ")) for better alignment and checks "
                + "(now aligning with sentence lengths, cognates and a lexicon learned from the pair; --no-dictionary silences this)"]
    }

    /// Aligns one document pair (the learned lexicon comes from this pair only).
    /// - Complexity: O((n + m) · band width) for long inputs.
    public func align(source: SegmentedDocument, target: SegmentedDocument) -> Alignment {
        alignAll([(source, target)])[0]
    }

    /// Aligns several document pairs that share one learned lexicon (learned from all of them,
    /// which helps short documents).
    ///
    /// When both documents of a pair were read by their structure (``SegmentedDocument/isStructured``)
    /// and ``AlignerOptions/useStructure`` is on, block kinds are evidence too (``Structure``).
    public func alignAll(_ pairs: [(source: SegmentedDocument, target: SegmentedDocument)]) -> [Alignment] {
        let structured = pairs.map { options.useStructure && $0.source.isStructured && $0.target.isStructured }
        let texts = zip(pairs, structured).map { pair, structured in
            (source: pair.source.segments.map(\.text), target: pair.target.segments.map(\.text),
             sourceParagraphs: structured ? Structure.paragraphs(pair.source) : pair.source.segments.map(\.paragraph),
             targetParagraphs: structured ? Structure.paragraphs(pair.target) : pair.target.segments.map(\.paragraph))
        }
        let structure = zip(pairs, structured).map { pair, structured in
            structured ? (source: Structure.classes(pair.source), target: Structure.classes(pair.target)) : nil
        }
        let (paths, learned) = alignTexts(texts, structure: structure)
        return zip(zip(pairs, paths), structured).map { item, structured in
            let (pair, path) = item
            var signature = signature(learned: learned)
            if structured {
                signature.set("evidence", (signature["evidence"] ?? "length") + "+structure")
                let w = options.effectiveWeights
                signature.set("structure", "block\(w.blockBoundary),mismatch\(w.structureMismatch)")
            }
            let beads = boilerplate?.detach(path, source: pair.source, target: pair.target) ?? path
            return Alignment(source: pair.source, target: pair.target, beads: beads, signature: signature, lexicon: learned ?? lexicon)
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
        if options.detachBoilerplate { s.set("stages", "detach-boilerplate") }
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
        alignTexts(pairs, structure: [])
    }

    /// ``alignTexts(_:)`` with the block kind classes of each pair's sentences (``Structure``),
    /// nil (or missing) for a pair of plain texts.
    func alignTexts(_ pairs: [(source: [String], target: [String], sourceParagraphs: [Int]?, targetParagraphs: [Int]?)],
                    structure: [(source: [UInt8], target: [UInt8])?]) -> (beads: [[Bead]], learned: TranslationLexicon?) {
        let space = FeatureSpace(stemmers: stemmers)
        let docs = pairs.enumerated().map { k, pair -> (SideFeatures, SideFeatures, Bool) in
            let paragraphs = options.useParagraphs && hasParagraphs(pair.sourceParagraphs) && hasParagraphs(pair.targetParagraphs)
            let classes = k < structure.count ? structure[k] : nil
            return (SideFeatures(texts: pair.source, paragraphs: pair.sourceParagraphs, space: space, structure: classes?.source ?? []),
                    SideFeatures(texts: pair.target, paragraphs: pair.targetParagraphs, space: space, structure: classes?.target ?? []), paragraphs)
        }
        let firstEvidence = DocumentLinks.Evidence(lexicon: options.useDictionary || !options.lexiconPaths.isEmpty ? lexicon : nil,
                                                  cognates: options.useCognates)
        var results = docs.map { search($0, space: space, evidence: firstEvidence, guide: nil) }
        var learned: TranslationLexicon?
        if options.learnLexicon, let base = lexicon {
            let stemPairs = learnPairs(docs: docs, results: results, space: space)
            learned = base.adding(stemPairs: stemPairs, label: "learned")
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

    /// Runs the DP on one document.
    private func search(_ doc: (SideFeatures, SideFeatures, Bool), space: FeatureSpace, evidence: DocumentLinks.Evidence,
                        guide: (low: [Int], high: [Int])?) -> BandSearch.Result {
        let (source, target, paragraphs) = doc
        let links = DocumentLinks(source: source, target: target, space: space, evidence: evidence)
        let problem = AlignProblem(source: source, target: target, links: links, weights: options.effectiveWeights,
                                   shapes: options.shapes, useParagraphs: paragraphs)
        return search(problem, guide: guide, width: max(2, options.bandWidth / 2), block: 1,
                      exact: options.exactLimit)
    }

    /// Long inputs with at least one anchor per this many sentences are searched in a band
    /// through the anchors (``Anchors``) rather than coarse-to-fine.
    static let anchorSpacing = 50

    /// Blocks of this many sentences form one unit of the next coarser level.
    static let coarseFactor = 8

    /// Exact search when the grid is small; otherwise a band around `guide`, or, without one,
    /// through the anchors when there is at least one per ``anchorSpacing`` sentences, else
    /// around the path found on a coarser version of the problem (blocks of 8 sentences,
    /// recursively); widened where the path touches the band's edge.
    /// - Complexity: O((n + m) · width) time and memory.
    /// `block` is the number of sentences per unit at this level: the work per node grows with
    /// it, so coarse levels are searched exactly only when smaller.
    /// Re-searches of a stretch where the path touched the band's edge use a smaller `exact` limit.
    private func search(_ problem: AlignProblem, guide: (low: [Int], high: [Int])?, width: Int, block: Int, exact: Int) -> BandSearch.Result {
        let n = problem.n, m = problem.m
        if (n + 1) * (m + 1) * block <= exact || min(n, m) <= 4 {
            return BandSearch(problem: problem, band: .full(n: n, m: m)).run(margins: block == 1)
        }
        var low: [Int] = [], high: [Int] = []
        var anchored: Band?
        if let guide {
            (low, high) = guide
        } else if block == 1, case let chain = Anchors.chain(problem), chain.count >= min(n, m) / Aligner.anchorSpacing {
            anchored = Anchors.band(chain, n: n, m: m, width: width, slack: options.maxBeadSide)
        } else {
            let k = Aligner.coarseFactor
            let coarse = AlignProblem(source: problem.source.merged(k), target: problem.target.merged(k), links: problem.links,
                                      weights: problem.weights, shapes: problem.shapes, useParagraphs: false)
            let path = search(coarse, guide: nil, width: width, block: block * k, exact: exact)
            // Rows of coarse block I lie between the coarse path's columns at rows I and I + 1.
            low = [Int](repeating: 0, count: n + 1)
            high = [Int](repeating: 0, count: n + 1)
            for i in 0...n {
                let block = i / k, next = min(block + 1, coarse.n)
                low[i] = min(m, path.low[block] * k)
                high[i] = min(m, path.high[next] * k)
            }
        }
        let band = anchored ?? Band.around(guideLow: low, guideHigh: high, width: [Int](repeating: width, count: n + 1), n: n, m: m)
        let result = BandSearch(problem: problem, band: band).run(margins: block == 1)
        guard !result.touched.isEmpty, width < 8 * options.bandWidth else { return result }
        // Where the path touches the band's edge, search again between two path points well
        // away from it, with a twice wider band, and splice the new beads in.
        let pad = 8 * width
        var spans: [(Int, Int)] = []
        for r in result.touched {
            if let last = spans.last, r - pad <= last.1 { spans[spans.count - 1].1 = min(n, r + pad) } else { spans.append((max(0, r - pad), min(n, r + pad))) }
        }
        var beads: [PathBead] = []
        var k = 0
        for (from, to) in spans {
            // The first bead starting at or after `from` and the last ending at or before `to`.
            while k < result.beads.count && result.beads[k].i0 < from { beads.append(result.beads[k]); k += 1 }
            guard k < result.beads.count else { break }
            let i0 = result.beads[k].i0, j0 = result.beads[k].j0
            var e = k
            while e < result.beads.count && result.beads[e].i0 + result.beads[e].a <= to { e += 1 }
            let i1 = e > k ? result.beads[e - 1].i0 + result.beads[e - 1].a : i0
            let j1 = e > k ? result.beads[e - 1].j0 + result.beads[e - 1].b : j0
            let sub = AlignProblem(source: problem.source.slice(i0..<i1), target: problem.target.slice(j0..<j1), links: problem.links,
                                   weights: problem.weights, shapes: problem.shapes, useParagraphs: problem.useParagraphs)
            let subLow = result.low[i0...i1].map { min(max($0 - j0, 0), j1 - j0) }
            let subHigh = result.high[i0...i1].map { min(max($0 - j0, 0), j1 - j0) }
            for b in search(sub, guide: (subLow, subHigh), width: 2 * width, block: block, exact: exact / 8).beads {
                beads.append(PathBead(i0: b.i0 + i0, j0: b.j0 + j0, a: b.a, b: b.b, cost: b.cost, margin: b.margin))
            }
            k = e
        }
        beads.append(contentsOf: result.beads[k...])
        let (newLow, newHigh) = BandSearch.columns(of: beads, n: n, m: m)
        return BandSearch.Result(beads: beads, low: newLow, high: newHigh, touched: [], total: result.total)
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
