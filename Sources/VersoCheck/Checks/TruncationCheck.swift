/// A target sentence cut off part-way: it stops without final punctuation where the source
/// ends with ". ! ? …", it ends with a word that cannot end a sentence ("de", "la", "et", "the",
/// `Data/dangling-words.*.txt`; "Prends-le" is fine), or it ends with "…" the source does not
/// have and is much shorter than expected (under 60 %: a full-length sentence that ends with
/// "…" is style; an English dash "—" for interrupted speech is the French "…"). When the target is
/// also much shorter than the document's length ratio predicts, the message says so; a target
/// under 40 % of the expected length with an open end is reported even when the source has
/// no final punctuation (a heading or list item).
struct TruncationCheck: Check {
    static let info = CheckInfo(
        code: "truncation", category: .accuracy, severity: .major,
        summary: "A target sentence is cut off part-way.",
        example: "“The minister resigned on Friday after the vote.” ⇒ “Le ministre a démissionné vendredi après le”",
        proseOnly: true)

    static let finalMarks: Set<Unicode.Scalar> = [".", "!", "?", "…", ";"]
    /// Closing quotes and brackets, spaces, and emphasis marks ("_", "*") after the last word.
    static let closingMarks: Set<Unicode.Scalar> = ["»", "”", "\"", "’", "'", ")", "]", "_", "*", " ", "\u{00A0}", "\u{202F}"]

    func run(_ document: CheckDocument) -> [Finding] {
        let dangling = document.targetResources.danglingWords
        let sourceDangling = document.sourceResources.danglingWords
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            let tokens = bead.target.tokens
            guard let last = tokens.lastIndex(where: { $0.kind != .punctuation }) else { continue }
            let lastWord = tokens[last]
            let sourceEnd = TruncationCheck.ending(bead.source.text)
            let targetEnd = TruncationCheck.ending(bead.target.text)
            let expected = Double(bead.source.text.count) * document.lengthRatio
            let share = Double(bead.target.text.count) / max(expected, 1)
            let shortNote = share < 0.6 ? " and is \(Int((share * 100).rounded())) % of the expected length" : ""
            let afterHyphen = last > 0 && ["-", "‑"].contains(tokens[last - 1].text)
                && tokens[last - 1].byteRange.upperBound == lastWord.byteRange.lowerBound
            var message: String?
            let sourceLast = bead.source.tokens.last { $0.kind != .punctuation }.map { TruncationCheck.plain($0.text) } ?? ""
            if dangling.contains(TruncationCheck.plain(lastWord.text)) && !afterHyphen && !sourceDangling.contains(sourceLast) {
                message = "the target ends with “\(lastWord.text)”, a word that cannot end a sentence"
            } else if targetEnd == .ellipsis, sourceEnd != .ellipsis, sourceEnd != .dash, share < 0.6 {
                message = "the target trails off with “…” where the source ends with a full stop"
            } else if targetEnd == .open, !TruncationCheck.isSalutation(bead.target.text, sourceEnd: sourceEnd), [.final, .colon, .ellipsis].contains(sourceEnd) || (share < 0.4 && bead.source.words.count >= 8) {
                message = "the target stops without final punctuation after “\(lastWord.text)”"
            }
            guard let message else { continue }
            findings.append(Self.info.finding(bead: bead.index, message + shortNote + ": it looks cut off",
                                              side: .target, span: bead.target.span(of: lastWord).lowerBound..<bead.target.text.unicodeScalars.count,
                                              suggestion: "translate the end of the sentence"))
        }
        return findings
    }

    enum Ending { case final, colon, ellipsis, dash, open }

    /// "Monsieur," for "Sir:": a letter's salutation ends with a comma in French.
    static func isSalutation(_ text: String, sourceEnd: Ending) -> Bool {
        sourceEnd == .colon && text.unicodeScalars.reversed().drop { closingMarks.contains($0) }.first == ","
    }

    /// How a text ends, closing quotes and brackets aside.
    static func ending(_ text: String) -> Ending {
        let scalars = text.unicodeScalars.reversed().drop { closingMarks.contains($0) || $0.properties.isWhitespace }
        guard let last = scalars.first else { return .open }
        if last == "…" || (last == "." && scalars.prefix(3).allSatisfy { $0 == "." } && scalars.count >= 3) {
            // "! ..." and "? ...": an exclamation or question that trails off is complete.
            let before = scalars.drop { $0 == "." || $0 == "…" || $0.properties.isWhitespace }.first
            return before == "!" || before == "?" ? .final : .ellipsis
        }
        if ["—", "–", "-"].contains(last) { return .dash }
        if last == ":" { return .colon }
        return finalMarks.contains(last) ? .final : .open
    }

    /// Lower case with a straight apostrophe, accents kept ("à" is not "a").
    static func plain(_ word: String) -> String { word.lowercased().replacing("’", with: "'") }

}
