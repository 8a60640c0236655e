import Foundation
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoReport
import VersoText

/// What `verso check` prints: beads and their findings, from an alignment or a memory, in
/// text, JSON lines, JSON, Markdown or HTML.
struct FindingsReport {
    struct Row {
        var source: [String]
        var target: [String]
        var sourceIndex: [Int]
        var targetIndex: [Int]
        var score: Double?
    }

    let rows: [Row]
    let findings: [Finding]
    let signature: Signature
    let sourceName: String, targetName: String
    let sourceLanguage: String, targetLanguage: String
    /// `file:line` of a finding, for the text format.
    let location: (Finding) -> String
    /// The alignment, when a side was read by its structure: the review page then shows its
    /// headings, lists and placeholders.
    var structured: Alignment?

    /// The report of an aligned pair; locations are lines of the input files.
    init(result: PairProcessor.Result, sourcePath: String, targetPath: String) {
        let alignment = result.alignment
        if alignment.source.isStructured || alignment.target.isStructured { structured = alignment }
        rows = alignment.beads.map { Row(source: alignment.sourceTexts($0), target: alignment.targetTexts($0),
                                         sourceIndex: $0.source, targetIndex: $0.target, score: $0.score) }
        findings = result.findings
        signature = result.signature
        (sourceName, targetName) = (sourcePath, targetPath)
        (sourceLanguage, targetLanguage) = (alignment.source.language, alignment.target.language)
        let sourceLines = LineIndex(alignment.source), targetLines = LineIndex(alignment.target)
        let beads = alignment.beads
        location = { f in
            let bead = beads[f.bead]
            let onSource = f.side == .source || bead.target.isEmpty
            let line = onSource ? bead.source.first.map { sourceLines.line(ofSegment: $0) } : bead.target.first.map { targetLines.line(ofSegment: $0) }
            return "\(onSource ? sourcePath : targetPath):\(line ?? 0)"
        }
    }

    /// The report of a translation memory; locations are unit numbers.
    init(units: [TranslationUnit], findings: [Finding], signature: Signature, path: String, sourceLanguage: String, targetLanguage: String) {
        rows = units.enumerated().map { i, u in Row(source: u.sides.source, target: u.sides.target, sourceIndex: [i], targetIndex: [i], score: u.score) }
        self.findings = findings
        self.signature = signature
        (sourceName, targetName) = (path, path)
        (self.sourceLanguage, self.targetLanguage) = (sourceLanguage, targetLanguage)
        location = { "\(path):unit \($0.bead + 1)" }
    }

    /// One line a finding, `file:line: severity: [code] message`, then the summary.
    func text() -> String {
        var out = ""
        for f in findings {
            out += "\(location(f)): \(f.severity.rawValue): [\(f.code)] \(f.message)"
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
        let kinds = Dictionary(grouping: rows, by: { "\($0.source.count)-\($0.target.count)" }).mapValues(\.count)
            .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let codes = Dictionary(grouping: findings, by: \.code).mapValues(\.count).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return ["\(findings.count) finding(s) (\(severities)); \(flagged) of \(rows.count) bead(s) flagged above info",
                "beads: \(kinds)" + (codes.isEmpty ? "" : "; findings: \(codes)"),
                "signature: \(signature)"]
    }

    /// The align contract with flags filled, after a signature line (the corpus JSONL writer).
    func jsonLines() throws -> String {
        let grouped = Dictionary(grouping: findings, by: \.bead)
        let units = rows.enumerated().map { i, r -> TranslationUnit in
            var u = TranslationUnit(source: r.source.joined(separator: " "), target: r.target.joined(separator: " "), score: r.score,
                                    findings: grouped[i] ?? [], sourceIndices: r.sourceIndex, targetIndices: r.targetIndex)
            (u.sourceSegments, u.targetSegments) = (r.source, r.target)
            return u
        }
        var options = ExportOptions()
        options.keepEmpty = true
        let header = CorpusHeader(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, signature: signature)
        return try JSONLWriter.render(units, header: header, options: options).text
    }

    /// One JSON object: signature, counts by severity, beads with their flags.
    func json() throws -> String {
        let lines = try jsonLines().split(separator: "\n").dropFirst()
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        let severity = Severity.allCases.map { "\"\($0.rawValue)\": \(counts[$0] ?? 0)" }.joined(separator: ", ")
        return "{\n  \"signature\": \(JSON.string(signature.description)),\n  \"source\": \(JSON.string(sourceName)),\n  \"target\": \(JSON.string(targetName)),\n  \"findings\": {\(severity)},\n  \"beads\": [\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    private func model() throws -> ReportModel {
        if let structured { return try ReportModel(alignment: structured, findings: findings, signature: signature) }
        return try ReportModel(source: (name: sourceName, language: sourceLanguage), target: (name: targetName, language: targetLanguage),
                        signature: signature.description,
                        beads: rows.map { BeadText(source: $0.source, target: $0.target, score: $0.score) }, findings: findings)
    }

    func markdown() throws -> String { MarkdownReport.render(try model(), top: 20) }
    func html() throws -> String { HTMLReport.render(try model(), title: "Verso review: \((targetName as NSString).lastPathComponent)") }
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

    /// 1-based line of a segment's first byte (for a document read by its structure: the line
    /// of its block in the original file).
    func line(ofSegment index: Int) -> Int {
        if document.isStructured { return document.originalLine(ofSegment: index) }
        let offset = document.segments[index].byteRange.lowerBound
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}
