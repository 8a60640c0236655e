import Foundation
import Synchronization
import VersoText

/// Keyboard shortcuts and accelerator markers: a key combination the target changes or drops
/// (“Ctrl+C” ⇒ “Ctrl+D”, “⌘Q”, “Alt+F4”, GTK's `<Control>q`), and a menu label whose
/// accelerator marker is lost or doubled (`_File` ⇒ `Fichier`, `&Open` ⇒ `&Ouvrir &fichier`).
///
/// Key names are compared by what key they name, in the languages of the pair
/// (`Data/key-names.<lang>.txt`, English as a fallback on both sides): “Shift+Enter” and
/// “Maj+Entrée” are the same shortcut. This needs the source and target languages to be the
/// ones the pair really has (`--source-lang`, `--target-lang`); messages about a named key say
/// so. The accelerator letter may change (it belongs to the translated word); the marker must
/// stay, once.
struct ShortcutMismatchCheck: Check {
    static let info = CheckInfo(
        code: "shortcut-mismatch", category: .design, severity: .major,
        summary: "A keyboard shortcut changed or dropped, or a menu label's accelerator marker (_File, &File) lost or doubled.",
        example: "“Press Ctrl+C to copy” ⇒ “Appuyez sur Ctrl+D pour copier”")

    /// One key combination: its modifiers and key as canonical ids.
    struct Combination: Equatable {
        var modifiers: Set<String>
        var key: String
        var text: String
        var span: Range<Int>
        /// Whether the key is a named key (Enter, Échap) rather than a character.
        var named: Bool
        func same(_ other: Combination) -> Bool { modifiers == other.modifiers && key == other.key }
    }

    static let modifierIDs: Set<String> = ["ctrl", "shift", "alt", "altgr", "meta", "super", "cmd", "option", "fn"]
    private static let patterns = Cache<String, Patterns>()

    /// The combination patterns of one language's key names (with English's).
    struct Patterns: Sendable {
        let plus: NSRegularExpression
        let symbols: NSRegularExpression
        let gtk: NSRegularExpression
        let names: [String: String]

        init(names: [String: String]) {
            self.names = names
            // "_" in a data entry stands for a space ("Verr._maj.").
            let escape = { (n: String) in NSRegularExpression.escapedPattern(for: n).replacingOccurrences(of: "_", with: "\\s+") }
            let modifiers = names.filter { modifierIDs.contains($0.value) && $0.key.unicodeScalars.count > 1 }.keys.sorted { $0.count > $1.count }.map(escape)
            let keys = names.filter { !modifierIDs.contains($0.value) }.keys.sorted { $0.count > $1.count }.map(escape)
            let key = "(F[1-9][0-9]?|" + keys.joined(separator: "|") + #"|[A-Za-z0-9]|[^\s\w+])"#
            // A key followed by a modifier's name is a side ("Ctrl+Left Shift"), not a key.
            let notSide = "(?![\\w])(?!\\s+(?:" + modifiers.joined(separator: "|") + "))"
            plus = Identifiers.regex("(?i)(?<![\\w+])((?:(?:" + modifiers.joined(separator: "|") + #")\s*\+\s*)+)"# + key + notSide)
            symbols = Identifiers.regex(#"([⌃⌥⇧⌘]+)"# + key + #"(?![\w])"#)
            gtk = Identifiers.regex(#"(?i)((?:<(?:control|ctrl|primary|shift|alt|super|meta|mod1)>)+)"# + key + #"(?![\w])"#)
        }
    }

    /// The combinations of a text.
    static func combinations(in text: String, names: [String: String], cacheKey: String) -> [Combination] {
        guard text.contains(where: { $0 == "+" || $0 == ">" || "⌃⌥⇧⌘".contains($0) }) else { return [] }
        let p = patterns.value(cacheKey) { Patterns(names: names) }
        let ns = text as NSString
        let map = ScalarOffsets(text)
        var result: [Combination] = []
        func keyID(_ raw: String) -> (String, Bool) {
            if let id = p.names[Self.normalised(raw)] { return (id, true) }
            if raw.count > 1, raw.first == "F" || raw.first == "f" { return (raw.uppercased(), true) }
            return (raw.uppercased(), false)
        }
        for (regex, style) in [(p.plus, 0), (p.symbols, 1), (p.gtk, 2)] {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let mods = ns.substring(with: match.range(at: 1))
                var ids = Set<String>()
                switch style {
                case 0: ids = Set(mods.split(separator: "+").map { Self.normalised($0) }.compactMap { p.names[$0] })
                case 1: ids = Set(mods.unicodeScalars.compactMap { p.names[String($0)] })
                default:
                    let gtkNames: [String: String] = ["primary": "ctrl", "control": "ctrl", "mod1": "alt"]
                    for name in mods.split(whereSeparator: { $0 == "<" || $0 == ">" }) {
                        let lower = name.lowercased()
                        ids.insert(gtkNames[lower] ?? p.names[lower] ?? lower)
                    }
                }
                let (key, named) = keyID(ns.substring(with: match.range(at: 2)))
                let range = match.range
                result.append(Combination(modifiers: ids, key: key, text: ns.substring(with: range),
                                          span: map.span(range.location..<(range.location + range.length)), named: named))
            }
        }
        return result.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// A key name as the names table keys it: lower case, spaces single.
    static func normalised(_ name: some StringProtocol) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// An accelerator marker of a label: `_`, `&` or `~` before the letter it underlines.
    struct Marker: Equatable { var character: Character; var offset: Int }

    /// The accelerator markers of a menu or button label (at most six words): `_` and `~` at a
    /// word start, `&` before a letter anywhere (“E&xit”) but not in `&&`, `&amp;` or “AT&T”.
    static func markers(in text: String, requireWordStart: Bool) -> [Marker] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 80, text.split(separator: " ").count <= 6 else { return [] }
        var result: [Marker] = []
        for (i, c) in scalars.enumerated() where c == "_" || c == "&" || c == "~" {
            guard i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic || (c == "_" && scalars[i + 1].properties.numericType != nil) else { continue }
            let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let atWordStart = before.map { !$0.properties.isAlphabetic && $0.properties.numericType == nil && $0 != "_" && $0 != "&" } ?? true
            switch c {
            case "&":
                if before == "&" { continue }
                if let semicolon = scalars[(i + 1)...].prefix(8).firstIndex(of: ";"), scalars[(i + 1)..<semicolon].allSatisfy({ $0.properties.isAlphabetic || $0 == "#" }) { continue }
                if let b = before, b.properties.isUppercase, scalars[i + 1].properties.isUppercase { continue }
                if requireWordStart && !atWordStart { continue }
            default:
                if requireWordStart && !atWordStart { continue }
                if c == "_", let b = before, b.properties.isAlphabetic, b.properties.isLowercase, requireWordStart { continue }
            }
            result.append(Marker(character: Character(c), offset: i))
        }
        return result
    }

    func run(_ document: CheckDocument) -> [Finding] {
        let english = document.sourceResources.language == "en" ? document.sourceResources.keyNames
            : ((try? LanguageResources.load("en").keyNames) ?? [:])
        let sourceNames = english.merging(document.sourceResources.keyNames) { _, own in own }
        let targetNames = english.merging(document.targetResources.keyNames) { _, own in own }
        let languages = "\(document.sourceLanguage) and \(document.targetLanguage)"
        var findings: [Finding] = []
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            let source = Self.combinations(in: bead.source.text, names: sourceNames, cacheKey: document.sourceResources.language)
            let target = Self.combinations(in: bead.target.text, names: targetNames, cacheKey: document.targetResources.language)
            var unused = target.filter { t in !source.contains { $0.same(t) } }
            for combination in source where !target.contains(where: { $0.same(combination) }) {
                let hint = combination.named ? " (key names are read as \(languages) names: pass --source-lang and --target-lang if the pair is in other languages)" : ""
                if !unused.isEmpty {
                    let replacement = unused.removeFirst()
                    findings.append(Self.info.finding(
                        bead: bead.index, "the shortcut “\(combination.text)” became “\(replacement.text)”\(hint)",
                        side: .target, span: replacement.span, suggestion: "write \(combination.text)"))
                } else {
                    findings.append(Self.info.finding(
                        bead: bead.index, "the shortcut “\(combination.text)” is not in the target\(hint)",
                        side: .source, span: combination.span, suggestion: "keep \(combination.text)"))
                }
            }
            findings += accelerators(bead)
        }
        return findings
    }

    private func accelerators(_ bead: AnalyzedBead) -> [Finding] {
        let source = Self.markers(in: bead.source.text, requireWordStart: true)
        guard source.count == 1, let marker = source.first else { return [] }
        let target = Self.markers(in: bead.target.text, requireWordStart: false).filter { $0.character == marker.character }
        let label = CheckText.quote(bead.source.text)
        if target.isEmpty {
            return [Self.info.finding(
                bead: bead.index, "the accelerator marker “\(marker.character)” of \(label) is lost: the item has no keyboard access in the translation",
                side: .source, span: marker.offset..<(marker.offset + 2), suggestion: "put \(marker.character) before the letter to underline")]
        }
        if target.count > 1 {
            return [Self.info.finding(
                bead: bead.index, "the target has \(target.count) accelerator markers “\(marker.character)”; a label takes one",
                side: .target, span: target[1].offset..<(target[1].offset + 2), suggestion: "keep one \(marker.character)")]
        }
        return []
    }
}
