/// Brackets and quotes out of balance where the other side is balanced: curly braces on either
/// side (`{` opened and never closed, as in a broken ICU message or a template), quotes,
/// parentheses and square brackets left open or closed without opening in the **source** (an
/// error to send back to the source's authors, or a sign that the pair is cut in the wrong
/// place), and a different number of square-bracketed or braced groups on the two sides
/// (“Continue? [Y/n]” ⇒ “Continuer ? O/n”).
///
/// The target's quotes, parentheses and square brackets are `quote-punctuation`'s, which pairs
/// them over the document (a French « … » may span several beads). Like it, a side's unpaired
/// mark is not reported when the other side of the bead has an unpaired mark of the same
/// family: the pair does the same thing on both sides.
struct BracketMismatchCheck: Check {
    static let info = CheckInfo(
        code: "bracket-mismatch", category: .fluency, severity: .minor,
        summary: "A brace unbalanced on either side, a quote or bracket unbalanced in the source, or bracketed groups lost.",
        example: "“{count, plural, one {# file} other {# files}}” ⇒ “{count, plural, one {# fichier} other {# fichiers}”")

    func run(_ document: CheckDocument) -> [Finding] {
        let sourceMarks = QuotePairing(document.beads.map(\.source))
        let targetMarks = QuotePairing(document.beads.map(\.target))
        var findings: [Finding] = []
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            // The target's marks unpaired in the document or in the bead alone (a memory's units
            // are independent: a ")" must not pair with a "(" of another unit).
            let targetFamilies = Set((targetMarks.unpaired[bead.index] + QuotePairing([bead.target]).unpaired[0]).map(\.family))
            let sourceScalars = Array(bead.source.text.unicodeScalars)
            for mark in sourceMarks.unpaired[bead.index] where !targetFamilies.contains(mark.family) && !Self.isQuoted(sourceScalars, mark.offset) {
                let what = mark.isOpening ? "is opened and never closed" : "is closed but was never opened"
                findings.append(Self.info.finding(
                    bead: bead.index, "“\(mark.character)” \(what) in the source; the target’s \(mark.family.rawValue) are balanced",
                    side: .source, span: mark.offset..<(mark.offset + 1)))
            }
            let source = Self.braces(bead.source.text), target = Self.braces(bead.target.text)
            for (side, own, other) in [(Side.source, source, target), (.target, target, source)] where other == nil {
                guard let (offset, opening) = own else { continue }
                let what = opening ? "is opened and never closed" : "is closed but was never opened"
                findings.append(Self.info.finding(
                    bead: bead.index, "“\(opening ? "{" : "}")” \(what) in the \(side.rawValue); the \(side == .source ? "target" : "source")’s braces are balanced",
                    side: side, span: offset..<(offset + 1)))
            }
            for (open, close, name) in [(Character("["), Character("]"), "square-bracketed"), ("{", "}", "braced")] {
                let s = Self.groups(bead.source.text, open, close), t = Self.groups(bead.target.text, open, close)
                guard let s, let t, s != t, s > 0 else { continue }
                findings.append(Self.info.finding(
                    bead: bead.index, "the source has \(s) \(name) group\(s == 1 ? "" : "s") (“\(open)…\(close)”), the target \(t)",
                    side: .target, span: nil))
            }
        }
        return findings
    }

    /// Whether the mark at `offset` is quoted by itself (“expecting ')'”, « ) »): a mention of the
    /// character, not a bracket.
    static func isQuoted(_ s: [Unicode.Scalar], _ offset: Int) -> Bool {
        let quotes = Set("'‘’\"“”«»`".unicodeScalars)
        var before = offset - 1, after = offset + 1
        while before >= 0 && (s[before] == " " || s[before] == "\u{00A0}" || s[before] == "\u{202F}") { before -= 1 }
        while after < s.count && (s[after] == " " || s[after] == "\u{00A0}" || s[after] == "\u{202F}") { after += 1 }
        return before >= 0 && after < s.count && quotes.contains(s[before]) && quotes.contains(s[after])
    }

    /// The first unpaired brace of a text (its scalar offset, and whether it opens), if any.
    static func braces(_ text: String) -> (offset: Int, opening: Bool)? {
        var stack: [Int] = []
        for (i, c) in text.unicodeScalars.enumerated() {
            if c == "{" { stack.append(i) }
            if c == "}" && stack.popLast() == nil { return (i, false) }
        }
        return stack.first.map { ($0, true) }
    }

    /// Top-level groups opened by `open` and closed by `close`; nil when unbalanced.
    static func groups(_ text: String, _ open: Character, _ close: Character) -> Int? {
        var depth = 0, count = 0
        for c in text {
            if c == open { if depth == 0 { count += 1 }; depth += 1 }
            if c == close { depth -= 1; if depth < 0 { return nil } }
        }
        return depth == 0 ? count : nil
    }
}
