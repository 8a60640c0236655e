// The stream's record parser on every line of the input: a record or a failure with a message,
// never a crash; a parsed record has an id and non-blank texts.
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStream(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        for lossy in [false, true] {
            switch StreamRecord.parse(line, lossy: lossy) {
            case .success(let record):
                Fuzz.require(!record.id.isEmpty, "a record without id was accepted")
                Fuzz.require(record.source.unicodeScalars.contains { !$0.properties.isWhitespace }, "a blank source was accepted")
            case .failure(let failure):
                Fuzz.require(!failure.message.isEmpty, "a failure without a message")
            }
        }
    }
    return 0
}
