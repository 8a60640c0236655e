import VersoText

/// Which words of one side have a counterpart on the other, through the document's lexicon
/// (dictionary, learned links, cognates) and the acronym pairs.
struct Coverage {
    /// For each token of the side, whether it is linked to some token of the other side.
    let covered: [Bool]

    init(of side: SideAnalysis, in other: SideAnalysis, lexicon: CheckLexicon, sourceToTarget: Bool) {
        let otherWords = Set(other.tokens.filter { $0.kind != .punctuation }.map(\.folded))
        // Numbers meet whatever their separators ("15.6" and "15,6", "1,250" and "1 250").
        let otherDigits = Set(other.tokens.filter { $0.kind == .number }.map { Coverage.digits($0.text) })
        covered = side.tokens.map { token in
            guard token.kind != .punctuation else { return true }
            if otherWords.contains(token.folded) { return true }
            if token.kind == .number { return otherDigits.contains(Coverage.digits(token.text)) }
            for o in otherWords {
                if sourceToTarget ? lexicon.isLinked(source: token.folded, target: o) : lexicon.isLinked(source: o, target: token.folded) {
                    return true
                }
            }
            return false
        }
    }

    static func digits(_ s: String) -> String { String(s.unicodeScalars.filter { ("0"..."9").contains($0) }) }

    /// The longest run of consecutive uncovered content words (function words inside a run do
    /// not break it, but do not count), as token indices.
    func longestGap(_ side: SideAnalysis, functionWords: Set<String>) -> (range: Range<Int>, contentWords: Int)? {
        var best: (Range<Int>, Int)?
        var start: Int?, count = 0
        func close(_ end: Int) {
            if let s = start, count > (best?.1 ?? 0) { best = (s..<end, count) }
            start = nil; count = 0
        }
        var lastUncovered = -1
        for (i, t) in side.tokens.enumerated() {
            if t.kind == .punctuation { continue }
            let isFunction = functionWords.contains(t.folded) || t.folded.count <= 2
            if !covered[i] && !isFunction {
                if start == nil { start = i }
                count += 1
                lastUncovered = i
            } else if covered[i] && !isFunction {
                if start != nil { close(lastUncovered + 1) }
            }
        }
        if start != nil { close(lastUncovered + 1) }
        return best.map { ($0.0, $0.1) }
    }
}
