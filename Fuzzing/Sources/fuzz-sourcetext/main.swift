// The UTF-8 / UTF-16 / UTF-32 decoder: any bytes either decode to valid UTF-8 or throw a
// VersoError; UTF-8 input is kept byte for byte; lossy mode never throws for UTF-8 input.
import FuzzSupport
import VersoText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSourceText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    if let text = try? SourceText(data: bytes, name: "fuzz") {
        Fuzz.require(String(validating: text.bytes, as: UTF8.self) != nil, "decoded text is not valid UTF-8")
        Fuzz.require(text.replacements == 0, "strict decoding replaced bytes")
        if text.encoding == .utf8 { Fuzz.require(text.originalBytes == bytes, "UTF-8 input not kept byte for byte") }
    }
    if let text = try? SourceText(data: bytes, name: "fuzz", lossy: true) {
        Fuzz.require(String(validating: text.bytes, as: UTF8.self) != nil, "lossy decoding gave invalid UTF-8")
        _ = text.string
    }
    return 0
}
