import GRDB

extension CorpusStore {
    /// Copies every stored document `copies` times, as `name#1`, `name#2`…, with its segments,
    /// beads, findings and run, in plain SQL (no alignment): how `Scripts/bench-search.sh`
    /// builds a million-segment database in a minute. The copies are complete documents that
    /// ``verify()`` accepts.
    ///
    /// Row ids of copy k are the originals' plus k times the largest original id, so they never
    /// collide; each copy is one transaction.
    ///
    /// - Returns: the number of segments in the database afterwards.
    /// - Complexity: O(copies × rows), plus the full-text index updates.
    public func replicate(copies: Int) throws -> Int {
        let tables = ["documents", "beads", "segments", "findings", "runs"]
        let maxima = try read { db in
            try Dictionary(uniqueKeysWithValues: tables.map { ($0, try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM \($0)") ?? 0) })
        }
        func offset(_ table: String, _ k: Int) -> Int64 { Int64(k) * (maxima[table] ?? 0) }
        for k in 1...max(1, copies) {
            let (d, b, s, f, r) = (offset("documents", k), offset("beads", k), offset("segments", k), offset("findings", k), offset("runs", k))
            try write { db in
                try db.execute(sql: """
                    INSERT INTO documents (id, name, source_language, target_language, source_path, target_path, source_hash,
                        target_hash, settings_hash, source_segments, target_segments, bead_count, created)
                    SELECT id + \(d), name || '#\(k)', source_language, target_language, source_path, target_path, source_hash,
                        target_hash, settings_hash, source_segments, target_segments, bead_count, created
                    FROM documents WHERE id <= \(maxima["documents"] ?? 0);
                    INSERT INTO beads (id, document_id, idx, source_indices, target_indices, kind, score)
                    SELECT id + \(b), document_id + \(d), idx, source_indices, target_indices, kind, score
                    FROM beads WHERE id <= \(maxima["beads"] ?? 0);
                    INSERT INTO segments (id, document_id, side, idx, text, byte_start, byte_end, paragraph, bead_id)
                    SELECT id + \(s), document_id + \(d), side, idx, text, byte_start, byte_end, paragraph, bead_id + \(b)
                    FROM segments WHERE id <= \(maxima["segments"] ?? 0);
                    INSERT INTO findings (id, bead_id, code, severity, category, side, span_start, span_end, message, suggestion)
                    SELECT id + \(f), bead_id + \(b), code, severity, category, side, span_start, span_end, message, suggestion
                    FROM findings WHERE id <= \(maxima["findings"] ?? 0);
                    INSERT INTO runs (id, document_id, signature, finished)
                    SELECT id + \(r), document_id + \(d), signature, finished FROM runs WHERE id <= \(maxima["runs"] ?? 0);
                    """)
            }
        }
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM segments") ?? 0 }
    }
}
