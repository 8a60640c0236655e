import ArgumentParser
import Foundation
import VersoAlign
import VersoText

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score alignments against gold (strict and lax precision, recall, F1).",
        discussion: """
        Computes the scores of vecalign's score.py: strict counts exact bead matches; lax counts a \
        test bead right when its target indices meet the gold targets of its source indices; 0-0 \
        beads are dropped; precision counts every test bead, recall (gold and test swapped) ignores \
        beads with an empty side; counts are summed over all documents before P, R and F1. Files are \
        in vecalign's format ([0, 1]:[2] a line, an optional :score after it); give them in the \
        same order for --gold and --test.
        """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Gold alignment files.") var gold: [String]
    @Option(name: .long, parsing: .upToNextOption, help: "Test alignment files, in the order of --gold.") var test: [String]
    @Flag(help: "Print the scores as one JSON object.") var json = false

    func validate() throws {
        guard !gold.isEmpty else { throw ValidationError("give at least one --gold file") }
        guard gold.count == test.count else {
            throw ValidationError("--gold has \(gold.count) file(s) but --test has \(test.count); give one test file per gold file")
        }
    }

    func run() throws {
        try guarded {
            let read = { (path: String) in try Evaluation.parse(SourceText.read(path: path).string, name: path) }
            let score = Evaluation.score(gold: try gold.map(read), test: try test.map(read))
            let f = { (x: Double) in String(format: "%.3f", x) }
            if json {
                print("{\"precision_strict\": \(f(score.strictPrecision)), \"recall_strict\": \(f(score.strictRecall)), \"f1_strict\": \(f(score.strictF1)), \"precision_lax\": \(f(score.laxPrecision)), \"recall_lax\": \(f(score.laxRecall)), \"f1_lax\": \(f(score.laxF1))}")
            } else {
                print("           strict    lax")
                print("precision  \(f(score.strictPrecision))   \(f(score.laxPrecision))")
                print("recall     \(f(score.strictRecall))   \(f(score.laxRecall))")
                print("F1         \(f(score.strictF1))   \(f(score.laxF1))")
            }
        }
    }
}
