import ArgumentParser
import Foundation
import VersoText

@main
struct Verso: ParsableCommand {
    /// Writing to a closed pipe then fails with EPIPE, which the output writer reports and the
    /// commands end on quietly, instead of the signal killing the process mid-write.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "verso",
        abstract: "Align a document with its translation, check the translation, export the corpus.",
        version: "verso \(Signature.versoVersion) (ICU \(ICUInfo.version), Unicode \(ICUInfo.unicodeVersion))",
        subcommands: [SegmentCommand.self, AlignCommand.self, CheckCommand.self, ChecksCommand.self, ConvertCommand.self,
                      CorpusCommand.self, StreamCommand.self, EvalCommand.self, EvalChecksCommand.self]
    )
}
