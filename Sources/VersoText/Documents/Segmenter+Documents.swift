extension Segmenter {
    /// Segments a document read from a file: plain text exactly as ``segment(_:)-(SourceText)``
    /// does, a structured document by its blocks (``segment(_:)-(StructuredDocument)``).
    /// - Complexity: O(n) in the size of the text.
    public func segment(_ document: Document) -> SegmentedDocument {
        switch document {
        case .plain(let source): return segment(source)
        case .structured(let structured): return segment(structured)
        }
    }

    /// Segments a document read by its structure: sentences inside each prose-like block
    /// (paragraph, list item, table cell, quote, caption, footnote, cue), never across blocks;
    /// headings, titles and code blocks stay whole. Each segment's ``Segment/codes`` holds the
    /// placeholders that stood inside it, with offsets into its text.
    ///
    /// The result's `source` is the document's text (``StructuredDocument/text``): blocks
    /// separated by a blank line, so that byte ranges, `reconstructed()` and scalar offsets work
    /// as for plain text; each block keeps its ``Block/sourceRange`` in the original file and
    /// the result its ``SegmentedDocument/origin``.
    /// - Complexity: O(n) in the size of the text.
    public func segment(_ document: StructuredDocument) -> SegmentedDocument {
        var bytes: [UInt8] = []
        var blocks: [Block] = []
        blocks.reserveCapacity(document.blocks.count)
        for (k, b) in document.blocks.enumerated() {
            if k > 0 { bytes.append(0x0A); bytes.append(0x0A) }
            let start = bytes.count
            bytes.append(contentsOf: b.text.utf8)
            blocks.append(Block(byteRange: start..<bytes.count, kind: b.kind, level: b.level, sourceRange: b.sourceRange,
                                language: b.language, group: b.group, time: b.time))
        }
        var segments: [Segment] = []
        segments.reserveCapacity(bytes.count / 60 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for (index, block) in blocks.enumerated() {
                let ranges: [Range<Int>]
                if Segmenter.splitsIntoSentences(block.kind) {
                    let slice = UnsafeBufferPointer(rebasing: buffer[block.byteRange])
                    let raw = iterator.boundaries(slice).map { $0.offset + block.byteRange.lowerBound }
                    let cuts = mergeCuts(raw, bytes: bytes, block: block.byteRange)
                    ranges = (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
                } else {
                    ranges = [block.byteRange]
                }
                let trimmed = ranges.map { Segmenter.trimmed($0, bytes) }.filter { !$0.isEmpty }
                let placed = Segmenter.place(document.blocks[index].codes, in: trimmed, block: block.byteRange, bytes: bytes)
                for (range, codes) in zip(trimmed, placed) {
                    let (text, moved) = Segmenter.collapsedText(bytes[range], codes: codes)
                    segments.append(Segment(index: segments.count, paragraph: index, byteRange: range, text: text, codes: moved))
                }
            }
        }
        var result = SegmentedDocument(source: SourceText(string: String(decoding: bytes, as: UTF8.self), name: document.origin.name),
                                       language: language, blocks: blocks, segments: segments, hardWrapped: false)
        result.origin = document.origin
        return result
    }

    /// Blocks whose text is split into sentences; the others (headings, titles, code, rules)
    /// are one segment each.
    static func splitsIntoSentences(_ kind: Block.Kind) -> Bool {
        switch kind {
        case .prose, .listItem, .dialogue, .tableCell, .quote, .caption, .footnote, .cue, .metadata: return true
        case .heading, .code, .rule, .title: return false
        }
    }

    /// The block's codes, each given to one segment with its offset made relative to that
    /// segment: an opening code to the segment it opens in (or the next), a closing code to
    /// the segment it closes (or the one before), a standalone code to the segment it stands in
    /// (or the one before). Ids are renumbered from 1 in each segment, a pair split across two
    /// segments leaving an opening code without its closing one in the first and the reverse in
    /// the second.
    static func place(_ codes: [InlineCode], in ranges: [Range<Int>], block: Range<Int>, bytes: [UInt8]) -> [[InlineCode]] {
        var out = [[InlineCode]](repeating: [], count: ranges.count)
        guard !codes.isEmpty, !ranges.isEmpty else { return out }
        // Scalar offsets of each range in the block's text.
        var scalarRanges: [Range<Int>] = []
        var byte = block.lowerBound, scalar = 0
        func advance(to target: Int) {
            while byte < target { if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }; byte += 1 }
        }
        for r in ranges {
            advance(to: r.lowerBound)
            let lo = scalar
            advance(to: r.upperBound)
            scalarRanges.append(lo..<scalar)
        }
        // Codes come in text order: three cursors walk the ranges once.
        var opening = 0, closing = 0, standing = 0
        let last = scalarRanges.count - 1
        for code in codes {
            let o = code.offset
            let k: Int
            switch code.kind {
            case .open:
                while opening < last && scalarRanges[opening].upperBound <= o { opening += 1 }
                k = opening
            case .close:
                while closing < last && scalarRanges[closing + 1].lowerBound < o { closing += 1 }
                k = closing
            case .standalone:
                while standing < last && scalarRanges[standing + 1].lowerBound <= o { standing += 1 }
                k = standing
            }
            let r = scalarRanges[k]
            var moved = code
            moved.offset = min(max(o, r.lowerBound), r.upperBound) - r.lowerBound
            out[k].append(moved)
        }
        for k in out.indices where !out[k].isEmpty {
            var ids: [Int: Int] = [:]
            var next = 1
            for i in out[k].indices {
                let old = out[k][i].id
                if out[k][i].kind == .standalone {
                    out[k][i].id = next; next += 1
                } else if let id = ids[old] {
                    out[k][i].id = id
                    ids[old] = nil
                } else {
                    ids[old] = next
                    out[k][i].id = next; next += 1
                }
            }
        }
        return out
    }

    /// The segment's text as ``Segment/text`` shows it (a white-space run holding a line break
    /// becomes one space, as ``displayText(_:)`` does), with code offsets moved to match.
    static func collapsedText(_ slice: ArraySlice<UInt8>, codes: [InlineCode]) -> (String, [InlineCode]) {
        let string = String(decoding: slice, as: UTF8.self)
        guard slice.contains(0x0A) || slice.contains(0x0D) else { return (string, codes) }
        let scalars = Array(string.unicodeScalars)
        var out = String.UnicodeScalarView()
        var map = [Int](repeating: 0, count: scalars.count + 1)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == " " || s == "\t" || s == "\n" || s == "\r" {
                var j = i, sawBreak = false
                while j < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[j]) { sawBreak = sawBreak || scalars[j] == "\n" || scalars[j] == "\r"; j += 1 }
                if sawBreak {
                    for k in i..<j { map[k] = out.count }
                    out.append(" ")
                } else {
                    for k in i..<j { map[k] = out.count; out.append(scalars[k]) }
                }
                i = j
            } else {
                map[i] = out.count
                out.append(s)
                i += 1
            }
        }
        map[scalars.count] = out.count
        let moved = codes.map { c -> InlineCode in
            var m = c
            m.offset = map[min(max(0, c.offset), scalars.count)]
            return m
        }
        return (String(out), moved)
    }
}

extension SegmentedDocument {
    /// 1-based line of a segment in the file it was read from: for plain text, the line of the
    /// segment's first byte; for a structured document, the line of its block in the original
    /// file.
    /// - Complexity: O(log lines) for a structured document, O(n) for plain text.
    public func originalLine(ofSegment index: Int) -> Int {
        let segment = segments[index]
        if let origin, let range = blocks[segment.paragraph].sourceRange {
            return origin.line(atByte: range.lowerBound)
        }
        return SourceText.lineNumber(in: source.bytes[...], at: segment.byteRange.lowerBound)
    }

    /// Whether the document was read by its structure (HTML, Markdown, DOCX, ODT, subtitles).
    public var isStructured: Bool { origin != nil }
}
