import VersoText

/// Site boilerplate: headers, footers, breadcrumbs, share widgets and cookie notices that a web
/// page adds around an article ("Dernières Nouvelles | News 24", "Source link", "Lire aussi").
///
/// A segment is boilerplate when, folded, it is one of the phrases of `Data/boilerplate.txt`,
/// or a short segment that starts or ends with one, or — when it has no counterpart — a longer
/// one opening with a navigation phrase of several words, or a short title with a " | " site
/// separator. Such segments have no counterpart in the other document, so the alignment stage
/// ``detach(_:source:target:)`` gives them beads of their own, and the boilerplate check reports them.
public struct Boilerplate: Sendable {
    /// The phrases, folded.
    public let phrases: [String]

    /// The phrases of `Data/boilerplate.txt` (any language).
    /// - Throws: `VersoError` when the bundled data file is missing.
    public static func load() throws -> Boilerplate {
        try cache.value(0) { Boilerplate(phrases: try AlignData.files.entries("boilerplate").map { Folding.fold($0) }) }
    }

    private static let cache = Cache<Int, Boilerplate>()

    public init(phrases: [String]) {
        self.phrases = phrases
    }

    /// Whether a segment is boilerplate; `unpaired`: it has no counterpart, which lets a longer
    /// navigation line and a short " | " title count too.
    /// - Complexity: O(phrases × length of the segment).
    public func matches(_ segment: String, unpaired: Bool) -> Bool {
        let words = Folding.fold(segment).split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }
        guard !words.isEmpty, words.count <= 12 else { return false }
        let joined = words.joined(separator: " ")
        for phrase in phrases {
            if joined == phrase { return true }
            if words.count <= 6 && (joined.hasPrefix(phrase + " ") || joined.hasSuffix(" " + phrase)) { return true }
            if unpaired && joined.hasPrefix(phrase + " ") && phrase.contains(" ") { return true }
        }
        return unpaired && words.count <= 8 && segment.contains(" | ")
    }

    /// The alignment stage: where the aligner folded a boilerplate segment into a bead at its
    /// edge, that segment becomes a bead of its own (0-1 or 1-0) with the confidence of the bead
    /// it left. Beads are otherwise unchanged, in order.
    /// - Complexity: O(beads + segments at bead edges × phrases).
    public func detach(_ beads: [Bead], source: SegmentedDocument, target: SegmentedDocument) -> [Bead] {
        var result: [Bead] = []
        result.reserveCapacity(beads.count)
        for bead in beads {
            var b = bead
            var before: [Bead] = [], after: [Bead] = []
            while b.target.count > 1, matches(target.segments[b.target[0]].text, unpaired: true) {
                before.append(Bead(source: [], target: [b.target.removeFirst()], score: b.score))
            }
            while b.target.count > 1, matches(target.segments[b.target[b.target.count - 1]].text, unpaired: true) {
                after.insert(Bead(source: [], target: [b.target.removeLast()], score: b.score), at: 0)
            }
            while b.source.count > 1, matches(source.segments[b.source[0]].text, unpaired: true) {
                before.append(Bead(source: [b.source.removeFirst()], target: [], score: b.score))
            }
            while b.source.count > 1, matches(source.segments[b.source[b.source.count - 1]].text, unpaired: true) {
                after.insert(Bead(source: [b.source.removeLast()], target: [], score: b.score), at: 0)
            }
            result += before + [b] + after
        }
        return result
    }
}
