import VersoAlign
import VersoCheck
import VersoText

/// What the review page shows of a structured document's blocks: the kind of block each bead
/// stands in (headings and lists shown as such) and the placeholders of inline markup (shown as
/// chips where they stood). Empty for plain text and memories.
struct ReportStructure {
    let alignment: Alignment?

    init(_ alignment: Alignment?) {
        self.alignment = alignment.flatMap { $0.source.isStructured || $0.target.isStructured ? $0 : nil }
    }

    /// `h2`, `list`, `table`, `code`, `quote`, `title`, `caption`, `note`, `cue`, or nil (a
    /// paragraph, plain text), for the bead at `position`.
    func label(_ position: Int) -> String? {
        guard let alignment, position < alignment.beads.count else { return nil }
        let bead = alignment.beads[position]
        let (index, document) = bead.source.first.map { ($0, alignment.source) } ?? (bead.target.first ?? 0, alignment.target)
        guard document.isStructured, index < document.segments.count else { return nil }
        let block = document.blocks[document.segments[index].paragraph]
        switch block.kind {
        case .heading: return "h\(max(1, block.level))"
        case .listItem: return "list"
        case .tableCell: return "table"
        case .code: return "code"
        case .quote: return "quote"
        case .title: return "title"
        case .caption: return "caption"
        case .footnote: return "note"
        case .cue: return "cue"
        case .prose, .dialogue, .rule, .metadata: return nil
        }
    }

    /// The placeholders of one side of the bead at `position`, with offsets into the side's
    /// sentences joined with one space.
    func codes(_ position: Int, _ side: Side) -> [InlineCode] {
        guard let alignment, position < alignment.beads.count else { return [] }
        let bead = alignment.beads[position]
        let (indices, document) = side == .target ? (bead.target, alignment.target) : (bead.source, alignment.source)
        var out: [InlineCode] = []
        var base = 0
        for i in indices where i < document.segments.count {
            let segment = document.segments[i]
            out += segment.codes.map { var c = $0; c.offset += base; return c }
            base += segment.text.unicodeScalars.count + 1
        }
        return out
    }
}
