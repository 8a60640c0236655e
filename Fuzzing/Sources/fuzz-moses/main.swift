// The Moses reader on two sides cut from one input at its first NUL (see Fuzz.readUnits); the
// line counts it compares must be the lines it then reads.
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoses(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (source, target) = Fuzz.split(Fuzz.bytes(data, size))
    Fuzz.readUnits(MosesReader(source: .data(Data(source), name: "fuzz.en"), target: .data(Data(target), name: "fuzz.fr"),
                               sourceLanguage: "en", targetLanguage: "fr"))
    return 0
}
