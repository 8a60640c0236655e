// The TSV reader on any bytes, with and without a header line and unescaping (see
// Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(Fuzz.bytes(data, size))
    for header in TSVReader.Header.allCases {
        for unescape in [false, true] {
            Fuzz.readUnits(TSVReader(.data(bytes, name: "fuzz.tsv"), sourceLanguage: "en", targetLanguage: "fr",
                                     header: header, unescape: unescape))
        }
    }
    return 0
}
