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
