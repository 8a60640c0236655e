import ArgumentParser
import Foundation
import VersoCheck
import VersoReport
import VersoStore
import VersoText

struct CorpusReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the review page of every document of a corpus and an index page (DIR/index.html)."
    )

    @OptionGroup var database: DatabaseOption
    @Option(name: .shortAndLong, help: "The folder to write the pages into (created if missing).") var output: String

    func run() throws {
        try guarded {
            let store = try database.open(create: false)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            var entries: [CorpusIndexReport.Entry] = []
            func write(_ text: String, _ path: String) throws {
                let file = try OutputFile(path: path)
                try file.write(text)
                try file.commit()
            }
            for document in try store.documents() {
                let report = try store.report(document: document)
                let id = document.identity
                let file = CorpusReportCommand.fileName(id.name, index: entries.count)
                try write(HTMLReport.render(report, title: "Verso review: \(id.name)"), (output as NSString).appendingPathComponent(file))
                entries.append(.init(name: id.name, languages: "\(id.sourceLanguage) → \(id.targetLanguage)", summary: report.summary, link: file))
            }
            let index = (output as NSString).appendingPathComponent("index.html")
            try write(CorpusIndexReport.render(entries, title: "Verso corpus report: \((database.path as NSString).lastPathComponent)"), index)
            Diagnostics.printErr("wrote \(entries.count) document report(s) and \(index)")
        }
    }

    /// A safe file name for a document: letters, digits, - and _ kept, the rest replaced.
    static func fileName(_ name: String, index: Int) -> String {
        let safe = String(name.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
        return String(format: "%04d-", index) + String(safe.prefix(80)) + ".html"
    }
}
