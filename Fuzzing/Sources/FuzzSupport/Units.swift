import Foundation
import VersoCorpus
import VersoText

extension Fuzz {
    /// Reads every unit `reader` gives and checks what any reader must hold: it returns units or
    /// throws a VersoError, never anything else; what it read can be written in every format;
    /// and JSONL written from the units reads back to the same texts (nothing lost on the way).
    public static func readUnits(_ reader: UnitReader) {
        let units: [TranslationUnit]
        do { units = try reader.readAll() } catch is VersoError { return } catch {
            Fuzz.require(false, "a reader threw something else than a VersoError: \(type(of: error)) \(error)")
            return
        }
        _ = reader.remarks
        // The languages a reader found are checked by the writers (a bad xml:lang is refused
        // there with a message); the units' text is what is checked here.
        let header = CorpusHeader(sourceLanguage: "en", targetLanguage: "fr")
        let options = ExportOptions(keepEmpty: true)
        for format in [CorpusFormat.tmx, .xliff, .tsv, .jsonl] {
            do { _ = try format.render(units, header: header, options: options) } catch {
                Fuzz.require(false, "the \(format) writer refused units a reader gave: \(error)")
            }
        }
        guard let jsonl = try? CorpusFormat.jsonl.render(units, header: header, options: options) else { return }
        do {
            let back = try JSONLReader(.data(Data(jsonl.utf8), name: "round-trip")).readAll()
            Fuzz.require(back.count == units.count, "JSONL round trip: \(units.count) units became \(back.count)")
            for (a, b) in zip(units, back) {
                Fuzz.require(a.source == b.source && a.target == b.target,
                             "JSONL round trip changed a unit: \(a.source.debugDescription) → \(b.source.debugDescription)")
            }
        } catch {
            Fuzz.require(false, "JSONL written by Verso does not read back: \(error)")
        }
    }
}
