import VersoCheck
import VersoText

/// Which pairs an export keeps: the same filters for every format.
///
/// A unit is judged by the first rule it breaks, in this order: `minScore`, `excludeCodes`,
/// `maxSeverity`, `proseOnly`, `dedupe`; it is counted once, under that reason.
public struct ExportFilter: Sendable, Equatable {
    /// Why a unit was dropped.
    public enum Reason: String, Sendable, CaseIterable, Comparable {
        case lowScore = "score below minimum"
        case excludedCode = "excluded finding code"
        case severity = "finding above maximum severity"
        case duplicate = "duplicate pair"
        case nonProse = "not prose (code, command, table art, URL or numbers)"

        public static func < (a: Reason, b: Reason) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// Drop units scored below this. Units without a score (from a memory that has none) are kept:
    /// the filter only judges what it can see.
    public var minScore: Double?
    /// Drop units with a finding whose code is in this set.
    public var excludeCodes: Set<String>
    /// Drop units with a finding more severe than this (`minor` keeps info and minor findings).
    public var maxSeverity: Severity?
    /// Drop a unit whose exact source and target were already kept.
    public var dedupe: Bool
    /// Drop units that are not prose (``TranslationUnit/contentKind``): training data wants sentences.
    public var proseOnly: Bool

    public init(minScore: Double? = nil, excludeCodes: Set<String> = [], maxSeverity: Severity? = nil, dedupe: Bool = false,
                proseOnly: Bool = false) {
        self.minScore = minScore
        self.excludeCodes = excludeCodes
        self.maxSeverity = maxSeverity
        self.dedupe = dedupe
        self.proseOnly = proseOnly
    }

    /// True when the filter keeps everything.
    public var isEmpty: Bool { minScore == nil && excludeCodes.isEmpty && maxSeverity == nil && !dedupe && !proseOnly }

    /// The kept units and how many were dropped for each reason.
    ///
    /// - Complexity: O(n) in the number of units (dedupe keeps a set of the kept pairs).
    public func apply(_ units: [TranslationUnit]) -> (kept: [TranslationUnit], dropped: [Reason: Int]) {
        var state = State(filter: self)
        let kept = units.filter { state.admit($0) }
        return (kept, state.dropped)
    }

    /// A filter in progress, for streams of units: call `admit` on each in order.
    public struct State: Sendable {
        public let filter: ExportFilter
        /// Units dropped so far, by reason.
        public private(set) var dropped: [Reason: Int] = [:]
        private var seen = Set<String>()

        public init(filter: ExportFilter) { self.filter = filter }

        /// Judges one unit; returns true when it is kept (and remembers it for `dedupe`).
        public mutating func admit(_ unit: TranslationUnit) -> Bool {
            if let reason = reason(unit) {
                dropped[reason, default: 0] += 1
                return false
            }
            return true
        }

        private mutating func reason(_ unit: TranslationUnit) -> Reason? {
            if let minScore = filter.minScore, let score = unit.score, score < minScore { return .lowScore }
            if unit.findings.contains(where: { filter.excludeCodes.contains($0.code) }) { return .excludedCode }
            if let maxSeverity = filter.maxSeverity, unit.findings.contains(where: { $0.severity > maxSeverity }) { return .severity }
            if filter.proseOnly, !unit.contentKind.isProse { return .nonProse }
            if filter.dedupe, !seen.insert(unit.source + "\u{0}" + unit.target).inserted { return .duplicate }
            return nil
        }
    }
}
