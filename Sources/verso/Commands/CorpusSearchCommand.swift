import ArgumentParser
import Foundation
import VersoCorpus
import VersoStore
import VersoText

extension ConcordanceQuery.Side: ExpressibleByArgument {}

struct CorpusSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Concordance: segments containing words or a phrase, with their aligned counterpart.",
        discussion: """
        Words must all occur (any order); "quoted words" must occur in that order; word* matches a \
        prefix. Case and accents are ignored: coree finds Corée. Hits come in document order.
        text output: document:side:index, the hit in context with matches in [brackets], then the \
        counterpart with the bead's score and finding codes.
        jsonl output: one object a hit (document, side, index, text, matches as scalar offsets, \
        counterpart, score, codes).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The words or \"phrase\" to find (quote a phrase for the shell too: '\"north korea\"').") var query: String
    @Option(help: "Search only this side: source or target.") var side: ConcordanceQuery.Side?
    @Option(help: "Only hits whose bead has a finding with this code.") var code: String?
    @Option(help: "Largest number of hits.") var limit = 20
    @Option(help: "Output format: text, jsonl.") var format: Format = .text

    func run() throws {
        try guarded {
            let store = try database.open(create: false)
            let start = DispatchTime.now().uptimeNanoseconds
            let hits = try store.search(ConcordanceQuery(query, side: side, code: code, limit: max(1, limit)))
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let sink = try OutputFile(path: nil)
            for hit in hits { try sink.write(format == .text ? CorpusSearchCommand.text(hit) : CorpusSearchCommand.json(hit)) }
            try sink.commit()
            let more = hits.count == limit ? " (the first \(limit); --limit for more)" : ""
            Diagnostics.printErr("verso: \(hits.count) hit(s)\(more) in " + String(format: "%.1f ms", milliseconds))
        }
    }

    /// Keyword in context: up to 40 characters before the first match, the matches in brackets,
    /// up to 60 characters after it; then the counterpart.
    static func text(_ hit: ConcordanceHit) -> String {
        let scalars = Array(hit.text.unicodeScalars)
        let first = hit.matches.first ?? 0..<0
        let from = max(0, first.lowerBound - 40), to = min(scalars.count, first.upperBound + 60)
        var context = from > 0 ? "…" : ""
        for (i, scalar) in scalars.enumerated() where i >= from && i < to {
            if hit.matches.contains(where: { $0.lowerBound == i }) { context += "[" }
            context.unicodeScalars.append(scalar == "\n" ? " " : scalar)
            if hit.matches.contains(where: { $0.upperBound == i + 1 }) { context += "]" }
        }
        if to < scalars.count { context += "…" }
        let other = hit.side == "source" ? "target" : "source"
        let codes = hit.codes.isEmpty ? "" : "; " + hit.codes.joined(separator: ", ")
        return "\(hit.document):\(hit.side):\(hit.index)  \(context)\n    \(other): \(hit.counterpart.isEmpty ? "(nothing aligned)" : hit.counterpart)"
            + String(format: "  (score %.2f", hit.score) + codes + ")\n"
    }

    static func json(_ hit: ConcordanceHit) -> String {
        let matches = hit.matches.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",")
        return "{\"document\":\(JSONLWriter.quoted(hit.document)),\"side\":\"\(hit.side)\",\"index\":\(hit.index),\"text\":\(JSONLWriter.quoted(hit.text)),"
            + "\"matches\":[\(matches)],\"counterpart\":\(JSONLWriter.quoted(hit.counterpart)),\"score\":\(hit.score),"
            + "\"codes\":[\(hit.codes.map(JSONLWriter.quoted).joined(separator: ","))]}\n"
    }
}
