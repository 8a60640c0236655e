import ArgumentParser
import VersoText

@main
struct Verso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verso",
        abstract: "Align a document with its translation, check the translation, export the corpus.",
        version: "verso \(Signature.versoVersion) (ICU \(ICUInfo.version), Unicode \(ICUInfo.unicodeVersion))",
        subcommands: [SegmentCommand.self, AlignCommand.self, CheckCommand.self, ChecksCommand.self, ConvertCommand.self,
                      CorpusCommand.self, StreamCommand.self, EvalCommand.self, EvalChecksCommand.self]
    )
}
