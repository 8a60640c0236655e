// The gettext PO reader on any bytes, with and without untranslated entries (see
// Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPO(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(Fuzz.bytes(data, size))
    for untranslated in [false, true] {
        Fuzz.readUnits(POReader(.data(bytes, name: "fuzz.po"), includeUntranslated: untranslated))
    }
    return 0
}
