import Foundation
import Synchronization
import VersoAlign
import VersoCheck
import VersoText

/// One document pair of a stream: a JSON line
/// `{"id": "…", "source": "…", "target": "…", "source_lang": "en", "target_lang": "fr"}`
/// (languages optional).
public struct StreamRecord: Sendable, Equatable {
    public var id: String
    public var source: String
    public var target: String
    public var sourceLanguage: String?
    public var targetLanguage: String?

    public init(id: String, source: String, target: String, sourceLanguage: String? = nil, targetLanguage: String? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// Why a line is not a usable record; `document` is the record's id when it could be read.
    public struct Failure: Error, Sendable, Equatable {
        public var document: String?
        public var message: String

        public init(document: String?, message: String) {
            self.document = document
            self.message = message
        }
    }

    /// Parses one line (without its LF).
    ///
    /// Invalid UTF-8 is a failure unless `lossy`, which replaces it with U+FFFD; the id is still
    /// recovered for the error line when the rest of the line is readable.
    /// - Complexity: O(line length).
    public static func parse(_ line: ArraySlice<UInt8>, lossy: Bool = false) -> Result<StreamRecord, Failure> {
        if String(validating: line, as: UTF8.self) == nil {
            let repaired = Array(String(decoding: line, as: UTF8.self).utf8)
            if lossy { return parse(repaired[...], lossy: false) }
            let id = try? parse(repaired[...], lossy: false).get().id
            return .failure(Failure(document: id, message: "invalid UTF-8 at byte \(firstInvalidByte(line)) of the line "
                                    + "(convert the input to UTF-8, or run with --lossy to replace it)"))
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(line), options: []) } catch {
            return .failure(Failure(document: nil, message: "not valid JSON: \(describe(error))"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(Failure(document: nil, message: "a record must be a JSON object with id, source and target"))
        }
        let id = fields["id"] as? String
        func fail(_ message: String) -> Result<StreamRecord, Failure> { .failure(Failure(document: id, message: message)) }
        guard fields["id"] != nil else { return fail("missing field \"id\"") }
        guard let id, !id.isEmpty else { return fail("field \"id\" must be a non-empty string") }
        var texts: [String] = []
        for key in ["source", "target"] {
            guard let value = fields[key] else { return fail("missing field \"\(key)\"") }
            guard let text = value as? String else { return fail("field \"\(key)\" must be a string") }
            guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return fail("\(key) text is empty") }
            texts.append(text)
        }
        var languages: [String?] = []
        for key in ["source_lang", "target_lang"] {
            guard let value = fields[key], !(value is NSNull) else { languages.append(nil); continue }
            guard let code = value as? String, !code.isEmpty else { return fail("field \"\(key)\" must be a language code such as \"en\"") }
            languages.append(code)
        }
        return .success(StreamRecord(id: id, source: texts[0], target: texts[1], sourceLanguage: languages[0], targetLanguage: languages[1]))
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    private static func firstInvalidByte(_ line: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser(), bytes = line.makeIterator(), offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .error, .emptyInput: return offset
            }
        }
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}

/// `verso stream`: a filter that reads document pairs as JSON lines and writes beads as JSON
/// lines, for Spark's `rdd.pipe`, Hadoop streaming or GNU parallel.
///
/// Each input line gives, in input order, one output line per bead (the align contract of
/// ``JSONLWriter``, with `"document": id`), then with `summaries` one
/// `{"document": id, "summary": {…}, "signature": "…"}` line; or one error line
/// `{"document": id-or-null, "line": N, "error": "…"}`. A bad record never stops the stream.
/// Blank lines are skipped.
///
/// Thread-safe: records are processed concurrently by ``run(reading:jobs:write:)``; aligners
/// are made once per language pair and shared.
public final class StreamProcessor: Sendable {
    /// Makes the aligner for a language pair (source, target); called once per pair.
    public typealias AlignerFactory = @Sendable (_ source: String, _ target: String) throws -> Aligner

    public let defaultLanguages: (source: String, target: String)
    public let engine: CheckEngine
    public let segmented: Bool
    public let summaries: Bool
    public let lossy: Bool
    private let makeAligner: AlignerFactory
    /// Pipelines by language pair; a failure is kept too, so a bad language code costs one attempt.
    private let pipelines = Mutex<[String: Result<Pipeline, VersoError>]>([:])
    private let counts = Mutex(Counts())

    /// - Parameters:
    ///   - defaultLanguages: for records without `source_lang` / `target_lang`.
    ///   - engine: the checks to run on every pair.
    ///   - segmented: texts hold one sentence a line.
    ///   - summaries: write one summary line after each document's beads.
    ///   - lossy: replace invalid UTF-8 in a line with U+FFFD instead of rejecting the record.
    ///   - makeAligner: makes the aligner for a language pair.
    public init(defaultLanguages: (source: String, target: String), engine: CheckEngine, segmented: Bool = false,
                summaries: Bool = false, lossy: Bool = false, makeAligner: @escaping AlignerFactory) {
        self.defaultLanguages = defaultLanguages
        self.engine = engine
        self.segmented = segmented
        self.summaries = summaries
        self.lossy = lossy
        self.makeAligner = makeAligner
    }

    /// The pipeline for a language pair, made on first use and kept (a failure is kept too,
    /// so a bad language code costs one attempt). Made under the lock, so a dictionary is
    /// loaded once even when several records of a new pair arrive together.
    private func pipeline(_ source: String, _ target: String) throws -> Pipeline {
        let key = source + "\u{0}" + target
        return try pipelines.withLock { table in
            if let known = table[key] { return try known.get() }
            let made: Result<Pipeline, VersoError>
            do { made = .success(Pipeline(aligner: try makeAligner(source, target), engine: engine, segmented: segmented)) } catch {
                made = .failure(error as? VersoError ?? VersoError(.internalError, "\(error)"))
            }
            table[key] = made
            return try made.get()
        }
    }

    /// Makes the aligner for the default languages now, so a bad setting (language, dictionary
    /// folder, lexicon) fails the run before any record instead of giving an error line each.
    /// - Throws: what the aligner factory throws.
    public func prepareDefault() throws {
        _ = try pipeline(defaultLanguages.source, defaultLanguages.target)
    }

    /// What one input line gives: bead lines (and a summary line), one error line, or nothing
    /// for a blank line. Every line ends with LF.
    ///
    /// - Parameters:
    ///   - line: the line's bytes without LF.
    ///   - number: its 1-based line number, for error lines.
    /// - Complexity: linear in the record's size (segmentation, banded alignment, checks).
    public func output(forLine line: ArraySlice<UInt8>, number: Int) -> String {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return "" }
        let outcome: Result<String, StreamRecord.Failure>
        switch StreamRecord.parse(line, lossy: lossy) {
        case .failure(let failure): outcome = .failure(failure)
        case .success(let record):
            do { outcome = .success(try output(for: record)) } catch {
                outcome = .failure(StreamRecord.Failure(document: record.id, message: "\(error)"))
            }
        }
        counts.withLock { counts in
            counts.records += 1
            if case .failure = outcome { counts.errors += 1 }
        }
        switch outcome {
        case .success(let text): return text
        case .failure(let failure): return Self.errorLine(document: failure.document, line: number, message: failure.message)
        }
    }

    /// Bead lines (and a summary line) for one record.
    /// - Throws: `VersoError` when the texts cannot be segmented or an aligner cannot be made.
    public func output(for record: StreamRecord) throws -> String {
        let languages = (record.sourceLanguage ?? defaultLanguages.source, record.targetLanguage ?? defaultLanguages.target)
        let pipeline = try pipeline(languages.0, languages.1)
        let report = try pipeline.run(source: SourceText(string: record.source, name: record.id + ":source"),
                                      target: SourceText(string: record.target, name: record.id + ":target"))
        let (text, _) = try JSONLWriter.render(report.units(document: record.id), options: ExportOptions(keepEmpty: true))
        return summaries ? text + Self.summaryLine(document: record.id, report: report) : text
    }

    /// `{"document": id, "line": N, "error": "…"}` and LF.
    public static func errorLine(document: String?, line: Int, message: String) -> String {
        "{\"document\": \(document.map(JSONLWriter.quoted) ?? "null"), \"line\": \(line), \"error\": \(JSONLWriter.quoted(message))}\n"
    }

    /// `{"document": id, "summary": {beads, sentences, bead kinds, findings by severity, flagged
    /// beads, mean score}, "signature": "…"}` and LF.
    static func summaryLine(document: String, report: PairReport) -> String {
        let summary = report.summary
        let kinds = summary.beadKinds.sorted { $0.kind < $1.kind }
            .map { "\(JSONLWriter.quoted($0.kind)): \($0.count)" }.joined(separator: ", ")
        let severities = Severity.allCases.reversed().map { "\"\($0.rawValue)\": \(summary.bySeverity[$0] ?? 0)" }.joined(separator: ", ")
        let fields = ["\"beads\": \(summary.beadCount)",
                      "\"source_sentences\": \(report.source.sentenceCount)",
                      "\"target_sentences\": \(report.target.sentenceCount)",
                      "\"kinds\": {\(kinds)}", "\"findings\": {\(severities)}", "\"flagged_beads\": \(summary.flaggedBeadCount)",
                      "\"mean_score\": \(ScoreText.string(summary.meanConfidence) ?? "null")"]
        return "{\"document\": \(JSONLWriter.quoted(document)), \"summary\": {\(fields.joined(separator: ", "))}, "
            + "\"signature\": \(JSONLWriter.quoted(report.signature.description))}\n"
    }

    /// What a run did.
    public struct Counts: Sendable, Equatable {
        /// Non-blank input lines.
        public var records = 0
        /// Lines that gave an error line.
        public var errors = 0

        public init(records: Int = 0, errors: Int = 0) {
            self.records = records
            self.errors = errors
        }
    }

    /// Reads lines from `handle` until its end and writes each line's output, in input order,
    /// with one `write` call per record (so a caller that writes straight to a file descriptor
    /// flushes after every record).
    ///
    /// Up to `jobs` records are processed at once, and at most `4 × jobs` are held in memory
    /// (read but not yet written), so memory stays bounded by the largest records, not the input.
    /// - Parameters:
    ///   - handle: the input (standard input for the command).
    ///   - name: the input's name in error messages.
    ///   - jobs: records processed in parallel (1 or more).
    ///   - write: called with each record's output, in input order, from one thread at a time.
    /// - Throws: `VersoError` (.io) when reading the input fails, or what `write` throws; the
    ///   records before the failure have been written.
    /// - Complexity: linear in the input's size.
    @discardableResult
    public func run(reading handle: FileHandle, name: String = "<stdin>", jobs: Int = 1,
                    write: @escaping @Sendable (String) throws -> Void) throws -> Counts {
        try run(reader: LineReader(handle: handle, name: name), jobs: jobs, write: write)
    }

    /// ``run(reading:name:jobs:write:)`` over bytes in memory.
    @discardableResult
    public func run(data: Data, jobs: Int = 1, write: @escaping @Sendable (String) throws -> Void) throws -> Counts {
        try run(reader: LineReader(.data(data, name: "<input>")), jobs: jobs, write: write)
    }

    private func run(reader: LineReader, jobs: Int, write: @escaping @Sendable (String) throws -> Void) throws -> Counts {
        counts.withLock { $0 = Counts() }
        let ordered = OrderedPipeline(jobs: max(1, jobs), write: write)
        do {
            while let line = try reader.nextBytes() {
                let number = reader.lineNumber
                guard ordered.submit({ self.output(forLine: line, number: number) }) else { break }
            }
        } catch {
            try? ordered.finish()
            throw error
        }
        try ordered.finish()
        return counts.withLock { $0 }
    }
}

/// Runs closures on `jobs` threads and hands their results to `write` in submission order.
///
/// At most `4 × jobs` results are pending (submitted but not yet written): `submit` blocks until
/// there is room. `write` runs on one writer thread; after it throws, later results are dropped
/// and `submit` returns false.
///
/// Sendable by construction, not by the compiler's proof: its mutable state (`results`,
/// `submitted`, `closed`, `failure`) is read and written only with `condition` locked, and the
/// queue, semaphores and condition are thread-safe objects.
final class OrderedPipeline: @unchecked Sendable {
    private let queue = OperationQueue()
    private let condition = NSCondition()
    private let room: DispatchSemaphore
    private let writerDone = DispatchSemaphore(value: 0)
    private var results: [Int: String] = [:]
    private var submitted = 0
    private var closed = false
    private var failure: Error?

    init(jobs: Int, write: @escaping @Sendable (String) throws -> Void) {
        queue.maxConcurrentOperationCount = jobs
        room = DispatchSemaphore(value: 4 * jobs)
        let thread = Thread { self.writeInOrder(write) }
        thread.start()
    }

    /// Queues `work`; false when writing has failed (stop submitting).
    func submit(_ work: @escaping @Sendable () -> String) -> Bool {
        room.wait()
        condition.lock()
        guard failure == nil else {
            condition.unlock()
            room.signal()
            return false
        }
        let index = submitted
        submitted += 1
        condition.unlock()
        queue.addOperation {
            let text = work()
            self.condition.lock()
            self.results[index] = text
            self.condition.broadcast()
            self.condition.unlock()
        }
        return true
    }

    /// Waits until everything submitted is written; throws what `write` threw.
    func finish() throws {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        writerDone.wait()
        queue.waitUntilAllOperationsAreFinished()
        if let failure { throw failure }
    }

    private func writeInOrder(_ write: (String) throws -> Void) {
        var next = 0
        while true {
            condition.lock()
            while results[next] == nil && !(closed && next == submitted) { condition.wait() }
            guard let text = results.removeValue(forKey: next) else { condition.unlock(); break }
            let failed = failure != nil
            condition.unlock()
            if !failed, !text.isEmpty {
                do { try write(text) } catch {
                    condition.lock()
                    failure = error
                    condition.unlock()
                }
            }
            next += 1
            room.signal()
        }
        writerDone.signal()
    }
}
