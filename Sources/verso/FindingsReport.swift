import Foundation
import VersoAlign
import VersoCheck
import VersoText

/// Renders an alignment and its findings for `verso check`'s text and JSON formats.
struct FindingsReport {
    let alignment: Alignment
    let findings: [Finding]
    let signature: Signature

    private var byBead: [Int: [Finding]] { Dictionary(grouping: findings, by: \.bead) }

    /// One line a finding, `file:line: severity: [code] message`, then the summary.
    func text(sourcePath: String, targetPath: String) -> String {
        let sourceLines = LineIndex(alignment.source), targetLines = LineIndex(alignment.target)
        var out = ""
        for f in findings {
            let bead = alignment.beads[f.bead]
            let onSource = f.side == .source || bead.target.isEmpty
            let (path, line) = onSource
                ? (sourcePath, bead.source.first.map { sourceLines.line(ofSegment: $0) })
                : (targetPath, bead.target.first.map { targetLines.line(ofSegment: $0) })
            out += "\(path):\(line ?? 0): \(f.severity.rawValue): [\(f.code)] \(f.message)"
            if let s = f.suggestion { out += " (\(s))" }
            out += "\n"
        }
        return out + summaryLines.joined(separator: "\n") + "\n"
    }

    var summaryLine: String { summaryLines.first ?? "" }

    var summaryLines: [String] {
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        let severities = Severity.allCases.reversed().map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        let flagged = Set(findings.filter { $0.severity > .info }.map(\.bead)).count
        let kinds = Dictionary(grouping: alignment.beads, by: \.kind).mapValues(\.count).sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let codes = Dictionary(grouping: findings, by: \.code).mapValues(\.count).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return ["\(findings.count) finding(s) (\(severities)); \(flagged) of \(alignment.beads.count) bead(s) flagged above info",
                "beads: \(kinds)" + (codes.isEmpty ? "" : "; findings: \(codes)"),
                "signature: \(signature)"]
    }

    /// The align contract with flags filled, after a signature line.
    func jsonLines() -> String {
        var out = "{\"signature\": \(JSON.string(signature.description))}\n"
        let grouped = byBead
        for (i, bead) in alignment.beads.enumerated() { out += beadObject(bead, flags: grouped[i] ?? []) + "\n" }
        return out
    }

    /// One JSON object with the signature, summary counts and beads.
    func json() -> String {
        let grouped = byBead
        let beads = alignment.beads.enumerated().map { "    " + beadObject($1, flags: grouped[$0] ?? []) }.joined(separator: ",\n")
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        let severity = Severity.allCases.map { "\"\($0.rawValue)\": \(counts[$0] ?? 0)" }.joined(separator: ", ")
        return "{\n  \"signature\": \(JSON.string(signature.description)),\n  \"source\": \(JSON.string(alignment.source.source.name)),\n  \"target\": \(JSON.string(alignment.target.source.name)),\n  \"findings\": {\(severity)},\n  \"beads\": [\n\(beads)\n  ]\n}\n"
    }

    private func beadObject(_ bead: Bead, flags: [Finding]) -> String {
        let s = alignment.sourceTexts(bead).map(JSON.string).joined(separator: ", ")
        let t = alignment.targetTexts(bead).map(JSON.string).joined(separator: ", ")
        let f = flags.map { f -> String in
            var o = "{\"code\": \(JSON.string(f.code)), \"severity\": \"\(f.severity.rawValue)\", \"category\": \"\(f.category.rawValue)\", \"message\": \(JSON.string(f.message)), \"side\": \"\(f.side.rawValue)\", \"span\": "
            o += f.span.map { "[\($0.lowerBound), \($0.upperBound)]" } ?? "null"
            if let s = f.suggestion { o += ", \"suggestion\": \(JSON.string(s))" }
            return o + "}"
        }.joined(separator: ", ")
        return "{\"source\": [\(s)], \"target\": [\(t)], \"source_index\": \(bead.source), \"target_index\": \(bead.target), \"score\": \(String(format: "%.3f", bead.score)), \"flags\": [\(f)]}"
    }
}

/// Line numbers of segments, from their byte offsets.
struct LineIndex {
    private let starts: [Int]
    private let document: SegmentedDocument

    init(_ document: SegmentedDocument) {
        self.document = document
        var starts = [0]
        for (i, b) in document.source.bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.starts = starts
    }

    /// 1-based line of a segment's first byte.
    func line(ofSegment index: Int) -> Int {
        let offset = document.segments[index].byteRange.lowerBound
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}
