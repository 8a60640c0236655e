import Foundation

/// Reads SubRip (`.srt`) and WebVTT (`.vtt`) subtitles: each cue is a block with its times;
/// its lines are joined with a space (a line break in a cue is layout); cue markup (`<i>`,
/// `<b>`, `<c.yellow>`, `<v Mary>`, timestamps, SubRip's `{\an8}`) becomes placeholders. A
/// sentence that runs over two cues is two segments the aligner may join (cues carry no
/// paragraph boundary between them until a sentence ends).
enum SubtitleReader {
    /// Reads subtitles (valid UTF-8 without BOM; ``DocumentReader`` decodes).
    /// - Throws: ``VersoError`` when no cue can be read (the file is not subtitles).
    /// - Complexity: O(n) in the size of the file.
    static func read(_ bytes: [UInt8], name: String, format: DocumentFormat) throws -> StructuredDocument {
        var lines: [(text: String, range: Range<Int>)] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            var end = i
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            lines.append((String(decoding: bytes[start..<end], as: UTF8.self), start..<end))
            start = i + 1
        }
        var blocks: [DocumentBlock] = []
        var k = 0
        var badTimes: Int?
        while k < lines.count {
            // A cue: an optional id line, a timing line, then text lines up to a blank line.
            guard lines[k].text.contains("-->") else { k += 1; continue }
            let timing = lines[k]
            let parts = timing.text.components(separatedBy: "-->")
            let from = parseTime(parts[0]), to = parseTime(parts.count > 1 ? String(parts[1].split(separator: " ").first ?? "") : "")
            if from == nil || to == nil { badTimes = badTimes ?? k + 1 }
            k += 1
            var builder = BlockBuilder()
            builder.cover(timing.range)
            var first = true
            var open: [(name: String, id: Int)] = []
            while k < lines.count, !lines[k].text.trimmingCharacters(in: .whitespaces).isEmpty {
                if !first { builder.lineBreak() }
                first = false
                appendCueText(lines[k].text, to: &builder, open: &open)
                builder.cover(lines[k].range)
                k += 1
            }
            let time: ClosedRange<Double>? = from.flatMap { f in to.map { f...max(f, $0) } }
            if let block = builder.finish(kind: .cue, time: time, fallbackRange: timing.range) { blocks.append(block) }
        }
        if blocks.isEmpty {
            throw VersoError(.badData, "no subtitle cue found (a cue needs a timing line such as 00:00:01,000 --> 00:00:04,000)",
                             file: name, line: badTimes, fix: "check the file is \(format.displayName), or pass --input-format text")
        }
        return StructuredDocument(origin: DocumentOrigin(name: name, format: format, lineStarts: DocumentOrigin.lineStarts(of: bytes)),
                                  blocks: blocks)
    }

    /// Seconds from `01:02:03,450`, `01:02:03.450` or `02:03.450`.
    static func parseTime(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let fields = t.split(separator: ":")
        guard (2...3).contains(fields.count) else { return nil }
        var seconds = 0.0
        for f in fields {
            guard let v = Double(f), v >= 0 else { return nil }
            seconds = seconds * 60 + v
        }
        return seconds
    }

    /// Text of one cue line: tags and `{…}` overrides as placeholders, the few entities WebVTT
    /// defines decoded.
    static func appendCueText(_ line: String, to builder: inout BlockBuilder, open: inout [(name: String, id: Int)]) {
        var text = ""
        var i = line.startIndex
        func flushText() {
            guard !text.isEmpty else { return }
            var t = text
            for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", "\u{00A0}"), ("&lrm;", "\u{200E}"), ("&rlm;", "\u{200F}"), ("&amp;", "&")] {
                t = t.replacingOccurrences(of: entity, with: value)
            }
            builder.append(t)
            text = ""
        }
        while i < line.endIndex {
            let c = line[i]
            if c == "<", let close = line[i...].firstIndex(of: ">") {
                flushText()
                let tag = String(line[i...close])
                let body = tag.dropFirst().dropLast()
                let inner = body.hasPrefix("/") ? body.dropFirst() : body
                let key = String(inner.prefix { $0 != "." && $0 != " " }).lowercased()
                if body.hasPrefix("/") {
                    if let index = open.lastIndex(where: { $0.name == key }) {
                        builder.close(open[index].id, tag, type: key)
                        open.remove(at: index)
                    } else {
                        builder.standalone(tag, type: key)
                    }
                } else if body.first?.isNumber == true {
                    builder.standalone(tag, type: "timestamp")
                } else {
                    open.append((key, builder.open(tag, type: key)))
                }
                i = line.index(after: close)
            } else if c == "{", line[i...].hasPrefix("{\\"), let close = line[i...].firstIndex(of: "}") {
                flushText()
                builder.standalone(String(line[i...close]), type: "override")
                i = line.index(after: close)
            } else {
                text.append(c)
                i = line.index(after: i)
            }
        }
        flushText()
    }
}
