import VersoText

/// Scores alignments against gold exactly as vecalign's `score.py` does (Thompson & Koehn 2019,
/// after Véronis & Langlais 2000): strict and lax precision, recall and F1, counts summed over
/// documents before the ratios are taken.
public enum Evaluation {
    /// A bead as two index lists, in the order written (order matters for strict matches).
    public struct Link: Hashable, Sendable {
        public var source: [Int]
        public var target: [Int]
        public init(source: [Int], target: [Int]) { self.source = source; self.target = target }
    }

    /// Precision and recall counts and the scores they give.
    public struct Score: Sendable, Equatable {
        /// Precision counts: strict TP/FP, lax TP/FP over test beads.
        public var precision = (strictTP: 0, strictFP: 0, laxTP: 0, laxFP: 0)
        /// Recall counts: the same with gold and test swapped, beads with an empty side removed.
        public var recall = (strictTP: 0, strictFP: 0, laxTP: 0, laxFP: 0)

        public static func == (a: Score, b: Score) -> Bool {
            a.precision == b.precision && a.recall == b.recall
        }

        private static func ratio(_ tp: Int, _ fp: Int) -> Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        private static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

        public var strictPrecision: Double { Score.ratio(precision.strictTP, precision.strictFP) }
        public var strictRecall: Double { Score.ratio(recall.strictTP, recall.strictFP) }
        public var strictF1: Double { Score.f1(strictPrecision, strictRecall) }
        public var laxPrecision: Double { Score.ratio(precision.laxTP, precision.laxFP) }
        public var laxRecall: Double { Score.ratio(recall.laxTP, recall.laxFP) }
        public var laxF1: Double { Score.f1(laxPrecision, laxRecall) }

        static func + (a: Score, b: Score) -> Score {
            var s = a
            s.precision.strictTP += b.precision.strictTP; s.precision.strictFP += b.precision.strictFP
            s.precision.laxTP += b.precision.laxTP; s.precision.laxFP += b.precision.laxFP
            s.recall.strictTP += b.recall.strictTP; s.recall.strictFP += b.recall.strictFP
            s.recall.laxTP += b.recall.laxTP; s.recall.laxFP += b.recall.laxFP
            return s
        }
    }

    /// Reads vecalign's format: one bead a line, `[0, 1]:[2]`, optionally followed by `:score`.
    /// Blank lines are skipped.
    /// - Throws: ``VersoError`` with the line number for a malformed line.
    public static func parse(_ text: String, name: String) throws -> [Link] {
        var out: [Link] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let bad = VersoError(.badInput, "expected a bead such as [0, 1]:[2] or [0]:[]:0.93, found \"\(line.prefix(60))\"",
                                 file: name, line: k + 1, fix: "write one bead a line in vecalign's format")
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3 else { throw bad }
            if parts.count == 3 && Double(parts[2].trimmingCharacters(in: .whitespaces)) == nil { throw bad }
            func list(_ s: Substring) throws -> [Int] {
                let t = s.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("["), t.hasSuffix("]") else { throw bad }
                let inner = t.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if inner.isEmpty { return [] }
                return try inner.split(separator: ",").map {
                    guard let v = Int($0.trimmingCharacters(in: .whitespaces)), v >= 0 else { throw bad }
                    return v
                }
            }
            out.append(Link(source: try list(parts[0]), target: try list(parts[1])))
        }
        return out
    }

    /// The links of an alignment.
    public static func links(_ beads: [Bead]) -> [Link] { beads.map { Link(source: $0.source, target: $0.target) } }

    /// Scores one or more documents; `gold[k]` and `test[k]` belong to the same document.
    /// - Complexity: O(total beads · bead size).
    public static func score(gold: [[Link]], test: [[Link]]) -> Score {
        var total = Score()
        for (g, t) in zip(gold, test) {
            var s = Score()
            s.precision = counts(gold: g, test: t)
            let goldFull = g.filter { !$0.source.isEmpty && !$0.target.isEmpty }
            let testFull = t.filter { !$0.source.isEmpty && !$0.target.isEmpty }
            s.recall = counts(gold: testFull, test: goldFull)
            total = total + s
        }
        return total
    }

    /// Strict and lax true/false positives of `test` beads against `gold` (both as sets, 0-0
    /// beads dropped). A bead is a lax hit when its targets meet the gold targets of its sources.
    private static func counts(gold: [Link], test: [Link]) -> (strictTP: Int, strictFP: Int, laxTP: Int, laxFP: Int) {
        let goldSet = Set(gold.filter { !$0.source.isEmpty || !$0.target.isEmpty })
        let testSet = Set(test.filter { !$0.source.isEmpty || !$0.target.isEmpty })
        var reachable: [Int: Set<Int>] = [:]
        for link in goldSet { for s in link.source { reachable[s, default: []].formUnion(link.target) } }
        var c = (strictTP: 0, strictFP: 0, laxTP: 0, laxFP: 0)
        for link in testSet {
            if goldSet.contains(link) { c.strictTP += 1; c.laxTP += 1; continue }
            c.strictFP += 1
            let lax = link.source.contains { s in link.target.contains { reachable[s]?.contains($0) ?? false } }
            if lax { c.laxTP += 1 } else { c.laxFP += 1 }
        }
        return c
    }
}
