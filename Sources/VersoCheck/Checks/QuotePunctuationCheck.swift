import VersoText

/// Quotes and brackets the target leaves open, closes without opening, or closes with the
/// wrong mark (« … ”), and sentence types lost in translation: a question turned into a
/// statement (the source has "?", the target none) or an exclamation dropped (`info` only).
///
/// Double quotes of every style are one family (French « » and “ ”, English " " and “ ”,
/// German „ “), so « » for "…" is correct; parentheses and square brackets are two more.
/// Quotes and brackets are paired over the whole document, so a quote that opens in one bead
/// and closes in a later one is legitimate, as in French dialogue where one « » spans several
/// lines the English quotes one by one; a mark left unpaired is reported unless the source
/// bead has an unpaired mark of the same family too (the source does the same). Straight
/// quotes open or close by the spaces around them. Single quotes are not checked: ’ and '
/// are apostrophes far more often than quotes.
struct QuotePunctuationCheck: Check {
    static let info = CheckInfo(
        code: "quote-punctuation", category: .fluency, severity: .minor,
        summary: "Unbalanced or mismatched quotes or brackets, or a question or exclamation lost.",
        example: "“He asked: \"Why?\"” ⇒ “Il a demandé : « Pourquoi.”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        let sourceMarks = QuotePairing(document.beads.map(\.source))
        let targetMarks = QuotePairing(document.beads.map(\.target))
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            let sourceFamilies = Set(sourceMarks.unpaired[bead.index].map(\.family))
            for mark in targetMarks.unpaired[bead.index] where !sourceFamilies.contains(mark.family) {
                let what = mark.isOpening ? "is opened and never closed" : "is closed but was never opened"
                findings.append(Self.info.finding(bead: bead.index, "“\(mark.character)” \(what) in the target; the source’s \(mark.family.rawValue) are balanced",
                                                  side: .target, span: mark.offset..<(mark.offset + 1)))
            }
            for (open, close) in targetMarks.mismatched[bead.index] {
                findings.append(Self.info.finding(bead: bead.index, "“\(open.character)” is closed by “\(close.character)” in the target",
                                                  side: .target, span: close.offset..<(close.offset + 1),
                                                  suggestion: "close \(open.character) with \(QuotePairing.partner(open.character))"))
            }
            findings += lostSentenceType(bead)
            if LanguageData.baseLanguage(document.targetLanguage) == "fr" { findings += periodInsideIntegratedQuote(bead) }
        }
        return findings
    }

    /// French: a quotation built into the sentence (« opened after a word or a comma, not after a
    /// colon) takes the sentence's final period after the closing guillemet: « … coréenne ». —
    /// the English order “….” copied as « … coréenne. » is wrong.
    private func periodInsideIntegratedQuote(_ bead: AnalyzedBead) -> [Finding] {
        var findings: [Finding] = []
        var offset = 0
        for sentence in bead.target.sentences {
            defer { offset += sentence.unicodeScalars.count + 1 }
            let scalars = Array(sentence.unicodeScalars)
            guard let close = scalars.lastIndex(of: "»"), close == scalars.count - 1 else { continue }
            var k = close - 1
            while k >= 0 && (scalars[k] == " " || scalars[k] == "\u{00A0}" || scalars[k] == "\u{202F}") { k -= 1 }
            guard k >= 0, scalars[k] == ".", let open = scalars[..<k].lastIndex(of: "«"), open > 0 else { continue }
            var p = open - 1
            while p >= 0 && (scalars[p] == " " || scalars[p] == "\u{00A0}" || scalars[p] == "\u{202F}") { p -= 1 }
            guard p >= 0, scalars[p] != ":", scalars[p] != ".", scalars[p] != "!", scalars[p] != "?", scalars[p] != "—" else { continue }
            findings.append(Self.info.finding(
                bead: bead.index, "the quotation is part of the sentence, so its final period goes after the closing guillemet (“ ».” not “. »”)",
                side: .target, span: (offset + k)..<(offset + close + 1), suggestion: "write « … » ."))
        }
        return findings
    }

    /// "?" or "!" in the source and none in the target.
    private func lostSentenceType(_ bead: AnalyzedBead) -> [Finding] {
        let target = bead.target.text
        guard let last = target.unicodeScalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return [] }
        let offset = target.unicodeScalars.distance(from: target.unicodeScalars.startIndex, to: last)
        var findings: [Finding] = []
        // A lost "!" is `info`: translators often soften exclamations, and rightly so.
        for (mark, what, severity) in [("?", "question turned into a statement", Severity.minor), ("!", "exclamation lost", .info)]
        where bead.source.text.contains(mark) && !target.contains(mark) && !(mark == "?" ? target.contains("¿") : false) {
            findings.append(Self.info.finding(bead: bead.index, "\(what): the source has “\(mark)”, the target has none",
                                              side: .target, span: offset..<(offset + 1), severity: severity,
                                              suggestion: "end the sentence with “\(mark)”"))
        }
        return findings
    }
}

/// Pairs quotes and brackets across the beads of one side, in order.
struct QuotePairing {
    enum Family: String { case quotes = "double quotes", parentheses, brackets = "square brackets" }

    struct Mark {
        let character: Character
        let family: Family
        let isOpening: Bool
        /// Unicode scalar offset in the bead's side text.
        let offset: Int
        let bead: Int
    }

    /// Marks left without partner, by bead.
    private(set) var unpaired: [[Mark]]
    /// Openings closed by a mark of another style (« … ”), by bead: (opening, closing).
    private(set) var mismatched: [[(Mark, Mark)]]

    static func partner(_ c: Character) -> Character {
        ["«": "»", "“": "”", "„": "“", "\"": "\"", "(": ")", "[": "]"][c] ?? c
    }

    /// - Complexity: O(n) in the length of the side's text over the document.
    init(_ sides: [SideAnalysis]) {
        unpaired = Array(repeating: [], count: sides.count)
        mismatched = Array(repeating: [], count: sides.count)
        var stacks: [Family: [Mark]] = [:]
        for (bead, side) in sides.enumerated() {
            let scalars = Array(side.text.unicodeScalars)
            for (i, scalar) in scalars.enumerated() {
                guard let mark = QuotePairing.classify(scalars, i, top: { stacks[$0]?.last }, bead: bead) else { continue }
                if mark.isOpening {
                    stacks[mark.family, default: []].append(mark)
                } else if let open = stacks[mark.family]?.popLast() {
                    let c = Character(scalar)
                    if c != QuotePairing.partner(open.character) && !(open.character == "„" && c == "”") {
                        mismatched[bead].append((open, mark))
                    }
                } else {
                    unpaired[bead].append(mark)
                }
            }
        }
        for mark in stacks.values.joined() { unpaired[mark.bead].append(mark) }
    }

    private static func classify(_ s: [Unicode.Scalar], _ i: Int, top: (Family) -> Mark?, bead: Int) -> Mark? {
        let c = Character(s[i])
        func make(_ family: Family, _ opening: Bool) -> Mark { Mark(character: c, family: family, isOpening: opening, offset: i, bead: bead) }
        switch c {
        case "(": return make(.parentheses, true)
        case ")":
            // "1)", "a)" opening a list item are not closing brackets.
            if i <= 2, i == 0 || s[0..<i].allSatisfy({ $0.properties.isAlphabetic || Numbers.isDigit($0) }) { return nil }
            return make(.parentheses, false)
        case "[": return make(.brackets, true)
        case "]": return make(.brackets, false)
        case "«", "„": return make(.quotes, true)
        case "»", "”": return make(.quotes, false)
        case "“": return make(.quotes, top(.quotes)?.character != "„")
        case "\"":
            let before = i == 0 || s[i - 1].properties.isWhitespace || "([«“".unicodeScalars.contains(s[i - 1])
            let after = i + 1 == s.count || s[i + 1].properties.isWhitespace || ".,;:!?)]»".unicodeScalars.contains(s[i + 1])
            if before && !after { return make(.quotes, true) }
            if after && !before { return make(.quotes, false) }
            return make(.quotes, top(.quotes)?.character != "\"")
        default: return nil
        }
    }
}
