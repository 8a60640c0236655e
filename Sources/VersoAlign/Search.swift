import VersoText
import Foundation

/// The weights of the bead cost (see ``AlignerOptions`` for their meaning and defaults).
public struct CostWeights: Sendable, Equatable, Codable {
    /// Weight of the Gale–Church length cost.
    public var length = 0.75
    /// Variance per character of the length difference (Gale–Church's s²).
    public var variance = 6.8
    /// Weight of the lexical dissimilarity, per sentence of the bead: `w · (1 − sim) · (a + b) / 2`.
    public var similarity = 10.0
    /// Similarity assumed for a bead without any token.
    public var emptySimilarity = 0.3
    /// Cost of a 1-0 or 0-1 bead, and of one that continues a run of the same kind.
    public var nullOpen = 9.0
    public var nullExtend = 6.0
    /// Cost of each paragraph boundary inside a bead (raw text only).
    public var paragraph = 1.0
    /// Cost of each block boundary inside a bead when both documents were read by their
    /// structure (instead of ``paragraph``: the blocks are the author's, not guessed).
    public var blockBoundary = 3.0
    /// Cost of a bead pairing different block kinds (a heading with a paragraph, a list item
    /// with a table cell), when both documents were read by their structure.
    public var structureMismatch = 2.5
    /// Prior cost of 1-2/2-1, 2-2 and 1-3/3-1 beads; larger beads cost `large + 2 · (a + b − 4)`.
    public var oneTwo = 3.0
    public var twoTwo = 6.0
    public var large = 4.0
    /// Confidence = 1 / (1 + exp(−(margin − confidenceCenter) / confidenceScale)), where margin
    /// is the extra cost of the best alignment that does not use the bead. Fitted (logistic
    /// regression on strict correctness) on Text+Berg dev and TheLastOfTheMohicans.
    public var confidenceCenter = 0.5
    public var confidenceScale = 1.5

    public init() {}

    func prior(_ a: Int, _ b: Int) -> Double {
        switch (a, b) {
        case (1, 1): return 0
        case (1, 2), (2, 1): return oneTwo
        case (2, 2): return twoTwo
        case (1, 3), (3, 1): return large
        default: return large + 2 * Double(a + b - 4)
        }
    }
}

/// One document pair ready for the DP.
struct AlignProblem {
    let source: SideFeatures
    let target: SideFeatures
    let links: DocumentLinks
    let weights: CostWeights
    /// Non-null bead shapes (a, b).
    let shapes: [(a: Int, b: Int)]
    let useParagraphs: Bool
    /// Both sides carry block kinds (``Structure``).
    var useStructure: Bool { !source.structure.isEmpty && !target.structure.isEmpty }
    var n: Int { source.count }
    var m: Int { target.count }
}

/// A path bead found by the DP.
struct PathBead {
    var i0: Int, j0: Int, a: Int, b: Int
    /// The bead's own cost.
    var cost: Double
    /// Extra cost of the best alignment not using this bead (≥ 0).
    var margin: Double
}

/// The banded dynamic program: bead costs from length and token coverage, a three-state
/// minimum-cost search (last bead non-null, 1-0, 0-1, for cheaper runs of null beads), a
/// backward pass, and the margin of each chosen bead.
struct BandSearch {
    let problem: AlignProblem
    let band: Band

    /// Result of one search.
    struct Result {
        var beads: [PathBead]
        /// Columns visited per row (low, high), for the next band.
        var low: [Int]
        var high: [Int]
        /// Rows where the path comes within 2 of a band edge that is not the grid's edge.
        var touched: [Int]
        var total: Double
    }

    /// - Parameter margins: compute each bead's margin (skipped on coarse levels).
    /// - Complexity: O(nodes · (tokens per sentence · links per token + bead shapes)).
    func run(margins: Bool = true) -> Result {
        let n = problem.n, m = problem.m
        let nb = problem.shapes.count
        let costs = beadCosts()
        let count = band.count
        let inf = Double.infinity
        let w = problem.weights
        var forward = [Double](repeating: inf, count: count * 3)
        var back = [UInt8](repeating: 255, count: count * 3)
        let shapes = problem.shapes
        forward.withUnsafeMutableBufferPointer { F in
            back.withUnsafeMutableBufferPointer { bp in
                for i in 0...n {
                    let lo = Int(band.lo[i]), hi = Int(band.hi[i])
                    for j in lo..<hi {
                        let node = band.index(i, j)
                        if i == 0 && j == 0 { F[0] = 0; continue }
                        var best = inf, arg: UInt8 = 255
                        for k in 0..<nb {
                            let (a, b) = shapes[k]
                            guard i >= a && j >= b && band.contains(i - a, j - b) else { continue }
                            let c = Double(costs[node * nb + k])
                            guard c < inf else { continue }
                            let p = band.index(i - a, j - b) * 3
                            for s in 0..<3 where F[p + s] + c < best { best = F[p + s] + c; arg = UInt8(k) | UInt8(s) << 6 }
                        }
                        F[node * 3] = best; bp[node * 3] = arg
                        if i >= 1 && band.contains(i - 1, j) {
                            let p = band.index(i - 1, j) * 3
                            var v = F[p] + w.nullOpen, s: UInt8 = 0
                            if F[p + 2] + w.nullOpen < v { v = F[p + 2] + w.nullOpen; s = 2 }
                            if F[p + 1] + w.nullExtend < v { v = F[p + 1] + w.nullExtend; s = 1 }
                            F[node * 3 + 1] = v; bp[node * 3 + 1] = UInt8(nb) | s << 6
                        }
                        if j >= 1 && j - 1 >= lo {
                            let p = (node - 1) * 3
                            var v = F[p] + w.nullOpen, s: UInt8 = 0
                            if F[p + 1] + w.nullOpen < v { v = F[p + 1] + w.nullOpen; s = 1 }
                            if F[p + 2] + w.nullExtend < v { v = F[p + 2] + w.nullExtend; s = 2 }
                            F[node * 3 + 2] = v; bp[node * 3 + 2] = UInt8(nb + 1) | s << 6
                        }
                    }
                }
            }
        }
        let backward = margins ? backwardPass(costs: costs) : []
        // Backtrace.
        let end = band.index(n, m)
        var state = (0..<3).min { forward[end * 3 + $0] < forward[end * 3 + $1] }!
        let total = forward[end * 3 + state]
        var i = n, j = m
        var beads: [PathBead] = []
        while i > 0 || j > 0 {
            let node = band.index(i, j)
            let code = back[node * 3 + state]
            let k = Int(code & 63), previous = Int(code >> 6)
            let (a, b) = k < nb ? shapes[k] : (k == nb ? (1, 0) : (0, 1))
            let cost = k < nb ? Double(costs[node * nb + k]) : (previous == state ? w.nullExtend : w.nullOpen)
            beads.append(PathBead(i0: i - a, j0: j - b, a: a, b: b, cost: cost, margin: 0))
            i -= a; j -= b
            state = previous
        }
        beads.reverse()
        let (low, high) = BandSearch.columns(of: beads, n: n, m: m)
        var touched: [Int] = []
        for r in 0...n {
            let lo = Int(band.lo[r]), hi = Int(band.hi[r])
            if (lo > 0 && low[r] <= lo + 1) || (hi <= m && high[r] >= hi - 2) { touched.append(r) }
        }
        let transposed = band.transposed()
        for k in beads.indices where margins {
            let alternative = bestAlternative(beads[k], forward: forward, backward: backward, costs: costs, transposed: transposed)
            beads[k].margin = max(0, alternative - total)
        }
        return Result(beads: beads, low: low, high: high, touched: touched, total: total)
    }

    /// The columns a path visits at each row (low, high); rows a bead jumps over lie between
    /// the previous row's high and the next row's low.
    static func columns(of beads: [PathBead], n: Int, m: Int) -> (low: [Int], high: [Int]) {
        var low = [Int](repeating: Int.max, count: n + 1), high = [Int](repeating: 0, count: n + 1)
        low[0] = 0
        for b in beads {
            let i = b.i0 + b.a, j = b.j0 + b.b
            low[i] = min(low[i], j); high[i] = max(high[i], j)
        }
        let visited = low.map { $0 != Int.max }
        var last = 0
        for r in 0...n { if visited[r] { last = high[r] } else { low[r] = last } }
        var next = m
        for r in stride(from: n, through: 0, by: -1) { if visited[r] { next = low[r] } else { high[r] = next } }
        return (low, high)
    }

    /// Minimum cost from each node and state to the end of the grid.
    private func backwardPass(costs: [Float]) -> [Double] {
        let n = problem.n, m = problem.m, nb = problem.shapes.count
        let w = problem.weights
        var B = [Double](repeating: .infinity, count: band.count * 3)
        for i in stride(from: n, through: 0, by: -1) {
            let lo = Int(band.lo[i]), hi = Int(band.hi[i])
            for j in stride(from: hi - 1, through: lo, by: -1) {
                let node = band.index(i, j)
                if i == n && j == m { B[node * 3] = 0; B[node * 3 + 1] = 0; B[node * 3 + 2] = 0; continue }
                var best = Double.infinity
                for k in 0..<nb {
                    let (a, b) = problem.shapes[k]
                    guard band.contains(i + a, j + b) else { continue }
                    let q = band.index(i + a, j + b)
                    let v = Double(costs[q * nb + k]) + B[q * 3]
                    if v < best { best = v }
                }
                var down = Double.infinity, right = Double.infinity, downExt = Double.infinity, rightExt = Double.infinity
                if band.contains(i + 1, j) {
                    let q = band.index(i + 1, j) * 3 + 1
                    down = w.nullOpen + B[q]; downExt = w.nullExtend + B[q]
                }
                if j + 1 < hi {
                    let q = (node + 1) * 3 + 2
                    right = w.nullOpen + B[q]; rightExt = w.nullExtend + B[q]
                }
                B[node * 3] = min(best, down, right)
                B[node * 3 + 1] = min(best, downExt, right)
                B[node * 3 + 2] = min(best, down, rightExt)
            }
        }
        return B
    }

    /// Alternatives starting more than this many sentences away from the bead are not
    /// considered (they cost far more in practice).
    static let marginReach = 24

    /// The cost of the best complete alignment that does not contain `bead`: every such
    /// alignment holds another bead covering the bead's first source (or target) sentence.
    private func bestAlternative(_ bead: PathBead, forward F: [Double], backward B: [Double], costs: [Float], transposed: Band) -> Double {
        let nb = problem.shapes.count, w = problem.weights
        let reach = BandSearch.marginReach
        var best = Double.infinity
        func consider(_ i0: Int, _ j0: Int, _ a: Int, _ b: Int, _ k: Int) {
            if i0 == bead.i0 && j0 == bead.j0 && a == bead.a && b == bead.b { return }
            guard band.contains(i0, j0), band.contains(i0 + a, j0 + b) else { return }
            let p = band.index(i0, j0) * 3, q = band.index(i0 + a, j0 + b)
            let v: Double
            if k < nb {
                v = min(F[p], F[p + 1], F[p + 2]) + Double(costs[q * nb + k]) + B[q * 3]
            } else if a == 1 {
                v = min(F[p] + w.nullOpen, F[p + 2] + w.nullOpen, F[p + 1] + w.nullExtend) + B[q * 3 + 1]
            } else {
                v = min(F[p] + w.nullOpen, F[p + 1] + w.nullOpen, F[p + 2] + w.nullExtend) + B[q * 3 + 2]
            }
            if v < best { best = v }
        }
        var all = problem.shapes.enumerated().map { ($0.element.a, $0.element.b, $0.offset) }
        all.append((1, 0, nb)); all.append((0, 1, nb + 1))
        if bead.a > 0 {
            let r = bead.i0
            for (a, b, k) in all where a > 0 {
                for i0 in max(0, r - a + 1)...r where i0 + a <= problem.n {
                    let from = max(Int(band.lo[i0]), bead.j0 - reach), to = min(Int(band.hi[i0]), bead.j0 + reach)
                    for j0 in stride(from: from, to: to, by: 1) where j0 + b <= problem.m { consider(i0, j0, a, b, k) }
                }
            }
        } else {
            let c = bead.j0
            for (a, b, k) in all where b > 0 {
                for j0 in max(0, c - b + 1)...c where j0 + b <= problem.m {
                    let from = max(Int(transposed.lo[j0]), bead.i0 - reach), to = min(Int(transposed.hi[j0]), bead.i0 + reach)
                    for i0 in stride(from: from, to: to, by: 1) where i0 + a <= problem.n { consider(i0, j0, a, b, k) }
                }
            }
        }
        return best
    }

    /// Cost of each non-null bead shape ending at each node (+∞ where it cannot be used).
    func beadCosts() -> [Float] {
        let n = problem.n, m = problem.m
        let shapes = problem.shapes
        let nb = shapes.count
        let maxA = shapes.map(\.a).max() ?? 1, maxB = shapes.map(\.b).max() ?? 1
        let links = problem.links
        let S = Coverage.counts(band: band, rows: problem.source.tokenStart, rowTokens: links.sourceTokens,
                                rowTypes: links.sourceTypes.count, columns: problem.target.tokenStart,
                                columnTokens: links.targetTokens, columnTypes: links.targetTypes.count,
                                rowToColumn: links.sourceToTarget, width: maxB)
        let tband = band.transposed()
        let T = Coverage.counts(band: tband, rows: problem.target.tokenStart, rowTokens: links.targetTokens,
                                rowTypes: links.targetTypes.count, columns: problem.source.tokenStart,
                                columnTokens: links.sourceTokens, columnTypes: links.sourceTypes.count,
                                rowToColumn: links.targetToSource, width: maxA)
        let w = problem.weights
        let sChars = prefix(problem.source.characters), tChars = prefix(problem.target.characters)
        let sTok = problem.source.tokenStart, tTok = problem.target.tokenStart
        let sPara = prefix(problem.source.paragraphStart.map { Int32($0) }), tPara = prefix(problem.target.paragraphStart.map { Int32($0) })
        let ratio = sChars[n] > 0 && tChars[m] > 0 ? tChars[m] / sChars[n] : 1
        let priors = shapes.map { w.prior($0.a, $0.b) }
        let structured = problem.useStructure
        let sStruct = problem.source.structure, tStruct = problem.target.structure
        var costs = [Float](repeating: .infinity, count: band.count * nb)
        for i in 0...n {
            for j in Int(band.lo[i])..<Int(band.hi[i]) {
                let node = band.index(i, j)
                for k in 0..<nb {
                    let (a, b) = shapes[k]
                    guard i >= a && j >= b && band.contains(i - a, j - b) else { continue }
                    var covered = 0, ok = true
                    for r in 0..<a {
                        guard band.contains(i - r, j) else { ok = false; break }
                        covered += Int(S[band.index(i - r, j) * maxB + b - 1])
                    }
                    for c in 0..<b where ok {
                        guard tband.contains(j - c, i) else { ok = false; break }
                        covered += Int(T[tband.index(j - c, i) * maxA + a - 1])
                    }
                    guard ok else { continue }
                    let tokens = Int(sTok[i] - sTok[i - a]) + Int(tTok[j] - tTok[j - b])
                    let sim = tokens > 0 ? Double(covered) / Double(tokens) : w.emptySimilarity
                    let ls = sChars[i] - sChars[i - a], lt = tChars[j] - tChars[j - b]
                    var cost = w.length * BandSearch.galeChurch(ls, lt, ratio: ratio, variance: w.variance)
                        + priors[k] + w.similarity * (1 - sim) * Double(a + b) / 2
                    if structured {
                        guard let extra = Structure.cost(source: sStruct[(i - a)..<i], target: tStruct[(j - b)..<j], weights: w) else { continue }
                        cost += extra
                    }
                    if problem.useParagraphs {
                        cost += (structured ? w.blockBoundary : w.paragraph) * (sPara[i] - sPara[i - a + 1] + tPara[j] - tPara[j - b + 1])
                    }
                    costs[node * nb + k] = Float(cost)
                }
            }
        }
        return costs
    }

    private func prefix(_ values: [Int32]) -> [Double] {
        var out = [Double](repeating: 0, count: values.count + 1)
        for k in values.indices { out[k + 1] = out[k] + Double(values[k]) }
        return out
    }

    /// −log P(|δ|) for the length difference δ of Gale and Church (1993), with document
    /// ratio `ratio` (target characters per source character).
    static func galeChurch(_ ls: Double, _ lt: Double, ratio: Double, variance: Double) -> Double {
        let mean = (ratio * ls + lt) / 2
        guard mean > 0 else { return 0 }
        let delta = abs(lt - ratio * ls) / (variance * mean).squareRoot()
        let x = delta / 2.0.squareRoot()
        if x < tableEnd {
            // Linear interpolation in a table of −log erfc (error below 1e-6).
            let position = x * tableStep
            let k = Int(position)
            let fraction = position - Double(k)
            return negativeLogErfc[k] + (negativeLogErfc[k + 1] - negativeLogErfc[k]) * fraction
        }
        return x * x + log(x * Double.pi.squareRoot())
    }

    private static let tableEnd = 25.0, tableStep = 512.0
    /// −log erfc(k / tableStep) for k = 0 … tableEnd · tableStep + 1.
    private static let negativeLogErfc: [Double] = (0...Int(tableEnd * tableStep) + 1).map { -log(max(erfc(Double($0) / tableStep), 1e-300)) }
}

/// Token coverage counts over a band.
enum Coverage {
    /// For each node (i, j) of `band` and each w in 1…width: how many tokens of row sentence
    /// i − 1 have a linked token in column sentences j − w … j − 1. Result index: node · width + w − 1.
    ///
    /// For each row the column types linked to the row's types are marked once (with the row
    /// positions they cover); each column token then costs one look-up.
    /// - Complexity: O(rows · links of a row + nodes · (column tokens + row types · width)).
    static func counts(band: Band, rows: [Int32], rowTokens: [Int32], rowTypes: Int, columns: [Int32],
                       columnTokens: [Int32], columnTypes: Int, rowToColumn: CSR, width: Int) -> [UInt16] {
        var out = [UInt16](repeating: 0, count: band.count * width)
        var stamp = [Int32](repeating: -1, count: rowTypes)
        var position = [Int32](repeating: 0, count: rowTypes)
        var mark = [Int32](repeating: -1, count: columnTypes)
        var head = [Int32](repeating: -1, count: columnTypes)
        var pool: [(position: Int32, next: Int32)] = []
        var types: [Int32] = [], counts: [Int32] = []
        var covered: [UInt8] = []
        var hits: [(position: Int32, column: Int32)] = []
        var groupStart: [Int32] = [], fill: [Int32] = [], sorted: [Int32] = []
        let columnCount = columns.count - 1
        let linkStart = rowToColumn.start, linkItems = rowToColumn.items
        for i in stride(from: 1, through: band.n, by: 1) {
            let r = Int32(i - 1)
            types.removeAll(keepingCapacity: true); counts.removeAll(keepingCapacity: true)
            for t in rowTokens[Int(rows[i - 1])..<Int(rows[i])] {
                if stamp[Int(t)] != r {
                    stamp[Int(t)] = r; position[Int(t)] = Int32(types.count); types.append(t); counts.append(1)
                } else {
                    counts[Int(position[Int(t)])] += 1
                }
            }
            guard !types.isEmpty else { continue }
            let lo = Int(band.lo[i]), hi = Int(band.hi[i])
            let base = max(0, lo - width), end = min(columnCount, hi - 1)
            let span = end - base
            guard span > 0 else { continue }
            // Column types linked to this row, each with the row positions it covers.
            pool.removeAll(keepingCapacity: true)
            for (p, t) in types.enumerated() {
                for l in Int(linkStart[Int(t)])..<Int(linkStart[Int(t) + 1]) {
                    let c = Int(linkItems[l])
                    if mark[c] != r { mark[c] = r; head[c] = -1 }
                    pool.append((Int32(p), head[c]))
                    head[c] = Int32(pool.count - 1)
                }
            }
            covered.removeAll(keepingCapacity: true)
            covered.append(contentsOf: repeatElement(0, count: types.count * span))
            hits.removeAll(keepingCapacity: true)
            for c in base..<end {
                for tok in Int(columns[c])..<Int(columns[c + 1]) {
                    let t = Int(columnTokens[tok])
                    guard mark[t] == r else { continue }
                    var e = Int(head[t])
                    while e >= 0 {
                        let cell = Int(pool[e].position) * span + c - base
                        if covered[cell] == 0 { covered[cell] = 1; hits.append((pool[e].position, Int32(c))) }
                        e = Int(pool[e].next)
                    }
                }
            }
            // Each covered (type, column c) counts for the nodes j with j − w ≤ c < j, once per
            // type, node and w: walk the type's columns in order, remembering how far it reached.
            // The hits come column by column: a stable counting sort by type keeps each type's
            // columns in order.
            groupStart.removeAll(keepingCapacity: true)
            groupStart.append(contentsOf: repeatElement(0, count: types.count + 1))
            for hit in hits { groupStart[Int(hit.position) + 1] += 1 }
            for p in 0..<types.count { groupStart[p + 1] += groupStart[p] }
            sorted.removeAll(keepingCapacity: true)
            sorted.append(contentsOf: repeatElement(0, count: hits.count))
            fill.removeAll(keepingCapacity: true)
            fill.append(contentsOf: groupStart)
            for hit in hits { sorted[Int(fill[Int(hit.position)])] = hit.column; fill[Int(hit.position)] += 1 }
            let first = max(lo, 1)
            for p in 0..<types.count where groupStart[p] < groupStart[p + 1] {
                let h = Int(groupStart[p]), g = Int(groupStart[p + 1])
                let weight = UInt16(truncatingIfNeeded: counts[p])
                for w in 1...width {
                    var reach = Int.min
                    for q in h..<g {
                        let c = Int(sorted[q])
                        var j = max(c + 1, reach + 1, first)
                        while j <= c + w && j < hi {
                            out[band.index(i, j) * width + w - 1] &+= weight
                            j += 1
                        }
                        reach = max(reach, c + w)
                    }
                }
            }
        }
        return out
    }
}

extension CostWeights {
    /// Sets a weight from `name=value` (names as the properties: `length`, `similarity`,
    /// `nullOpen`…).
    /// - Throws: ``VersoError`` for an unknown name or a value that is not a number.
    public mutating func set(_ assignment: String) throws {
        let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Double(parts[1]) else {
            throw VersoError(.usage, "expected name=value, found \"\(assignment)\"", fix: "write for example similarity=10")
        }
        let paths: [String: WritableKeyPath<CostWeights, Double>] = [
            "length": \.length, "variance": \.variance, "similarity": \.similarity, "emptySimilarity": \.emptySimilarity,
            "nullOpen": \.nullOpen, "nullExtend": \.nullExtend, "paragraph": \.paragraph, "oneTwo": \.oneTwo,
            "twoTwo": \.twoTwo, "large": \.large, "blockBoundary": \.blockBoundary, "structureMismatch": \.structureMismatch, "confidenceCenter": \.confidenceCenter, "confidenceScale": \.confidenceScale,
        ]
        guard let path = paths[parts[0]] else {
            throw VersoError(.usage, "unknown weight \"\(parts[0])\"", fix: "use one of \(paths.keys.sorted().joined(separator: ", "))")
        }
        self[keyPath: path] = value
    }
}
