import ArgumentParser
import Foundation
import VersoAlign
import VersoCheck
import VersoText

struct EvalChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-checks",
        abstract: "Score the checks on hand-labelled pairs (TSV: id, source, target, codes, note).",
        discussion: "Prints recall (glitched pairs flagged), the right-code rate, and the share of correct pairs flagged above info.")

    @Option(name: .customLong("source-lang"), help: "Language of the source (default en).", transform: LanguageCode.canonical) var sourceLanguage = "en"
    @Option(name: .customLong("target-lang"), help: "Language of the target (default fr).", transform: LanguageCode.canonical) var targetLanguage = "fr"
    @Flag(name: .customLong("no-dictionary"), help: "Check without the FreeDict dictionary (cognates only).") var noDictionary = false
    @Flag(help: "List every miss and false alarm.") var verbose = false
    @Argument(help: "Labelled TSV files.") var files: [String]

    func run() throws {
        try guarded {
            let lexicon: CheckLexicon = noDictionary ? CognateLexicon()
                : AlignerLexicon(try TranslationLexicon(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage))
            let result = try CheckEvaluation.evaluate(files: files.map(CheckEvaluation.read), engine: CheckEngine(),
                                                      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: lexicon)
            func pct(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
            print("glitched pairs: \(result.glitched)   caught: \(result.caught) (recall \(pct(result.recall)))   right code: \(result.rightCode) (\(pct(result.rightCodeRate)))")
            print("correct pairs:  \(result.correct)   flagged above info: \(result.falseAlarms) (\(pct(result.falseAlarmRate)))")
            print("\ncode                         pairs  caught  right")
            for (code, e) in result.perCode.sorted(by: { $0.key < $1.key }) {
                print(code.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%6d  %6d  %5d", e.pairs, e.caught, e.right))
            }
            if !result.alarmCodes.isEmpty {
                print("\nfalse alarms by code: " + result.alarmCodes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            if verbose { print(""); result.details.forEach { print($0) } }
        }
    }
}
