/// Anchor points for long inputs: sentence pairs that share a linked pair of token types which
/// occur equally often on both sides (the k-th occurrence on one side is paired with the k-th on
/// the other), filtered to the longest monotone chain. They cut the grid into short stretches,
/// so the band around them can be narrow where the anchors are dense.
enum Anchors {
    /// Types occurring more often than this share of the sentences are not used (their equal
    /// counts are coincidences and their occurrences many).
    static let maximumShare = 0.02

    /// The monotone chain of anchor sentence pairs (i, j), increasing in both.
    /// - Complexity: O(types · links per type + P log P) for P candidate pairs.
    static func chain(_ problem: AlignProblem) -> [(i: Int, j: Int)] {
        let links = problem.links
        let limit = max(2, Int(Double(min(problem.n, problem.m)) * maximumShare))
        let sourceCount = counts(links.sourceTokens, types: links.sourceTypes.count)
        let targetCount = counts(links.targetTokens, types: links.targetTypes.count)
        // Mutually unique partners of equal count.
        func partner(_ x: Int, _ csr: CSR, _ own: [Int32], _ other: [Int32]) -> Int? {
            let c = own[x]
            guard c > 0 && Int(c) <= limit else { return nil }
            var found: Int?
            for l in Int(csr.start[x])..<Int(csr.start[x + 1]) where other[Int(csr.items[l])] == c {
                if found != nil { return nil }
                found = Int(csr.items[l])
            }
            return found
        }
        var pairs: [(Int, Int)] = []
        for s in 0..<links.sourceTypes.count {
            if let t = partner(s, links.sourceToTarget, sourceCount, targetCount),
               partner(t, links.targetToSource, targetCount, sourceCount) == s { pairs.append((s, t)) }
        }
        guard !pairs.isEmpty else { return [] }
        let sourceOccurrences = occurrences(links.sourceTokens, starts: problem.source.tokenStart, of: pairs.map(\.0), types: links.sourceTypes.count)
        let targetOccurrences = occurrences(links.targetTokens, starts: problem.target.tokenStart, of: pairs.map(\.1), types: links.targetTypes.count)
        var points: [Int64] = []
        for (s, t) in pairs {
            for (i, j) in zip(sourceOccurrences[s], targetOccurrences[t]) { points.append(Int64(i) << 32 | Int64(j)) }
        }
        // Longest chain strictly increasing in i and j: sort by i, then j descending, and take
        // the longest strictly increasing subsequence of j.
        points.sort { ($0 >> 32, $1 & 0xFFFF_FFFF) < ($1 >> 32, $0 & 0xFFFF_FFFF) }
        var tails: [Int] = [], tailIndex: [Int] = []
        var previous = [Int](repeating: -1, count: points.count)
        for (p, point) in points.enumerated() {
            let j = Int(point & 0xFFFF_FFFF)
            var a = 0, b = tails.count
            while a < b { let mid = (a + b) / 2; if tails[mid] < j { a = mid + 1 } else { b = mid } }
            if a > 0 { previous[p] = tailIndex[a - 1] }
            if a == tails.count { tails.append(j); tailIndex.append(p) } else { tails[a] = j; tailIndex[a] = p }
        }
        var out: [(i: Int, j: Int)] = []
        var p = tailIndex.last ?? -1
        while p >= 0 { out.append((Int(points[p] >> 32), Int(points[p] & 0xFFFF_FFFF))); p = previous[p] }
        return out.reversed()
    }

    /// A band through the anchors: between two anchors, a line from one to the other with a
    /// half-width of `width` plus the difference of the stretch's lengths, inside the rectangle
    /// the anchors span (with room for one bead on each side).
    static func band(_ chain: [(i: Int, j: Int)], n: Int, m: Int, width: Int, slack: Int) -> Band {
        var lo = [Int32](repeating: 0, count: n + 1), hi = [Int32](repeating: Int32(m + 1), count: n + 1)
        let points = [(i: -1, j: -1)] + chain + [(i: n, j: m)]
        for k in 1..<points.count {
            let (ia, ja) = points[k - 1], (ib, jb) = points[k]
            let rows = ib - ia, columns = jb - ja
            let w = width + abs(rows - columns)
            for r in (ia + 1)...min(ib, n) {
                let line = ja + 1 + (rows > 1 ? (r - ia - 1) * (columns - 1) / (rows - 1) : 0)
                lo[r] = Int32(max(ja + 1 - slack, line - w, 0))
                hi[r] = Int32(min(jb + slack + 1, line + w + 1, m + 1))
            }
        }
        return Band(lo: lo, hi: hi, n: n, m: m)
    }

    private static func counts(_ tokens: [Int32], types: Int) -> [Int32] {
        var out = [Int32](repeating: 0, count: types)
        for t in tokens { out[Int(t)] += 1 }
        return out
    }

    /// The sentence of each occurrence of the types `wanted` (empty for the others).
    private static func occurrences(_ tokens: [Int32], starts: [Int32], of wanted: [Int], types: Int) -> [[Int32]] {
        var keep = [Bool](repeating: false, count: types)
        for t in wanted { keep[t] = true }
        var out = [[Int32]](repeating: [], count: types)
        for k in 0..<(starts.count - 1) {
            for t in tokens[Int(starts[k])..<Int(starts[k + 1])] where keep[Int(t)] { out[Int(t)].append(Int32(k)) }
        }
        return out
    }
}
