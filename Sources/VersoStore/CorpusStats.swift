import GRDB

/// Counts over a whole corpus: what `verso corpus stats` prints.
public struct CorpusStats: Sendable, Equatable {
    public var documents = 0
    public var sourceSegments = 0
    public var targetSegments = 0
    public var beads = 0
    /// Beads by kind ("1-1", "2-1", "0-1"…), most frequent first.
    public var beadKinds: [(kind: String, count: Int)] = []
    /// Findings by code with their severity, most frequent first.
    public var findings: [(code: String, severity: String, count: Int)] = []
    /// Beads per score decile: `scoreHistogram[i]` counts scores in [i/10, (i+1)/10), the last
    /// one including 1.
    public var scoreHistogram = [Int](repeating: 0, count: 10)
    public var meanScore: Double?
    /// Language pairs and how many documents each has.
    public var languagePairs: [(pair: String, documents: Int)] = []

    public static func == (a: CorpusStats, b: CorpusStats) -> Bool {
        a.documents == b.documents && a.sourceSegments == b.sourceSegments && a.targetSegments == b.targetSegments
            && a.beads == b.beads && a.beadKinds.map { "\($0)" } == b.beadKinds.map { "\($0)" }
            && a.findings.map { "\($0)" } == b.findings.map { "\($0)" } && a.scoreHistogram == b.scoreHistogram
            && a.meanScore == b.meanScore && a.languagePairs.map { "\($0)" } == b.languagePairs.map { "\($0)" }
    }
}

extension CorpusStore {
    /// Computes the corpus's counts.
    /// - Complexity: O(rows): one pass over beads, segments and findings each.
    public func stats() throws -> CorpusStats {
        try read { db in
            var stats = CorpusStats()
            stats.documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT side, COUNT(*) AS n FROM segments GROUP BY side") {
                if (row["side"] as String) == "source" { stats.sourceSegments = row["n"] } else { stats.targetSegments = row["n"] }
            }
            stats.beads = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM beads") ?? 0
            stats.meanScore = try Double.fetchOne(db, sql: "SELECT AVG(score) FROM beads")
            stats.beadKinds = try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM beads GROUP BY kind ORDER BY n DESC, kind")
                .map { ($0["kind"], $0["n"]) }
            stats.findings = try Row.fetchAll(db, sql: """
                SELECT code, severity, COUNT(*) AS n FROM findings GROUP BY code ORDER BY n DESC, code
                """).map { ($0["code"], $0["severity"], $0["n"]) }
            for row in try Row.fetchAll(db, sql: """
                SELECT MIN(9, MAX(0, CAST(score * 10 AS INTEGER))) AS bin, COUNT(*) AS n FROM beads GROUP BY bin
                """) {
                stats.scoreHistogram[row["bin"]] = row["n"]
            }
            stats.languagePairs = try Row.fetchAll(db, sql: """
                SELECT source_language || '-' || target_language AS pair, COUNT(*) AS n FROM documents GROUP BY pair ORDER BY n DESC, pair
                """).map { ($0["pair"], $0["n"]) }
            return stats
        }
    }
}
