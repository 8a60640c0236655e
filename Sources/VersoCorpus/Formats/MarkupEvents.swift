import VersoText

/// What an XLIFF reader records inside a `<source>`, `<seg-source>` or `<target>`, replayed into
/// text and inline codes once the element ends: the whole side, or one unit per `<mrk
/// mtype="seg">` segment.
enum MarkupEvent: Equatable {
    case text(String)
    /// A code paired by the format's key (XLIFF 1.2 `rid`/`id`, XLIFF 2 `sc` `id`); no key: isolated.
    case open(key: String?, original: String, type: String)
    case close(key: String?, original: String, type: String)
    case standalone(original: String, type: String)
    /// An element that contains its text (`<g>`, `<pc>`): an opening code here, its closing code
    /// at the matching `spanEnd`.
    case spanStart(original: String, type: String)
    case spanEnd(original: String)
    /// A `<mrk mtype="seg" mid="…">` segment starts or ends.
    case segmentStart(String)
    case segmentEnd

    /// Text and codes of `events`, segment marks ignored.
    /// - Complexity: O(events + text length).
    static func build(_ events: some Sequence<MarkupEvent>) -> InlineTextBuilder {
        var builder = InlineTextBuilder()
        var spans: [(id: Int, type: String)] = []
        for event in events {
            switch event {
            case .text(let text): builder.append(text)
            case .open(let key, let original, let type): builder.open(key: key, original: original, type: type)
            case .close(let key, let original, let type): builder.close(key: key, original: original, type: type)
            case .standalone(let original, let type): builder.standalone(original: original, type: type)
            case .spanStart(let original, let type): spans.append((builder.open(key: nil, original: original, type: type), type))
            case .spanEnd(let original):
                if let span = spans.popLast() { builder.close(id: span.id, original: original, type: span.type) }
            case .segmentStart, .segmentEnd: break
            }
        }
        return builder
    }

    /// The `<mrk mtype="seg">` segments of `events` by `mid`, in order, each built on its own;
    /// what stands outside them is left out. Empty when there is none.
    /// - Complexity: O(events + text length).
    static func segments(_ events: [MarkupEvent]) -> [(mid: String, text: InlineTextBuilder)] {
        var out: [(mid: String, text: InlineTextBuilder)] = []
        var start: Int?
        var mid = ""
        for (i, event) in events.enumerated() {
            switch event {
            case .segmentStart(let id): (start, mid) = (i + 1, id)
            case .segmentEnd:
                if let s = start { out.append((mid, build(events[s..<i]))) }
                start = nil
            default: break
            }
        }
        return out
    }
}
