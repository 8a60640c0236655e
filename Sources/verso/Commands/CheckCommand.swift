import ArgumentParser
import Foundation
import VersoAlign
import VersoCheck
import VersoText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Align a document with its translation and flag translation glitches.",
        discussion: """
        Formats:
          text   file:line: severity: [code] message, one finding a line, then a summary.
          jsonl  the align contract (first line {"signature": …}), with flags filled.
          json   one object: signature, summary and beads with their flags.
        Exit status: 0, or 1 when a finding reaches --fail-on; 64 for usage errors; 2 for bad input.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json }

    @OptionGroup var alignment: AlignmentOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding of this severity or worse is found (minor, major, critical).")
    var failOn: Severity?
    @Option(help: "A glossary (CSV or TSV: source,target; or TBX) whose terms the translation must use.") var glossary: String?
    @Option(parsing: .upToNextOption, help: "Run only these checks (codes; see `verso checks`).") var enable: [String] = []
    @Option(parsing: .upToNextOption, help: "Do not run these checks.") var disable: [String] = []
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @Argument(help: "The source document.") var source: String
    @Argument(help: "The target document (its translation).") var target: String

    func run() throws {
        var status: Int32 = 0
        try guarded {
            let engine = try CheckEngine(configuration: CheckConfiguration(
                enabled: enable.isEmpty ? nil : Set(enable), disabled: Set(disable)))
            let aligned = try alignment.align(source: source, target: target)
            let entries = try glossary.map { try GlossaryEntry.read(path: $0, sourceLanguage: alignment.sourceLanguage, targetLanguage: alignment.targetLanguage) } ?? []
            let document = try CheckDocument(alignment: aligned, glossary: entries)
            let findings = engine.run(document)
            var signature = aligned.signature
            signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
            var sink = OutputSink(path: output)
            let report = FindingsReport(alignment: aligned, findings: findings, signature: signature)
            switch format {
            case .text: sink.write(report.text(sourcePath: source, targetPath: target))
            case .jsonl: sink.write(report.jsonLines())
            case .json: sink.write(report.json())
            }
            try sink.finish()
            if output != nil, format != .text { Diagnostics.printErr(report.summaryLine) }
            status = CheckEngine.exitStatus(findings, failOn: failOn)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension Severity: ExpressibleByArgument {}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "List every check: code, severity, summary, example.")

    func run() {
        for check in CheckRegistry.all {
            let info = check.info
            print("\(info.code)  [\(info.category.rawValue), \(info.severity.rawValue)]\n    \(info.summary)\n    e.g. \(info.example)")
        }
    }
}
