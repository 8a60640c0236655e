import ArgumentParser
import Foundation
import VersoCheck
import VersoCorpus
import VersoText

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a parallel corpus between TMX, TSV, Moses, JSONL and XLIFF, with filters.",
        discussion: """
        Formats come from the extensions (.tmx, .tsv, .jsonl, .xlf/.xliff; .po/.pot and .mo are read, \
        not written); a Moses corpus is a \
        prefix (PREFIX.en + PREFIX.fr), named with --from moses or --to moses. The output is written \
        atomically; what was dropped or left out is reported on stderr.
        """
    )

    @Argument(help: "The input file (or Moses prefix).") var input: String
    @Argument(help: "The output file (or Moses prefix).") var output: String
    @Option(help: "Input format: tmx, tsv, moses, jsonl, xliff, po, mo (default: from the extension).") var from: String?
    @Option(help: "Output format: tmx, tsv, moses, jsonl, xliff (default: from the extension).") var to: String?
    @Option(name: .customLong("source-lang"), help: "Source language (needed for TSV/JSONL/Moses inputs written as TMX, XLIFF or Moses).", transform: LanguageCode.canonical) var sourceLanguage: String?
    @Option(name: .customLong("target-lang"), help: "Target language.", transform: LanguageCode.canonical) var targetLanguage: String?
    @Option(help: "Drop pairs scored below this (pairs without a score are kept).") var minScore: Double?
    @Option(name: .customLong("exclude"), parsing: .upToNextOption, help: "Drop pairs with a finding of these codes (repeat or separate with commas).") var exclude: [String] = []
    @Option(help: "Drop pairs with a finding more severe than this: info, minor, major, critical.") var maxSeverity: String?
    @Flag(help: "Drop repeated source+target pairs.") var dedupe = false
    @Flag(name: .customLong("prose-only"), help: "Leave out pairs that are not prose: code, command lines, table art, URLs or numbers alone.") var proseOnly = false
    @Flag(help: "Keep pairs with an empty side (1-0 and 0-1 beads).") var keepEmpty = false
    @Flag(name: .customLong("no-tsv-header"), help: "TSV output: no header line (the header tells readers the fields carry Verso's backslash escapes).")
    var noTSVHeader = false
    @Flag(name: .customLong("tsv-escapes"), help: "TSV input: undo backslash escapes (\\t \\n \\\\) even without Verso's header line.")
    var tsvEscapes = false
    @Flag(help: "TMX input: keep inline codes (<bpt>, <ph>…) as text instead of dropping them.") var keepInlineCodes = false
    @Flag(help: "Fail on characters XML cannot carry instead of replacing them with U+FFFD.") var refuseControlCharacters = false
    @Flag(help: "Replace the output file even when it is read-only.") var force = false

    private func format(_ name: String?, path: String, role: String) throws -> CorpusFormat {
        if let name {
            guard let format = CorpusFormat(rawValue: name.lowercased()) else {
                throw VersoError(.usage, "unknown \(role) format \"\(name)\"",
                                 fix: "use one of \(CorpusFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return format
        }
        guard let format = CorpusFormat.detect(path: path) else {
            throw VersoError(.usage, "cannot tell the \(role) format of \(path) from its extension",
                             fix: "name it with --\(role == "input" ? "from" : "to") (tmx, tsv, moses, jsonl, xliff)")
        }
        return format
    }

    func run() throws {
        try guarded {
            var severity: Severity?
            if let maxSeverity {
                guard let value = Severity(rawValue: maxSeverity.lowercased()) else {
                    throw VersoError(.usage, "unknown severity \"\(maxSeverity)\"", fix: "use info, minor, major or critical")
                }
                severity = value
            }
            let codes = Set(exclude.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            var conversion = Conversion(
                input: input, from: try format(from, path: input, role: "input"),
                output: output, to: try format(to, path: output, role: "output"),
                sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                filter: ExportFilter(minScore: minScore, excludeCodes: codes, maxSeverity: severity, dedupe: dedupe, proseOnly: proseOnly),
                options: ExportOptions(keepEmpty: keepEmpty, invalidCharacters: refuseControlCharacters ? .refuse : .replace,
                                       tsvHeader: !noTSVHeader),
                inlineTags: keepInlineCodes ? .keepCode : .strip)
            conversion.force = force
            conversion.tsvEscapes = tsvEscapes ? .on : .auto
            let report = try conversion.run()
            for line in report.summary { Diagnostics.printErr("verso: \(line)") }
        }
    }
}
