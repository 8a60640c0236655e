import Foundation
import VersoCheck
import VersoText

/// A CI gate over a report: suppressions (`.verso-ignore`) take findings out, and a baseline (an
/// earlier run) decides which of the rest are new, so that only new findings fail the gate.
extension PairReport {
    /// The ``Fingerprint`` of every finding, in ``findings`` order.
    /// - Complexity: O(text of the flagged beads).
    public func fingerprints() -> [String] {
        units.flatMap { unit in unit.findings.map { Fingerprint.of($0, source: unit.source, target: unit.target) } }
    }

    /// The report without the findings a suppression file silences, and those findings with
    /// the entry that silenced each.
    /// - Parameter document: the path the findings are reported under (the target document, or
    ///   the memory), matched by the entries' `path=` globs.
    /// - Complexity: O(findings × entries + text of the flagged beads).
    public func suppressing(_ file: SuppressionFile, document: String?) -> (report: PairReport, suppressed: [(Finding, SuppressionFile.Entry)]) {
        var report = self
        var suppressed: [(Finding, SuppressionFile.Entry)] = []
        for i in report.units.indices {
            let unit = report.units[i]
            report.units[i].findings = unit.findings.filter { finding in
                let own = finding.side == .target ? unit.target : unit.source
                let fingerprint = Fingerprint.of(finding, source: unit.source, target: unit.target)
                guard let entry = file.entry(for: finding, fingerprint: fingerprint, snippet: Fingerprint.snippet(finding, in: own), document: document) else {
                    return true
                }
                suppressed.append((finding, entry))
                return false
            }
        }
        return (report, suppressed)
    }

    /// The findings that are not in `baseline`, in ``findings`` order.
    public func newFindings(since baseline: Baseline) -> [Finding] {
        zip(findings, baseline.isNew(fingerprints())).compactMap { $1 ? $0 : nil }
    }

    /// What `--write-baseline` writes: a suppression file with an entry for every finding.
    public func baselineFile() -> String {
        let items = zip(zip(findings, fingerprints()), locations()).map { (finding: $0.0.0, fingerprint: $0.0.1, location: $0.1) }
        return SuppressionFile.render(baseline: items)
    }
}

extension Baseline {
    /// A baseline from a file: the JSON lines of an earlier `verso check --format jsonl` run
    /// (each flag's fingerprint is computed from its line's text), or a suppression file such as
    /// `--write-baseline` writes.
    /// - Throws: `VersoError` naming the file (and line) when it cannot be read or parsed.
    public static func read(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VersoError(.unreadable, "the baseline cannot be read", file: path,
                             fix: "give the JSON lines of an earlier `verso check --format jsonl -o FILE`, or a file written by --write-baseline")
        }
        let firstLine = String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if firstLine?.trimmingCharacters(in: .whitespaces).hasPrefix("{") == true {
            let reader = JSONLReader(.file(path))
            var fingerprints: [String] = []
            try reader.read { unit in
                fingerprints += unit.findings.map { Fingerprint.of($0, source: unit.source, target: unit.target) }
            }
            return Baseline(fingerprints: fingerprints)
        }
        return Baseline(try SuppressionFile.read(path: path))
    }
}
