import ArgumentParser
import Foundation
import VersoCheck
import VersoCorpus
import VersoText

struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Align and check document pairs read as JSON lines on standard input (a filter for Spark, Hadoop streaming, GNU parallel).",
        discussion: """
        Input, one document pair a line (languages optional, default --source-lang/--target-lang):
          {"id": "doc-1", "source": "full source text", "target": "full target text", "source_lang": "en", "target_lang": "fr"}
        Output, in input order, for each record:
          one line a bead: the align contract plus the document id,
            {"source": ["…"], "target": ["…"], "source_index": [0], "target_index": [0, 1], "score": 0.93, "flags": […], "document": "doc-1"}
          with --summaries, then one line {"document": "doc-1", "summary": {"beads": …, "findings": {…}, …}, "signature": "…"}
          or, for a bad record (invalid JSON, missing field, empty text, invalid UTF-8), one line
            {"document": "doc-1" or null, "line": 7, "error": "…"}
        and processing goes on. Output is written after every record. Blank lines are skipped.
        Exit status: 0, even when records were bad; 2 when standard input or output fails; 64 for usage errors.
        A count of records and error lines goes to standard error at the end.
        """
    )

    @OptionGroup var alignment: AlignmentOptions
    @Option(help: "Records processed in parallel (output order is kept).") var jobs = 1
    @Flag(help: "Write one summary line after each document's beads.") var summaries = false
    @OptionGroup var checks: CheckOptions

    func validate() throws {
        if alignment.inputFormat != nil { throw ValidationError("--input-format names the format of files; verso stream reads plain-text records") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
    }

    func run() throws {
        try guarded {
            let engine = try checks.engine()
            let options = alignment
            let processor = StreamProcessor(defaultLanguages: (alignment.sourceLanguage, alignment.targetLanguage), engine: engine,
                                            segmented: alignment.segmented, summaries: summaries, lossy: alignment.lossy,
                                            recordLimit: alignment.documentLimit) {
                try options.makeAligner(sourceLanguage: $0, targetLanguage: $1)
            }
            try processor.prepareDefault()
            let stdout = try OutputFile(path: nil)
            let counts = try processor.run(reading: FileHandle.standardInput, jobs: jobs) { text in
                try stdout.write(text)
                try stdout.flush()   // one record at a time: a consumer sees each as soon as it is done
            }
            try stdout.commit()
            Diagnostics.printErr("verso stream: \(counts.records) record(s), \(counts.errors) error line(s)")
        }
    }
}
