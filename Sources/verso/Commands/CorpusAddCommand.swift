import ArgumentParser
import Foundation
import Synchronization
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoStore
import VersoText

struct CorpusAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Align, check and store document pairs: one pair, a manifest or two folders.",
        discussion: """
        Pairs run in parallel on all cores. A pair already stored under its name with the same \
        file contents and settings is skipped (--force aligns it again); a changed file replaces \
        the stored document. Each document is written in one transaction: an interrupted batch \
        keeps every finished document, and the next run goes on with the rest.
        Manifest: one pair a line, tab-separated: source, target, then optionally name, source \
        language, target language; relative paths are relative to the manifest's folder.
        Progress goes to stderr (a bar on a terminal). Exit status: 0; 2 when some pair failed \
        (each is reported with its path, the others are stored); 64 for usage errors.
        """
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var alignment: AlignmentOptions
    @Option(help: "Name of the document (one pair; default: the source file's name without extension).") var name: String?
    @Option(help: "A TSV manifest of pairs (see below).") var manifest: String?
    @Option(name: .customLong("pair-dirs"), parsing: .upToNextOption, help: "Two folders (source, target) whose files pair by name.")
    var pairDirs: [String] = []
    @Flag(help: "Align and store every pair, even unchanged ones.") var force = false
    @OptionGroup var checks: CheckOptions
    @Option(name: .shortAndLong, help: "Pairs aligned at once (default: one per core).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Argument(help: "SOURCE TARGET: one pair.") var files: [String] = []

    func validate() throws {
        let ways = [files.isEmpty ? 0 : 1, manifest == nil ? 0 : 1, pairDirs.isEmpty ? 0 : 1].reduce(0, +)
        guard ways == 1 else { throw ValidationError("give one of: SOURCE TARGET, --manifest FILE, --pair-dirs SOURCE_DIR TARGET_DIR") }
        if !files.isEmpty, files.count != 2 { throw ValidationError("give two files, SOURCE and TARGET (got \(files.count))") }
        if !pairDirs.isEmpty, pairDirs.count != 2 { throw ValidationError("--pair-dirs takes two folders (got \(pairDirs.count))") }
        if name != nil, files.isEmpty { throw ValidationError("--name names a single pair; a manifest names its pairs in its third column") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    private func pairs() throws -> [PairJob] {
        let (s, t) = (alignment.sourceLanguage, alignment.targetLanguage)
        if let manifest { return try PairList.manifest(path: manifest, sourceLanguage: s, targetLanguage: t) }
        if !pairDirs.isEmpty { return try PairList.pairDirectories(source: pairDirs[0], target: pairDirs[1], sourceLanguage: s, targetLanguage: t) }
        return [PairJob(source: files[0], target: files[1], name: name, sourceLanguage: s, targetLanguage: t)]
    }

    func run() throws {
        var failed = false
        try guarded {
            let jobs = try pairs()
            _ = try checks.engine()   // an unknown check code is a usage error before any pair
            let (alignment, checks) = (self.alignment, self.checks)
            let adder = BatchAdder(store: try database.open(create: true), force: force, lossy: alignment.lossy,
                                   documentLimit: alignment.documentLimit, format: alignment.inputFormat, workers: self.jobs) { s, t in
                let pipeline = try alignment.makePipeline(checks: checks, sourceLanguage: s, targetLanguage: t)
                for remark in pipeline.aligner.remarks { Diagnostics.warn(remark) }
                return pipeline
            }
            let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            let report = try adder.run(jobs) { bar?.show($0) }
            bar?.finish()
            for failure in report.failures { Diagnostics.printErr("verso: error: \(failure.error)") }
            if let stop = report.stoppedBy {
                Diagnostics.printErr("verso: error: \(stop)\nverso: the batch stopped; \(report.notTried) pair(s) not tried")
            }
            Diagnostics.printErr("verso: \(CorpusAddCommand.summary(report, database: database.path))")
            failed = !report.failures.isEmpty || report.stoppedBy != nil
        }
        if failed { throw ExitCode(Diagnostics.failureStatus) }
    }

    static func summary(_ report: BatchReport, database: String) -> String {
        let p = report.progress
        var parts = ["added \(report.added.count)", "replaced \(report.replaced.count)", "skipped \(report.skipped.count) unchanged"]
        if !report.failures.isEmpty { parts.append("failed \(report.failures.count)") }
        if report.stoppedBy != nil { parts.append("not stored \(p.total - report.added.count - report.replaced.count - report.skipped.count - report.failures.count) (the batch stopped)") }
        return parts.joined(separator: ", ") + " of \(p.total) pair(s) in " + String(format: "%.1f s", p.elapsed)
            + " (\(p.sentences) sentences, \(Int(p.sentencesPerSecond.rounded())) sentences/s) → \(database)"
    }
}

/// A one-line progress bar on stderr: pairs done, sentences per second, time left.
final class ProgressBar: Sendable {
    /// When the bar was last drawn, and whether it was drawn at all.
    private let drawn = Mutex((last: Date.distantPast, any: false))

    func show(_ p: BatchProgress) {
        let now = Date()
        let draw = drawn.withLock { state -> Bool in
            guard now.timeIntervalSince(state.last) >= 0.1 || p.done == p.total else { return false }
            state = (now, true)
            return true
        }
        guard draw else { return }
        let width = 24, filled = p.total == 0 ? width : width * p.done / p.total
        let left = p.secondsLeft.map { ProgressBar.duration($0) } ?? "–"
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(p.done)/\(p.total) pairs  \(Int(p.sentencesPerSecond.rounded())) sentences/s  \(left) left"
        if p.skipped > 0 { line += "  \(p.skipped) skipped" }
        if p.failed > 0 { line += "  \(p.failed) failed" }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    func finish() {
        if drawn.withLock({ $0.any }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" : s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
