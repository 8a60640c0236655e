/// "Did you mean …?" for a mistyped name: the closest of the known names.
public enum Suggestion {
    /// The known name closest to `typed`: one that starts with it or that it starts with
    /// (`typo` → `typography`), else the one at the smallest edit distance if that is at most a
    /// third of its length. Case is ignored; nil when nothing is close.
    /// - Complexity: O(names × length²).
    public static func closest(to typed: String, in names: [String]) -> String? {
        let word = Array(typed.lowercased().unicodeScalars)
        guard !word.isEmpty else { return nil }
        let lowered = names.map { ($0, Array($0.lowercased().unicodeScalars)) }
        if let prefixed = lowered.filter({ $0.1.starts(with: word) || (word.count >= 3 && word.starts(with: $0.1)) })
            .min(by: { $0.1.count < $1.1.count }) {
            return prefixed.0
        }
        let scored = lowered.map { ($0.0, distance(word, $0.1), $0.1.count) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 * 3 <= max(best.2, word.count) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
