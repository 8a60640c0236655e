// The document readers (format detection, HTML, Markdown, DOCX, ODT, EPUB, SubRip, WebVTT,
// gzip, plain text; PDF is left out: each input would start pdftotext) on any bytes, named by
// the first byte's extension. Either the reader throws a VersoError, or every block's inline
// codes lie inside its text in order, every block's source range lies inside the input (for the
// formats read from the input itself, not from an archive entry), and the
// document segments into sentences that lie inside its text.
import Foundation
import FuzzSupport
import VersoText

nonisolated(unsafe) private var segmenter: Segmenter?   // only the fuzzing thread uses it

private let extensions = ["html", "md", "srt", "vtt", "docx", "odt", "epub", "txt", "xhtml", "gz"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    guard let first = bytes.first else { return 0 }
    let name = "fuzz.\(extensions[Int(first) % extensions.count])"
    let body = Array(bytes.dropFirst())
    if body.starts(with: Array("%PDF".utf8)) { return 0 }
    let document: Document
    do {
        document = try DocumentReader.read(data: body, name: name, options: ReadOptions(lossy: first & 0x80 != 0))
    } catch is VersoError {
        return 0
    } catch {
        fatalError("\(name): not a VersoError: \(error)")
    }
    if case .structured(let structured) = document {
        for (i, block) in structured.blocks.enumerated() {
            let length = block.text.unicodeScalars.count
            var previous = 0
            for code in block.codes {
                Fuzz.require(code.offset >= previous && code.offset <= length, "\(name) block \(i): code at \(code.offset) outside its text (\(length)) or out of order")
                previous = code.offset
            }
            // Ranges of archive formats point into the archive's XML entry, not into the input.
            if [.html, .markdown, .srt, .vtt].contains(structured.origin.format), !name.hasSuffix(".gz") {
                Fuzz.require(block.sourceRange.lowerBound >= 0 && block.sourceRange.upperBound <= body.count,
                             "\(name) block \(i): source range \(block.sourceRange) outside the input (\(body.count) bytes)")
            }
        }
    }
    if segmenter == nil { segmenter = try? Segmenter(language: "en") }
    guard let segmenter else { fatalError("no segmenter for en") }
    let segmented = segmenter.segment(document)
    let text = segmented.source.bytes
    for segment in segmented.segments {
        Fuzz.require(segment.byteRange.upperBound <= text.count, "\(name): segment \(segment.index) at \(segment.byteRange) outside the text")
    }
    return 0
}
