// The XLIFF reader (2.0 and 1.2) on any bytes (see Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    Fuzz.readUnits(XLIFFReader(.data(Data(bytes), name: "fuzz.xlf")))
    return 0
}
