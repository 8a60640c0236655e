/// Compressed rows: row k's items are `items[start[k]..<start[k + 1]]`.
struct CSR {
    var start: [Int32]
    var items: [Int32]

    /// Builds rows from (row, item) pairs; duplicates are removed.
    init(rows: Int, pairs: [(Int32, Int32)]) {
        var sorted = pairs.map { Int64($0.0) << 32 | Int64($0.1) }
        sorted.sort()
        start = [Int32](repeating: 0, count: rows + 1)
        items = []
        items.reserveCapacity(sorted.count)
        var previous: Int64 = -1
        for key in sorted where key != previous {
            previous = key
            start[Int(key >> 32) + 1] += 1
            items.append(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
        }
        for k in 0..<rows { start[k + 1] += start[k] }
    }
}

/// The token types of one document pair and the links between them.
struct DocumentLinks {
    /// Form id of each local source / target type.
    var sourceTypes: [Int32] = []
    var targetTypes: [Int32] = []
    /// Tokens of each side as local type indices (same layout as ``SideFeatures/tokens``).
    var sourceTokens: [Int32] = []
    var targetTokens: [Int32] = []
    /// For each target type, the source types it is linked to; and the other way round.
    var targetToSource = CSR(rows: 0, pairs: [])
    var sourceToTarget = CSR(rows: 0, pairs: [])

    /// Which evidence links tokens.
    struct Evidence {
        var lexicon: TranslationLexicon?
        var cognates: Bool
    }

    init() {}

    /// - Complexity: O(tokens + types · translations per type).
    init(source: SideFeatures, target: SideFeatures, space: FeatureSpace, evidence: Evidence) {
        var local = [Int32](repeating: -1, count: space.formCount)
        func localize(_ tokens: [Int32], _ types: inout [Int32]) -> [Int32] {
            var out = [Int32](); out.reserveCapacity(tokens.count)
            for f in tokens {
                if local[Int(f)] < 0 { local[Int(f)] = Int32(types.count); types.append(f) }
                out.append(local[Int(f)])
            }
            return out
        }
        sourceTokens = localize(source.tokens, &sourceTypes)
        for f in sourceTypes { local[Int(f)] = -1 }
        targetTokens = localize(target.tokens, &targetTypes)
        // `local` now maps target forms to target types.
        var pairs: [(Int32, Int32)] = []
        if evidence.cognates {
            var byPrefix: [Int32: [Int32]] = [:]
            for (t, f) in targetTypes.enumerated() where space.prefixOf[Int(f)] >= 0 {
                byPrefix[space.prefixOf[Int(f)], default: []].append(Int32(t))
            }
            for (s, f) in sourceTypes.enumerated() {
                let p = space.prefixOf[Int(f)]
                if p >= 0 {
                    for t in byPrefix[p] ?? [] { pairs.append((Int32(s), t)) }
                } else if local[Int(f)] >= 0 && (space.kinds[Int(f)] != .word || space.letters[Int(f)] >= 3) {
                    pairs.append((Int32(s), local[Int(f)]))
                }
            }
        }
        if let lexicon = evidence.lexicon {
            var targetByStem: [String: [Int32]] = [:]
            var sourceByStem: [String: [Int32]] = [:]
            for (t, f) in targetTypes.enumerated() where space.kinds[Int(f)] == .word {
                let stem = space.stem(f, side: 1)
                targetByStem[space.stems[1][Int(stem)], default: []].append(Int32(t))
            }
            for (s, f) in sourceTypes.enumerated() where space.kinds[Int(f)] == .word {
                let stem = space.stem(f, side: 0)
                sourceByStem[space.stems[0][Int(stem)], default: []].append(Int32(s))
                for stem in lexicon.translations(ofWord: space.forms[Int(f)], side: 0) {
                    for t in targetByStem[stem] ?? [] { pairs.append((Int32(s), t)) }
                }
            }
            for (t, f) in targetTypes.enumerated() where space.kinds[Int(f)] == .word {
                for stem in lexicon.translations(ofWord: space.forms[Int(f)], side: 1) {
                    for s in sourceByStem[stem] ?? [] { pairs.append((s, Int32(t))) }
                }
            }
        }
        for f in targetTypes { local[Int(f)] = -1 }
        sourceToTarget = CSR(rows: sourceTypes.count, pairs: pairs)
        targetToSource = CSR(rows: targetTypes.count, pairs: pairs.map { ($0.1, $0.0) })
    }
}
