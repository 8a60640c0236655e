import Foundation
import VersoText

/// Identifiers that must come through exactly: URLs, e-mail addresses, file paths and names,
/// command-line options (`--force`, `-f`), command names (in backquotes, or a quoted command
/// line: “'dpkg --help'”), hashtags and product codes (`XJ-900`, `ISO-8859-1`). A source
/// identifier that the target lacks is reported, as a change when the target has another
/// identifier of the same kind in its place.
///
/// A localised URL is fine: the same host (or the host with the target language as its first
/// label, `fr.example.org`), and the same path once language segments are set aside (`/en/`,
/// `/en-us/` ↔ `/fr/`, `?lang=fr`). E-mail addresses and hosts compare case-insensitively.
/// Identifiers the target adds are not reported: translation teams add their own address. An
/// example URL (`smb://server/share`, `https://example.org/…`, `Data/example-hosts.txt`) may
/// be localised as long as it keeps its scheme.
struct UrlMismatchCheck: Check {
    static let info = CheckInfo(
        code: "url-mismatch", category: .accuracy, severity: .major,
        summary: "A URL, e-mail address, file path, option, command, hashtag or product code not kept exactly.",
        example: "“Run apt-get --fix-broken” ⇒ “Lancez apt-get --reparer”")

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        let languages = [document.sourceLanguage, document.targetLanguage].map { LanguageData.baseLanguage($0).lowercased() }
        let extensions = document.technical.fileExtensions, examples = document.technical.exampleHosts
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            let source = Identifiers.find(in: bead.source.text, extensions: extensions)
            guard !source.isEmpty else { continue }
            let target = Identifiers.find(in: bead.target.text, extensions: extensions)
            let targetText = bead.target.text
            var unused = target.filter { t in !source.contains { Self.same($0, t, languages: languages) } }
            var seen: [String: Int] = [:]
            for identifier in source {
                // The n-th occurrence in the source needs n in the target ("dpkg --contents (= dpkg-deb --contents)").
                seen[identifier.text, default: 0] += 1
                if seen[identifier.text]! > 1 {
                    if Self.occurrences(targetText, identifier.text) >= seen[identifier.text]! { continue }
                } else if target.contains(where: { Self.same(identifier, $0, languages: languages) }) { continue }
                // An example URL ("smb://server/…") may be localised: the same scheme is enough.
                if identifier.kind == .url, Self.isExample(identifier.text, hosts: examples),
                   target.contains(where: { $0.kind == .url && Self.scheme($0.text) == Self.scheme(identifier.text) }) { continue }
                // Kept inside a longer identifier or in running text ("apt-get" in "« apt-get »").
                if identifier.kind != .url && identifier.kind != .email && Self.occurrences(targetText, identifier.text) >= seen[identifier.text]! { continue }
                if identifier.kind == .code && bead.target.tokens.contains(where: { $0.text == identifier.text }) { continue }
                if let k = unused.firstIndex(where: { $0.kind == identifier.kind }) {
                    let replacement = unused.remove(at: k)
                    findings.append(Self.info.finding(
                        bead: bead.index, "the \(identifier.kind.rawValue) “\(identifier.text)” became “\(replacement.text)”: it must be kept exactly",
                        side: .target, span: replacement.span, suggestion: "write \(identifier.text)"))
                } else {
                    findings.append(Self.info.finding(
                        bead: bead.index, "the \(identifier.kind.rawValue) “\(identifier.text)” is not in the target",
                        side: .source, span: identifier.span, suggestion: "keep \(identifier.text) as written"))
                }
            }
        }
        return findings
    }

    static func scheme(_ url: String) -> String { url.range(of: "://").map { url[..<$0.lowerBound].lowercased() } ?? "" }

    /// Whether the URL's host is an example host (`Data/example-hosts.txt`).
    static func isExample(_ url: String, hosts: Set<String>) -> Bool {
        guard let r = url.range(of: "://") else { return false }
        let rest = url[r.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }.lowercased()
        return hosts.contains(host) || hosts.contains { $0.hasPrefix(".") && host.hasSuffix($0) }
    }

    /// How often `text` holds `word` with no letter, digit, dash or underscore glued to it.
    static func occurrences(_ text: String, _ word: String) -> Int {
        var search = text.startIndex..<text.endIndex, count = 0
        while let r = text.range(of: word, range: search) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            let glued = { (c: Character) in c.isLetter || c.isNumber || c == "-" || c == "_" }
            if !glued(before) && !glued(after) { count += 1 }
            search = r.upperBound..<text.endIndex
        }
        return count
    }

    /// Whether two identifiers are the same one, a URL localised for the target allowed.
    static func same(_ a: Identifier, _ b: Identifier, languages: [String]) -> Bool {
        guard a.kind == b.kind else { return false }
        switch a.kind {
        case .email: return a.text.lowercased() == b.text.lowercased()
        case .url: return a.text == b.text || localised(a.text, languages: languages) == localised(b.text, languages: languages)
        default: return a.text == b.text
        }
    }

    /// A URL with its language marks set aside: the scheme and host lower-cased, a first host
    /// label that is a language code dropped, path segments and query values that are one of
    /// the pair's language codes (or a code with a region, `en-us`, `en_GB`) dropped.
    static func localised(_ url: String, languages: [String]) -> String {
        let isLanguage = { (part: Substring) -> Bool in
            let lower = part.lowercased()
            let base = lower.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? lower
            return languages.contains(base) && lower.count <= 7
        }
        var rest = Substring(url)
        var scheme = ""
        if let r = rest.range(of: "://") { scheme = rest[..<r.upperBound].lowercased(); rest = rest[r.upperBound...] }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased().split(separator: ".")
        if host.count > 2, let first = host.first, isLanguage(first) { host.removeFirst() }
        if host.first == "www" { host.removeFirst() }
        let tail = rest[hostEnd...]
        let queryStart = tail.firstIndex(of: "?") ?? tail.endIndex
        let path = tail[..<queryStart].split(separator: "/", omittingEmptySubsequences: false).filter { !isLanguage($0) }
        let query = tail[queryStart...].dropFirst().split(separator: "&").filter { item in
            guard let eq = item.firstIndex(of: "=") else { return true }
            return !isLanguage(item[item.index(after: eq)...])
        }
        return scheme + host.joined(separator: ".") + path.joined(separator: "/") + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
