import Foundation
import VersoText

/// TBX glossaries, TBX 2 (`martif`: `termEntry` › `langSet` › `tig`/`ntig` › `term`) and TBX 3
/// (`tbx`: `conceptEntry` › `langSec` › `termSec` › `term`).
///
/// One concept gives: for each source term, an entry to translate it with the concept's
/// preferred target term (the admitted ones as alternatives); a target term whose
/// `administrativeStatus` (or TBX 2's `normativeAuthorization`) is deprecated or superseded gives
/// a forbidden entry; a note saying “do not translate” (or `DNT`) on the concept or the source
/// term makes the source term one to keep as it is. Each entry's origin is the file and the line
/// of its concept. The XML is read by ``SafeXML`` (libxml2 through `CXMLShim`: no entity
/// declarations, no external DTD, bounded nesting).
enum GlossaryTBX {
    /// - Throws: `VersoError` naming the file and line when the XML is not well-formed or breaks
    ///   ``SafeXML``'s policy.
    static func parse(_ data: Data, path: String, source: String, target: String) throws -> [GlossaryEntry] {
        let handler = Handler(name: (path as NSString).lastPathComponent, source: LanguageData.baseLanguage(source), target: LanguageData.baseLanguage(target))
        try SafeXML.parse(data: data, name: path, handler: handler)
        return handler.entries
    }

    /// The term and what its notes say.
    private struct Term {
        var text = ""
        var status = ""
        var notes = ""
    }

    /// Collects concepts as the parser goes (used on one thread, then dropped).
    private final class Handler: XMLContentHandler {
        let name: String, source: String, target: String
        var entries: [GlossaryEntry] = []
        private var conceptLine = 0
        private var conceptNotes = ""
        private var terms: [String: [Term]] = [:]
        private var language: String?
        private var term: Term?
        private var text = ""
        private var capture: String?

        init(name: String, source: String, target: String) {
            self.name = name
            self.source = source
            self.target = target
        }

        func start(_ tag: XMLStartTag) {
            let attributes = tag.attributes
            switch tag.name {
            case "termEntry", "conceptEntry":
                conceptLine = tag.line
                conceptNotes = ""
                terms = [:]
            case "langSet", "langSec":
                language = (attributes["xml:lang"] ?? attributes["lang"]).map(LanguageData.baseLanguage)
            case "tig", "ntig", "termSec":
                term = Term()
            case "term":
                if term == nil { term = Term() }
                capture = "term"; text = ""
            case "termNote", "note", "descrip", "admin":
                capture = attributes["type"].map { $0 == "administrativeStatus" || $0 == "normativeAuthorization" ? "status" : "note" } ?? "note"
                text = ""
            default: break
            }
        }

        func text(_ string: String) { if capture != nil { text += string } }

        func end(name: String, namespace: String?, line: Int) {
            switch name {
            case "term":
                term?.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                capture = nil
            case "termNote", "note", "descrip", "admin":
                if capture == "status" { term?.status = text.lowercased() }
                else if term != nil { term?.notes += " " + text.lowercased() } else { conceptNotes += " " + text.lowercased() }
                capture = nil
            case "tig", "ntig", "termSec":
                if let term, let language, !term.text.isEmpty { terms[language, default: []].append(term) }
                term = nil
            case "langSet", "langSec":
                // A langSet with a bare <term> (no tig) keeps it too.
                if let term, let language, !term.text.isEmpty { terms[language, default: []].append(term) }
                term = nil
                language = nil
            case "termEntry", "conceptEntry":
                finishConcept()
            default: break
            }
        }

        private func finishConcept() {
            let origin = "\(name):\(conceptLine)"
            let bad = { (t: Term) in t.status.contains("deprecated") || t.status.contains("superseded") || t.status.contains("notrecommended") }
            let sourceTerms = (terms[source] ?? []).filter { !bad($0) }
            let targetTerms = terms[target] ?? []
            let good = targetTerms.filter { !bad($0) }.sorted { $0.status.contains("preferred") && !$1.status.contains("preferred") }
            let doNotTranslate = { (t: Term) in (self.conceptNotes + t.notes).range(of: #"do not translate|\bdnt\b|untranslatable"#, options: .regularExpression) != nil }
            let note = conceptNotes.trimmingCharacters(in: .whitespaces)
            for s in sourceTerms {
                if doNotTranslate(s) {
                    entries.append(GlossaryEntry(source: s.text, target: s.text, rule: .doNotTranslate, origin: origin, note: note.isEmpty ? nil : note))
                } else if let first = good.first {
                    entries.append(GlossaryEntry(source: s.text, target: first.text, alternatives: good.dropFirst().map(\.text), origin: origin,
                                                 note: note.isEmpty ? nil : note))
                }
            }
            for t in targetTerms where bad(t) {
                entries.append(GlossaryEntry(source: sourceTerms.first?.text ?? "", target: t.text, rule: .forbidden, origin: origin))
            }
        }
    }
}
