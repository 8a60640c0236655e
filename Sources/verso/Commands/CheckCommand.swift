import ArgumentParser
import Foundation
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Align a document with its translation and flag translation glitches, or check a translation memory.",
        discussion: """
        verso check SOURCE TARGET     aligns the pair, then checks every bead.
        verso check MEMORY            checks the pairs of a TMX, TSV, JSONL or XLIFF file as they are.

        Formats:
          text      file:line: severity: [code] message, one finding a line, then a summary.
          jsonl     the align contract (first line {"signature": …}), with flags filled.
          json      one object: signature, counts by severity, beads with their flags.
          markdown  a summary for pull requests and CI logs: counts and the worst findings.
          html      one self-contained review page (side by side, alignment map, filters).
        Exit status: 0; 1 when a finding reaches --fail-on; 64 for usage errors; 1 for bad input.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json, markdown, html }

    @OptionGroup var alignment: AlignmentOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding of this severity or worse is found (minor, major, critical).")
    var failOn: Severity?
    @Option(help: "A glossary (CSV or TSV: source,target; or TBX) whose terms the translation must use.") var glossary: String?
    @Option(parsing: .upToNextOption, help: "Run only these checks (codes; see `verso checks`).") var enable: [String] = []
    @Option(parsing: .upToNextOption, help: "Do not run these checks.") var disable: [String] = []
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @Argument(help: "SOURCE TARGET (a document and its translation), or one translation memory (.tmx, .tsv, .jsonl, .xlf).")
    var inputs: [String]

    func validate() throws {
        guard (1...2).contains(inputs.count) else { throw ValidationError("give SOURCE TARGET, or one translation memory") }
        if inputs.count == 1, CorpusFormat.detect(path: inputs[0]) == nil {
            throw ValidationError("'\(inputs[0])' is not a translation memory (.tmx, .tsv, .jsonl, .xlf); to check a document, give SOURCE and TARGET")
        }
    }

    func run() throws {
        var status: Int32 = 0
        try guarded {
            let engine = try CheckEngine(configuration: CheckConfiguration(enabled: enable.isEmpty ? nil : Set(enable), disabled: Set(disable)))
            let entries = try glossary.map {
                try GlossaryEntry.read(path: $0, sourceLanguage: alignment.sourceLanguage, targetLanguage: alignment.targetLanguage)
            } ?? []
            let report = inputs.count == 2 ? try checkPair(engine: engine, glossary: entries) : try checkMemory(engine: engine, glossary: entries)
            var sink = OutputSink(path: output)
            switch format {
            case .text: sink.write(report.text())
            case .jsonl: sink.write(try report.jsonLines())
            case .json: sink.write(try report.json())
            case .markdown: sink.write(try report.markdown())
            case .html: sink.write(try report.html())
            }
            try sink.finish()
            if let output, format != .text { Diagnostics.printErr("\(report.summaryLine)\nwrote \(output)") }
            status = CheckEngine.exitStatus(report.findings, failOn: failOn)
        }
        if status != 0 { throw ExitCode(status) }
    }

    private func checkPair(engine: CheckEngine, glossary: [GlossaryEntry]) throws -> FindingsReport {
        let processor = PairProcessor(aligner: try alignment.makeAligner(), engine: engine, glossary: glossary, segmented: alignment.segmented)
        let (source, target) = try alignment.read(inputs[0], inputs[1])
        let result = try processor.process(source: source, target: target)
        return FindingsReport(result: result, sourcePath: inputs[0], targetPath: inputs[1])
    }

    /// Checks the pairs of a memory as they are (no alignment): QA for memories people own.
    private func checkMemory(engine: CheckEngine, glossary: [GlossaryEntry]) throws -> FindingsReport {
        let path = inputs[0]
        let format = CorpusFormat.detect(path: path)!
        let reader = try format.reader(path: path, sourceLanguage: alignment.sourceLanguage, targetLanguage: alignment.targetLanguage)
        let units = try reader.readAll()
        for remark in reader.remarks { Diagnostics.warn("\(path): \(remark)") }
        let source = alignment.sourceLanguage, target = alignment.targetLanguage
        let lexicon: CheckLexicon = alignment.noDictionary && alignment.lexicon.isEmpty ? CognateLexicon()
            : AlignerLexicon(try TranslationLexicon(sourceLanguage: source, targetLanguage: target,
                                                    dictionaryDirectory: alignment.noDictionary ? nil : alignment.dictionaryDirectory,
                                                    userLexicons: alignment.lexicon))
        let beads = units.map { BeadText(source: $0.sides.source, target: $0.sides.target, score: $0.score) }
        let document = try CheckDocument(beads: beads, sourceLanguage: source, targetLanguage: target, lexicon: lexicon, glossary: glossary)
        let findings = engine.run(document)
        var signature = Signature()
        signature.set("languages", "\(source)-\(target)")
        signature.set("input", "\(format.rawValue)-memory")
        signature.set("checks", engine.configuration.activeCodes.joined(separator: ","))
        return FindingsReport(units: units, findings: findings, signature: signature, path: path, sourceLanguage: source, targetLanguage: target)
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
