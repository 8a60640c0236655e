import VersoText

/// The text of one bead as the checks see it: it can come from an alignment or from an
/// existing translation memory (TMX, TSV), so it carries no document.
public struct BeadText: Sendable, Equatable {
    /// Source sentences (empty for a 0-1 bead).
    public var source: [String]
    /// Target sentences (empty for a 1-0 bead).
    public var target: [String]
    /// The aligner's confidence, when there is one.
    public var score: Double?
    /// Prose or not (``ContentKind``), when known from the documents; nil judges the text.
    public var content: ContentKind?
    /// gettext's flags of the unit (`c-format`, `python-format`, `no-c-format`, `fuzzy`…), when
    /// the input has them: they say which placeholder syntax applies.
    public var flags: [String] = []
    /// Inline markup of each side (``InlineCode`` offsets index ``sourceText`` and
    /// ``targetText``), when the input had it (HTML, DOCX, XLIFF, TMX).
    public var sourceCodes: [InlineCode] = []
    public var targetCodes: [InlineCode] = []

    public init(source: [String], target: [String], score: Double? = nil, content: ContentKind? = nil) {
        self.source = source
        self.target = target
        self.score = score
        self.content = content
    }

    /// The bead's content kind: ``content`` when known, else judged from the text (non-prose
    /// only when every sentence is).
    public var contentKind: ContentKind {
        if let content { return content }
        let kinds = (source + target).map(ContentKind.of)
        guard let first = kinds.first, kinds.allSatisfy({ !$0.isProse }) else { return .prose }
        return first
    }

    /// The source side as one string (sentences joined with one space): what spans index.
    public var sourceText: String { source.joined(separator: " ") }
    /// The target side as one string.
    public var targetText: String { target.joined(separator: " ") }
}
