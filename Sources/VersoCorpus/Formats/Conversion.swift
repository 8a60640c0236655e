import Foundation
import VersoText

/// The corpus formats Verso reads and writes (gettext catalogs, `po` and `mo`, are read only).
public enum CorpusFormat: String, Sendable, CaseIterable {
    case tmx, tsv, moses, jsonl, xliff, po, mo

    /// The format a path's extension names (`.tmx`, `.tsv`, `.jsonl`, `.xlf`/`.xliff`,
    /// `.po`/`.pot`, `.mo`/`.gmo`); nil for anything else — a Moses corpus is a prefix, named
    /// with `--from`/`--to moses`.
    public static func detect(path: String) -> CorpusFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tmx": return .tmx
        case "tsv", "tab": return .tsv
        case "jsonl", "ndjson": return .jsonl
        case "xlf", "xliff", "sdlxliff", "mqxliff": return .xliff
        case "po", "pot": return .po
        case "mo", "gmo": return .mo
        default: return nil
        }
    }

    /// The formats Verso writes.
    public static var writable: [CorpusFormat] { allCases.filter(\.isWritable) }

    /// False for the gettext catalogs, which Verso reads but does not write.
    public var isWritable: Bool { self != .po && self != .mo }

    /// The error for writing a read-only format.
    func notWritable() -> VersoError {
        VersoError(.usage, "Verso reads gettext catalogs (\(rawValue)) but does not write them",
                   fix: "write one of \(CorpusFormat.writable.map(\.rawValue).joined(separator: ", ")) (msgfmt and po2tmx convert further)")
    }
}

extension CorpusFormat {
    /// A streaming reader of this format for `path` (a prefix for Moses).
    /// - Throws: `VersoError` when Moses input lacks its languages.
    public func reader(path: String, sourceLanguage: String? = nil, targetLanguage: String? = nil,
                       inlineTags: TMXReader.InlineTags = .strip, tsvEscapes: TSVReader.Escapes = .auto) throws -> UnitReader {
        switch self {
        case .tmx:
            return TMXReader(.file(path), options: TMXReader.Options(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                                                     inlineTags: inlineTags))
        case .xliff: return XLIFFReader(.file(path))
        case .po: return POReader(.file(path), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .mo: return MOReader(.file(path), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .tsv: return TSVReader(.file(path), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, escapes: tsvEscapes)
        case .jsonl: return JSONLReader(.file(path), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .moses:
            guard let s = sourceLanguage, let t = targetLanguage else {
                throw VersoError(.usage, "a Moses corpus is read from PREFIX.<source> and PREFIX.<target>: the languages are needed",
                                 fix: "add --source-lang and --target-lang (e.g. en and fr to read \(path).en and \(path).fr)")
            }
            return MosesReader(prefix: path, sourceLanguage: s, targetLanguage: t)
        }
    }

    /// A writer of this format to `output` (a file, or the prefix of the two Moses files) and
    /// the atomic files it writes: commit them after `end()`; until then nothing is visible.
    ///
    /// - Throws: `VersoError` when an output file cannot be created.
    public func makeWriter(output: String, header: CorpusHeader, options: ExportOptions, force: Bool = false) throws -> (UnitWriter, [OutputFile]) {
        switch self {
        case .po, .mo: throw notWritable()
        case .moses:
            let paths = MosesWriter.paths(prefix: output, header: header)
            let outputs = [try OutputFile(path: paths.source, force: force), try OutputFile(path: paths.target, force: force)]
            return (MosesWriter(options: options, source: outputs[0], target: outputs[1]), outputs)
        case .tmx, .tsv, .jsonl, .xliff:
            let file = try OutputFile(path: output, force: force)
            switch self {
            case .tmx: return (TMXWriter(header: header, options: options, output: file), [file])
            case .xliff: return (XLIFFWriter(header: header, options: options, output: file), [file])
            case .tsv: return (TSVWriter(options: options, output: file), [file])
            default: return (JSONLWriter(header: header, options: options, output: file), [file])
            }
        }
    }
}

extension CorpusFormat {
    /// A whole document of this format in memory (not Moses, which is two files).
    /// - Complexity: O(total text length).
    public func render(_ units: [TranslationUnit], header: CorpusHeader, options: ExportOptions) throws -> String {
        switch self {
        case .tmx: return try TMXWriter.render(units, header: header, options: options).text
        case .xliff: return try XLIFFWriter.render(units, header: header, options: options).text
        case .tsv: return try TSVWriter.render(units, header: header, options: options).text
        case .jsonl: return try JSONLWriter.render(units, header: header, options: options).text
        case .moses:
            throw VersoError(.usage, "a Moses corpus is two files and cannot go to standard output", fix: "give a prefix with -o")
        case .po, .mo: throw notWritable()
        }
    }
}

/// One `verso convert`: read units in one format, filter them, write them in another, streaming.
///
/// The output file (both files for Moses) is written atomically: on any error nothing is left
/// behind and an earlier file at that path is untouched.
public struct Conversion: Sendable {
    public var input: String
    public var from: CorpusFormat
    public var output: String
    public var to: CorpusFormat
    /// Languages: required when the input does not carry them (TSV, JSONL, Moses) and the output
    /// needs them (TMX, XLIFF, Moses); they override what a TMX or XLIFF input says.
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var filter: ExportFilter
    public var options: ExportOptions
    public var inlineTags: TMXReader.InlineTags
    /// TSV input: whether backslash escapes are undone (see ``TSVReader``).
    public var tsvEscapes: TSVReader.Escapes = .auto
    /// Header values for TMX and XLIFF outputs.
    public var signature: Signature
    public var creationDate: Date
    /// Replace an existing output file even when it is read-only.
    public var force = false

    public init(input: String, from: CorpusFormat, output: String, to: CorpusFormat, sourceLanguage: String? = nil,
                targetLanguage: String? = nil, filter: ExportFilter = ExportFilter(), options: ExportOptions = ExportOptions(),
                inlineTags: TMXReader.InlineTags = .strip, signature: Signature = Signature(), creationDate: Date = Date()) {
        self.input = input
        self.from = from
        self.output = output
        self.to = to
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.filter = filter
        self.options = options
        self.inlineTags = inlineTags
        self.signature = signature
        self.creationDate = creationDate
    }

    /// What a conversion did.
    public struct Report: Sendable, Equatable {
        /// Units read from the input.
        public var read = 0
        /// Units dropped by the filter, by reason.
        public var dropped: [ExportFilter.Reason: Int] = [:]
        /// What the writer wrote and left out.
        public var written = WriterCounts()
        /// The reader's remarks (one-sided units, skipped lines…).
        public var remarks: [String] = []
        /// The files written.
        public var outputs: [String] = []

        /// Lines for stderr: counts of everything not written, and why.
        public var summary: [String] {
            var lines = ["read \(read) unit(s), wrote \(written.written) to \(outputs.joined(separator: ", "))"]
            for (reason, count) in dropped.sorted(by: { $0.key < $1.key }) { lines.append("dropped \(count): \(reason.rawValue)") }
            if written.leftOutEmpty > 0 { lines.append("left out \(written.leftOutEmpty) unit(s) with an empty side (use --keep-empty to keep them)") }
            if written.replacedCharacters > 0 { lines.append("replaced \(written.replacedCharacters) character(s) XML cannot carry with U+FFFD") }
            if written.joinedLines > 0 { lines.append("joined the lines of \(written.joinedLines) multi-line unit(s) with spaces") }
            return lines + remarks
        }
    }

    private func makeReader() throws -> UnitReader {
        try from.reader(path: input, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, inlineTags: inlineTags,
                        tsvEscapes: tsvEscapes)
    }

    private func header(_ reader: UnitReader) throws -> CorpusHeader {
        let source = sourceLanguage ?? reader.sourceLanguage
        let target = targetLanguage ?? reader.targetLanguage
        guard let source, let target else {
            if to == .tsv || to == .jsonl { return CorpusHeader(sourceLanguage: source ?? "und", targetLanguage: target ?? "und") }
            throw VersoError(.usage, "the \(to.rawValue) output needs the two languages and \(input) does not say them",
                             fix: "add --source-lang and --target-lang")
        }
        var signature = self.signature
        signature.set("converted-from", from.rawValue)
        return CorpusHeader(sourceLanguage: source, targetLanguage: target, signature: signature, creationDate: creationDate,
                            document: URL(fileURLWithPath: input).lastPathComponent)
    }

    private func makeWriter(_ header: CorpusHeader) throws -> (UnitWriter, [OutputFile]) {
        try to.makeWriter(output: output, header: header, options: options, force: force)
    }

    /// Reads, filters and writes every unit.
    ///
    /// The writer starts at the first kept unit, when the input's languages are known.
    /// - Throws: `VersoError` from the reader or writer; nothing is written then.
    /// - Complexity: O(input size) time; memory bounded by the largest unit (plus the kept pairs
    ///   with `dedupe`).
    public func run() throws -> Report {
        let reader = try makeReader()
        var report = Report()
        var state = ExportFilter.State(filter: filter)
        var writer: UnitWriter?
        var files: [OutputFile] = []
        func start() throws {
            (writer, files) = try makeWriter(header(reader))
            try writer?.begin()
        }
        try reader.read { unit in
            report.read += 1
            guard state.admit(unit) else { return }
            if writer == nil { try start() }
            try writer?.write(unit)
        }
        if writer == nil { try start() }
        try writer?.end()
        for file in files { try file.commit() }
        report.dropped = state.dropped
        report.written = writer?.counts ?? WriterCounts()
        report.remarks = reader.remarks
        report.outputs = files.map { $0.path ?? "-" }
        return report
    }
}
