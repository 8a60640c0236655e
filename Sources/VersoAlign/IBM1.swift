/// IBM Model 1 (Brown et al. 1993) trained in both directions on sentence pairs, used to learn
/// word translations from the input itself.
enum IBM1 {
    /// Stem pairs (source, target) that co-occur in at least `minimumPairs` training pairs and
    /// have t(f|e) or t(e|f) above `threshold` after `iterations` EM rounds in each direction
    /// (a NULL word on the conditioning side).
    /// - Complexity: O(iterations · Σ |e| · |f|).
    static func learn(_ pairs: [(source: [Int32], target: [Int32])], iterations: Int = 5, threshold: Double = 0.3,
                      minimumPairs: Int = 2) -> [(Int32, Int32)] {
        // Parameter ids for co-occurring (e, f); -1 stands for NULL.
        var ids: [Int64: Int32] = [:]
        var es: [Int32] = [], fs: [Int32] = [], cooccurrence: [Int32] = [], lastPair: [Int32] = []
        func id(_ e: Int32, _ f: Int32, pair: Int32) -> Int32 {
            let key = Int64(e + 1) << 32 | Int64(f + 1)
            if let k = ids[key] {
                if lastPair[Int(k)] != pair { lastPair[Int(k)] = pair; cooccurrence[Int(k)] += 1 }
                return k
            }
            let k = Int32(es.count)
            ids[key] = k
            es.append(e); fs.append(f); cooccurrence.append(1); lastPair.append(pair)
            return k
        }
        // For f|e: for each target position, the ids of (e, f) for every source token and NULL.
        var fe: [Int32] = [], feStart: [Int32] = [0]
        var ef: [Int32] = [], efStart: [Int32] = [0]
        for (p, pair) in pairs.enumerated() {
            let p32 = Int32(p)
            for f in pair.target {
                for e in pair.source { fe.append(id(e, f, pair: p32)) }
                fe.append(id(-1, f, pair: p32))
                feStart.append(Int32(fe.count))
            }
            for e in pair.source {
                for f in pair.target { ef.append(id(e, f, pair: p32)) }
                ef.append(id(e, -1, pair: p32))
                efStart.append(Int32(ef.count))
            }
        }
        let count = es.count
        func train(_ groups: [Int32], _ starts: [Int32], conditioning: [Int32]) -> [Double] {
            // t(x | c): normalized over x for each conditioning word c.
            var keys: [Int32: Int32] = [:]
            var group = [Int32](repeating: 0, count: count)
            for k in 0..<count {
                let c = conditioning[k]
                if let g = keys[c] { group[k] = g } else { let g = Int32(keys.count); keys[c] = g; group[k] = g }
            }
            var t = [Double](repeating: 1, count: count)
            var expected = [Double](repeating: 0, count: count)
            var totals = [Double](repeating: 0, count: keys.count)
            for _ in 0..<iterations {
                for k in 0..<count { expected[k] = 0 }
                for k in totals.indices { totals[k] = 0 }
                for position in 0..<(starts.count - 1) {
                    let lo = Int(starts[position]), hi = Int(starts[position + 1])
                    var z = 0.0
                    for q in lo..<hi { z += t[Int(groups[q])] }
                    guard z > 0 else { continue }
                    for q in lo..<hi { expected[Int(groups[q])] += t[Int(groups[q])] / z }
                }
                for k in 0..<count { totals[Int(group[k])] += expected[k] }
                for k in 0..<count { let total = totals[Int(group[k])]; t[k] = total > 0 ? expected[k] / total : 0 }
            }
            return t
        }
        let fGivenE = train(fe, feStart, conditioning: es)
        let eGivenF = train(ef, efStart, conditioning: fs)
        var out: [(Int32, Int32)] = []
        for k in 0..<count where es[k] >= 0 && fs[k] >= 0 && Int(cooccurrence[k]) >= minimumPairs {
            if fGivenE[k] > threshold || eGivenF[k] > threshold { out.append((es[k], fs[k])) }
        }
        return out
    }
}
