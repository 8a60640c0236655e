import ArgumentParser
import VersoAlign
import VersoCheck
import VersoText

extension DocumentFormat: ExpressibleByArgument {}

/// Options shared by every command that reads a document pair and aligns it.
struct AlignmentOptions: ParsableArguments {
    @Option(name: .customLong("source-lang"), help: "Language of the source (en, fr, de, …).") var sourceLanguage = "en"
    @Option(name: .customLong("target-lang"), help: "Language of the target.") var targetLanguage = "fr"
    @Flag(help: "The inputs hold one sentence a line (no segmentation, no paragraph evidence).") var segmented = false
    @Option(help: "A TSV lexicon (source<TAB>target a line) to add to the dictionary; may be repeated.") var lexicon: [String] = []
    @Flag(name: .customLong("no-dictionary"), help: "Do not use the FreeDict dictionary.") var noDictionary = false
    @Option(name: .customLong("dictionary-dir"), help: "Where FreeDict's dictd files are.") var dictionaryDirectory = FreeDict.defaultDirectory
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Option(name: .customLong("input-format"), help: "Read both inputs as this format instead of detecting it: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: DocumentFormat?

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

    /// Reads both sides, warning on stderr about replaced bytes and about a side that reads as
    /// another language than declared (swapped files, a wrong --source-lang).
    func read(_ sourcePath: String, _ targetPath: String) throws -> (source: Document, target: Document) {
        let options = ReadOptions(format: inputFormat, lossy: lossy)
        let source = try DocumentReader.read(path: sourcePath, options: options)
        let target = try DocumentReader.read(path: targetPath, options: options)
        for (document, path, language, option) in [(source, sourcePath, sourceLanguage, "--source-lang"), (target, targetPath, targetLanguage, "--target-lang")] {
            if case .plain(let text) = document, text.replacements > 0 { Diagnostics.warn("\(path): replaced \(text.replacements) invalid byte sequence(s) with U+FFFD") }
            if let warning = try LanguageGuess.mismatch(document.text, declared: language, name: path, option: option) { Diagnostics.warn(warning) }
        }
        return (source, target)
    }
}
