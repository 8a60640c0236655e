import Foundation
import GRDB
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoText

/// A parallel corpus kept in one SQLite file: documents, their segments, beads, findings and the
/// signature of the run that produced them (see `SCHEMA.md`).
///
/// The file is opened in WAL mode with foreign keys on: readers never block the writer, and a
/// second process that wants to write waits (up to `busyTimeout`) for the first one's
/// transaction instead of failing. Every document is written in one transaction, so a crash
/// or a `kill -9` leaves each stored document whole or absent.
///
/// Thread-safe: writes from several threads are serialised by the pool's single writer.
public final class CorpusStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    private let busyTimeout: TimeInterval

    /// Opens (and with `create`, creates and migrates) a corpus database.
    ///
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: create the file when missing and bring its schema up to date; otherwise a
    ///     missing file is an error (for `search`, `stats`, `export`).
    ///   - busyTimeout: how long a write waits for another process's transaction, in seconds.
    ///   - onWait: called once each time a write has waited half a second for another process
    ///     (the CLI says so on stderr).
    /// - Throws: `VersoError` when the file is missing, is not a Verso corpus, or is locked
    ///   longer than `busyTimeout`.
    public init(path: String, create: Bool = true, busyTimeout: TimeInterval = 600,
                onWait: (@Sendable () -> Void)? = nil) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw VersoError(.unreadable, "no corpus database here", file: path,
                             fix: "add documents first: verso corpus add --db \(path) SOURCE TARGET")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "verso-corpus"
        let pollInterval: useconds_t = 10_000
        config.busyMode = .callback { tries in
            if tries == 50 { onWait?() }
            usleep(pollInterval)
            return Double(tries) * Double(pollInterval) / 1e6 < busyTimeout
        }
        // Opening (the switch to WAL) and migrating can meet SQLITE_BUSY at once, without the busy
        // handler, when two processes create the same database together: try again until the
        // timeout.
        let start = Date()
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                if create {
                    try Schema.migrator.migrate(pool)
                } else if try !pool.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
                    throw VersoError(.badData, "this database's schema is not the one this Verso writes", file: path,
                                     fix: "open it once with verso corpus add to upgrade it, or give another --db")
                }
                self.pool = pool
                return
            } catch let error as DatabaseError {
                let busy = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                if busy && Date().timeIntervalSince(start) < busyTimeout {
                    usleep(50_000)
                    continue
                }
                throw CorpusStore.describe(error, path: path, busyTimeout: busyTimeout)
            }
        }
    }

    /// Turns an SQLite error into a message a user can act on.
    static func describe(_ error: DatabaseError, path: String, busyTimeout: TimeInterval) -> VersoError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return VersoError(.io, "the database stayed locked by another process for more than \(Int(busyTimeout)) s", file: path,
                              fix: "wait for the other verso process to finish, then run this command again (finished documents are kept)")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return VersoError(.badData, "is not a Verso corpus database (SQLite says: \(error.message ?? "\(error.resultCode)"))",
                              file: path, fix: "give --db a new file name or a database written by verso corpus add")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return VersoError(.io, "cannot open the database for writing (\(error.message ?? "\(error.resultCode)"))", file: path,
                              fix: "check that the folder exists and is writable")
        default:
            return VersoError(.io, "database error: \(error.message ?? "\(error.resultCode)")", file: path)
        }
    }

    /// Runs a read, mapping SQLite errors to `VersoError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError {
            throw CorpusStore.describe(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction (it takes the write lock at once, so it waits for
    /// another process at its start rather than failing halfway), mapping SQLite errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                return value!
            }
        } catch let error as DatabaseError {
            throw CorpusStore.describe(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

extension CorpusStore {
    /// Runs `body` while this process holds the database's write lock (an open IMMEDIATE
    /// transaction that writes nothing): what another writer meets while a long document is
    /// being stored. For tests of the waiting behaviour.
    public func holdingWriteLock<T>(_ body: () throws -> T) throws -> T {
        try write { _ in try body() }
    }
}

// MARK: - Documents

/// Who a document is and what it was made from: the identity the store keeps and compares.
public struct DocumentIdentity: Sendable, Equatable {
    /// Unique in a database; adding another pair under this name replaces the stored one.
    public var name: String
    public var sourceLanguage: String
    public var targetLanguage: String
    public var sourcePath: String
    public var targetPath: String
    /// ``ContentHash/sha256(_:)`` of each file's bytes.
    public var sourceHash: String
    public var targetHash: String
    /// A hash of the settings that can change the alignment and the findings.
    public var settingsHash: String

    public init(name: String, sourceLanguage: String, targetLanguage: String, sourcePath: String, targetPath: String,
                sourceHash: String, targetHash: String, settingsHash: String) {
        self.name = name
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.sourcePath = sourcePath
        self.targetPath = targetPath
        self.sourceHash = sourceHash
        self.targetHash = targetHash
        self.settingsHash = settingsHash
    }

    /// True when a stored document was made from the same bytes with the same settings.
    public func sameContent(as other: DocumentIdentity) -> Bool {
        sourceHash == other.sourceHash && targetHash == other.targetHash && settingsHash == other.settingsHash
    }
}

/// A document as stored: its identity, its counts and the signature of its run.
public struct StoredDocument: Sendable, Equatable {
    public var id: Int64
    public var identity: DocumentIdentity
    public var sourceSegments: Int
    public var targetSegments: Int
    public var beads: Int
    /// When it was added (ISO 8601, UTC).
    public var created: String
    /// The signature of what produced its alignment and findings.
    public var signature: String
}

extension CorpusStore {
    /// What happened to a document that was written.
    public enum WriteOutcome: String, Sendable { case added, replaced }

    /// Writes one aligned and checked document in one transaction, replacing a stored document
    /// of the same name (its segments, beads and findings go with it).
    ///
    /// - Complexity: O(segments + beads + findings) rows, plus the full-text index updates.
    @discardableResult
    /// - Throws: `VersoError` (.badInput) for a report of a memory (the store keeps aligned
    ///   documents), and what SQLite reports.
    public func store(_ identity: DocumentIdentity, report: PairReport, created: Date = Date()) throws -> WriteOutcome {
        guard let alignment = report.alignment else {
            throw VersoError(.badInput, "\(identity.name) is a translation memory, not an aligned document pair",
                             fix: "add documents with `verso corpus add SOURCE TARGET`")
        }
        let findings = report.findings
        let when = ISO8601DateFormatter().string(from: created)
        return try write { db in
            let replaced = try Int.fetchOne(db, sql: "SELECT id FROM documents WHERE name = ?", arguments: [identity.name]) != nil
            try db.execute(sql: "DELETE FROM documents WHERE name = ?", arguments: [identity.name])
            try db.execute(sql: """
                INSERT INTO documents (name, source_language, target_language, source_path, target_path, source_hash,
                    target_hash, settings_hash, source_segments, target_segments, bead_count, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [identity.name, identity.sourceLanguage, identity.targetLanguage, identity.sourcePath,
                                 identity.targetPath, identity.sourceHash, identity.targetHash, identity.settingsHash,
                                 alignment.source.segments.count, alignment.target.segments.count, alignment.beads.count, when])
            let document = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO runs (document_id, signature, finished) VALUES (?, ?, ?)",
                           arguments: [document, report.signature.description, ISO8601DateFormatter().string(from: Date())])
            let beadStatement = try db.cachedStatement(sql: """
                INSERT INTO beads (document_id, idx, source_indices, target_indices, kind, score) VALUES (?, ?, ?, ?, ?, ?)
                """)
            var beadIDs: [Int64] = []
            var sourceBead = [Int64?](repeating: nil, count: alignment.source.segments.count)
            var targetBead = [Int64?](repeating: nil, count: alignment.target.segments.count)
            for (i, bead) in alignment.beads.enumerated() {
                try beadStatement.execute(arguments: [document, i, IndexList.text(bead.source), IndexList.text(bead.target), bead.kind,
                                                      bead.score.isFinite ? bead.score : 0])
                let id = db.lastInsertedRowID
                beadIDs.append(id)
                for s in bead.source where s < sourceBead.count { sourceBead[s] = id }
                for t in bead.target where t < targetBead.count { targetBead[t] = id }
            }
            let segmentStatement = try db.cachedStatement(sql: """
                INSERT INTO segments (document_id, side, idx, text, byte_start, byte_end, paragraph, bead_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (side, doc, beads) in [("source", alignment.source, sourceBead), ("target", alignment.target, targetBead)] {
                for (i, segment) in doc.segments.enumerated() {
                    try segmentStatement.execute(arguments: [document, side, i, segment.text, segment.byteRange.lowerBound,
                                                             segment.byteRange.upperBound, segment.paragraph, beads[i]])
                }
            }
            let findingStatement = try db.cachedStatement(sql: """
                INSERT INTO findings (bead_id, code, severity, category, side, span_start, span_end, message, suggestion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for finding in findings where beadIDs.indices.contains(finding.bead) {
                try findingStatement.execute(arguments: [beadIDs[finding.bead], finding.code, finding.severity.rawValue,
                                                         finding.category.rawValue, finding.side.rawValue, finding.span?.lowerBound,
                                                         finding.span?.upperBound, finding.message, finding.suggestion])
            }
            return replaced ? .replaced : .added
        }
    }

    /// Every stored document, by name.
    /// - Complexity: O(documents).
    public func documents() throws -> [StoredDocument] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.*, r.signature FROM documents d LEFT JOIN runs r ON r.document_id = d.id ORDER BY d.name
                """).map { row in
                StoredDocument(
                    id: row["id"],
                    identity: DocumentIdentity(name: row["name"], sourceLanguage: row["source_language"],
                                               targetLanguage: row["target_language"], sourcePath: row["source_path"],
                                               targetPath: row["target_path"], sourceHash: row["source_hash"],
                                               targetHash: row["target_hash"], settingsHash: row["settings_hash"]),
                    sourceSegments: row["source_segments"], targetSegments: row["target_segments"], beads: row["bead_count"],
                    created: row["created"], signature: row["signature"] ?? "")
            }
        }
    }

    /// Problems found by a consistency check: a document whose stored segment or bead rows do
    /// not match the counts it was written with, a segment outside every bead, SQLite's own
    /// integrity and foreign-key checks. Empty when the database is sound.
    /// - Complexity: O(rows in the database).
    public func verify() throws -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            problems += try String.fetchAll(db, sql: """
                SELECT d.name || ': expected ' || d.source_segments || '+' || d.target_segments || ' segments and '
                       || d.bead_count || ' beads, found ' || IFNULL(s.src, 0) || '+' || IFNULL(s.tgt, 0) || ' and ' || IFNULL(b.n, 0)
                FROM documents d
                LEFT JOIN (SELECT document_id, SUM(side = 'source') AS src, SUM(side = 'target') AS tgt
                           FROM segments GROUP BY document_id) s ON s.document_id = d.id
                LEFT JOIN (SELECT document_id, COUNT(*) AS n FROM beads GROUP BY document_id) b ON b.document_id = d.id
                WHERE IFNULL(s.src, 0) != d.source_segments OR IFNULL(s.tgt, 0) != d.target_segments OR IFNULL(b.n, 0) != d.bead_count
                """)
            problems += try String.fetchAll(db, sql: """
                SELECT 'segment ' || id || ' of document ' || document_id || ' is in no bead' FROM segments WHERE bead_id IS NULL
                """)
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents d LEFT JOIN runs r ON r.document_id = d.id WHERE r.id IS NULL") != 0 {
                problems.append("some documents have no run signature")
            }
            return problems
        }
    }

    /// The units of one document in bead order, with their sentences, scores and findings, named
    /// after the document.
    /// - Complexity: O(segments + beads + findings of the document).
    public func units(document: StoredDocument) throws -> [TranslationUnit] {
        try read { db in
            var source: [Int: String] = [:], target: [Int: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT side, idx, text FROM segments WHERE document_id = ?", arguments: [document.id]) {
                if (row["side"] as String) == "source" { source[row["idx"]] = row["text"] } else { target[row["idx"]] = row["text"] }
            }
            var findings: [Int: [Finding]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT b.idx, f.* FROM findings f JOIN beads b ON b.id = f.bead_id WHERE b.document_id = ? ORDER BY f.id
                """, arguments: [document.id]) {
                if let finding = CorpusStore.finding(row, bead: row["idx"]) { findings[row["idx"], default: []].append(finding) }
            }
            return try Row.fetchAll(db, sql: "SELECT idx, source_indices, target_indices, score FROM beads WHERE document_id = ? ORDER BY idx",
                                    arguments: [document.id]).map { row in
                let s = IndexList.parse(row["source_indices"]), t = IndexList.parse(row["target_indices"])
                let sourceTexts = s.compactMap { source[$0] }, targetTexts = t.compactMap { target[$0] }
                var unit = TranslationUnit(source: sourceTexts.joined(separator: " "), target: targetTexts.joined(separator: " "),
                                           score: row["score"], findings: findings[row["idx"]] ?? [], sourceIndices: s,
                                           targetIndices: t, document: document.identity.name)
                (unit.sourceSegments, unit.targetSegments) = (sourceTexts, targetTexts)
                return unit
            }
        }
    }

    /// A stored document as the report every output renders: its beads with their sentences,
    /// scores and findings (whose `bead` is the bead's position), and its stored signature.
    /// - Complexity: O(segments + beads + findings) rows.
    public func report(document: StoredDocument) throws -> PairReport {
        let units = try self.units(document: document)
        let id = document.identity
        var signature = Signature()
        for entry in document.signature.split(separator: "|") {
            let parts = entry.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { signature.set(String(parts[0]), String(parts[1])) }
        }
        return PairReport(origin: .alignment,
                          source: PairReport.Document(name: id.sourcePath, language: id.sourceLanguage, sentenceCount: document.sourceSegments),
                          target: PairReport.Document(name: id.targetPath, language: id.targetLanguage, sentenceCount: document.targetSegments),
                          units: units, signature: signature)
    }

    /// A finding read back from a `findings` row; nil when a stored value is not one this Verso knows.
    static func finding(_ row: Row, bead: Int) -> Finding? {
        guard let severity = Severity(rawValue: row["severity"]), let category = Category(rawValue: row["category"]),
              let side = Side(rawValue: row["side"]) else { return nil }
        let start: Int? = row["span_start"], end: Int? = row["span_end"]
        return Finding(code: row["code"], category: category, severity: severity, message: row["message"], side: side,
                       span: start.flatMap { s in end.map { s..<max(s, $0) } }, suggestion: row["suggestion"], bead: bead)
    }
}

/// Bead index lists as stored: `3,4`, or an empty string for a side with no sentence.
enum IndexList {
    static func text(_ indices: [Int]) -> String { indices.map(String.init).joined(separator: ",") }
    static func parse(_ text: String) -> [Int] { text.split(separator: ",").compactMap { Int($0) } }
}
