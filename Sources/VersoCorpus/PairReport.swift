import VersoAlign
import VersoCheck
import VersoText

/// What Verso made of one document pair (aligned and checked) or one translation memory
/// (checked as it is): the value every output renders — the text, JSON lines, JSON, Markdown
/// and HTML reports, the corpus formats, the stream's lines and the store's rows.
public struct PairReport: Sendable {
    /// Where the beads came from.
    public enum Origin: Sendable, Equatable {
        /// Verso aligned two documents.
        case alignment
        /// The pairs of a translation memory or catalog, read as they are (`tmx`, `po`, …).
        case memory(format: String)
    }

    /// One side of the pair.
    public struct Document: Sendable, Equatable {
        /// The name shown to the user: the path given on the command line, or a stream record's id.
        public var name: String
        /// BCP 47 language tag ("en", "fr-CA").
        public var language: String
        /// How many sentences (segments) the side has, in beads or not.
        public var sentenceCount: Int

        public init(name: String, language: String, sentenceCount: Int) {
            self.name = name
            self.language = language
            self.sentenceCount = sentenceCount
        }
    }

    public var origin: Origin
    public var source: Document
    public var target: Document
    /// One unit a bead, in order, each with its sentences, indices, score and findings.
    public var units: [TranslationUnit]
    /// What produced the beads and the findings.
    public var signature: Signature
    /// The segmented documents and the beads, for a document pair (nil for a memory).
    public var alignment: Alignment?

    /// A report from its parts (a document read back from the store, a test).
    public init(origin: Origin, source: Document, target: Document, units: [TranslationUnit], signature: Signature,
                alignment: Alignment? = nil) {
        self.origin = origin
        self.source = source
        self.target = target
        self.units = units
        self.signature = signature
        self.alignment = alignment
    }

    /// The report of an aligned pair.
    /// - Parameter findings: the checks' findings; `bead` indexes `alignment.beads`.
    /// - Complexity: O(beads + findings).
    public init(alignment: Alignment, findings: [Finding], signature: Signature, name: String? = nil) {
        origin = .alignment
        source = Document(name: alignment.source.source.name, language: alignment.source.language,
                          sentenceCount: alignment.source.segments.count)
        target = Document(name: alignment.target.source.name, language: alignment.target.language,
                          sentenceCount: alignment.target.segments.count)
        units = TranslationUnit.units(of: alignment, findings: findings, document: name)
        self.signature = signature
        self.alignment = alignment
    }

    /// The report of a memory checked as it is.
    /// - Parameter findings: the checks' findings; `bead` indexes `units`.
    /// - Complexity: O(units + findings).
    public init(memory units: [TranslationUnit], findings: [Finding], name: String, sourceLanguage: String, targetLanguage: String,
                signature: Signature, format: String? = nil) {
        origin = .memory(format: format ?? signature["input"].map { String($0.prefix { $0 != "-" }) } ?? "memory")
        var withFindings = units
        let byUnit = Dictionary(grouping: findings, by: \.bead)
        var nextSource = 0, nextTarget = 0
        for i in withFindings.indices {
            withFindings[i].findings = byUnit[i] ?? []
            // A memory's pairs have no sentence numbers: number them in order, as the report's
            // alignment map and the JSON outputs show them.
            let sides = withFindings[i].sides
            if withFindings[i].sourceIndices.isEmpty { withFindings[i].sourceIndices = Array(nextSource..<nextSource + sides.source.count) }
            if withFindings[i].targetIndices.isEmpty { withFindings[i].targetIndices = Array(nextTarget..<nextTarget + sides.target.count) }
            nextSource = (withFindings[i].sourceIndices.last ?? nextSource - 1) + 1
            nextTarget = (withFindings[i].targetIndices.last ?? nextTarget - 1) + 1
        }
        self.units = withFindings
        source = Document(name: name, language: sourceLanguage, sentenceCount: units.reduce(0) { $0 + $1.sides.source.count })
        target = Document(name: name, language: targetLanguage, sentenceCount: units.reduce(0) { $0 + $1.sides.target.count })
        self.signature = signature
        alignment = nil
    }

    /// The units, each marked as belonging to `document` (a corpus's or a stream's name for the pair).
    public func units(document: String) -> [TranslationUnit] {
        units.map { var unit = $0; unit.document = document; return unit }
    }

    /// Every finding, by bead, then worst first (the check engine's order).
    public var findings: [Finding] { units.flatMap(\.findings) }

    /// The verdict in numbers.
    /// - Complexity: O(beads + findings).
    public var summary: PairSummary { PairSummary(self) }

    /// Where each finding points, for the text report: `file:line` of the first sentence of its
    /// side in an aligned pair; in a memory `file:line` of the unit when its reader knows the line
    /// (TMX, XLIFF, PO, JSONL), else `file:unit N`.
    /// - Complexity: O(size of the documents + findings).
    public func locations() -> [String] {
        let findings = self.findings
        guard let alignment else {
            return findings.map { f in
                let line = units.indices.contains(f.bead) ? units[f.bead].line : nil
                return line.map { "\(source.name):\($0)" } ?? "\(source.name):unit \(f.bead + 1)"
            }
        }
        let sourceLines = alignment.source.segmentLines(), targetLines = alignment.target.segmentLines()
        return findings.map { f in
            let bead = alignment.beads[f.bead]
            let onSource = f.side == .source || bead.target.isEmpty
            let line = onSource ? bead.source.first.map { sourceLines[$0] } : bead.target.first.map { targetLines[$0] }
            return "\(onSource ? source.name : target.name):\(line ?? 0)"
        }
    }
}

/// The counts a report's header, a CI log and a stream's summary line show.
public struct PairSummary: Sendable, Equatable {
    /// How often one finding code occurs.
    public struct CodeCount: Sendable, Equatable {
        public var code: String
        public var category: Category
        public var count: Int
        /// The worst severity among this code's findings.
        public var worst: Severity

        public init(code: String, category: Category, count: Int, worst: Severity) {
            self.code = code
            self.category = category
            self.count = count
            self.worst = worst
        }
    }

    /// How often one bead kind occurs.
    public struct KindCount: Sendable, Equatable {
        public var kind: String
        public var count: Int
    }

    /// How many beads there are.
    public var beadCount: Int
    /// Beads with at least one finding above info: what "flagged" means everywhere.
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

    /// Whether a finding makes its bead "flagged".
    public static func flags(_ finding: Finding) -> Bool { finding.severity > .info }

    init(_ report: PairReport) {
        beadCount = report.units.count
        bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        var codes: [String: CodeCount] = [:]
        var kinds: [String: Int] = [:]
        var flagged = 0, findings = 0
        var scoreSum = 0.0, scored = 0
        var alignedSource = 0, alignedTarget = 0
        for unit in report.units {
            let sides = unit.sides
            kinds["\(sides.source.count)-\(sides.target.count)", default: 0] += 1
            if let score = unit.score { scoreSum += score; scored += 1 }
            if !sides.source.isEmpty && !sides.target.isEmpty {
                alignedSource += sides.source.count
                alignedTarget += sides.target.count
            }
            if unit.findings.contains(where: PairSummary.flags) { flagged += 1 }
            for finding in unit.findings {
                findings += 1
                bySeverity[finding.severity, default: 0] += 1
                var entry = codes[finding.code] ?? CodeCount(code: finding.code, category: finding.category, count: 0, worst: finding.severity)
                entry.count += 1
                entry.worst = max(entry.worst, finding.severity)
                codes[finding.code] = entry
            }
        }
        flaggedBeadCount = flagged
        findingCount = findings
        byCode = codes.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
        beadKinds = kinds.map { KindCount(kind: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
        meanConfidence = scored > 0 ? scoreSum / Double(scored) : nil
        unalignedSource = max(0, report.source.sentenceCount - alignedSource)
        unalignedTarget = max(0, report.target.sentenceCount - alignedTarget)
    }
}
