import Foundation
import VersoStore
import VersoTestSupport
import XCTest

/// Corpus faults as a user meets them (issue 15): another program's database, a read-only
/// database, a full disk, and `kill -9` at random moments.
final class CorpusFaultCLITests: XCTestCase {
    private var folder: URL!
    private var mounts: [String] = []

    override func setUpWithError() throws { folder = try TestSupport.temporaryDirectory() }
    override func tearDownWithError() throws {
        for mount in mounts.reversed() { _ = try? Self.run("/bin/umount", [mount]) }
        try? FileManager.default.removeItem(at: folder)
    }

    private var fixtures: [(String, String)] {
        let dir = TestSupport.corpora.appendingPathComponent("fixtures")
        return ["numbers", "lists", "crlf", "abbreviations", "hardwrap", "quotes-dialogue"].map {
            (dir.appendingPathComponent("\($0).en.txt").path, dir.appendingPathComponent("\($0).fr.txt").path)
        }
    }

    private var seed: (String, String) {
        let dir = TestSupport.corpora.appendingPathComponent("seed")
        return (dir.appendingPathComponent("putin-pyongyang.en.txt").path, dir.appendingPathComponent("putin-pyongyang.fr.txt").path)
    }

    /// A manifest of `count` pairs (the fixtures in turn, or the seed pair), each named.
    private func manifest(_ count: Int, seed useSeed: Bool = false) throws -> String {
        let pairs = useSeed ? [seed] : fixtures
        let lines = (0..<count).map { "\(pairs[$0 % pairs.count].0)\t\(pairs[$0 % pairs.count].1)\tdoc-\(String(format: "%03d", $0))" }
        let path = folder.appendingPathComponent("pairs-\(count).tsv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @discardableResult
    private static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A small tmpfs of `megabytes`, or a skip (a failure under CI) where mounting is not allowed.
    private func mountTmpfs(_ name: String, megabytes: Int) throws -> URL {
        let point = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        guard (try? Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", point.path])) == 0 else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("cannot mount a tmpfs (needs root) under CI"); throw XCTSkip("no mount") }
            throw XCTSkip("cannot mount a tmpfs here (the test needs root): skipped")
        }
        mounts.append(point.path)
        return point
    }

    /// What `verify()` finds: `PRAGMA integrity_check`, foreign keys, and documents whose
    /// counts do not match their rows; empty when the database is sound.
    private func problems(_ path: String) throws -> [String] { try CorpusStore(path: path, readOnly: true).verify() }

    /// Runs a Python snippet on an SQLite file (Python's sqlite3, not Verso's code).
    private func python(_ code: String, _ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n" + code, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Foreign files

    /// Another program's SQLite file used to get a `grdb_migrations` table before Verso refused
    /// it; now it is refused before anything is written, by every corpus command.
    func testAnotherProgramsDatabaseIsRefusedUntouched() throws {
        let path = folder.appendingPathComponent("other.db").path
        _ = try python("c.execute(\"CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT)\")\nc.execute(\"INSERT INTO players (name) VALUES ('Ada')\")\nc.commit()", path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for arguments in [["corpus", "add", "--db", path, "--no-dictionary", seed.0, seed.1], ["corpus", "search", "--db", path, "Kim"],
                          ["corpus", "stats", "--db", path]] {
            let run = try TestSupport.verso(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("other.db: is another program's SQLite database (tables players), not a Verso corpus; Verso wrote nothing to it"), run.stderr)
            XCTAssertTrue(run.stderr.contains("fix: give --db a new file name"), run.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the file is byte for byte what it was")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertEqual(try python("print([r[0] for r in c.execute('SELECT name FROM sqlite_master')])", path), "['players']\n")
    }

    func testAFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let path = folder.appendingPathComponent("notes.db").path
        let text = Data(String(repeating: "not a database\n", count: 300).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let run = try TestSupport.verso(["corpus", "add", "--db", path, "--no-dictionary", seed.0, seed.1])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("notes.db: is not an SQLite database"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), text)
    }

    // MARK: Read-only

    /// A corpus on a read-only file system could not even be searched; now search, stats and
    /// export work, and add says why it cannot write.
    func testAReadOnlyDatabaseCanBeSearched() throws {
        let mount = try mountTmpfs("ro", megabytes: 16)
        let db = mount.appendingPathComponent("corpus.db").path
        let add = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", seed.0, seed.1])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(try Self.run("/bin/mount", ["-o", "remount,ro", mount.path]), 0)
        let search = try TestSupport.verso(["corpus", "search", "--db", db, "Pyongyang"])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertTrue(search.stdout.contains("Pyongyang"), search.stdout)
        let stats = try TestSupport.verso(["corpus", "stats", "--db", db])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("1"), stats.stdout)
        let export = try TestSupport.verso(["corpus", "export", "--db", db, "--format", "tsv", "-o", folder.appendingPathComponent("out.tsv").path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let again = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--force", seed.0, seed.1])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("corpus.db:"), again.stderr)
        XCTAssertTrue(again.stderr.contains("fix:"), again.stderr)
    }

    // MARK: Disk full

    /// The disk fills during a batch (a 2 MB tmpfs): the batch stops with a message naming the
    /// cause, the database passes `PRAGMA integrity_check` and holds only whole documents, and
    /// once there is room the same command completes.
    func testTheDiskFillingDuringABatch() throws {
        let mount = try mountTmpfs("small", megabytes: 2)
        let db = mount.appendingPathComponent("corpus.db").path
        let pairs = 20
        let list = try manifest(pairs, seed: true)
        let full = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", list])
        XCTAssertEqual(full.status, 2, full.stderr)
        XCTAssertTrue(full.stderr.contains("corpus.db: the disk is full"), full.stderr)
        XCTAssertTrue(full.stderr.contains("the batch stopped"), full.stderr)
        XCTAssertEqual(try python("print(c.execute('PRAGMA integrity_check').fetchone()[0])", db), "ok\n")
        let stored = try CorpusStore(path: db, readOnly: true).documents()
        XCTAssertGreaterThan(stored.count, 0)
        XCTAssertLessThan(stored.count, pairs)
        XCTAssertEqual(try problems(db), [], "every stored document is whole")
        XCTAssertEqual(try Self.run("/bin/mount", ["-o", "remount,size=64m", mount.path]), 0)
        let rerun = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", list])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("added \(pairs - stored.count), replaced 0, skipped \(stored.count) unchanged"), rerun.stderr)
        XCTAssertEqual(try problems(db), [])
        XCTAssertEqual(try CorpusStore(path: db, readOnly: true).documents().count, pairs)
    }

    // MARK: kill -9

    /// `kill -9` at 20 moments drawn from a seeded generator, on one growing database: after
    /// each, the database passes `PRAGMA integrity_check` and every stored document is whole;
    /// the last run completes the batch.
    func testKillNineAtRandomMoments() throws {
        let db = folder.appendingPathComponent("corpus.db").path
        let pairs = 36
        let list = try manifest(pairs)
        var generator = SplitMix64(seed: 15)
        var killed = 0
        for trial in 0..<20 {
            let process = Process()
            process.executableURL = TestSupport.versoBinary
            process.arguments = ["corpus", "add", "--db", db, "--no-dictionary", "--jobs", "2", "--manifest", list]
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(50_000 + generator.next() % 1_200_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: db) {
                XCTAssertEqual(try problems(db), [], "trial \(trial): integrity_check, foreign keys and whole documents")
            }
        }
        XCTAssertGreaterThanOrEqual(killed, 10, "most runs were killed mid-way")
        let last = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--manifest", list])
        XCTAssertEqual(last.status, 0, last.stderr)
        let store = try CorpusStore(path: db, readOnly: true)
        XCTAssertEqual(try store.documents().count, pairs)
        XCTAssertEqual(try store.verify(), [])
    }
}

/// A small seeded generator (SplitMix64), so the kill moments are the same on every run.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt32 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: z ^ (z >> 31))
    }
}
