import ArgumentParser
import Foundation
import VersoAlign
import VersoCheck
import VersoCorpus
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
                 "target_index": [0], "score": 0.93, "flags": [], "content": "prose"}. Texts are as
                 segmented (whitespace holding a line break shown as one space); indices are 0-based
                 per side; flags are filled by the checks; content is prose, code, command, table,
                 url or number.
          align  vecalign's format, one bead a line: [0, 1]:[0]:0.93 (the signature is not written).
          tsv    a header line, then source<TAB>target<TAB>score<TAB>codes (tab, newline and backslash
                 escaped as \\t \\n \\\\; the header tells a reader so).
          tmx    TMX 1.4b (validates against the DTD); beads with an empty side are left out
                 unless --keep-empty.
          xliff  XLIFF 2.0, one unit a bead.
          moses  two files, OUTPUT.<source-lang> and OUTPUT.<target-lang>, one segment a line (-o is required).
        Site boilerplate the aligner folded into a bead ("Source link") is split off as a 0-1 bead.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, align, tsv, tmx, xliff, moses }

    @Argument(help: "The source document (raw text, or one sentence a line with --segmented).") var source: String
    @Argument(help: "The target document.") var target: String
    @OptionGroup var alignment: AlignmentOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .jsonl
    @OptionGroup var output: OutputOptions
    @Flag(name: .customLong("keep-empty"), help: "Keep 1-0 and 0-1 beads in TMX, XLIFF and Moses output.") var keepEmpty = false
    @Flag(name: .customLong("prose-only"), help: "Leave out pairs that are not prose: code, command lines, table art, URLs or numbers alone.") var proseOnly = false
    @Flag(name: .customLong("no-cognates"), help: "Do not link identical tokens and cognates.") var noCognates = false
    @Flag(name: .customLong("no-learning"), help: "Do not learn a lexicon from the pair (one pass only).") var noLearning = false
    @Option(name: .customLong("max-bead"), help: "Largest number of sentences on one side of a bead (1–4).") var maxBead = 3
    @Option(name: .customLong("weight"), help: ArgumentHelp("Override a cost weight, name=value (for tuning).", visibility: .hidden))
    var weightOverrides: [String] = []

    func validate() throws {
        guard (1...4).contains(maxBead) else { throw ValidationError("--max-bead must be between 1 and 4, got \(maxBead)") }
        if format == .moses && output.output == nil { throw ValidationError("--format moses writes two files: give their prefix with -o") }
    }

    func run() throws {
        try guarded {
            let pipeline = try alignment.makePipeline(checks: nil) { options in
                options.useCognates = !noCognates
                options.learnLexicon = !noLearning
                options.maxBeadSide = maxBead
                for item in weightOverrides { try options.weights.set(item) }
            }
            for remark in pipeline.aligner.remarks { Diagnostics.warn(remark) }
            let texts = try alignment.read(source, target)
            let aligned = try pipeline.align(source: texts.source, target: texts.target)
            if format == .align {
                try output.deliver(aligned.beads.map { "\($0.source):\($0.target):\(String(format: "%.3f", $0.score))\n" }.joined())
                return
            }
            var options = ExportOptions()
            options.keepEmpty = keepEmpty || format == .jsonl || format == .tsv
            let header = CorpusHeader(sourceLanguage: alignment.sourceLanguage, targetLanguage: alignment.targetLanguage,
                                      signature: aligned.signature, document: (target as NSString).lastPathComponent)
            var units = TranslationUnit.units(of: aligned)
            if proseOnly {
                let before = units.count
                units = ExportFilter(proseOnly: true).apply(units).kept
                Diagnostics.printErr("left out \(before - units.count) bead(s) that are not prose (--prose-only)")
            }
            let corpusFormat = CorpusFormat(rawValue: format.rawValue)!
            // Moses writes two files named after the prefix; the other formats one file or standard output.
            var (writer, files) = try corpusFormat.makeWriter(output: output.output ?? "-", header: header, options: options, force: output.force)
            try writer.writeAll(units)
            for file in files { try file.commit() }
            if writer.counts.leftOutEmpty > 0 {
                Diagnostics.printErr("left out \(writer.counts.leftOutEmpty) bead(s) with an empty side (use --keep-empty to keep them)")
            }
        }
    }
}
