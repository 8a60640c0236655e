// The TSV reader on any bytes, with every header and escape setting (see
// Fuzz.readUnits for what is checked).
import Foundation
import FuzzSupport
import VersoCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(Fuzz.bytes(data, size))
    for header in TSVReader.Header.allCases {
        for escapes in TSVReader.Escapes.allCases {
            Fuzz.readUnits(TSVReader(.data(bytes, name: "fuzz.tsv"), sourceLanguage: "en", targetLanguage: "fr",
                                     header: header, escapes: escapes))
        }
    }
    return 0
}
