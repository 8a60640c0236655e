/// The part of the DP grid the search visits: for each row `i` (source prefix length, 0…n) the
/// columns `lo[i]..<hi[i]` (target prefix lengths), both non-decreasing, stored row after row.
struct Band {
    var lo: [Int32]
    var hi: [Int32]
    /// Index of node (i, lo[i]) in the flat node arrays; `start[n + 1]` is the node count.
    var start: [Int]
    let n: Int
    let m: Int

    var count: Int { start[n + 1] }

    /// The whole grid.
    static func full(n: Int, m: Int) -> Band {
        Band(lo: [Int32](repeating: 0, count: n + 1), hi: [Int32](repeating: Int32(m + 1), count: n + 1), n: n, m: m)
    }

    init(lo: [Int32], hi: [Int32], n: Int, m: Int) {
        self.n = n
        self.m = m
        var lo = lo, hi = hi
        lo[0] = 0
        hi[n] = Int32(m + 1)
        // Monotone, inside the grid, and each row overlapping the next so every bead can chain.
        for i in 0...n {
            lo[i] = max(0, min(lo[i], Int32(m)))
            hi[i] = max(lo[i] + 1, min(hi[i], Int32(m + 1)))
        }
        for i in stride(from: n - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) }
        for i in 1...max(n, 1) where i <= n { hi[i] = max(hi[i], hi[i - 1]) }
        for i in 1...max(n, 1) where i <= n && lo[i] > hi[i - 1] - 1 { lo[i] = hi[i - 1] - 1 }
        self.lo = lo
        self.hi = hi
        start = [Int](repeating: 0, count: n + 2)
        for i in 0...n { start[i + 1] = start[i] + Int(hi[i] - lo[i]) }
    }

    @inline(__always) func contains(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && i <= n && j >= Int(lo[i]) && j < Int(hi[i])
    }

    @inline(__always) func index(_ i: Int, _ j: Int) -> Int { start[i] + j - Int(lo[i]) }

    /// The band seen with rows and columns swapped: for each column j, the rows whose interval
    /// holds j.
    func transposed() -> Band {
        var tlo = [Int32](repeating: 0, count: m + 1), thi = [Int32](repeating: 0, count: m + 1)
        var first = 0, last = 0
        for j in 0...m {
            while first < n && Int(hi[first]) <= j { first += 1 }
            while last < n && Int(lo[last + 1]) <= j { last += 1 }
            tlo[j] = Int32(first)
            thi[j] = Int32(max(last + 1, first + 1))
        }
        return Band(lo: tlo, hi: thi, n: m, m: n)
    }

    /// A band of half-width `width[i]` around a guide that visits columns
    /// `guideLow[i]…guideHigh[i]` at row i.
    static func around(guideLow: [Int], guideHigh: [Int], width: [Int], n: Int, m: Int) -> Band {
        var lo = [Int32](repeating: 0, count: n + 1), hi = [Int32](repeating: 0, count: n + 1)
        for i in 0...n {
            let a = max(0, i - 1), b = min(n, i + 1)
            var low = guideLow[i], high = guideHigh[i]
            for k in a...b { low = min(low, guideLow[k]); high = max(high, guideHigh[k]) }
            lo[i] = Int32(max(0, low - width[i]))
            hi[i] = Int32(min(m + 1, high + width[i] + 1))
        }
        return Band(lo: lo, hi: hi, n: n, m: m)
    }
}

/// Confident sentence pairs found without a DP: pairs of sentences that share links between
/// rare tokens (in at most two sentences of each side), kept when they form the heaviest
/// monotone chain.
enum Anchors {
    /// The chain of anchor pairs (source sentence, target sentence), both increasing.
    /// - Complexity: O(tokens + K log K) for K candidate pairs.
    static func find(source: SideFeatures, target: SideFeatures, links: DocumentLinks) -> [(Int, Int)] {
        let sPost = postings(tokenStart: source.tokenStart, tokens: links.sourceTokens, types: links.sourceTypes.count)
        let tPost = postings(tokenStart: target.tokenStart, tokens: links.targetTokens, types: links.targetTypes.count)
        var weight: [Int64: Int32] = [:]
        let m = Int64(target.count)
        for s in 0..<links.sourceTypes.count where sPost[2 * s] >= 0 && sPost[2 * s + 1] != -2 {
            let lo = Int(links.sourceToTarget.start[s]), hi = Int(links.sourceToTarget.start[s + 1])
            guard hi - lo <= 3 else { continue }
            for t in links.sourceToTarget.items[lo..<hi] where tPost[2 * Int(t)] >= 0 && tPost[2 * Int(t) + 1] != -2 {
                for a in [sPost[2 * s], sPost[2 * s + 1]] where a >= 0 {
                    for b in [tPost[2 * Int(t)], tPost[2 * Int(t) + 1]] where b >= 0 {
                        weight[Int64(a) * m + Int64(b), default: 0] += 1
                    }
                }
            }
        }
        var candidates = weight.map { (i: Int($0.key / m), j: Int($0.key % m), w: Int($0.value)) }
        // Heaviest chain strictly increasing in both coordinates (Fenwick tree of maxima over j).
        candidates.sort { $0.i != $1.i ? $0.i < $1.i : $0.j > $1.j }
        let size = target.count + 1
        var tree = [(Int, Int)](repeating: (0, -1), count: size + 1)
        var best = [Int](repeating: 0, count: candidates.count), back = [Int](repeating: -1, count: candidates.count)
        for (k, c) in candidates.enumerated() {
            var q = c.j, found = (0, -1)
            while q > 0 { if tree[q].0 > found.0 { found = tree[q] }; q -= q & -q }
            best[k] = found.0 + c.w
            back[k] = found.1
            var u = c.j + 1
            while u <= size { if best[k] > tree[u].0 { tree[u] = (best[k], k) }; u += u & -u }
        }
        guard var k = best.indices.max(by: { best[$0] < best[$1] }) else { return [] }
        var chain: [(Int, Int)] = []
        while k >= 0 { chain.append((candidates[k].i, candidates[k].j)); k = back[k] }
        return chain.reversed()
    }

    /// For each type, the first two sentences it occurs in (-1 if none), and -2 as the second
    /// when it occurs in three or more.
    private static func postings(tokenStart: [Int32], tokens: [Int32], types: Int) -> [Int32] {
        var out = [Int32](repeating: -1, count: 2 * types)
        for sentence in 0..<(tokenStart.count - 1) {
            for k in Int(tokenStart[sentence])..<Int(tokenStart[sentence + 1]) {
                let t = Int(tokens[k])
                let s = Int32(sentence)
                if out[2 * t] < 0 { out[2 * t] = s }
                else if out[2 * t] != s && out[2 * t + 1] == -1 { out[2 * t + 1] = s }
                else if out[2 * t] != s && out[2 * t + 1] != s { out[2 * t + 1] = -2 }
            }
        }
        return out
    }

    /// Guide columns per row: straight lines between consecutive anchors (and the corners).
    static func guide(_ chain: [(Int, Int)], n: Int, m: Int) -> (column: [Int], gap: [Int]) {
        var points = [(0, 0)]
        for (i, j) in chain { points.append((i, j)); points.append((i + 1, j + 1)) }
        points.append((n, m))
        var column = [Int](repeating: 0, count: n + 1), gap = [Int](repeating: 0, count: n + 1)
        for k in 1..<points.count {
            let (i0, j0) = points[k - 1], (i1, j1) = points[k]
            guard i1 >= i0 else { continue }
            let span = max(i1 - i0, j1 - j0)
            for i in i0...i1 {
                column[i] = i1 == i0 ? j1 : j0 + (j1 - j0) * (i - i0) / (i1 - i0)
                gap[i] = max(gap[i], span)
            }
        }
        return (column, gap)
    }
}
