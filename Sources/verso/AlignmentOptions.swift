import ArgumentParser
import VersoAlign
import VersoCheck
import VersoText

/// Options shared by every command that reads a document pair and aligns it.
struct AlignmentOptions: ParsableArguments {
    func validate() throws {
        guard maxDocumentMB >= 1 else { throw ValidationError("--max-document-mb must be at least 1, got \(maxDocumentMB)") }
    }

    @Option(name: .customLong("source-lang"), help: "Language of the source (en, fr, de, …).", transform: LanguageCode.canonical) var sourceLanguage = "en"
    @Option(name: .customLong("target-lang"), help: "Language of the target.", transform: LanguageCode.canonical) var targetLanguage = "fr"
    @Flag(help: "The inputs hold one sentence a line (no segmentation, no paragraph evidence).") var segmented = false
    @Option(help: "A TSV lexicon (source<TAB>target a line) to add to the dictionary; may be repeated.") var lexicon: [String] = []
    @Flag(name: .customLong("no-dictionary"), help: "Do not use the FreeDict dictionary.") var noDictionary = false
    @Option(name: .customLong("dictionary-dir"), help: "Where FreeDict's dictd files are.") var dictionaryDirectory = FreeDict.defaultDirectory
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Option(name: .customLong("max-document-mb"), help: "The largest document (or stream record) accepted, in MB; about 50 times that in memory.")
    var maxDocumentMB = SourceText.defaultLimit >> 20

    /// ``maxDocumentMB`` in bytes.
    var documentLimit: Int { SourceText.limit(megabytes: maxDocumentMB) }

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
    func read(_ sourcePath: String, _ targetPath: String) throws -> (source: SourceText, target: SourceText) {
        let source = try SourceText.read(path: sourcePath, lossy: lossy, limit: documentLimit)
        let target = try SourceText.read(path: targetPath, lossy: lossy, limit: documentLimit)
        for (text, path, language, option) in [(source, sourcePath, sourceLanguage, "--source-lang"), (target, targetPath, targetLanguage, "--target-lang")] {
            if text.replacements > 0 { Diagnostics.warn("\(path): replaced \(text.replacements) invalid byte sequence(s) with U+FFFD") }
            if let warning = LanguageGuess.mismatch(text.string, declared: language, name: path, option: option) { Diagnostics.warn(warning) }
        }
        return (source, target)
    }
}
