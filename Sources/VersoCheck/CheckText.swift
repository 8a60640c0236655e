import VersoText

/// Small text helpers shared by the checks.
enum CheckText {
    /// Folded words of a sentence, punctuation dropped.
    static func foldedWords(_ text: String) -> [String] {
        Folding.fold(text).split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }.map(String.init)
    }

    /// Whether the token starts with an upper-case letter.
    static func isCapitalized(_ token: Token) -> Bool { token.text.first?.isUppercase ?? false }

    /// Whether all letters are upper case and there are at least two ("UN", "ONU").
    static func isAcronym(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// Byte offsets in `side.text` where each sentence starts.
    static func sentenceStarts(_ side: SideAnalysis) -> Set<Int> {
        var starts = Set<Int>(), offset = 0
        for s in side.sentences { starts.insert(offset); offset += s.utf8.count + 1 }
        return starts
    }

    /// Word tokens that begin a sentence: the first word of each sentence (whatever bullets,
    /// numbers or quotes come before it), and the first word after a sentence end, a colon, an
    /// opening quote or a dash inside one.
    static func sentenceInitialWords(_ side: SideAnalysis) -> Set<Int> {
        let starts = sentenceStarts(side)
        var result = Set<Int>()
        var atStart = false
        for (i, t) in side.tokens.enumerated() {
            if starts.contains(t.byteRange.lowerBound) { atStart = true }
            switch t.kind {
            case .word:
                if atStart { result.insert(i) }
                atStart = false
            case .number:
                continue   // "1. Install…", "Step 2 – Ask…"
            case .punctuation:
                if [".", "!", "?", ":", "—", "«", "\"", "“", "‘", "'", "-", "–", "*", "•", "·", "(", "#", ")"].contains(t.text) { atStart = true }
            }
        }
        return result
    }

    /// A short quotation of text for messages.
    static func quote(_ text: String, limit: Int = 60) -> String {
        let t = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        return "“\(t)”"
    }

    /// Names spelled differently across languages ("Putin" / "Poutine"): character-bigram
    /// Dice coefficient of at least 0.5.
    static func similarNames(_ a: String, _ b: String) -> Bool {
        func bigrams(_ s: String) -> [String] {
            let c = Array(s)
            return c.count < 2 ? [s] : (0..<(c.count - 1)).map { String(c[$0...($0 + 1)]) }
        }
        let x = bigrams(a), y = bigrams(b)
        var pool = y, common = 0
        for g in x { if let k = pool.firstIndex(of: g) { pool.remove(at: k); common += 1 } }
        return Double(2 * common) / Double(x.count + y.count) >= 0.5
    }

    /// A crude stem for comparing renderings across inflections (first five letters).
    static func crudeStem(_ folded: String) -> String { String(folded.prefix(5)) }
}
