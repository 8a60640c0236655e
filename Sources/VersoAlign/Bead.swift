import VersoText

/// One step of a monotone alignment: consecutive source sentences paired with consecutive
/// target sentences (1-1, 1-2, 2-1, 0-1, 1-0, 2-2, …).
public struct Bead: Sendable, Equatable, Hashable, Codable {
    /// 0-based indices of the source segments, ascending.
    public var source: [Int]
    /// 0-based indices of the target segments, ascending.
    public var target: [Int]
    /// Confidence in 0…1 that this bead is right (see the aligner's documentation).
    public var score: Double

    public init(source: [Int], target: [Int], score: Double) {
        self.source = source
        self.target = target
        self.score = score
    }

    /// "1-1", "2-1", "0-1"…
    public var kind: String { "\(source.count)-\(target.count)" }
    /// A bead with an empty side (an omission or an addition).
    public var isNull: Bool { source.isEmpty || target.isEmpty }
}

/// Two documents and the beads that pair them.
public struct Alignment: Sendable {
    public var source: SegmentedDocument
    public var target: SegmentedDocument
    public var beads: [Bead]
    /// What produced this alignment (versions, languages, segmenter, aligner settings, lexicons).
    public var signature: Signature
    /// The word translations the aligner used (dictionary, user and learned lexicons), for
    /// coverage checks (``TranslationLexicon/translationLinks(source:target:cognates:)``).
    public var lexicon: TranslationLexicon?

    public init(source: SegmentedDocument, target: SegmentedDocument, beads: [Bead], signature: Signature,
                lexicon: TranslationLexicon? = nil) {
        self.source = source
        self.target = target
        self.beads = beads
        self.signature = signature
        self.lexicon = lexicon
    }

    /// The source sentences of a bead, as segmented.
    public func sourceTexts(_ bead: Bead) -> [String] { bead.source.map { source.segments[$0].text } }
    /// The target sentences of a bead, as segmented.
    public func targetTexts(_ bead: Bead) -> [String] { bead.target.map { target.segments[$0].text } }
}

extension Alignment {
    /// Whether each bead is prose (see ``ContentKind``): a bead is non-prose when every segment
    /// on both sides is; it then takes the kind of its first segment. A bead pairing prose with
    /// non-prose counts as prose, so that the checks still look at it.
    /// - Complexity: O(n) in the size of the documents.
    public func contentKinds() -> [ContentKind] {
        let s = source.contentKinds(), t = target.contentKinds()
        return beads.map { bead in
            let kinds = bead.source.map { s[$0] } + bead.target.map { t[$0] }
            guard let first = kinds.first, kinds.allSatisfy({ !$0.isProse }) else { return .prose }
            return first
        }
    }
}
