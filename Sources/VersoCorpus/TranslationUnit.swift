import VersoAlign
import VersoCheck
import VersoText

/// One pair of a parallel corpus, as every format reads and writes it.
public struct TranslationUnit: Sendable, Equatable {
    public var source: String
    public var target: String
    /// Alignment confidence, when known.
    public var score: Double?
    /// Findings on this pair (their `bead` is this unit's position).
    public var findings: [Finding]
    /// Segment indices in the source and target documents, when the unit came from an alignment.
    public var sourceIndices: [Int]
    public var targetIndices: [Int]
    /// Free notes carried through formats (TMX `<note>`, XLIFF notes).
    public var notes: [String]
    /// The document the unit belongs to, when known.
    public var document: String?
    /// The sentences of each side when the unit came from an alignment (`source` is them joined
    /// with one space); empty when a format knows only the joined text.
    public var sourceSegments: [String] = []
    public var targetSegments: [String] = []
    /// Prose, or code, a command, table art, a URL or numbers alone (``ContentKind``), when known:
    /// from the documents' structure for an alignment, from the JSONL `content` field for a
    /// memory. Nil means unknown (filters then judge the text).
    public var content: ContentKind?

    /// The unit's content kind: ``content`` when known, else judged from its text (non-prose
    /// only when both sides are).
    public var contentKind: ContentKind {
        if let content { return content }
        let s = ContentKind.of(source), t = ContentKind.of(target)
        if source.isEmpty { return t }
        if target.isEmpty || s == t || !t.isProse { return s.isProse || t.isProse ? .prose : s }
        return .prose
    }

    /// A unit is empty on a side when that side has no text (a 1-0 or 0-1 bead).
    public var sides: (source: [String], target: [String]) {
        (sourceSegments.isEmpty ? (source.isEmpty ? [] : [source]) : sourceSegments,
         targetSegments.isEmpty ? (target.isEmpty ? [] : [target]) : targetSegments)
    }

    public init(source: String, target: String, score: Double? = nil, findings: [Finding] = [],
                sourceIndices: [Int] = [], targetIndices: [Int] = [], notes: [String] = [], document: String? = nil) {
        self.source = source
        self.target = target
        self.score = score
        self.findings = findings
        self.sourceIndices = sourceIndices
        self.targetIndices = targetIndices
        self.notes = notes
        self.document = document
    }
}

extension TranslationUnit {
    /// "1-1", "2-1", "0-1"…: how many sentences each side has.
    public var kind: String { let s = sides; return "\(s.source.count)-\(s.target.count)" }
    /// A unit with an empty side (an omission or an addition).
    public var isNull: Bool { source.isEmpty || target.isEmpty }
    /// One side's text: what finding spans index.
    public func text(_ side: Side) -> String { side == .target ? target : source }

    /// One unit a bead of an alignment, with its sentences, indices, score and findings.
    /// - Complexity: O(beads + findings).
    public static func units(of alignment: Alignment, findings: [Finding] = [], document: String? = nil) -> [TranslationUnit] {
        let byBead = Dictionary(grouping: findings, by: \.bead)
        let kinds = alignment.contentKinds()
        return alignment.beads.enumerated().map { i, bead in
            let s = alignment.sourceTexts(bead), t = alignment.targetTexts(bead)
            var unit = TranslationUnit(source: s.joined(separator: " "), target: t.joined(separator: " "), score: bead.score,
                                       findings: byBead[i] ?? [], sourceIndices: bead.source, targetIndices: bead.target,
                                       document: document)
            (unit.sourceSegments, unit.targetSegments) = (s, t)
            unit.content = kinds[i]
            return unit
        }
    }
}
