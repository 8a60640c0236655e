// The TMX reader on any bytes (see Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    for tags in TMXReader.InlineTags.allCases {
        Fuzz.readUnits(TMXReader(.data(Data(bytes), name: "fuzz.tmx"), options: TMXReader.Options(inlineTags: tags)))
    }
    return 0
}
