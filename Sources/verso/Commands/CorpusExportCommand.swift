import ArgumentParser
import Foundation
import VersoCorpus
import VersoStore
import VersoText

extension CorpusFormat: ExpressibleByArgument {
    /// Only the formats Verso writes: gettext catalogs are read, not written.
    public init?(argument: String) {
        guard let format = CorpusFormat(rawValue: argument), format.isWritable else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { writable.map(\.rawValue) }
}

struct CorpusExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the stored pairs you trust: TMX, TSV, Moses, JSONL or XLIFF, with filters.",
        discussion: """
        Documents go in name order, pairs in bead order. A pair is dropped by the first filter it \
        fails (score, excluded code, duplicate); the counts are printed on stderr. The output is \
        written atomically (for Moses, -o is the prefix of PREFIX.<source> and PREFIX.<target>).
        """
    )

    @OptionGroup var database: DatabaseOption
    @Option(help: "tmx, tsv, moses, jsonl or xliff.") var format: CorpusFormat
    @Option(name: .shortAndLong, help: "The output file (the prefix for Moses).") var output: String
    @Flag(help: "Replace the output file even when it is read-only.") var force = false
    @Option(help: "Drop pairs scored below this.") var minScore: Double?
    @Option(parsing: .upToNextOption, help: "Drop pairs with a finding of these codes (repeat or separate with commas).") var exclude: [String] = []
    @Flag(help: "Drop repeated source+target pairs.") var dedupe = false
    @Flag(name: .customLong("prose-only"), help: "Leave out pairs that are not prose: code, command lines, table art, URLs or numbers alone.") var proseOnly = false
    @Option(parsing: .upToNextOption, help: "Export only these documents (names).") var document: [String] = []
    @Flag(help: "Keep pairs with an empty side (1-0 and 0-1 beads).") var keepEmpty = false

    func run() throws {
        try guarded {
            let codes = Set(exclude.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            var export = CorpusExport(format: format, output: output,
                                      filter: ExportFilter(minScore: minScore, excludeCodes: codes, dedupe: dedupe, proseOnly: proseOnly),
                                      options: ExportOptions(keepEmpty: keepEmpty), documents: document)
            export.force = force
            let report = try export.run(store: try database.open(create: false, readOnly: true))
            for line in report.summary { Diagnostics.printErr("verso: \(line)") }
        }
    }
}
