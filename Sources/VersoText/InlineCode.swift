/// Inline markup inside a segment, kept as a placeholder: a `<b>` … `</b>` pair, a `<br/>`, an
/// image, a footnote reference, a run of formatting in a word processor file, an XLIFF `<g>`
/// or `<x/>`.
///
/// A segment's ``Segment/text`` holds the plain text a reader sees; its codes say where in that
/// text each piece of markup stood, so that checks read prose, exports put the markup back
/// (TMX `<bpt>`/`<ept>`/`<ph>`, XLIFF `<pc>`/`<ph>`) and a tag check can compare the two sides.
public struct InlineCode: Sendable, Equatable, Hashable, Codable {
    /// Whether the code opens a span, closes one, or stands alone.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Opens a span (`<b>`, `<a href=…>`, a formatting run's start).
        case open
        /// Closes the span opened by the code of the same ``InlineCode/id``.
        case close
        /// Stands alone (`<br/>`, `<img …>`, a footnote mark, XLIFF `<x/>`).
        case standalone
    }

    /// Open, close or standalone.
    public var kind: Kind
    /// Pairs an opening code with its closing one inside a segment (the same number on both);
    /// unique among the segment's standalone codes too. Numbered from 1 in reading order.
    public var id: Int
    /// Where the code stands: an offset in Unicode scalars into the segment's text (0 is before
    /// the first character, `text.unicodeScalars.count` after the last).
    public var offset: Int
    /// The markup exactly as it was in the file (`<b>`, `</a>`, `<w:r><w:rPr><w:b/></w:rPr>`),
    /// or empty when the format has no text for it.
    public var original: String
    /// What the code is, in the format's own words where it has them (`b`, `a`, `bold`,
    /// `link`, `image`, `footnote`): TMX's `type` and XLIFF's `type`/`subType` come from it.
    public var type: String

    /// Creates a code.
    public init(kind: Kind, id: Int, offset: Int, original: String, type: String) {
        self.kind = kind
        self.id = id
        self.offset = offset
        self.original = original
        self.type = type
    }
}
