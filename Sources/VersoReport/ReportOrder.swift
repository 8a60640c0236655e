import VersoCheck
import VersoCorpus

extension PairReport {
    /// The findings of each bead, in the order of `units`, worst first (then by code, then by
    /// position in the text).
    /// - Complexity: O(beads + findings log findings).
    public func findingsByBead() -> [[Finding]] {
        units.map { $0.findings.sorted(by: PairReport.worstFirst) }
    }

    /// Orders findings worst first, then by bead, code and span start: the order of "worst
    /// findings" lists.
    public static func worstFirst(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.bead != b.bead { return a.bead < b.bead }
        if a.code != b.code { return a.code < b.code }
        return (a.span?.lowerBound ?? -1) < (b.span?.lowerBound ?? -1)
    }
}
