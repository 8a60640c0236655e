import Foundation
import VersoText

/// Inline markup: a tag the target drops or adds, or tags it leaves unbalanced or crosses so that
/// nesting breaks (`<b><i>…</b></i>`). Tags are the inline codes the document readers keep
/// (HTML, DOCX, XLIFF, TMX: ``BeadText/sourceCodes``) and markup written in the text itself
/// (`<b>…</b>`, `<a href="…">`, `<br/>`, Pango's `<span weight="bold">`).
///
/// In plain text a `<name>` is markup when its name is a known tag (`Data/markup-tags.txt`),
/// when it has attributes, when it closes itself, or when the message also closes it; so the
/// metavariables of usage lines (“Usage: cp <file> <dir>”, translated “<fichier>”) are not
/// tags. Tags may move (word order changes) as long as they stay nested as in the source.
struct TagMismatchCheck: Check {
    static let info = CheckInfo(
        code: "tag-mismatch", category: .design, severity: .major,
        summary: "Inline markup dropped, added, left unbalanced or crossed so that nesting breaks.",
        example: "“Press <b>Save</b> now” ⇒ “Appuyez sur <b>Enregistrer maintenant”")

    /// One tag of a side.
    struct Tag: Equatable {
        enum Kind: String { case open, close, standalone }
        var kind: Kind
        /// Lower-case name (`b`, `span`), or an inline code's type.
        var name: String
        /// As written (`<b>`), or a readable stand-in for an inline code without text.
        var text: String
        var span: Range<Int>
        /// An inline code's pairing id (open and close share it); nil for text tags.
        var id: Int?
    }

    private static let pattern = Identifiers.regex(#"<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))*)\s*(/?)>"#)

    /// The tags of a text and of its inline codes, in text order.
    /// - Complexity: O(n) in the length of the text.
    static func tags(in text: String, codes: [InlineCode], known: Set<String>, pairedOnly: Set<String>) -> [Tag] {
        var result: [Tag] = codes.map { code in
            let kind: Tag.Kind = code.kind == .open ? .open : code.kind == .close ? .close : .standalone
            let shown = code.original.isEmpty ? (kind == .close ? "</\(code.type)>" : kind == .open ? "<\(code.type)>" : "<\(code.type)/>") : code.original
            return Tag(kind: kind, name: code.type.lowercased(), text: shown, span: code.offset..<code.offset, id: code.id)
        }
        guard text.contains("<") else { return result }
        let ns = text as NSString
        let map = ScalarOffsets(text)
        var candidates: [(Tag, hasAttributes: Bool)] = []
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let closing = match.range(at: 1).length > 0, selfClosing = match.range(at: 4).length > 0
            let name = ns.substring(with: match.range(at: 2)).lowercased()
            let range = match.range
            let kind: Tag.Kind = closing ? .close : selfClosing ? .standalone : .open
            candidates.append((Tag(kind: kind, name: name, text: ns.substring(with: range), span: map.span(range.location..<(range.location + range.length))),
                               match.range(at: 3).length > 0))
        }
        let opened = Set(candidates.filter { $0.0.kind == .open }.map(\.0.name))
        let closed = Set(candidates.filter { $0.0.kind == .close }.map(\.0.name))
        for (tag, hasAttributes) in candidates {
            let paired = tag.kind == .open ? closed.contains(tag.name) : tag.kind == .close ? opened.contains(tag.name) : false
            let isMarkup = paired || hasAttributes || tag.kind == .standalone || (known.contains(tag.name) && !pairedOnly.contains(tag.name))
            if isMarkup { result.append(tag) }
        }
        return result.sorted { ($0.span.lowerBound, $0.kind == .close ? 0 : 1) < ($1.span.lowerBound, $1.kind == .close ? 0 : 1) }
    }

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let known = document.technical.markupTags, pairedOnly = document.technical.pairedOnlyTags
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            let source = Self.tags(in: bead.source.text, codes: bead.bead.sourceCodes, known: known, pairedOnly: pairedOnly)
            let target = Self.tags(in: bead.target.text, codes: bead.bead.targetCodes, known: known, pairedOnly: pairedOnly)
            guard !source.isEmpty || !target.isEmpty else { continue }
            findings += compare(source, target, bead: bead.index)
        }
        return findings
    }

    private func compare(_ source: [Tag], _ target: [Tag], bead: Int) -> [Finding] {
        func key(_ t: Tag) -> String { "\(t.kind.rawValue) \(t.name)" }
        var pool = target
        var missing: [Tag] = []
        for tag in source {
            if let k = pool.firstIndex(where: { key($0) == key(tag) }) { pool.remove(at: k) } else { missing.append(tag) }
        }
        var findings: [Finding] = []
        for tag in missing {
            let message: String
            switch tag.kind {
            case .close: message = "the closing tag “\(tag.text)” is missing from the target: the markup it ends stays open"
            case .open: message = "the opening tag “\(tag.text)” is missing from the target"
            case .standalone: message = "the tag “\(tag.text)” is missing from the target"
            }
            findings.append(Self.info.finding(bead: bead, message, side: .source, span: tag.span, suggestion: "keep \(tag.text)"))
        }
        for tag in pool {
            findings.append(Self.info.finding(bead: bead, "the target adds the tag “\(tag.text)”, which the source does not have",
                                              side: .target, span: tag.span, suggestion: "remove \(tag.text)"))
        }
        guard findings.isEmpty, let broken = Self.nestingError(target), Self.nestingError(source) == nil else { return findings }
        return [Self.info.finding(bead: bead, broken.message, side: .target, span: broken.tag.span)]
    }

    /// The first tag that breaks nesting: a close that is not the innermost open one, or one
    /// before its opening.
    static func nestingError(_ tags: [Tag]) -> (tag: Tag, message: String)? {
        var stack: [Tag] = []
        for tag in tags {
            switch tag.kind {
            case .standalone: continue
            case .open: stack.append(tag)
            case .close:
                let matches = { (open: Tag) in tag.id != nil && open.id != nil ? open.id == tag.id : open.name == tag.name }
                if let top = stack.last, matches(top) { stack.removeLast(); continue }
                if let inner = stack.last, stack.contains(where: matches) {
                    return (tag, "“\(tag.text)” closes its tag while “\(inner.text)”, opened inside it, is still open: the tags cross and the markup breaks")
                }
                return (tag, "“\(tag.text)” comes before the tag it closes")
            }
        }
        if let open = stack.last { return (open, "“\(open.text)” is never closed") }
        return nil
    }
}
