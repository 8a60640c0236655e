import VersoText

/// Block structure as alignment evidence, for documents read by their structure (HTML,
/// Markdown, DOCX, ODT, subtitles): headings pair with headings, list items with list items,
/// table cells with table cells, code with code. A bead never merges a heading, a table cell or
/// a code block with a segment of another kind on the same side; a bead that pairs different
/// kinds across the sides costs more but stays possible (a list translated as a paragraph);
/// a bead that crosses a block boundary costs more than in plain text, where paragraphs are
/// guessed.
enum Structure {
    /// Kind classes; 0 means no structure (plain text).
    static let prose: UInt8 = 1, heading: UInt8 = 2, list: UInt8 = 3, table: UInt8 = 4, code: UInt8 = 5, cue: UInt8 = 6

    /// Classes that are never merged with another class inside one side of a bead.
    @inline(__always) static func isRigid(_ c: UInt8) -> Bool { c == heading || c == table || c == code }

    static func kindClass(_ kind: Block.Kind) -> UInt8 {
        switch kind {
        case .prose, .quote, .footnote, .caption, .metadata, .dialogue: return prose
        case .heading, .title: return heading
        case .listItem: return list
        case .tableCell: return table
        case .code, .rule: return code
        case .cue: return cue
        }
    }

    /// Each segment's class.
    static func classes(_ document: SegmentedDocument) -> [UInt8] {
        document.segments.map { kindClass(document.blocks[$0.paragraph].kind) }
    }

    /// Paragraph numbers for the aligner's boundary cost: the block of each segment, except that
    /// consecutive subtitle cues stay one paragraph until a cue ends a sentence (a sentence
    /// running over two cues is joinable at no boundary cost).
    static func paragraphs(_ document: SegmentedDocument) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(document.segments.count)
        var paragraph = -1, lastBlock = -1
        var openCue = false
        for segment in document.segments {
            if segment.paragraph != lastBlock {
                let block = document.blocks[segment.paragraph]
                if !(block.kind == .cue && openCue) { paragraph += 1 }
                lastBlock = segment.paragraph
            }
            out.append(paragraph)
            if document.blocks[segment.paragraph].kind == .cue {
                let last = segment.text.unicodeScalars.last { !$0.properties.isWhitespace }
                openCue = !(last.map { ".!?…»”\"♪".unicodeScalars.contains($0) } ?? true)
            } else {
                openCue = false
            }
        }
        return out
    }

    /// Extra cost of a bead for the structure of its sentences: nil when the bead merges a
    /// rigid class with another one on one side (not allowed).
    @inline(__always)
    static func cost(source: ArraySlice<UInt8>, target: ArraySlice<UInt8>, weights: CostWeights) -> Double? {
        guard let s = uniform(source), let t = uniform(target) else { return nil }
        return s == t ? 0 : weights.structureMismatch
    }

    /// The class of a bead side: its segments' common class, the first of mixed non-rigid ones,
    /// nil when a rigid class is mixed with another.
    @inline(__always)
    private static func uniform(_ side: ArraySlice<UInt8>) -> UInt8? {
        guard let first = side.first else { return 0 }
        for c in side where c != first {
            if isRigid(c) || isRigid(first) { return nil }
        }
        return first
    }
}
