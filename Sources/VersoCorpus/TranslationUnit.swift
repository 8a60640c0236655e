import VersoAlign
import VersoCheck
import VersoText

/// Where a unit's translation stands, as its format says: a gettext catalog's fuzzy flag and
/// empty `msgstr`, XLIFF 1.2's `state` and `approved`, XLIFF 2's segment `state`.
public enum TranslationStatus: String, Sendable, CaseIterable, Codable {
    /// No translation yet (an empty `msgstr`; XLIFF `needs-translation`, no `<target>`).
    case untranslated
    /// A draft that awaits review: gettext's `fuzzy` (which `msgfmt` leaves out of the `.mo`),
    /// XLIFF 1.2 `new`, `needs-adaptation`, `needs-l10n` and `needs-review-*`, XLIFF 2 `initial`
    /// with a target.
    case fuzzy
    /// Translated (a gettext entry neither fuzzy nor empty; XLIFF `translated`).
    case translated
    /// Reviewed (XLIFF 2 `reviewed`; XLIFF 1.2 `signed-off`).
    case reviewed
    /// Final or approved (XLIFF 1.2 `final` or `approved="yes"`, XLIFF 2 `final`).
    case final
}

extension TranslationStatus: Comparable {
    /// How far along the translation is: untranslated < fuzzy < translated < reviewed < final.
    public var rank: Int {
        switch self {
        case .untranslated: return 0
        case .fuzzy: return 1
        case .translated: return 2
        case .reviewed: return 3
        case .final: return 4
        }
    }

    public static func < (a: TranslationStatus, b: TranslationStatus) -> Bool { a.rank < b.rank }
}

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
    /// The inline markup of each side (tags, placeholders, formatting runs) as placeholders: their
    /// offsets are in Unicode scalars into `source` and `target`, whose text holds no markup.
    /// Readers of TMX and XLIFF fill them from `<bpt>`/`<ept>`/`<ph>`/`<it>`/`<hi>`, `<g>`/`<x/>`/
    /// `<bx/>`/`<ex/>`, `<pc>`/`<sc>`/`<ec>`; alignments carry `Segment.codes` from documents;
    /// TMX and XLIFF writers put them back, TSV and Moses leave them out, JSONL writes them in a
    /// field of their own. Ids pair an opening code with its closing one; a code whose partner is
    /// not in the unit is isolated (TMX `<it>`).
    public var sourceCodes: [InlineCode] = []
    public var targetCodes: [InlineCode] = []
    /// The format's flags for the unit, as written: a gettext entry's `#,` flags in order
    /// (`fuzzy`, `c-format`, `no-c-format`, `python-format`, `python-brace-format`,
    /// `range: 0..10`, …). Checks read the format flags to know which placeholders the strings
    /// carry (`%s`, `{name}`).
    public var flags: [String] = []
    /// Where the translation stands, when the format says (nil for TMX, TSV, JSONL, Moses).
    public var status: TranslationStatus?
    /// The gettext `msgctxt` that tells two identical `msgid`s apart, when there is one.
    public var context: String?
    /// For a gettext plural entry, the index `n` of its `msgstr[n]` (the unit's source is
    /// `msgid` for form 0 and `msgid_plural` for the others); nil otherwise.
    public var pluralForm: Int?
    /// 1-based line in the input file where the unit starts (a PO entry's first line, a TMX
    /// `<tu>`, an XLIFF unit), when the reader knows it. Where a unit was read is not what it
    /// is: `==` ignores it, so a unit read back equals the unit written.
    public var line: Int?

    public static func == (a: TranslationUnit, b: TranslationUnit) -> Bool {
        a.source == b.source && a.target == b.target && a.score == b.score && a.findings == b.findings
            && a.sourceIndices == b.sourceIndices && a.targetIndices == b.targetIndices && a.notes == b.notes
            && a.document == b.document && a.sourceSegments == b.sourceSegments && a.targetSegments == b.targetSegments
            && a.sourceCodes == b.sourceCodes && a.targetCodes == b.targetCodes && a.flags == b.flags
            && a.status == b.status && a.context == b.context && a.pluralForm == b.pluralForm && a.content == b.content
    }

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

    /// One unit a bead of an alignment, with its sentences, indices, score, findings and the
    /// inline codes of its segments (offsets moved into the joined text).
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
            unit.sourceCodes = InlineCode.joined(bead.source.map { (alignment.source.segments[$0].text, alignment.source.segments[$0].codes) })
            unit.targetCodes = InlineCode.joined(bead.target.map { (alignment.target.segments[$0].text, alignment.target.segments[$0].codes) })
            unit.content = kinds[i]
            return unit
        }
    }
}
