import ArgumentParser
import VersoCorpus
import VersoText

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences (one a line, or JSON lines with offsets)."
    )

    enum Format: String, ExpressibleByArgument { case lines, jsonl }

    @Option(help: "Language of the text (en, fr, de, …; default en).", transform: LanguageCode.canonical) var lang = "en"
    @Option(help: "ICU locale for sentence breaking (default: <lang>@ss=standard).") var locale: String?
    @Option(help: "Output format: lines or jsonl.") var format: Format = .lines
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Option(name: .customLong("max-document-mb"), help: "The largest document accepted, in MB.") var maxDocumentMB = SourceText.defaultLimit >> 20
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("input-format"), help: "Read the input as this format instead of detecting it: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: DocumentFormat?
    @Argument(help: "The document (text, HTML, Markdown, DOCX, ODT, EPUB, PDF, SubRip, WebVTT), or - for standard input.") var file = "-"

    func run() throws {
        try guarded {
            let input = try DocumentReader.read(path: file, options: ReadOptions(format: inputFormat, lossy: lossy,
                                                                                 documentLimit: SourceText.limit(megabytes: maxDocumentMB)))
            if case .plain(let source) = input {
                if source.replacements > 0 { Diagnostics.warn("\(file): replaced \(source.replacements) invalid byte sequence(s) with U+FFFD") }
                if !source.hasText { Diagnostics.warn("\(file): the file is \(source.bytes.isEmpty ? "empty" : "only white space"): no sentence to write") }
            }
            let document = try Segmenter(language: lang, locale: locale).segment(input)
            let sink = try output.open()
            switch format {
            case .lines:
                for s in document.segments { try sink.write(s.text + "\n") }
            case .jsonl:
                let offsets = document.scalarOffsets()
                for (s, o) in zip(document.segments, offsets) {
                    try sink.write("{\"index\": \(s.index), \"paragraph\": \(s.paragraph), \"kind\": \"\(document.blocks[s.paragraph].kind.rawValue)\", \"start\": \(o.lowerBound), \"end\": \(o.upperBound), \"byte_start\": \(s.byteRange.lowerBound), \"byte_end\": \(s.byteRange.upperBound), \"text\": \(JSONLWriter.quoted(s.text))}\n")
                }
            }
            try sink.commit()
        }
    }
}
