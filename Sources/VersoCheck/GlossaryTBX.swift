import Foundation
import VersoText

/// TBX glossaries (interim reader until the libxml2 reader of `CXMLShim` is merged).
enum GlossaryTBX {
    static func parse(_ data: Data, path: String, source: String, target: String) throws -> [GlossaryEntry] {
        let text = String(decoding: data, as: UTF8.self)
        var entries: [GlossaryEntry] = []
        let s = LanguageData.baseLanguage(source), t = LanguageData.baseLanguage(target)
        for entry in text.components(separatedBy: "<termEntry").dropFirst() {
            var terms: [String: String] = [:]
            for lang in entry.components(separatedBy: "<langSet").dropFirst() {
                guard let code = lang.range(of: "lang=\"").map({ lang[$0.upperBound...].prefix { $0 != "\"" } }),
                      let open = lang.range(of: "<term>"), let close = lang.range(of: "</term>"), open.upperBound <= close.lowerBound else { continue }
                terms[LanguageData.baseLanguage(String(code))] = String(lang[open.upperBound..<close.lowerBound])
            }
            if let a = terms[s], let b = terms[t] { entries.append(GlossaryEntry(source: a, target: b)) }
        }
        return entries
    }
}
