import Foundation
import VersoCorpus
import VersoText

/// One `verso corpus export`: the stored units of some documents, filtered, in one format.
///
/// Documents are written in name order, their units in bead order; the output (both files for
/// Moses) is written atomically, so a failed export leaves nothing behind.
public struct CorpusExport: Sendable {
    public var format: CorpusFormat
    /// The output file (the prefix for Moses).
    public var output: String
    public var filter: ExportFilter
    public var options: ExportOptions
    /// Names of the documents to export; empty for all of them.
    public var documents: [String]
    /// Header creation time (injectable for byte-identical tests).
    public var creationDate: Date
    /// Replace an existing output file even when it is read-only.
    public var force = false

    public init(format: CorpusFormat, output: String, filter: ExportFilter = ExportFilter(), options: ExportOptions = ExportOptions(),
                documents: [String] = [], creationDate: Date = Date()) {
        self.format = format
        self.output = output
        self.filter = filter
        self.options = options
        self.documents = documents
        self.creationDate = creationDate
    }

    /// What an export did.
    public struct Report: Sendable, Equatable {
        public var documents = 0
        /// Units read from the store.
        public var read = 0
        public var dropped: [ExportFilter.Reason: Int] = [:]
        public var written = WriterCounts()
        public var outputs: [String] = []

        /// Lines for stderr.
        public var summary: [String] {
            var lines = ["exported \(written.written) of \(read) unit(s) from \(documents) document(s) to \(outputs.joined(separator: ", "))"]
            for (reason, count) in dropped.sorted(by: { $0.key < $1.key }) { lines.append("dropped \(count): \(reason.rawValue)") }
            if written.leftOutEmpty > 0 { lines.append("left out \(written.leftOutEmpty) unit(s) with an empty side (use --keep-empty to keep them)") }
            return lines
        }
    }

    /// Runs the export.
    ///
    /// - Throws: `VersoError` (.usage) for a document name the store does not hold, for an empty
    ///   selection, or for documents in different language pairs; errors of the writer.
    /// - Complexity: O(stored units of the selected documents); one document in memory at a time.
    public func run(store: CorpusStore) throws -> Report {
        let selected = try select(store.documents())
        let first = selected[0].identity
        var signature = Signature()
        for (key, value) in CorpusExport.commonEntries(selected.map(\.signature)) { signature.set(key, value) }
        signature.set("documents", "\(selected.count)")
        let header = CorpusHeader(sourceLanguage: first.sourceLanguage, targetLanguage: first.targetLanguage, signature: signature,
                                  creationDate: creationDate, document: selected.count == 1 ? first.name : nil)
        var (writer, files) = try format.makeWriter(output: output, header: header, options: options, force: force)
        var state = ExportFilter.State(filter: filter)
        var report = Report()
        try writer.begin()
        for document in selected {
            for unit in try store.units(document: document) {
                report.read += 1
                if state.admit(unit) { try writer.write(unit) }
            }
        }
        try writer.end()
        for file in files { try file.commit() }
        report.documents = selected.count
        report.dropped = state.dropped
        report.written = writer.counts
        report.outputs = files.map { $0.path ?? "-" }
        return report
    }

    private func select(_ all: [StoredDocument]) throws -> [StoredDocument] {
        let byName = Dictionary(all.map { ($0.identity.name, $0) }, uniquingKeysWith: { a, _ in a })
        let unknown = documents.filter { byName[$0] == nil }
        guard unknown.isEmpty else {
            let known = all.prefix(5).map(\.identity.name).joined(separator: ", ")
            throw VersoError(.usage, "no document named \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) in the database",
                             fix: "verso corpus stats lists the documents' count; names stored include: \(known)")
        }
        let wanted = Set(documents)
        let selected = documents.isEmpty ? all : all.filter { wanted.contains($0.identity.name) }
        guard let first = selected.first else {
            throw VersoError(.usage, "the database holds no document to export", fix: "add pairs first with verso corpus add")
        }
        let pairs = Set(selected.map { "\($0.identity.sourceLanguage)-\($0.identity.targetLanguage)" })
        guard pairs.count == 1 else {
            throw VersoError(.usage, "the documents are in several language pairs (\(pairs.sorted().joined(separator: ", "))): one export holds one pair",
                             fix: "choose documents of one pair with --document (first: \(first.identity.name))")
        }
        return selected
    }

    /// The `key:value` entries every signature shares, in the first one's order.
    static func commonEntries(_ signatures: [String]) -> [(String, String)] {
        func entries(_ text: String) -> [(String, String)] {
            text.split(separator: "|").compactMap { part in
                part.firstIndex(of: ":").map { colon in (String(part[..<colon]), String(part[colon...].dropFirst())) }
            }
        }
        guard let first = signatures.first else { return [] }
        let others = signatures.dropFirst().map { Dictionary(entries($0), uniquingKeysWith: { a, _ in a }) }
        return entries(first).filter { key, value in others.allSatisfy { $0[key] == value } }
    }
}
