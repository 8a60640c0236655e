// The JSONL reader on any bytes (see Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.readUnits(JSONLReader(.data(Data(Fuzz.bytes(data, size)), name: "fuzz.jsonl")))
    return 0
}
