import Foundation
import Synchronization
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

/// `StreamProcessor` (issue 8): JSON lines in, beads / summaries / error lines out, in order.
final class StreamTests: XCTestCase {
    /// Language pairs the factory was asked for, in order.
    private final class FactoryLog: @unchecked Sendable {
        private let lock = NSLock()
        private var pairs: [String] = []
        func add(_ pair: String) { lock.lock(); pairs.append(pair); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return pairs }
    }

    private func makeProcessor(summaries: Bool = false, lossy: Bool = false, checks: Set<String>? = nil,
                               log: FactoryLog = FactoryLog()) throws -> StreamProcessor {
        StreamProcessor(defaultLanguages: ("en", "fr"), engine: try CheckEngine(configuration: CheckConfiguration(enabled: checks)),
                        summaries: summaries, lossy: lossy) { source, target in
            log.add("\(source)-\(target)")
            var options = AlignerOptions(sourceLanguage: source, targetLanguage: target)
            options.useDictionary = false
            return try Aligner(options: options)
        }
    }

    /// Runs the processor on `lines` (joined with LF) and returns each output line as JSON.
    private func run(_ processor: StreamProcessor, _ lines: [[UInt8]], jobs: Int = 1) throws -> (objects: [[String: Any]], text: String, counts: StreamProcessor.Counts) {
        var input = [UInt8]()
        for line in lines { input += line + [0x0A] }
        let collected = Mutex("")
        let counts = try processor.run(data: Data(input), jobs: jobs) { line in collected.withLock { $0 += line } }
        let text = collected.withLock { $0 }
        let objects = try text.split(separator: "\n").map { line -> [String: Any] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try XCTUnwrap(object, "output line is not a JSON object: \(line)")
        }
        return (objects, text, counts)
    }

    private func record(_ id: String, _ source: String, _ target: String, extra: [String: String] = [:]) -> [UInt8] {
        Array(SyntheticPair.record(id: id, source: source, target: target, extra: extra).utf8)
    }

    private func seedPair() throws -> (en: String, fr: String) {
        let seed = TestSupport.corpora.appendingPathComponent("seed")
        return (try String(contentsOf: seed.appendingPathComponent("putin-pyongyang.en.txt"), encoding: .utf8),
                try String(contentsOf: seed.appendingPathComponent("putin-pyongyang.fr.txt"), encoding: .utf8))
    }

    func testBadRecordsGiveOneErrorLineEachAndTheStreamGoesOn() throws {
        let good = SyntheticPair.texts(sentences: 4)
        let lines: [[UInt8]] = [
            record("first", good.en, good.fr),
            Array("{\"id\": \"broken\", \"source\": ".utf8),                                // 2: invalid JSON
            Array("{\"id\": \"no-target\", \"source\": \"Hello.\"}".utf8),                 // 3: missing field
            record("empty", "  \n ", good.fr),                                              // 4: empty text
            Array("{\"id\": 7, \"source\": \"a\", \"target\": \"b\"}".utf8),               // 5: id not a string
            Array("{\"id\": \"latin1\", \"source\": \"caf".utf8) + [0xE9] + Array("\", \"target\": \"x\"}".utf8), // 6
            Array("[1, 2]".utf8),                                                           // 7: not an object
            [],                                                                              // 8: blank, skipped
            record("last", good.en, good.fr),
        ]
        let (objects, _, counts) = try run(makeProcessor(), lines)
        let errors = objects.filter { $0["error"] != nil }
        XCTAssertEqual(errors.map { $0["line"] as? Int }, [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(errors.map { $0["document"] as? String }, [nil, "no-target", "empty", nil, "latin1", nil])
        XCTAssertTrue(errors.allSatisfy { $0["document"] != nil }, "document is always present, null when unknown")
        let messages = errors.compactMap { $0["error"] as? String }
        XCTAssertTrue(messages[0].hasPrefix("not valid JSON"), messages[0])
        XCTAssertEqual(messages[1], "missing field \"target\"")
        XCTAssertEqual(messages[2], "source text is empty")
        XCTAssertEqual(messages[3], "field \"id\" must be a non-empty string")
        XCTAssertTrue(messages[4].contains("invalid UTF-8 at byte 31"), messages[4])
        XCTAssertEqual(objects.filter { $0["error"] == nil }.map { $0["document"] as? String }, Array(repeating: "first", count: 4) + Array(repeating: "last", count: 4))
        XCTAssertEqual(counts, StreamProcessor.Counts(records: 8, errors: 6))
    }

    func testLossyRepairsInvalidUTF8() throws {
        let line = Array("{\"id\": \"latin1\", \"source\": \"Le caf".utf8) + [0xE9] + Array(" est chaud.\", \"target\": \"The coffee is hot.\"}".utf8)
        let (objects, _, _) = try run(makeProcessor(lossy: true), [line])
        XCTAssertEqual(objects.count, 1)
        XCTAssertEqual(objects[0]["source"] as? [String], ["Le caf\u{FFFD} est chaud."])
    }

    func testRecordParsing() throws {
        let parsed = try StreamRecord.parse(record("a", "One.", "Un.", extra: ["source_lang": "fr", "target_lang": "de"])[...]).get()
        XCTAssertEqual(parsed, StreamRecord(id: "a", source: "One.", target: "Un.", sourceLanguage: "fr", targetLanguage: "de"))
        XCTAssertEqual(try StreamRecord.parse(Array("{\"id\": \"b\", \"source\": \"x\", \"target\": \"y\", \"source_lang\": null}".utf8)[...]).get().sourceLanguage, nil)
        guard case .failure(let failure) = StreamRecord.parse(Array("{\"id\": \"c\", \"source\": \"x\", \"target\": \"y\", \"target_lang\": 3}".utf8)[...]) else {
            return XCTFail("a language that is not a string must be refused")
        }
        XCTAssertEqual(failure, StreamRecord.Failure(document: "c", message: "field \"target_lang\" must be a language code such as \"en\""))
    }

    func testBeadsAreThePipelinesUnits() throws {
        let (en, fr) = try seedPair()
        let (objects, _, _) = try run(makeProcessor(), [record("seed", en, fr)])
        var options = AlignerOptions(sourceLanguage: "en", targetLanguage: "fr")
        options.useDictionary = false
        let direct = try Pipeline(aligner: Aligner(options: options), engine: CheckEngine())
            .run(source: SourceText(string: en), target: SourceText(string: fr))
        let beads = try XCTUnwrap(direct.alignment).beads
        XCTAssertEqual(objects.count, beads.count)
        for (object, bead) in zip(objects, beads) {
            XCTAssertEqual(object["source_index"] as? [Int], bead.source)
            XCTAssertEqual(object["target_index"] as? [Int], bead.target)
            XCTAssertEqual(try XCTUnwrap(object["score"] as? Double), bead.score, accuracy: 0.00005)
            XCTAssertEqual(object["document"] as? String, "seed")
        }
        let flags = objects.reduce(0) { $0 + (($1["flags"] as? [Any])?.count ?? 0) }
        XCTAssertEqual(flags, direct.findings.count)
        XCTAssertGreaterThan(flags, 0, "the seed pair has known glitches")
    }

    func testSummaryLineFollowsTheBeadsAndCountsThem() throws {
        let (en, fr) = try seedPair()
        let (objects, _, _) = try run(makeProcessor(summaries: true), [record("seed", en, fr)])
        let summaryObject = try XCTUnwrap(objects.last)
        let summary = try XCTUnwrap(summaryObject["summary"] as? [String: Any])
        let beads = objects.dropLast()
        XCTAssertTrue(beads.allSatisfy { $0["source_index"] != nil })
        XCTAssertEqual(summaryObject["document"] as? String, "seed")
        XCTAssertEqual(summary["beads"] as? Int, beads.count)
        XCTAssertEqual(summary["source_sentences"] as? Int, beads.reduce(0) { $0 + (($1["source_index"] as? [Int])?.count ?? 0) })
        XCTAssertEqual(summary["target_sentences"] as? Int, beads.reduce(0) { $0 + (($1["target_index"] as? [Int])?.count ?? 0) })
        let severities = beads.flatMap { ($0["flags"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String } }
        let findings = try XCTUnwrap(summary["findings"] as? [String: Int])
        for severity in Severity.allCases {
            XCTAssertEqual(findings[severity.rawValue], severities.filter { $0 == severity.rawValue }.count, severity.rawValue)
        }
        XCTAssertTrue((summaryObject["signature"] as? String)?.contains("languages:en-fr") == true)
    }

    func testEachLanguagePairGetsOneCachedAligner() throws {
        let log = FactoryLog()
        let processor = try makeProcessor(summaries: true, log: log)
        let lines = [
            record("default", "One. Two.", "Un. Deux."),
            record("explicit", "One. Two.", "Un. Deux.", extra: ["source_lang": "en", "target_lang": "fr"]),
            record("swapped", "Un. Deux.", "One. Two.", extra: ["source_lang": "fr", "target_lang": "en"]),
            record("swapped-again", "Trois.", "Three.", extra: ["source_lang": "fr", "target_lang": "en"]),
        ]
        let (objects, _, _) = try run(processor, lines, jobs: 2)
        XCTAssertEqual(log.all, ["en-fr", "fr-en"])
        let signatures = objects.compactMap { object -> String? in
            guard let signature = object["signature"] as? String, let id = object["document"] as? String else { return nil }
            return id + ":" + (signature.contains("languages:fr-en") ? "fr-en" : signature.contains("languages:en-fr") ? "en-fr" : "?")
        }
        XCTAssertEqual(signatures, ["default:en-fr", "explicit:en-fr", "swapped:fr-en", "swapped-again:fr-en"])
    }

    func testParallelJobsKeepInputOrder() throws {
        // Big records first, so later small ones finish earlier when run in parallel.
        var lines: [[UInt8]] = []
        for i in 0..<24 {
            let pair = SyntheticPair.texts(sentences: i < 3 ? 120 : 1 + i % 5, first: i * 1000)
            lines.append(i == 10 ? Array("not json".utf8) : record("doc-\(i)", pair.en, pair.fr))
        }
        let processor = try makeProcessor(summaries: true, checks: ["typography", "number-mismatch"])
        let serial = try run(processor, lines, jobs: 1)
        let parallel = try run(processor, lines, jobs: 3)
        XCTAssertEqual(parallel.text, serial.text)
        var order: [String] = []
        for object in parallel.objects {
            let id = (object["document"] as? String) ?? "error"
            if order.last != id { order.append(id) }
        }
        XCTAssertEqual(order, (0..<24).map { $0 == 10 ? "error" : "doc-\($0)" })
        XCTAssertEqual(parallel.counts, StreamProcessor.Counts(records: 24, errors: 1))
    }

    func testMalformedEmptyAndLargeDocumentInOneInput() throws {
        let big = SyntheticPair.texts(sentences: 3000)
        let lines: [[UInt8]] = [
            Array("{\"id\": \"torn".utf8),
            record("empty", "", "Rien."),
            record("big", big.en, big.fr),
            record("after", "Last one.", "Le dernier."),
        ]
        let (objects, _, counts) = try run(makeProcessor(checks: ["typography"]), lines, jobs: 2)
        XCTAssertEqual(objects.first?["line"] as? Int, 1)
        XCTAssertEqual(objects.dropFirst().first?["error"] as? String, "source text is empty")
        let beads = objects.filter { $0["document"] as? String == "big" }
        XCTAssertEqual(beads.count, 3000)
        let diagonal = beads.filter { ($0["source_index"] as? [Int]) == ($0["target_index"] as? [Int]) }.count
        XCTAssertEqual(diagonal, 3000, "every synthetic sentence translates the one with the same index")
        XCTAssertEqual(objects.last?["document"] as? String, "after")
        XCTAssertEqual(counts, StreamProcessor.Counts(records: 4, errors: 2))
    }

    func testWriteFailureStopsTheRun() throws {
        struct Full: Error {}
        let lines = (0..<30).map { record("d\($0)", "One \($0).", "Un \($0).") }
        var input = [UInt8]()
        for line in lines { input += line + [0x0A] }
        let collected = Mutex([String]())
        XCTAssertThrowsError(try makeProcessor(checks: ["typography"]).run(data: Data(input), jobs: 2) { text in
            try collected.withLock { written in
                if written.count == 2 { throw Full() }
                written.append(text)
            }
        }) { XCTAssertTrue($0 is Full) }
        let written = collected.withLock { $0 }
        XCTAssertEqual(written.count, 2)
        XCTAssertTrue(written[1].contains("\"document\": \"d1\""))
    }
}
