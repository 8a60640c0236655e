// The XLIFF reader on any bytes (see Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    if Fuzz.knownXMLParserCrash(bytes) { return 0 }
    Fuzz.readUnits(XLIFFReader(.data(Data(bytes), name: "fuzz.xlf")))
    return 0
}
