/// A phrase or word said twice where the source says it once: a word doubled ("le le"), or a
/// word pair repeated in one bead ("a déclaré le porte-parole … a déclaré dans un communiqué")
/// when no source word is repeated as often.
struct DuplicationCheck: Check {
    static let info = CheckInfo(
        code: "duplication", category: .fluency, severity: .major,
        summary: "A word or phrase repeated in the translation but not in the source.",
        example: "“… said in a statement.” ⇒ “a déclaré le porte-parole … a déclaré dans un communiqué.”")

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let functionWords = document.targetResources.functionWords
        for bead in document.beads where !bead.bead.target.isEmpty && !bead.bead.source.isEmpty {
            let words = bead.target.words
            let sourceCounts = Dictionary(bead.source.words.map { ($0.folded, 1) }, uniquingKeysWith: +)
            let maxSourceRepeat = sourceCounts.filter { $0.key.count >= 3 && !document.sourceResources.functionWords.contains($0.key) }.values.max() ?? 1
            // A word doubled next to itself.
            for i in 1..<max(words.count, 1) where words[i].folded == words[i - 1].folded && words[i].folded.count >= 2
                && (sourceCounts[words[i].folded] ?? 0) < 2 && !bead.source.text.lowercased().contains("\(words[i].text.lowercased()) \(words[i].text.lowercased())")
                && !["vous", "nous", "tres", "si", "plus"].contains(words[i].folded) {
                findings.append(Self.info.finding(bead: bead.index, "“\(words[i].text)” is written twice in a row",
                                                  side: .target, span: bead.target.span(of: words[i - 1]).lowerBound..<bead.target.span(of: words[i]).upperBound,
                                                  suggestion: "delete one"))
            }
            // A word pair with a content word, repeated more often than any source word.
            var seen: [String: Int] = [:]
            for i in 1..<max(words.count, 1) {
                let a = words[i - 1].folded, b = words[i].folded
                guard !(functionWords.contains(a) && functionWords.contains(b)), max(a.count, b.count) >= 5 else { continue }
                let key = a + " " + b
                if let first = seen[key] {
                    guard maxSourceRepeat < 2 else { break }
                    let phrase = "\(words[i - 1].text) \(words[i].text)"
                    findings.append(Self.info.finding(
                        bead: bead.index, "“\(phrase)” is said twice, the source says it once",
                        side: .target, span: bead.target.span(of: words[i - 1]).lowerBound..<bead.target.span(of: words[i]).upperBound,
                        suggestion: "remove the second “\(phrase)” (first at character \(first))"))
                    break
                }
                seen[key] = bead.target.span(of: words[i - 1]).lowerBound
            }
        }
        return findings
    }
}
