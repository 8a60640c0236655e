// The glossary parser (CSV/TSV and TBX) on any bytes: entries or a VersoError; every entry has
// a target term (a forbidden term may have no source).
import FuzzSupport
import VersoCheck
import VersoText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossary(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    for tbx in [false, true] {
        do {
            let entries = try GlossaryEntry.parse(bytes, name: "fuzz", tbx: tbx, sourceLanguage: "en", targetLanguage: "fr")
            if !tbx { Fuzz.require(entries.allSatisfy { !$0.target.isEmpty }, "an entry with an empty target term") }
        } catch is VersoError {
        } catch {
            Fuzz.require(false, "the glossary parser threw something else than a VersoError: \(error)")
        }
    }
    return 0
}
