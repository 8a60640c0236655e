import GRDB
import VersoText

/// One search hit: a segment with the query's matches marked, and its aligned counterpart.
public struct ConcordanceHit: Sendable, Equatable {
    public var document: String
    /// `source` or `target`: the side the hit is on.
    public var side: String
    /// The segment's index on its side.
    public var index: Int
    /// The segment's text.
    public var text: String
    /// Where the query matched, as ranges of `text`'s unicode scalar offsets.
    public var matches: [Range<Int>]
    /// The other side's sentences of the hit's bead, joined with a space (empty for a 1-0 or
    /// 0-1 bead).
    public var counterpart: String
    /// The bead's score and the codes of its findings.
    public var score: Double
    public var codes: [String]
}

/// A concordance query: what the user typed, turned into an FTS5 expression.
public struct ConcordanceQuery: Sendable, Equatable {
    public enum Side: String, Sendable, CaseIterable { case source, target }

    /// The FTS5 MATCH expression.
    public let expression: String
    public var side: Side?
    /// Only hits whose bead has a finding with this code.
    public var code: String?
    public var limit: Int

    /// Parses a query: words (all must occur, in any order), `"quoted phrases"` (words in that
    /// order), and `word*` for a prefix. Matching ignores case and accents ("coree" finds
    /// "Corée") because the index folds both; punctuation in a word splits it like the index
    /// does (`l'homme` is the phrase `l homme`).
    ///
    /// - Throws: `VersoError` (.usage) for a query with no word or an unclosed quote.
    public init(_ text: String, side: Side? = nil, code: String? = nil, limit: Int = 20) throws {
        var terms: [String] = []
        var rest = Substring(text)
        func quoted(_ s: Substring) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        while let first = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[first...]
            if rest.first == "\"" {
                guard let close = rest.dropFirst().firstIndex(of: "\"") else {
                    throw VersoError(.usage, "the query \(text) opens a quote it does not close", fix: "close the phrase with \"")
                }
                let phrase = rest[rest.index(after: rest.startIndex)..<close]
                if phrase.contains(where: { $0.isLetter || $0.isNumber }) { terms.append(quoted(phrase)) }
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? rest.endIndex
                var word = rest[..<end]
                let prefix = word.hasSuffix("*")
                if prefix { word = word.dropLast() }
                if word.contains(where: { $0.isLetter || $0.isNumber }) { terms.append(quoted(word) + (prefix ? "*" : "")) }
                rest = rest[end...]
            }
        }
        guard !terms.isEmpty else {
            throw VersoError(.usage, "the query \"\(text)\" has no word to look for", fix: "give a word or a \"quoted phrase\"")
        }
        expression = terms.joined(separator: " ")
        self.side = side
        self.code = code
        self.limit = limit
    }
}

extension CorpusStore {
    /// Finds segments matching a query, in document order, each with its aligned counterpart.
    ///
    /// - Complexity: the full-text index finds the matching segments without scanning the
    ///   table; hits are read in index order and the search stops after `limit` of them (a side
    ///   or code filter may read more index entries before it has `limit`).
    public func search(_ query: ConcordanceQuery) throws -> [ConcordanceHit] {
        var conditions = ["\(Schema.fullText) MATCH ?"]
        var arguments: [DatabaseValueConvertible] = [query.expression]
        if let side = query.side {
            conditions.append("s.side = ?")
            arguments.append(side.rawValue)
        }
        if let code = query.code {
            conditions.append("EXISTS (SELECT 1 FROM findings f WHERE f.bead_id = s.bead_id AND f.code = ?)")
            arguments.append(code)
        }
        arguments.append(query.limit)
        let open: Character = "\u{1}", close: Character = "\u{2}"
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.name, s.side, s.idx, s.bead_id, highlight(\(Schema.fullText), 0, '\(open)', '\(close)') AS marked
                FROM \(Schema.fullText) JOIN segments s ON s.id = \(Schema.fullText).rowid JOIN documents d ON d.id = s.document_id
                WHERE \(conditions.joined(separator: " AND "))
                LIMIT ?
                """, arguments: StatementArguments(arguments))
            return try rows.map { row in
                let side: String = row["side"], bead: Int64? = row["bead_id"]
                let (text, matches) = CorpusStore.unmark(row["marked"], open: open, close: close)
                let counterpart = try String.fetchAll(db, sql: "SELECT text FROM segments WHERE bead_id = ? AND side != ? ORDER BY idx",
                                                      arguments: [bead, side]).joined(separator: " ")
                let score = try Double.fetchOne(db, sql: "SELECT score FROM beads WHERE id = ?", arguments: [bead]) ?? 0
                let codes = try String.fetchAll(db, sql: "SELECT DISTINCT code FROM findings WHERE bead_id = ? ORDER BY code", arguments: [bead])
                return ConcordanceHit(document: row["name"], side: side, index: row["idx"], text: text, matches: matches,
                                      counterpart: counterpart, score: score, codes: codes)
            }
        }
    }

    /// Removes the highlight markers, returning the plain text and the marked ranges (scalar offsets).
    static func unmark(_ marked: String, open: Character, close: Character) -> (String, [Range<Int>]) {
        var text = String.UnicodeScalarView(), matches: [Range<Int>] = [], start = 0, count = 0
        for scalar in marked.unicodeScalars {
            if Character(scalar) == open { start = count } else if Character(scalar) == close {
                matches.append(start..<count)
            } else {
                text.append(scalar)
                count += 1
            }
        }
        return (String(text), matches)
    }
}
