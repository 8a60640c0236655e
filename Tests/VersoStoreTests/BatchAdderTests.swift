import Foundation
import VersoCorpus
import VersoStore
import VersoText
import VersoTestSupport
import XCTest

final class BatchAdderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestSupport.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Copies three fixture pairs into the test folder and returns their jobs.
    private func fixtureJobs() throws -> [PairJob] {
        let fixtures = TestSupport.corpora.appendingPathComponent("fixtures")
        return try ["numbers", "lists", "crlf"].map { name in
            for side in ["en", "fr"] {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent("\(name).\(side).txt"),
                                                 to: folder.appendingPathComponent("\(name).\(side).txt"))
            }
            return PairJob(source: folder.appendingPathComponent("\(name).en.txt").path,
                           target: folder.appendingPathComponent("\(name).fr.txt").path, sourceLanguage: "en", targetLanguage: "fr")
        }
    }

    private func adder(_ store: CorpusStore, force: Bool = false) -> BatchAdder {
        BatchAdder(store: store, force: force) { try fastProcessor($0, $1) }
    }

    func testSecondRunSkipsChangedFileReplacesForceRedoes() throws {
        let store = try CorpusStore(path: folder.appendingPathComponent("c.db").path)
        let jobs = try fixtureJobs()
        XCTAssertEqual(jobs.map(\.name), ["numbers", "lists", "crlf"])
        let first = try adder(store).run(jobs)
        XCTAssertEqual(first.added.sorted(), ["crlf", "lists", "numbers"])
        XCTAssertTrue(first.failures.isEmpty)
        let created = try store.documents().map(\.created)

        let second = try adder(store).run(jobs)
        XCTAssertEqual(second.skipped.sorted(), ["crlf", "lists", "numbers"])
        XCTAssertEqual(second.added + second.replaced, [])
        XCTAssertEqual(try store.documents().map(\.created), created, "skipped documents are not rewritten")

        let changed = folder.appendingPathComponent("lists.fr.txt")
        try (try String(contentsOf: changed, encoding: .utf8) + "\nUne phrase ajoutée à la fin.\n").write(to: changed, atomically: true, encoding: .utf8)
        let third = try adder(store).run(jobs)
        XCTAssertEqual(third.replaced, ["lists"])
        XCTAssertEqual(third.skipped.sorted(), ["crlf", "numbers"])
        XCTAssertEqual(try store.search(ConcordanceQuery("\"ajoutee a la fin\"")).map(\.document), ["lists"])
        XCTAssertEqual(try store.documents().count, 3)

        let forced = adder(store, force: true)
        XCTAssertEqual(try forced.run(jobs).replaced.sorted(), ["crlf", "lists", "numbers"])
        XCTAssertEqual(try store.verify(), [])
    }

    func testSettingsChangeRealigns() throws {
        let store = try CorpusStore(path: folder.appendingPathComponent("c.db").path)
        let jobs = try fixtureJobs()
        _ = try adder(store).run(jobs)
        let lines = BatchAdder(store: store) { s, t in
            let p = try fastProcessor(s, t)
            return Pipeline(aligner: p.aligner, engine: p.engine, segmented: true)
        }
        XCTAssertEqual(try lines.run(jobs).replaced.count, 3)
    }

    func testFailingPairsAreReportedAndTheBatchGoesOn() throws {
        var jobs = try fixtureJobs()
        let empty = folder.appendingPathComponent("empty.fr.txt"), bad = folder.appendingPathComponent("bad.en.txt")
        try Data("  \n".utf8).write(to: empty)
        try Data([0x48, 0x69, 0xFF, 0xFE, 0x21]).write(to: bad)
        let good = jobs[0]
        jobs.append(PairJob(source: good.source, target: empty.path, name: "empty", sourceLanguage: "en", targetLanguage: "fr"))
        jobs.append(PairJob(source: bad.path, target: good.target, name: "bad", sourceLanguage: "en", targetLanguage: "fr"))
        jobs.append(PairJob(source: folder.appendingPathComponent("gone.en").path, target: good.target, name: "gone",
                            sourceLanguage: "en", targetLanguage: "fr"))
        let store = try CorpusStore(path: folder.appendingPathComponent("c.db").path)
        let report = try adder(store).run(jobs)
        XCTAssertEqual(report.added.sorted(), ["crlf", "lists", "numbers"])
        XCTAssertEqual(report.failures.map(\.job.name), ["bad", "empty", "gone"])
        XCTAssertEqual(report.failures.map(\.error.file), [bad.path, empty.path, folder.appendingPathComponent("gone.en").path])
        XCTAssertEqual(report.failures[0].error.kind, .invalidEncoding)
        XCTAssertEqual(report.failures[0].error.byteOffset, 2)
        XCTAssertEqual(report.progress.done, 6)
        XCTAssertEqual(report.progress.failed, 3)
        XCTAssertEqual(try store.documents().map(\.identity.name), ["crlf", "lists", "numbers"])
    }

    func testManifestAndPairDirectories() throws {
        let jobs = try fixtureJobs()
        let manifest = folder.appendingPathComponent("pairs.tsv")
        try """
        # source\ttarget\tname
        numbers.en.txt\tnumbers.fr.txt
        \(jobs[1].source)\t\(jobs[1].target)\tmy lists\ten\tfr

        crlf.en.txt\tcrlf.fr.txt\t\tEN\tFR
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let read = try PairList.manifest(path: manifest.path, sourceLanguage: "en", targetLanguage: "fr")
        XCTAssertEqual(read.map(\.name), ["numbers", "my lists", "crlf"])
        XCTAssertEqual(read.map(\.source), jobs.map(\.source))
        XCTAssertEqual(read.map(\.targetLanguage), ["fr", "fr", "FR"])

        try "numbers.en.txt numbers.fr.txt\n".write(to: manifest, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PairList.manifest(path: manifest.path, sourceLanguage: "en", targetLanguage: "fr")) { error in
            XCTAssertEqual((error as? VersoError)?.line, 1)
        }
        try "a.en\ta.fr\tsame\nb.en\tb.fr\tsame\n".write(to: manifest, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PairList.manifest(path: manifest.path, sourceLanguage: "en", targetLanguage: "fr"))

        let en = folder.appendingPathComponent("en"), fr = folder.appendingPathComponent("fr")
        for dir in [en, fr] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        for name in ["a.txt", "b.txt"] { try "x".write(to: en.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        for name in ["b.txt", "c.txt"] { try "x".write(to: fr.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let pairs = try PairList.pairDirectories(source: en.path, target: fr.path, sourceLanguage: "en", targetLanguage: "fr")
        XCTAssertEqual(pairs.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(pairs.map { FileManager.default.fileExists(atPath: $0.source) && FileManager.default.fileExists(atPath: $0.target) },
                       [false, true, false])
    }

    func testProgressIsReportedForEveryPair() throws {
        let store = try CorpusStore(path: folder.appendingPathComponent("c.db").path)
        final class Box: @unchecked Sendable { var seen: [BatchProgress] = [] }
        let box = Box()
        _ = try adder(store).run(try fixtureJobs()) { box.seen.append($0) }
        XCTAssertEqual(box.seen.map(\.done), [1, 2, 3])
        XCTAssertEqual(box.seen.last?.bytesDone, box.seen.last?.bytesTotal)
        XCTAssertEqual(box.seen.last?.secondsLeft, 0)
        XCTAssertGreaterThan(box.seen.last?.sentences ?? 0, 0)
    }
}
