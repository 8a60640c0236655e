import VersoAlign
import VersoCheck
import VersoText

/// What the review page shows of a structured document's blocks: the kind of block each bead
/// stands in, so that headings, lists, table cells and code are shown as such (placeholders come
/// with the units). Empty for plain text and memories.
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
}
