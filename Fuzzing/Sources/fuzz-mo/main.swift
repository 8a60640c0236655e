// The gettext MO reader on any bytes: offsets and lengths from the file are never trusted
// (see Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMO(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.readUnits(MOReader(.data(Data(Fuzz.bytes(data, size)), name: "fuzz.mo")))
    return 0
}
