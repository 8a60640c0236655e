import ArgumentParser
import Foundation
import VersoStore

/// `verso corpus …`: the SQLite corpus store.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Keep many aligned pairs in an SQLite corpus: add, search, stats, export.",
        discussion: """
        The corpus is one SQLite file (default verso.db in the current folder; --db to choose). \
        `add` aligns and checks pairs on all cores and stores each document in one transaction; \
        re-running skips unchanged pairs. Schema: Sources/VersoStore/SCHEMA.md.
        """,
        subcommands: [CorpusAddCommand.self, CorpusSearchCommand.self, CorpusStatsCommand.self, CorpusExportCommand.self, CorpusReportCommand.self,
                      CorpusReplicateCommand.self]
    )
}

/// The `--db` option every corpus command takes.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The corpus database file.") var path = "verso.db"
    @Option(name: .customLong("busy-timeout"), help: "Seconds to wait while another process writes to the database.")
    var busyTimeout: Double = 600

    /// Opens the store; `create` for commands that write, `readOnly` for those that only read
    /// (they then work on a read-only file or folder).
    func open(create: Bool, readOnly: Bool = false) throws -> CorpusStore {
        let path = self.path, timeout = busyTimeout
        return try CorpusStore(path: path, create: create, readOnly: readOnly, busyTimeout: timeout) {
            Diagnostics.printErr("verso: waiting: another process is writing to \(path); going on when it is done (at most \(Int(timeout)) s)")
        }
    }
}

/// Hidden: copies every stored document N times with SQL (for Scripts/bench-search.sh).
struct CorpusReplicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replicate", abstract: "Copy every document N times (benchmarks only).",
                                                    shouldDisplay: false)

    @OptionGroup var database: DatabaseOption
    @Option(help: "How many copies of each document.") var copies = 1

    func run() throws {
        try guarded {
            let segments = try database.open(create: false).replicate(copies: copies)
            print("\(segments) segments")
        }
    }
}
