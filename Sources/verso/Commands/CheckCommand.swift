import ArgumentParser
import Foundation
import VersoCheck
import VersoCorpus
import VersoReport
import VersoText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Align a document with its translation and flag translation glitches, or check a translation memory.",
        discussion: """
        verso check SOURCE TARGET     aligns the pair, then checks every bead.
        verso check MEMORY            checks the pairs of a TMX, TSV, JSONL, XLIFF (1.2, 2) file or a
                                      gettext catalog (.po, .pot, .mo) as they are. Catalogs: translated
                                      and fuzzy entries are checked, untranslated and obsolete ones not.

        Formats:
          text      file:line: severity: [code] message, a line a finding, by file; then a summary.
          jsonl     the align contract (first line {"signature": …}), with flags filled.
          json      one object: signature, counts by severity, beads with their flags.
          markdown  a summary for pull requests and CI logs: counts and the worst findings.
          html      one self-contained review page (side by side, alignment map, filters).
        A bead is "flagged" when it has a finding above info.

        Suppressions: .verso-ignore in the current folder (or --ignore-file) takes out findings a
        reviewer accepted, one entry a line, `#` for comments, each with a reason:
          fingerprint=3f2a9c0d1e2b4a5c reason: the brand keeps its English name
          code=typography path=docs/legal/* reason: the client's typography
          code=spelling text=rebasage reason: git's French word
        Keys: fingerprint, code, path (glob), side, severity (and milder), text (glob), status
        (false-alarm, accepted). --write-baseline FILE writes one entry for every finding; the HTML
        report lets a reviewer tick findings and download their entries.
        Baseline: --baseline FILE (an earlier run's --format jsonl output, or a --write-baseline
        file) still reports every finding, but --fail-on counts only the new ones. A finding's
        identity (its fingerprint) is its code, side, text and sentence, not its position, so
        edits elsewhere in the document keep it.
        \(Diagnostics.exitStatusHelp)
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json, markdown, html }

    @OptionGroup var alignment: AlignmentOptions
    @OptionGroup var checks: CheckOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding of this severity or worse is found (minor, major, critical).")
    var failOn: Severity?
    @Option(help: "Gate (--fail-on) only on findings not in this earlier run: its --format jsonl output, or a --write-baseline file.")
    var baseline: String?
    @Option(name: .customLong("write-baseline"), help: "Also write a suppression file with an entry for every finding (accept them as they are).")
    var writeBaseline: String?
    @Option(name: .customLong("ignore-file"), help: "Suppressions to apply (default: .verso-ignore in the current folder, when there is one).")
    var ignoreFile: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var display: DisplayOptions
    @Flag(name: .customLong("tsv-escapes"), help: "TSV memory: undo backslash escapes (\\t \\n \\\\) even without Verso's header line.")
    var tsvEscapes = false
    @Argument(help: "SOURCE TARGET (a document and its translation), or one translation memory (.tmx, .tsv, .jsonl, .xlf, .po, .mo).")
    var inputs: [String]

    func validate() throws {
        guard (1...2).contains(inputs.count) else { throw ValidationError("give SOURCE TARGET, or one translation memory (got \(inputs.count) files)") }
        if inputs.count == 1, CorpusFormat.detect(path: inputs[0]) == nil {
            throw ValidationError("'\(inputs[0])' is not a translation memory (.tmx, .tsv, .jsonl, .xlf, .po, .mo); to check a document, give SOURCE and TARGET")
        }
    }

    func run() throws {
        var report = try guarded { () -> PairReport in
            let pipeline = try alignment.makePipeline(checks: checks)
            for remark in pipeline.aligner.remarks { Diagnostics.warn(remark) }
            if inputs.count == 2 {
                let (source, target) = try alignment.read(inputs[0], inputs[1])
                return try pipeline.run(source: source, target: target)
            }
            return try checkMemory(inputs[0], pipeline: pipeline)
        }
        let gate = try guarded { () -> [Finding] in
            let ignorePath = ignoreFile ?? (FileManager.default.fileExists(atPath: ".verso-ignore") ? ".verso-ignore" : nil)
            if let ignorePath {
                let (kept, suppressed) = report.suppressing(try SuppressionFile.read(path: ignorePath), document: inputs.last)
                report = kept
                if !suppressed.isEmpty { Diagnostics.printErr("verso: \(suppressed.count) finding(s) suppressed by \(ignorePath)") }
            }
            if let writeBaseline {
                let file = try OutputFile(path: writeBaseline, force: output.force)
                try file.write(report.baselineFile())
                try file.commit()
            }
            guard let baseline else { return report.findings }
            let new = report.newFindings(since: try Baseline.read(path: baseline))
            Diagnostics.printErr("verso: \(new.count) of \(report.findings.count) finding(s) are new since the baseline \(baseline)")
            return new
        }
        try guarded {
            let style = TextReport.Style(color: display.useColor(writingToTerminal: output.output == nil && isatty(STDOUT_FILENO) == 1),
                                         quiet: display.quiet)
            try output.deliver(try render(report, style: style))
            if output.output != nil, format != .text {
                Diagnostics.printErr(TextReport.summaryLines(report.summary, signature: report.signature.description)[0] + "\nwrote \(output.output!)")
            }
        }
        let status = CheckEngine.exitStatus(gate, failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }

    private func render(_ report: PairReport, style: TextReport.Style) throws -> String {
        switch format {
        case .text: return TextReport.render(report, style: style)
        case .jsonl:
            var options = ExportOptions()
            options.keepEmpty = true
            let header = CorpusHeader(sourceLanguage: report.source.language, targetLanguage: report.target.language, signature: report.signature)
            return try JSONLWriter.render(report.units, header: header, options: options).text
        case .json: return JSONReport.render(report)
        case .markdown: return MarkdownReport.render(report, top: 20)
        case .html: return HTMLReport.render(report, title: "Verso review: \((report.target.name as NSString).lastPathComponent)")
        }
    }

    /// Checks the pairs of a memory as they are (no alignment): QA for memories people own.
    private func checkMemory(_ path: String, pipeline: Pipeline) throws -> PairReport {
        let format = CorpusFormat.detect(path: path)!
        let reader = try format.reader(path: path, sourceLanguage: alignment.sourceLanguage, targetLanguage: alignment.targetLanguage,
                                       tsvEscapes: tsvEscapes ? .on : .auto)
        let units = try reader.readAll()
        for remark in reader.remarks { Diagnostics.warn("\(path): \(remark)") }
        return try pipeline.check(memory: units, name: path, format: format.rawValue)
    }
}

extension Severity: ExpressibleByArgument {}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "List every check: code, category, default severity, summary, example.")

    func run() {
        for check in CheckRegistry.all {
            let info = check.info
            print("\(info.code)  [\(info.category.rawValue), \(info.severity.rawValue)\(info.proseOnly ? "" : ", every bead")]\n    \(info.summary)\n    e.g. \(info.example)")
        }
    }
}
