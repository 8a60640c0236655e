// Block detection and sentence segmentation: whatever the text, the segments keep their
// offsets, lie inside the text in order, and with the gaps between them give back the input
// byte for byte; --segmented (one sentence a line) likewise. The first byte picks the language.
import FuzzSupport
import VersoText

// Segmenters own ICU iterators; one per language, made once (libFuzzer runs one input at a time).
nonisolated(unsafe) private var segmenters: [String: Segmenter] = [:]   // only the fuzzing thread uses it

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegment(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    guard let first = bytes.first else { return 0 }
    let language = ["en", "fr", "de", "ja"][Int(first) % 4]
    guard let text = try? SourceText(data: Array(bytes.dropFirst()), name: "fuzz", lossy: true) else { return 0 }
    if segmenters[language] == nil { segmenters[language] = try? Segmenter(language: language) }
    guard let segmenter = segmenters[language] else { fatalError("no segmenter for \(language)") }
    for document in [segmenter.segment(text), Segmenter.lines(text, language: language)] {
        var previous = 0
        for segment in document.segments {
            Fuzz.require(segment.byteRange.lowerBound >= previous && segment.byteRange.upperBound <= text.bytes.count,
                         "segment \(segment.index) at \(segment.byteRange) is out of order or outside the text")
            previous = segment.byteRange.upperBound
        }
        Fuzz.require(document.reconstructed() == text.originalBytes, "segments and gaps do not give back the input")
        Fuzz.require(document.scalarOffsets().count == document.segments.count, "one scalar range per segment")
    }
    return 0
}
