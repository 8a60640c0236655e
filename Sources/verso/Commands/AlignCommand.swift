import ArgumentParser
import Foundation
import VersoAlign
import VersoText

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a document with its translation, sentence by sentence.",
        discussion: """
        Pairs the sentences of SOURCE and TARGET into beads (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1) \
        from sentence lengths, a FreeDict dictionary (read from /usr/share/dictd), cognates, identical \
        tokens and numbers, and a lexicon learned from the pair itself. Each bead has a confidence \
        score in 0…1 (the chance it is right, from the margin over the best alternative).

        Formats:
          jsonl  The first line is {"signature": "…"} (the settings that produced the output); then one
                 bead a line: {"source": ["sentence", …], "target": ["phrase", …], "source_index": [0, 1],
                 "target_index": [0], "score": 0.93, "flags": []}. Texts are as segmented (whitespace
                 holding a line break shown as one space); indices are 0-based per side; flags are filled
                 by the checks.
          align  vecalign's format, one bead a line: [0, 1]:[0]:0.93 (the signature is not written).
          tsv    source<TAB>target<TAB>score, sentences of a side joined with one space.
        """
    )

    enum Format: String, ExpressibleByArgument { case jsonl, align, tsv }

    @Argument(help: "The source document (raw text, or one sentence a line with --segmented).") var source: String
    @Argument(help: "The target document.") var target: String
    @Option(name: .customLong("source-lang"), help: "Language of the source (en, fr, de, …).") var sourceLanguage = "en"
    @Option(name: .customLong("target-lang"), help: "Language of the target.") var targetLanguage = "fr"
    @Flag(help: "The inputs hold one sentence a line (no segmentation, no paragraph evidence).") var segmented = false
    @Option(help: "Output format: jsonl, align or tsv.") var format: Format = .jsonl
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @Option(help: "A TSV lexicon (source<TAB>target a line) to add to the dictionary; may be repeated.") var lexicon: [String] = []
    @Flag(name: .customLong("no-dictionary"), help: "Do not use the FreeDict dictionary.") var noDictionary = false
    @Flag(name: .customLong("no-cognates"), help: "Do not link identical tokens and cognates.") var noCognates = false
    @Flag(name: .customLong("no-learning"), help: "Do not learn a lexicon from the pair (one pass only).") var noLearning = false
    @Option(name: .customLong("max-bead"), help: "Largest number of sentences on one side of a bead (1–4).") var maxBead = 3
    @Option(name: .customLong("dictionary-dir"), help: "Where FreeDict's dictd files are.") var dictionaryDirectory = FreeDict.defaultDirectory
    @Option(name: .customLong("weight"), help: ArgumentHelp("Override a cost weight, name=value (for tuning).", visibility: .hidden))
    var weightOverrides: [String] = []
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false

    func validate() throws {
        guard (1...4).contains(maxBead) else { throw ValidationError("--max-bead must be between 1 and 4, got \(maxBead)") }
    }

    func run() throws {
        try guarded {
            var options = AlignerOptions(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            options.useDictionary = !noDictionary
            options.dictionaryDirectory = dictionaryDirectory
            options.lexiconPaths = lexicon
            options.useCognates = !noCognates
            options.learnLexicon = !noLearning
            options.maxBeadSide = maxBead
            options.useParagraphs = !segmented
            for item in weightOverrides { try options.weights.set(item) }
            let aligner = try Aligner(options: options)
            let documents = try [(source, sourceLanguage), (target, targetLanguage)].map { path, language -> SegmentedDocument in
                let text = try SourceText.read(path: path, lossy: lossy)
                if text.replacements > 0 { Diagnostics.warn("\(path): replaced \(text.replacements) invalid byte sequence(s) with U+FFFD") }
                return segmented ? Segmenter.lines(text, language: language) : try Segmenter(language: language).segment(text)
            }
            var alignment = aligner.align(source: documents[0], target: documents[1])
            alignment.signature.set("segmenter", segmented ? "lines" : try Segmenter(language: sourceLanguage).signature
                                    + "," + Segmenter(language: targetLanguage).signature)
            var sink = OutputSink(path: output)
            if format == .jsonl { sink.write("{\"signature\": \(JSON.string(alignment.signature.description))}\n") }
            for bead in alignment.beads {
                let score = String(format: "%.3f", bead.score)
                switch format {
                case .jsonl:
                    let s = alignment.sourceTexts(bead).map(JSON.string).joined(separator: ", ")
                    let t = alignment.targetTexts(bead).map(JSON.string).joined(separator: ", ")
                    sink.write("{\"source\": [\(s)], \"target\": [\(t)], \"source_index\": \(bead.source), \"target_index\": \(bead.target), \"score\": \(score), \"flags\": []}\n")
                case .align:
                    sink.write("\(bead.source):\(bead.target):\(score)\n")
                case .tsv:
                    let s = alignment.sourceTexts(bead).joined(separator: " "), t = alignment.targetTexts(bead).joined(separator: " ")
                    sink.write("\(tsvField(s))\t\(tsvField(t))\t\(score)\n")
                }
            }
            try sink.finish()
        }
    }

    private func tsvField(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
