import ArgumentParser
import Foundation
import VersoCheck
import VersoReport
import VersoStore

struct CorpusReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the review page of every document of a corpus and an index page (DIR/index.html)."
    )

    @OptionGroup var database: DatabaseOption
    @Option(name: .shortAndLong, help: "The folder to write the pages into (created if missing).") var output: String

    func run() throws {
        try guarded {
            let store = try database.open(create: false, readOnly: true)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            var entries: [CorpusIndexReport.Entry] = []
            for document in try store.documents() {
                let units = try store.units(document: document)
                let findings = units.enumerated().flatMap { i, u in u.findings.map { f -> Finding in var f = f; f.bead = i; return f } }
                let id = document.identity
                let model = try ReportModel(source: (name: id.sourcePath, language: id.sourceLanguage),
                                            target: (name: id.targetPath, language: id.targetLanguage),
                                            signature: document.signature,
                                            beads: units.map { BeadText(source: $0.sides.source, target: $0.sides.target, score: $0.score) },
                                            findings: findings)
                let file = CorpusReportCommand.fileName(id.name, index: entries.count)
                try AtomicFile.write(Array(HTMLReport.render(model, title: "Verso review: \(id.name)").utf8),
                                     to: (output as NSString).appendingPathComponent(file))
                entries.append(.init(name: id.name, languages: "\(id.sourceLanguage) → \(id.targetLanguage)", summary: model.summary, link: file))
            }
            let index = (output as NSString).appendingPathComponent("index.html")
            try AtomicFile.write(Array(CorpusIndexReport.render(entries, title: "Verso corpus report: \((database.path as NSString).lastPathComponent)").utf8), to: index)
            Diagnostics.printErr("wrote \(entries.count) document report(s) and \(index)")
        }
    }

    /// A safe file name for a document: letters, digits, - and _ kept, the rest replaced.
    static func fileName(_ name: String, index: Int) -> String {
        let safe = String(name.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
        return String(format: "%04d-", index) + String(safe.prefix(80)) + ".html"
    }
}
