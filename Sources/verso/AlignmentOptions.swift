import ArgumentParser
import Foundation
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoText

extension DocumentFormat: ExpressibleByArgument {}

/// Options shared by every command that reads a document pair and aligns it.
struct AlignmentOptions: ParsableArguments {
    func validate() throws {
        guard maxDocumentMB >= 1 else { throw ValidationError("--max-document-mb must be at least 1, got \(maxDocumentMB)") }
    }

    @Option(name: .customLong("source-lang"), help: "Language of the source (en, fr, de, …; default en).", transform: LanguageCode.canonical) var sourceLanguage = "en"
    @Option(name: .customLong("target-lang"), help: "Language of the target (default fr).", transform: LanguageCode.canonical) var targetLanguage = "fr"
    @Flag(help: "The inputs hold one sentence a line (no segmentation, no paragraph evidence).") var segmented = false
    @Option(help: "A TSV lexicon (source<TAB>target a line) to add to the dictionary; may be repeated.") var lexicon: [String] = []
    @Flag(name: .customLong("no-dictionary"), help: "Do not use the FreeDict dictionary.") var noDictionary = false
    @Option(name: .customLong("dictionary-dir"), help: "Where FreeDict's dictd files are.") var dictionaryDirectory = FreeDict.defaultDirectory
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Option(name: .customLong("max-document-mb"), help: "The largest document (or stream record) accepted, in MB; about 50 times that in memory.")
    var maxDocumentMB = SourceText.defaultLimit >> 20
    @Option(name: .customLong("input-format"), help: "Read both inputs as this format instead of detecting it: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: DocumentFormat?

    /// ``maxDocumentMB`` in bytes.
    var documentLimit: Int { SourceText.limit(megabytes: maxDocumentMB) }

    /// How documents are read: the forced format, lossy decoding, the size limit.
    var readOptions: ReadOptions { ReadOptions(format: inputFormat, lossy: lossy, documentLimit: documentLimit) }

    /// The aligner these options describe, for their languages or the ones given.
    /// `configure` may adjust the options further (the align command's tuning flags).
    func makeAligner(sourceLanguage: String? = nil, targetLanguage: String? = nil,
                     configure: (inout AlignerOptions) throws -> Void = { _ in }) throws -> Aligner {
        var options = AlignerOptions(sourceLanguage: sourceLanguage ?? self.sourceLanguage, targetLanguage: targetLanguage ?? self.targetLanguage)
        options.useDictionary = !noDictionary
        options.dictionaryDirectory = dictionaryDirectory
        options.lexiconPaths = lexicon
        options.useParagraphs = !segmented
        try configure(&options)
        return try Aligner(options: options)
    }

    /// The pipeline: these alignment options, the checks (none when `checks` is nil), and the
    /// glossary. Warns on stderr about what the user should know (a dictionary not installed).
    func makePipeline(checks: CheckOptions?, sourceLanguage: String? = nil, targetLanguage: String? = nil,
                      configure: (inout AlignerOptions) throws -> Void = { _ in }) throws -> Pipeline {
        let aligner = try makeAligner(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, configure: configure)
        let engine = try checks?.engine() ?? CheckEngine(configuration: CheckConfiguration(enabled: []))
        let glossary = try checks?.glossaryEntries(sourceLanguage: aligner.options.sourceLanguage,
                                                    targetLanguage: aligner.options.targetLanguage) ?? []
        return Pipeline(aligner: aligner, engine: engine, glossary: glossary, segmented: segmented)
    }

    /// Reads both sides, warning on stderr about replaced bytes and about a side that reads as
    /// another language than declared (swapped files, a wrong --source-lang).
    func read(_ sourcePath: String, _ targetPath: String) throws -> (source: Document, target: Document) {
        let source = try DocumentReader.read(path: sourcePath, options: readOptions)
        let target = try DocumentReader.read(path: targetPath, options: readOptions)
        for (document, path, language, option) in [(source, sourcePath, sourceLanguage, "--source-lang"), (target, targetPath, targetLanguage, "--target-lang")] {
            if case .plain(let text) = document, text.replacements > 0 { Diagnostics.warn("\(path): replaced \(text.replacements) invalid byte sequence(s) with U+FFFD") }
            if let warning = try LanguageGuess.mismatch(document.text, declared: language, name: path, option: option) { Diagnostics.warn(warning) }
        }
        return (source, target)
    }
}

/// Which checks run: shared by `check`, `stream` and `corpus add`.
struct CheckOptions: ParsableArguments {
    @Option(help: "Run only these checks: codes, comma-separated or repeated (see `verso checks`).") var enable: [String] = []
    @Option(help: "Do not run these checks (comma-separated or repeated).") var disable: [String] = []
    @Option(help: "A glossary (CSV or TSV: source,target; or TBX) whose terms the translation must use.") var glossary: String?

    /// The engine for these options.
    /// - Throws: `VersoError` (.usage) for an unknown code, naming it and listing the codes.
    func engine() throws -> CheckEngine {
        let enabled = CheckOptions.codes(enable), disabled = CheckOptions.codes(disable)
        return try CheckEngine(configuration: CheckConfiguration(enabled: enabled.isEmpty ? nil : enabled, disabled: disabled))
    }

    func glossaryEntries(sourceLanguage: String, targetLanguage: String) throws -> [GlossaryEntry] {
        try glossary.map { try GlossaryEntry.read(path: $0, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) } ?? []
    }

    static func codes(_ values: [String]) -> Set<String> {
        Set(values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}

/// `-o` and `--force`: where a command's data goes (see ``OutputFile``).
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (through a temporary file renamed over it; a device or pipe is written to directly).")
    var output: String?
    @Flag(help: "Replace the output file even when it is read-only.") var force = false

    func open() throws -> OutputFile { try OutputFile(path: output, force: force) }

    /// Writes `text` and commits it; a closed pipe is not an error here (the reader has what it wanted).
    func deliver(_ text: String) throws {
        let file = try open()
        do {
            try file.write(text)
            try file.commit()
        } catch let error as VersoError where error.kind == .closedPipe {
            return
        }
    }
}

/// `--color` and `--quiet`: how the text report looks on a terminal.
struct DisplayOptions: ParsableArguments {
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(help: "Colour severities: auto (on a terminal, unless NO_COLOR is set), always, never.") var color: ColorChoice = .auto
    @Flag(name: .shortAndLong, help: "Print only the summary, not each finding.") var quiet = false

    /// Whether to colour text written to `descriptor` (standard output, or nil for a file).
    func useColor(writingToTerminal terminal: Bool) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return terminal && !noColor && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }
}
