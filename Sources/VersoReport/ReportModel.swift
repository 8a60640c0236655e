import VersoAlign
import VersoCheck
import VersoText

/// One document of the reviewed pair.
public struct ReportDocument: Sendable, Equatable {
    /// The name shown to the reviewer (usually the file path given on the command line).
    public var name: String
    /// BCP 47 language tag ("en", "fr-CA").
    public var language: String
    /// How many sentences (segments) the document has, aligned or not.
    public var sentenceCount: Int

    /// Creates a document description.
    public init(name: String, language: String, sentenceCount: Int) {
        self.name = name
        self.language = language
        self.sentenceCount = sentenceCount
    }
}

/// One bead as the report shows it: its sentences on both sides and its confidence.
public struct ReportBead: Sendable, Equatable {
    /// The bead's number, which ``VersoCheck/Finding/bead`` refers to.
    public var index: Int
    /// 0-based indices of the source sentences.
    public var sourceIndices: [Int]
    /// 0-based indices of the target sentences.
    public var targetIndices: [Int]
    /// The source sentences (empty for a 0-1 bead).
    public var source: [String]
    /// The target sentences (empty for a 1-0 bead).
    public var target: [String]
    /// The aligner's confidence in 0…1, when there is one.
    public var score: Double?
    /// For documents read by their structure: the kind of block the bead's first sentence
    /// stands in, as the report labels it (`h2`, `list`, `table`, `code`, `quote`…); nil for
    /// paragraphs and plain text.
    public var block: String?
    /// Placeholders of inline markup on each side, with offsets into ``text(_:)`` of that side.
    public var sourceCodes: [InlineCode] = []
    public var targetCodes: [InlineCode] = []

    /// Creates a bead; `source` and `target` hold the sentences at `sourceIndices` and `targetIndices`.
    public init(index: Int, sourceIndices: [Int], targetIndices: [Int], source: [String], target: [String], score: Double?) {
        self.index = index
        self.sourceIndices = sourceIndices
        self.targetIndices = targetIndices
        self.source = source
        self.target = target
        self.score = score
    }

    /// "1-1", "2-1", "0-1"…
    public var kind: String { "\(source.count)-\(target.count)" }

    /// The codes of some segments with offsets into their text joined with one space.
    static func joinedCodes(_ indices: [Int], in document: SegmentedDocument) -> [InlineCode] {
        var out: [InlineCode] = []
        var base = 0
        for i in indices {
            let segment = document.segments[i]
            out += segment.codes.map { var c = $0; c.offset += base; return c }
            base += segment.text.unicodeScalars.count + 1
        }
        return out
    }

    /// `h2`, `list`, `table`, `code`, `quote`, `title`, `caption`, `note`, `cue`, or nil.
    static func blockLabel(_ bead: Bead, _ alignment: Alignment) -> String? {
        let (index, document) = bead.source.first.map { ($0, alignment.source) } ?? (bead.target.first ?? 0, alignment.target)
        guard document.isStructured, index < document.segments.count else { return nil }
        let block = document.blocks[document.segments[index].paragraph]
        switch block.kind {
        case .heading: return "h\(max(1, block.level))"
        case .listItem: return "list"
        case .tableCell: return "table"
        case .code: return "code"
        case .quote: return "quote"
        case .title: return "title"
        case .caption: return "caption"
        case .footnote: return "note"
        case .cue: return "cue"
        case .prose, .dialogue, .rule, .metadata: return nil
        }
    }
    /// A bead with an empty side (an omission or an addition).
    public var isNull: Bool { source.isEmpty || target.isEmpty }
    /// The sentences of one side joined with one space: the text finding spans index.
    public func text(_ side: Side) -> String { (side == .target ? target : source).joined(separator: " ") }
}

/// Everything a report shows, as plain values; the renderers (``HTMLReport``, ``MarkdownReport``)
/// only read it.
public struct ReportModel: Sendable {
    /// The source document (what was translated).
    public private(set) var source: ReportDocument
    /// The target document (the translation).
    public private(set) var target: ReportDocument
    /// What produced the alignment and the findings (``VersoText/Signature`` rendered as text).
    public private(set) var signature: String
    /// The beads in document order.
    public private(set) var beads: [ReportBead]
    /// The findings, each pointing at a bead by its ``ReportBead/index`` (checked on creation).
    public private(set) var findings: [Finding]

    /// Creates a report from its parts.
    ///
    /// - Throws: a `VersoError` (`badInput`) when two beads share an index or a finding points at
    ///   a bead that is not in `beads`.
    public init(source: ReportDocument, target: ReportDocument, signature: String, beads: [ReportBead], findings: [Finding]) throws {
        self.source = source
        self.target = target
        self.signature = signature
        self.beads = beads
        self.findings = findings
        _ = try positions()
    }

    /// Creates a report for an aligned document pair and the findings of the checks run on it.
    ///
    /// - Parameters:
    ///   - alignment: the documents, their beads and the signature of what aligned them.
    ///   - findings: findings whose `bead` is an index into `alignment.beads`.
    ///   - signature: the signature to show; defaults to the alignment's (pass one that also
    ///     names the checks run).
    /// - Throws: a `VersoError` when a finding points outside `alignment.beads`.
    /// - Complexity: O(beads + findings).
    public init(alignment: Alignment, findings: [Finding], signature: Signature? = nil) throws {
        let beads = alignment.beads.enumerated().map { index, bead in
            var row = ReportBead(index: index, sourceIndices: bead.source, targetIndices: bead.target,
                                 source: alignment.sourceTexts(bead), target: alignment.targetTexts(bead), score: bead.score)
            row.sourceCodes = ReportBead.joinedCodes(bead.source, in: alignment.source)
            row.targetCodes = ReportBead.joinedCodes(bead.target, in: alignment.target)
            row.block = ReportBead.blockLabel(bead, alignment)
            return row
        }
        try self.init(
            source: ReportDocument(name: alignment.source.source.name, language: alignment.source.language,
                                   sentenceCount: alignment.source.segments.count),
            target: ReportDocument(name: alignment.target.source.name, language: alignment.target.language,
                                   sentenceCount: alignment.target.segments.count),
            signature: (signature ?? alignment.signature).description, beads: beads, findings: findings)
    }

    /// Creates a report from bead texts alone (a translation memory, a test): sentence indices
    /// are numbered consecutively on each side, and the documents have exactly the sentences
    /// of the beads.
    ///
    /// - Parameters:
    ///   - source: name and language of the source document.
    ///   - target: name and language of the target document.
    ///   - beads: the beads in order; bead `i` gets index `i`.
    /// - Throws: a `VersoError` when a finding points outside `beads`.
    public init(source: (name: String, language: String), target: (name: String, language: String),
                signature: String, beads: [BeadText], findings: [Finding]) throws {
        var nextSource = 0, nextTarget = 0
        let reportBeads = beads.enumerated().map { index, bead -> ReportBead in
            defer { nextSource += bead.source.count; nextTarget += bead.target.count }
            return ReportBead(index: index, sourceIndices: Array(nextSource..<nextSource + bead.source.count),
                              targetIndices: Array(nextTarget..<nextTarget + bead.target.count),
                              source: bead.source, target: bead.target, score: bead.score)
        }
        try self.init(source: ReportDocument(name: source.name, language: source.language, sentenceCount: nextSource),
                      target: ReportDocument(name: target.name, language: target.language, sentenceCount: nextTarget),
                      signature: signature, beads: reportBeads, findings: findings)
    }

    /// Maps each bead index to its position in `beads`, checking the findings against it.
    private func positions() throws -> [Int: Int] {
        var positions: [Int: Int] = [:]
        for (position, bead) in beads.enumerated() {
            guard positions.updateValue(position, forKey: bead.index) == nil else {
                throw VersoError(.badInput, "two beads of the report have the index \(bead.index)",
                                 fix: "number the beads of a report uniquely")
            }
        }
        if let stray = findings.first(where: { positions[$0.bead] == nil }) {
            throw VersoError(.badInput, "finding \"\(stray.code)\" points at bead \(stray.bead), which is not in the report (\(beads.count) beads)",
                             fix: "run the checks on the same alignment the report shows")
        }
        return positions
    }

    /// The findings of each bead, in the order of `beads`, worst first (then by code, then by
    /// position in the text).
    /// - Complexity: O(beads + findings log findings).
    public func findingsByBead() -> [[Finding]] {
        var result = [[Finding]](repeating: [], count: beads.count)
        let positions = Dictionary(uniqueKeysWithValues: beads.enumerated().map { ($1.index, $0) })
        for finding in findings {
            if let position = positions[finding.bead] { result[position].append(finding) }
        }
        return result.map { $0.sorted(by: ReportModel.worstFirst) }
    }

    /// Orders findings worst first, then by bead, code and span start: the order of "worst
    /// findings" lists.
    public static func worstFirst(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.bead != b.bead { return a.bead < b.bead }
        if a.code != b.code { return a.code < b.code }
        return (a.span?.lowerBound ?? -1) < (b.span?.lowerBound ?? -1)
    }

    /// The verdict in numbers.
    /// - Complexity: O(beads + findings).
    public var summary: ReportSummary { ReportSummary(self) }
}

/// The counts a report's header and a CI log show.
public struct ReportSummary: Sendable, Equatable {
    /// How often one finding code occurs.
    public struct CodeCount: Sendable, Equatable {
        public var code: String
        public var category: Category
        public var count: Int
        /// The worst severity among this code's findings.
        public var worst: Severity
    }

    /// How often one bead kind occurs.
    public struct KindCount: Sendable, Equatable {
        public var kind: String
        public var count: Int
    }

    /// How many beads the report shows.
    public var beadCount: Int
    /// Beads with at least one finding.
    public var flaggedBeadCount: Int
    /// How many findings in all.
    public var findingCount: Int
    /// Findings per severity; every severity is present (0 when none).
    public var bySeverity: [Severity: Int]
    /// Findings per code, most frequent first (ties by code).
    public var byCode: [CodeCount]
    /// Bead kinds ("1-1", "0-1"…) with their counts, most frequent first (ties by kind).
    public var beadKinds: [KindCount]
    /// Mean of the beads' scores; nil when no bead has one.
    public var meanConfidence: Double?
    /// Source sentences in no bead or in a 1-0 bead (left untranslated).
    public var unalignedSource: Int
    /// Target sentences in no bead or in a 0-1 bead (added in translation).
    public var unalignedTarget: Int

    init(_ model: ReportModel) {
        beadCount = model.beads.count
        findingCount = model.findings.count
        flaggedBeadCount = Set(model.findings.map(\.bead)).count
        bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        var codes: [String: CodeCount] = [:]
        for finding in model.findings {
            bySeverity[finding.severity, default: 0] += 1
            var entry = codes[finding.code] ?? CodeCount(code: finding.code, category: finding.category, count: 0, worst: finding.severity)
            entry.count += 1
            entry.worst = max(entry.worst, finding.severity)
            codes[finding.code] = entry
        }
        byCode = codes.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
        var kinds: [String: Int] = [:]
        var alignedSource = Set<Int>(), alignedTarget = Set<Int>()
        var scoreSum = 0.0, scored = 0
        for bead in model.beads {
            kinds[bead.kind, default: 0] += 1
            if let score = bead.score { scoreSum += score; scored += 1 }
            guard !bead.isNull else { continue }
            alignedSource.formUnion(bead.sourceIndices)
            alignedTarget.formUnion(bead.targetIndices)
        }
        beadKinds = kinds.map { KindCount(kind: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
        meanConfidence = scored > 0 ? scoreSum / Double(scored) : nil
        unalignedSource = max(0, model.source.sentenceCount - alignedSource.count)
        unalignedTarget = max(0, model.target.sentenceCount - alignedTarget.count)
    }
}
