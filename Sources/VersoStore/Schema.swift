import GRDB

/// The corpus database's tables, created and upgraded by GRDB's migrator.
///
/// `SCHEMA.md` beside this file documents every table and column. A migration, once shipped,
/// is never edited: a change to the schema is a new migration appended to ``migrator``.
enum Schema {
    /// The name of the FTS5 table over `segments.text`.
    static let fullText = "segments_fts"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    source_language TEXT NOT NULL,
                    target_language TEXT NOT NULL,
                    source_path TEXT NOT NULL,
                    target_path TEXT NOT NULL,
                    source_hash TEXT NOT NULL,
                    target_hash TEXT NOT NULL,
                    settings_hash TEXT NOT NULL,
                    source_segments INTEGER NOT NULL,
                    target_segments INTEGER NOT NULL,
                    bead_count INTEGER NOT NULL,
                    created TEXT NOT NULL
                );
                CREATE TABLE beads (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    source_indices TEXT NOT NULL,
                    target_indices TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    score REAL NOT NULL,
                    UNIQUE (document_id, idx)
                );
                CREATE TABLE segments (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    side TEXT NOT NULL CHECK (side IN ('source', 'target')),
                    idx INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    byte_start INTEGER NOT NULL,
                    byte_end INTEGER NOT NULL,
                    paragraph INTEGER NOT NULL,
                    bead_id INTEGER REFERENCES beads(id) ON DELETE CASCADE,
                    UNIQUE (document_id, side, idx)
                );
                CREATE INDEX segments_bead ON segments(bead_id);
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY,
                    bead_id INTEGER NOT NULL REFERENCES beads(id) ON DELETE CASCADE,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    category TEXT NOT NULL,
                    side TEXT NOT NULL,
                    span_start INTEGER,
                    span_end INTEGER,
                    message TEXT NOT NULL,
                    suggestion TEXT
                );
                CREATE INDEX findings_bead ON findings(bead_id);
                CREATE INDEX findings_code ON findings(code, bead_id);
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
                    signature TEXT NOT NULL,
                    finished TEXT NOT NULL
                );
                CREATE VIRTUAL TABLE \(fullText) USING fts5(
                    text, content = 'segments', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
                    INSERT INTO \(fullText)(rowid, text) VALUES (new.id, new.text);
                END;
                CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
                    INSERT INTO \(fullText)(\(fullText), rowid, text) VALUES ('delete', old.id, old.text);
                END;
                """)
        }
        return migrator
    }
}
