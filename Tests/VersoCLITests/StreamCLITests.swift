import Foundation
import VersoTestSupport
import XCTest

/// `verso stream` as Spark's `rdd.pipe` meets it (issue 8): JSON lines on stdin, JSON lines on
/// stdout, exit 0 whatever the records hold.
final class StreamCLITests: XCTestCase {
    private func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line.prefix(200)))
        }
    }

    private func input(_ lines: [String]) -> Data { Data(lines.map { $0 + "\n" }.joined().utf8) }

    func testSurvivesMalformedLineEmptyDocumentAndFiveMegabyteDocumentInOneInput() throws {
        let big = SyntheticPair.texts(bytes: 5_000_000)
        let bigRecord = SyntheticPair.record(id: "big", source: big.en, target: big.fr)
        XCTAssertGreaterThanOrEqual(bigRecord.utf8.count, 5_000_000)
        let small = SyntheticPair.texts(sentences: 3)
        let run = try TestSupport.verso(["stream", "--no-dictionary", "--summaries", "--enable", "typography"], stdin: input([
            SyntheticPair.record(id: "before", source: small.en, target: small.fr),
            "{\"id\": \"torn\", \"source\": \"half a rec",
            SyntheticPair.record(id: "empty", source: "Some text.", target: ""),
            bigRecord,
            SyntheticPair.record(id: "after", source: small.en, target: small.fr),
        ]))
        XCTAssertEqual(run.status, 0, run.stderr)
        let objects = try objects(run.stdout)
        let errors = objects.filter { $0["error"] != nil }
        XCTAssertEqual(errors.map { $0["line"] as? Int }, [2, 3])
        XCTAssertEqual(errors.map { $0["document"] as? String }, [nil, "empty"])
        XCTAssertEqual(errors.last?["error"] as? String, "target text is empty")
        let bigBeads = objects.filter { $0["document"] as? String == "big" && $0["source_index"] != nil }
        XCTAssertEqual(bigBeads.count, big.sentences)
        XCTAssertTrue(bigBeads.allSatisfy { ($0["source_index"] as? [Int]) == ($0["target_index"] as? [Int]) })
        let summaries = objects.compactMap { $0["summary"] != nil ? $0["document"] as? String : nil }
        XCTAssertEqual(summaries, ["before", "big", "after"])
        XCTAssertTrue(run.stderr.contains("verso stream: 5 record(s), 2 error line(s)"), run.stderr)
    }

    func testJobsTwoGivesTheSameOutputInInputOrder() throws {
        var lines: [String] = []
        for i in 0..<16 {
            let pair = SyntheticPair.texts(sentences: i < 2 ? 120 : 2 + i % 4, first: i * 500)
            lines.append(i == 5 ? "{oops" : SyntheticPair.record(id: "doc-\(i)", source: pair.en, target: pair.fr))
        }
        let arguments = ["stream", "--no-dictionary", "--summaries", "--enable", "typography,number-mismatch"]
        let serial = try TestSupport.verso(arguments, stdin: input(lines))
        let parallel = try TestSupport.verso(arguments + ["--jobs", "2"], stdin: input(lines))
        XCTAssertEqual(parallel.status, 0, parallel.stderr)
        XCTAssertEqual(parallel.stdout, serial.stdout)
        var order: [String] = []
        for object in try objects(parallel.stdout) {
            let id = (object["document"] as? String) ?? "error"
            if order.last != id { order.append(id) }
        }
        XCTAssertEqual(order, (0..<16).map { $0 == 5 ? "error" : "doc-\($0)" })
    }

    func testBeadsMatchVersoAlign() throws {
        var pairs: [(id: String, en: URL, fr: URL)] = [("seed", TestSupport.corpora.appendingPathComponent("seed/putin-pyongyang.en.txt"),
                                                         TestSupport.corpora.appendingPathComponent("seed/putin-pyongyang.fr.txt"))]
        for name in ["abbreviations", "hardwrap", "lists", "numbers", "quotes-dialogue"] {
            let folder = TestSupport.corpora.appendingPathComponent("fixtures")
            pairs.append((name, folder.appendingPathComponent("\(name).en.txt"), folder.appendingPathComponent("\(name).fr.txt")))
        }
        let lines = try pairs.map { SyntheticPair.record(id: $0.id, source: try String(contentsOf: $0.en, encoding: .utf8),
                                                         target: try String(contentsOf: $0.fr, encoding: .utf8)) }
        let stream = try TestSupport.verso(["stream", "--no-dictionary", "--jobs", "2"], stdin: input(lines))
        XCTAssertEqual(stream.status, 0, stream.stderr)
        let streamed = try objects(stream.stdout)
        for pair in pairs {
            let align = try TestSupport.verso(["align", "--format", "jsonl", "--no-dictionary", pair.en.path, pair.fr.path])
            XCTAssertEqual(align.status, 0, align.stderr)
            let expected = try objects(align.stdout).filter { $0["signature"] == nil }
            let got = streamed.filter { $0["document"] as? String == pair.id }
            XCTAssertEqual(got.count, expected.count, pair.id)
            XCTAssertGreaterThan(expected.count, 1, pair.id)
            for (g, e) in zip(got, expected) {
                XCTAssertEqual(g["source_index"] as? [Int], e["source_index"] as? [Int], pair.id)
                XCTAssertEqual(g["target_index"] as? [Int], e["target_index"] as? [Int], pair.id)
                XCTAssertEqual(g["source"] as? [String], e["source"] as? [String], pair.id)
                // align writes three decimals, the JSONL writer four.
                XCTAssertEqual(try XCTUnwrap(g["score"] as? Double), try XCTUnwrap(e["score"] as? Double), accuracy: 0.00051, pair.id)
            }
        }
    }

    func testInvalidUTF8LineGivesAnErrorLineAndLossyRepairsIt() throws {
        var bytes = Data("{\"id\": \"latin1\", \"source\": \"Le caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array(" est chaud.\", \"target\": \"The coffee is hot.\"}\n".utf8))
        let strict = try TestSupport.verso(["stream", "--no-dictionary"], stdin: bytes)
        XCTAssertEqual(strict.status, 0, strict.stderr)
        let error = try XCTUnwrap(try objects(strict.stdout).first)
        XCTAssertEqual(error["document"] as? String, "latin1")
        XCTAssertEqual(error["line"] as? Int, 1)
        XCTAssertTrue((error["error"] as? String)?.contains("invalid UTF-8") == true, strict.stdout)
        let lossy = try TestSupport.verso(["stream", "--no-dictionary", "--lossy"], stdin: bytes)
        XCTAssertEqual(try objects(lossy.stdout).first?["source"] as? [String], ["Le caf\u{FFFD} est chaud."])
    }

    func testBadSettingsFailBeforeAnyRecord() throws {
        let record = input([SyntheticPair.record(id: "a", source: "One.", target: "Un.")])
        let jobs = try TestSupport.verso(["stream", "--jobs", "0"], stdin: record)
        XCTAssertEqual(jobs.status, 64)
        XCTAssertTrue(jobs.stderr.contains("--jobs must be between 1 and 256"), jobs.stderr)
        let lexicon = try TestSupport.verso(["stream", "--no-dictionary", "--lexicon", "/nonexistent/lexicon.tsv"], stdin: record)
        XCTAssertNotEqual(lexicon.status, 0)
        XCTAssertEqual(lexicon.stdout, "")
        XCTAssertTrue(lexicon.stderr.contains("/nonexistent/lexicon.tsv"), lexicon.stderr)
    }

    func testUnreadableStandardInputExitsTwo() throws {
        // A folder as standard input: every read fails (EISDIR), unlike a bad record.
        let folder = try XCTUnwrap(FileHandle(forReadingAtPath: FileManager.default.temporaryDirectory.path))
        let process = Process()
        process.executableURL = TestSupport.versoBinary
        process.arguments = ["stream", "--no-dictionary"]
        let err = Pipe()
        process.standardInput = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(message.contains("<stdin>: read failed"), message)
    }
}
