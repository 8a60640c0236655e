import Dispatch
import Foundation
import Synchronization
import VersoCorpus
import VersoText

/// Where a batch stands, reported after every pair.
public struct BatchProgress: Sendable {
    /// Pairs in the batch.
    public var total = 0
    /// Pairs finished: stored, skipped or failed.
    public var done = 0
    public var skipped = 0
    public var failed = 0
    /// Sentences (both sides) of the pairs aligned so far.
    public var sentences = 0
    /// Bytes of the pairs aligned so far, and of all pairs still to align plus those.
    public var bytesDone = 0
    public var bytesTotal = 0
    /// Seconds since the batch started.
    public var elapsed: Double = 0

    /// Sentences aligned per second so far.
    public var sentencesPerSecond: Double { elapsed > 0 ? Double(sentences) / elapsed : 0 }

    /// Seconds left, estimated from the bytes aligned so far; nil before the first pair is done.
    public var secondsLeft: Double? {
        guard bytesDone > 0, elapsed > 0 else { return nil }
        return elapsed * Double(max(0, bytesTotal - bytesDone)) / Double(bytesDone)
    }
}

/// What a batch did.
public struct BatchReport: Sendable {
    public var added: [String] = []
    public var replaced: [String] = []
    /// Pairs already stored with the same content and settings.
    public var skipped: [String] = []
    /// Pairs that failed, with the error (it names the file).
    public var failures: [(job: PairJob, error: VersoError)] = []
    /// Set when the database itself failed (a full disk, an I/O error): the batch stopped there,
    /// and the pairs not yet taken were left for a re-run. The documents stored before are whole.
    public var stoppedBy: VersoError?
    /// Pairs not tried because the batch stopped.
    public var notTried = 0
    public var progress = BatchProgress()
}

/// Aligns, checks and stores many pairs on all cores.
///
/// Workers take the next pair from the list, read both files, skip the pair when the store
/// already holds its name with the same content hashes and settings, otherwise align and check
/// it (one ``Pipeline`` per language pair, shared by the workers: its aligner and
/// dictionary are loaded once) and write it in one transaction; the store's single writer
/// serialises the writes. A pair that fails is recorded and the batch goes on.
public final class BatchAdder: Sendable {
    public let store: CorpusStore
    /// Re-align pairs even when they are stored unchanged.
    public let force: Bool
    /// Replace invalid UTF-8 with U+FFFD instead of failing the pair.
    public let lossy: Bool
    /// The largest file accepted, in bytes (a larger one is a failed pair, refused unread).
    public let documentLimit: Int
    /// Read every file as this format instead of detecting it (`--input-format`).
    public let format: DocumentFormat?
    /// Workers; by default one per core.
    public let workers: Int
    private let makePipeline: @Sendable (String, String) throws -> Pipeline
    private let pipelines = Mutex<[String: Pipeline]>([:])

    /// - Parameter makePipeline: builds the pipeline for a source and a target language
    ///   (called once per language pair, under a lock).
    public init(store: CorpusStore, force: Bool = false, lossy: Bool = false, documentLimit: Int = SourceText.defaultLimit,
                format: DocumentFormat? = nil,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                makePipeline: @escaping @Sendable (String, String) throws -> Pipeline) {
        self.store = store
        self.force = force
        self.lossy = lossy
        self.documentLimit = documentLimit
        self.format = format
        self.workers = workers
        self.makePipeline = makePipeline
    }

    /// A hash of everything in a pipeline that can change what is stored: its signature
    /// (versions, languages, segmenter, evidence, weights, lexicons, checks), the segmentation
    /// mode and the glossary.
    public static func settingsHash(_ pipeline: Pipeline) -> String {
        let glossary = pipeline.glossary.map { "\($0.source)\t\($0.target)" }.joined(separator: "\n")
        let text = [pipeline.signature.description, "segmented:\(pipeline.segmented)", glossary].joined(separator: "\n")
        return SHA256.hex(Array(text.utf8))
    }

    private func pipeline(_ job: PairJob) throws -> Pipeline {
        let key = job.sourceLanguage + "\t" + job.targetLanguage
        return try pipelines.withLock { table in
            if let cached = table[key] { return cached }
            let made = try makePipeline(job.sourceLanguage, job.targetLanguage)
            table[key] = made
            return made
        }
    }

    /// Runs the batch.
    ///
    /// - Parameter progress: called after each pair (from a worker thread, one call at a time).
    /// - Returns: what was added, replaced, skipped and what failed; it does not throw for a
    ///   failing pair.
    /// - Complexity: the sum of the pairs' alignment costs, spread over `workers` threads.
    public func run(_ jobs: [PairJob], progress: (@Sendable (BatchProgress) -> Void)? = nil) throws -> BatchReport {
        let stored = Dictionary(try store.documents().map { ($0.identity.name, $0.identity) }, uniquingKeysWith: { a, _ in a })
        let start = Date()
        var initial = BatchReport()
        initial.progress.total = jobs.count
        initial.progress.bytesTotal = jobs.reduce(0) { $0 + BatchAdder.size($1.source) + BatchAdder.size($1.target) }
        // The next job to take and the report so far, shared by the workers.
        let state = Mutex((next: 0, report: initial))
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, jobs.count))) { _ in
            while true {
                let index = state.withLock { s in defer { s.next += 1 }; return s.report.stoppedBy == nil ? s.next : jobs.count }
                guard index < jobs.count else { return }
                let job = jobs[index]
                let outcome = Result { try self.add(job, stored: stored[job.name]) }
                let bytes = BatchAdder.size(job.source) + BatchAdder.size(job.target)
                state.withLock { s in
                    switch outcome {
                    case .success(.skipped):
                        s.report.skipped.append(job.name)
                        s.report.progress.skipped += 1
                        s.report.progress.bytesTotal -= bytes
                    case .success(.stored(let outcome, let sentences)):
                        if outcome == .added { s.report.added.append(job.name) } else { s.report.replaced.append(job.name) }
                        s.report.progress.sentences += sentences
                        s.report.progress.bytesDone += bytes
                    case .failure(let failure as StoreFailure):
                        // Not this pair's fault: every later write would fail the same way.
                        if s.report.stoppedBy == nil { s.report.stoppedBy = failure.error }
                        s.report.progress.failed += 1
                        s.report.progress.bytesTotal -= bytes
                    case .failure(let error):
                        s.report.failures.append((job, error as? VersoError
                            ?? VersoError(.internalError, "\(error)", file: job.source)))
                        s.report.progress.failed += 1
                        s.report.progress.bytesTotal -= bytes
                    }
                    s.report.progress.done += 1
                    s.report.progress.elapsed = Date().timeIntervalSince(start)
                    progress?(s.report.progress)
                }
            }
        }
        var report = state.withLock { $0.report }
        report.failures.sort { $0.job.name < $1.job.name }
        if report.stoppedBy != nil { report.notTried = jobs.count - report.progress.done }
        return report
    }

    private enum Outcome { case skipped, stored(CorpusStore.WriteOutcome, sentences: Int) }

    /// The database failed to store a document (disk full, I/O error, read-only): the batch stops.
    private struct StoreFailure: Error { var error: VersoError }

    private func add(_ job: PairJob, stored: DocumentIdentity?) throws -> Outcome {
        let pipeline = try pipeline(job)
        let (sourceBytes, source) = try read(job.source)
        let (targetBytes, target) = try read(job.target)
        let identity = DocumentIdentity(
            name: job.name, sourceLanguage: job.sourceLanguage, targetLanguage: job.targetLanguage,
            sourcePath: job.source, targetPath: job.target, sourceHash: SHA256.hex(Array(sourceBytes)),
            targetHash: SHA256.hex(Array(targetBytes)), settingsHash: BatchAdder.settingsHash(pipeline))
        if !force, let stored, stored.sameContent(as: identity) { return .skipped }
        let report = try pipeline.run(source: source, target: target)
        let outcome: CorpusStore.WriteOutcome
        do { outcome = try store.store(identity, report: report) } catch let error as VersoError where error.kind == .io {
            throw StoreFailure(error: error)
        }
        return .stored(outcome, sentences: report.source.sentenceCount + report.target.sentenceCount)
    }

    /// The file's bytes and the document read from them (any format ``DocumentReader`` reads);
    /// an empty or blank file is an error.
    private func read(_ path: String) throws -> ([UInt8], Document) {
        let size = BatchAdder.size(path)
        if size > documentLimit { throw SourceText.tooLarge(path, size: size, limit: documentLimit) }
        guard let data = FileManager.default.contents(atPath: path) else {
            _ = try SourceText.read(path: path)  // throws the precise reason: missing, a folder, unreadable
            throw VersoError(.unreadable, "cannot be read", file: path, fix: "check the file's permissions")
        }
        let bytes = [UInt8](data)
        let text = try DocumentReader.read(data: bytes, name: path, options: ReadOptions(format: format, lossy: lossy, documentLimit: documentLimit))
        if text.text.allSatisfy(\.isWhitespace) {
            throw VersoError(.badInput, "is empty: there is nothing to align", file: path,
                             fix: "give the right file, or take the pair out of the batch")
        }
        return (bytes, text)
    }

    private static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
