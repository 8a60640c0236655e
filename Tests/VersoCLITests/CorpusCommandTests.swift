import Foundation
import Synchronization
import VersoStore
import VersoTestSupport
import XCTest

/// `verso corpus …` as a user meets it: the built binary, its streams and exit codes, and the
/// database it leaves behind.
final class CorpusCommandTests: XCTestCase {
    private var folder: URL!
    private var db: String { folder.appendingPathComponent("corpus.db").path }

    override func setUpWithError() throws { folder = try TestSupport.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var seed: (String, String) {
        let dir = TestSupport.corpora.appendingPathComponent("seed")
        return (dir.appendingPathComponent("putin-pyongyang.en.txt").path, dir.appendingPathComponent("putin-pyongyang.fr.txt").path)
    }

    /// Writes a manifest of `count` pairs cycling over the fixtures (and the seed pair), each
    /// under its own name; returns its path.
    private func manifest(_ count: Int, prefix: String = "doc", file: String = "pairs.tsv", withSeed: Bool = false) throws -> String {
        let fixtures = TestSupport.corpora.appendingPathComponent("fixtures")
        var pairs = ["numbers", "lists", "crlf", "abbreviations", "hardwrap", "quotes-dialogue"].map {
            (fixtures.appendingPathComponent("\($0).en.txt").path, fixtures.appendingPathComponent("\($0).fr.txt").path)
        }
        if withSeed { pairs = [seed] }
        let lines = (0..<count).map { i in "\(pairs[i % pairs.count].0)\t\(pairs[i % pairs.count].1)\t\(prefix)-\(String(format: "%03d", i))" }
        let path = folder.appendingPathComponent(file).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testAddSearchStats() throws {
        let add = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", seed.0, seed.1])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertTrue(add.stderr.contains("added 1, replaced 0, skipped 0 unchanged of 1 pair(s)"), add.stderr)
        XCTAssertFalse(add.stderr.contains("\r"), "no progress bar when stderr is not a terminal")

        let search = try TestSupport.verso(["corpus", "search", "--db", db, "coree", "--limit", "2"])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertTrue(search.stdout.hasPrefix("putin-pyongyang:target:1  Poutine arrive en [Corée] du Nord"), search.stdout)
        XCTAssertTrue(search.stdout.contains("\n    source: Putin arrives in North Korea"), search.stdout)
        XCTAssertEqual(search.stdout.components(separatedBy: "\n    source: ").count - 1, 2)

        let json = try TestSupport.verso(["corpus", "search", "--db", db, "\"kim jong un\"", "--side", "source", "--format", "jsonl"])
        let hits = try json.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertFalse(hits.isEmpty)
        for hit in hits {
            let text = hit["text"] as! String, range = (hit["matches"] as! [[Int]])[0]
            XCTAssertEqual(String(String.UnicodeScalarView(Array(text.unicodeScalars)[range[0]..<range[1]])), "Kim Jong Un")
            XCTAssertEqual(hit["side"] as? String, "source")
        }

        let stats = try TestSupport.verso(["corpus", "stats", "--db", db, "--verify"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("documents     1 (en-fr: 1)"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("verified      every document complete"), stats.stdout)
        let store = try CorpusStore(path: db, create: false)
        let document = try XCTUnwrap(try store.documents().first)
        XCTAssertTrue(stats.stdout.contains("segments      \(document.sourceSegments) source, \(document.targetSegments) target"))
    }

    func testResumeAndReplaceOnChange() throws {
        let fixtures = TestSupport.corpora.appendingPathComponent("fixtures")
        let en = folder.appendingPathComponent("en"), fr = folder.appendingPathComponent("fr")
        for dir in [en, fr] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        for name in ["numbers", "lists", "crlf"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("\(name).en.txt"), to: en.appendingPathComponent("\(name).txt"))
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("\(name).fr.txt"), to: fr.appendingPathComponent("\(name).txt"))
        }
        let arguments = ["corpus", "add", "--db", db, "--no-dictionary", "--pair-dirs", en.path, fr.path]
        let first = try TestSupport.verso(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("added 3, replaced 0, skipped 0 unchanged of 3 pair(s)"), first.stderr)
        let second = try TestSupport.verso(arguments)
        XCTAssertTrue(second.stderr.contains("added 0, replaced 0, skipped 3 unchanged of 3 pair(s)"), second.stderr)

        try "Only one sentence now.\n".write(to: fr.appendingPathComponent("lists.txt"), atomically: true, encoding: .utf8)
        let third = try TestSupport.verso(arguments)
        XCTAssertTrue(third.stderr.contains("added 0, replaced 1, skipped 2 unchanged of 3 pair(s)"), third.stderr)
        let store = try CorpusStore(path: db, create: false)
        let lists = try XCTUnwrap(try store.documents().first { $0.identity.name == "lists" })
        XCTAssertEqual(lists.targetSegments, 1)
        XCTAssertEqual(try store.documents().count, 3)
        XCTAssertEqual(try store.search(ConcordanceQuery("\"only one sentence now\"")).map(\.document), ["lists"])

        let forced = try TestSupport.verso(arguments + ["--force"])
        XCTAssertTrue(forced.stderr.contains("added 0, replaced 3, skipped 0 unchanged"), forced.stderr)
        XCTAssertEqual(try store.verify(), [])
    }

    func testFailingPairsAreNamedAndTheBatchGoesOn() throws {
        let empty = folder.appendingPathComponent("empty.fr"), bad = folder.appendingPathComponent("bad.en")
        try Data().write(to: empty)
        try Data([0x4F, 0x6B, 0x2E, 0xC3, 0x28]).write(to: bad)
        let good = try manifest(2)
        var text = try String(contentsOfFile: good, encoding: .utf8)
        text += "\(seed.0)\t\(empty.path)\tempty\n\(bad.path)\t\(seed.1)\tbad\n\(folder.path)/missing.en\t\(seed.1)\tmissing\n"
        try text.write(toFile: good, atomically: true, encoding: .utf8)
        let run = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", good])
        XCTAssertEqual(run.status, 2, "a batch that skipped pairs exits 2: " + run.stderr)
        XCTAssertTrue(run.stderr.contains("verso: error: \(empty.path): is empty"), run.stderr)
        XCTAssertTrue(run.stderr.contains("verso: error: \(bad.path)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("(byte 3)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("verso: error: \(folder.path)/missing.en: no such file"), run.stderr)
        XCTAssertTrue(run.stderr.contains("added 2, replaced 0, skipped 0 unchanged, failed 3 of 5 pair(s)"), run.stderr)
        XCTAssertEqual(try CorpusStore(path: db, create: false).documents().map(\.identity.name), ["doc-000", "doc-001"])
    }

    func testUsageErrors() throws {
        let none = try TestSupport.verso(["corpus", "add", "--db", db])
        XCTAssertEqual(none.status, 64)
        XCTAssertTrue(none.stderr.contains("give one of: SOURCE TARGET, --manifest FILE, --pair-dirs"), none.stderr)
        let missing = try TestSupport.verso(["corpus", "search", "--db", db, "word"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("\(db): no corpus database here"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "a read command does not create the database")
        let manifestPath = try manifest(2)
        try "a\tb\tsame\nc\td\tsame\n".write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let duplicate = try TestSupport.verso(["corpus", "add", "--db", db, "--manifest", manifestPath])
        XCTAssertEqual(duplicate.status, 64)
        XCTAssertTrue(duplicate.stderr.contains("two pairs would be stored under the name \"same\""), duplicate.stderr)
    }

    /// A real `kill -9` in the middle of a batch: every stored document is whole, and the next
    /// run stores the rest, skipping what was finished.
    func testKillMidBatchKeepsWholeDocumentsAndResumes() throws {
        let pairs = 16
        let list = try manifest(pairs, withSeed: true)
        let process = Process()
        process.executableURL = TestSupport.versoBinary
        process.arguments = ["corpus", "add", "--db", db, "--no-dictionary", "--manifest", list]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var stored = 0
        while process.isRunning && stored < 3 {
            usleep(20_000)
            if FileManager.default.fileExists(atPath: db), let store = try? CorpusStore(path: db, create: false) {
                stored = (try? store.documents().count) ?? 0
            }
        }
        XCTAssertTrue(process.isRunning, "the batch finished before it could be killed: give it more pairs")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let store = try CorpusStore(path: db, create: false)
        let survivors = try store.documents()
        XCTAssertGreaterThanOrEqual(survivors.count, 3)
        XCTAssertLessThan(survivors.count, pairs)
        XCTAssertEqual(try store.verify(), [], "a stored document is whole")
        let first = try XCTUnwrap(survivors.first)
        XCTAssertEqual(try store.units(document: first).count, first.beads)

        let resumed = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", list])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("added \(pairs - survivors.count), replaced 0, skipped \(survivors.count) unchanged"), resumed.stderr)
        XCTAssertEqual(try store.documents().count, pairs)
        XCTAssertEqual(try store.verify(), [])
    }

    /// Two processes adding to one database at once: both finish, nothing is lost or broken.
    func testTwoConcurrentWriters() throws {
        let a = try manifest(12, prefix: "a", file: "a.tsv"), b = try manifest(12, prefix: "b", file: "b.tsv")
        let runs = Mutex<[TestSupport.Run?]>([nil, nil])
        let db = self.db
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let run = try? TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", i == 0 ? a : b])
            runs.withLock { $0[i] = run }
        }
        for run in runs.withLock({ $0 }) {
            let run = try XCTUnwrap(run)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("added 12, replaced 0, skipped 0 unchanged of 12 pair(s)"), run.stderr)
        }
        let store = try CorpusStore(path: db, create: false)
        XCTAssertEqual(try store.documents().count, 24)
        XCTAssertEqual(try store.verify(), [])
    }

    /// A write that cannot get the lock in time fails with a message saying why and what to do.
    func testLockedDatabaseGivesAClearMessage() throws {
        let run = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", seed.0, seed.1])
        XCTAssertEqual(run.status, 0, run.stderr)
        let store = try CorpusStore(path: db)
        let list = try manifest(1)
        let result = try store.holdingWriteLock {
            try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--busy-timeout", "1", "--manifest", list])
        }
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("verso: waiting: another process is writing to \(db)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("the database stayed locked by another process for more than 1 s"), result.stderr)
        XCTAssertEqual(try store.documents().count, 1)
    }

    func testExportContainsExactlyTheFilteredPairs() throws {
        let add = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", try manifest(4)])
        XCTAssertEqual(add.status, 0, add.stderr)
        let seedRun = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--name", "seed", seed.0, seed.1])
        XCTAssertEqual(seedRun.status, 0, seedRun.stderr)
        // doc-000 and doc-003 are not exported; doc-002 is named twice: names are a set.
        let out = folder.appendingPathComponent("out.jsonl").path
        let export = try TestSupport.verso(["corpus", "export", "--db", db, "--format", "jsonl", "--min-score", "0.6",
                                            "--exclude", "typography", "number-mismatch", "--dedupe",
                                            "--document", "seed", "doc-001", "doc-002", "doc-002", "-o", out])
        XCTAssertEqual(export.status, 0, export.stderr)

        let store = try CorpusStore(path: db, create: false)
        var expected: [String] = [], seen = Set<String>()
        for document in try store.documents() where ["doc-001", "doc-002", "seed"].contains(document.identity.name) {
            for unit in try store.units(document: document) {
                let codes = Set(unit.findings.map(\.code))
                guard (unit.score ?? 0) >= 0.6, codes.isDisjoint(with: ["typography", "number-mismatch"]),
                      !unit.source.isEmpty, !unit.target.isEmpty, seen.insert(unit.source + "\t" + unit.target).inserted else { continue }
                expected.append("\(document.identity.name)\t\(unit.source)\t\(unit.target)")
            }
        }
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("{\"signature\"") == true, "the export starts with its signature")
        let written = try lines.dropFirst().map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return "\(object["document"]!)\t\((object["source"] as! [String]).joined(separator: " "))\t\((object["target"] as! [String]).joined(separator: " "))"
        }
        XCTAssertEqual(written, expected)
        XCTAssertGreaterThan(expected.count, 5)
        XCTAssertTrue(export.stderr.contains("exported \(expected.count) of "), export.stderr)
        XCTAssertTrue(export.stderr.contains("dropped "), export.stderr)

        let tmx = folder.appendingPathComponent("seed.tmx").path
        let one = try TestSupport.verso(["corpus", "export", "--db", db, "--format", "tmx", "--document", "seed", "-o", tmx])
        XCTAssertEqual(one.status, 0, one.stderr)
        let text = try String(contentsOfFile: tmx, encoding: .utf8)
        XCTAssertTrue(text.contains("srclang=\"en\""), text)
        XCTAssertFalse(text.contains("doc-00"), "only the seed document")
        XCTAssertTrue(text.contains("<prop type=\"x-verso-document\">seed</prop>"), text)
        let unknown = try TestSupport.verso(["corpus", "export", "--db", db, "--format", "tsv", "--document", "nope", "-o", out])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("no document named \"nope\""), unknown.stderr)
    }
}
