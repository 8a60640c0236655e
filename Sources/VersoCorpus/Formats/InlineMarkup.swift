import VersoText

/// Builds one side's plain text and its inline codes while a reader walks a segment's elements
/// (TMX `<seg>`, XLIFF `<source>`/`<target>`): text is appended, codes are placed at the current
/// offset (in Unicode scalars) and numbered from 1 in reading order, as `InlineCode` says.
struct InlineTextBuilder {
    private(set) var text = ""
    private(set) var codes: [InlineCode] = []
    /// Unicode scalars in `text` (the offset of the next code).
    private(set) var offset = 0
    private var nextID = 1
    /// Opening codes waiting for their closing one, by the format's pairing key (TMX `i`, XLIFF
    /// `rid` or `id`, XLIFF 2 `id`).
    private var openByKey: [String: Int] = [:]
    /// The type of each opening code, by id: a closing code without a type of its own (TMX
    /// `<ept>` has no `type`) takes its opening code's.
    private var openTypes: [Int: String] = [:]

    mutating func append(_ piece: String) {
        text += piece
        offset += piece.unicodeScalars.count
    }

    /// An opening code; with a key, a later `close(key:)` of the same key closes it. Returns its id.
    @discardableResult
    mutating func open(key: String?, original: String, type: String) -> Int {
        let id = nextID
        nextID += 1
        if let key { openByKey[key] = id }
        openTypes[id] = type
        codes.append(InlineCode(kind: .open, id: id, offset: offset, original: original, type: type))
        return id
    }

    /// The closing code of the opening one with `key`; an isolated closing code when there is none.
    mutating func close(key: String?, original: String, type: String) {
        if let key, let id = openByKey.removeValue(forKey: key) {
            close(id: id, original: original, type: type)
        } else {
            let id = nextID
            nextID += 1
            codes.append(InlineCode(kind: .close, id: id, offset: offset, original: original, type: type))
        }
    }

    /// The closing code of the opening code `id` (an element that spans text, such as `<g>`).
    mutating func close(id: Int, original: String, type: String) {
        let type = type.isEmpty ? openTypes[id] ?? "" : type
        codes.append(InlineCode(kind: .close, id: id, offset: offset, original: original, type: type))
    }

    /// A standalone code.
    mutating func standalone(original: String, type: String) {
        codes.append(InlineCode(kind: .standalone, id: nextID, offset: offset, original: original, type: type))
        nextID += 1
    }
}

/// A side's text cut at its inline codes, for writers.
enum InlineMarkup {
    enum Piece: Equatable {
        case text(String)
        /// A code; `paired` when its partner (the close of an open, the open of a close) is in
        /// the same side, so the format's paired elements fit; an unpaired one is isolated.
        case code(InlineCode, paired: Bool)
    }

    /// `text` and `codes` in reading order: codes at equal offsets keep their order. Codes past
    /// the end of the text go at the end.
    ///
    /// - Complexity: O(text length + codes log codes).
    static func pieces(_ text: String, _ codes: [InlineCode]) -> [Piece] {
        guard !codes.isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        let ordered = codes.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        var opened: [Int: Int] = [:]  // id -> index of its open in `ordered`
        var paired = Set<Int>()       // indices of codes that have their partner
        for (i, code) in ordered.enumerated() {
            switch code.kind {
            case .open: opened[code.id] = i
            case .close:
                if let j = opened.removeValue(forKey: code.id) { paired.insert(i); paired.insert(j) }
            case .standalone: break
            }
        }
        var out: [Piece] = []
        var scalars = text.unicodeScalars[...]
        var position = 0
        for (i, code) in ordered.enumerated() {
            let offset = max(0, min(code.offset, position + scalars.count))
            if offset > position {
                let cut = scalars.index(scalars.startIndex, offsetBy: offset - position)
                out.append(.text(String(String.UnicodeScalarView(scalars[..<cut]))))
                scalars = scalars[cut...]
                position = offset
            }
            out.append(.code(code, paired: code.kind == .standalone || paired.contains(i)))
        }
        if !scalars.isEmpty { out.append(.text(String(String.UnicodeScalarView(scalars)))) }
        return out
    }

    /// True when the paired codes of `pieces` nest properly (every close ends the latest open
    /// span), so they can be written as elements that contain their text (XLIFF 2 `<pc>`).
    static func nestsProperly(_ pieces: [Piece]) -> Bool {
        var stack: [Int] = []
        for case .code(let code, true) in pieces {
            switch code.kind {
            case .open: stack.append(code.id)
            case .close:
                guard stack.last == code.id else { return false }
                stack.removeLast()
            case .standalone: break
            }
        }
        return stack.isEmpty
    }
}

extension InlineCode {
    /// The codes of several segments joined into one text with `separator` between them
    /// (scalars in `separator`): offsets move with each segment's start, ids are renumbered so
    /// they stay unique and in reading order in the joined text.
    ///
    /// - Complexity: O(total text length + codes).
    static func joined(_ segments: [(text: String, codes: [InlineCode])], separatorScalars: Int = 1) -> [InlineCode] {
        var out: [InlineCode] = []
        var base = 0
        var idBase = 0
        for (index, segment) in segments.enumerated() {
            if index > 0 { base += separatorScalars }
            var maxID = 0
            for var code in segment.codes {
                maxID = max(maxID, code.id)
                code.id += idBase
                code.offset += base
                out.append(code)
            }
            idBase += maxID
            base += segment.text.unicodeScalars.count
        }
        return out
    }
}
