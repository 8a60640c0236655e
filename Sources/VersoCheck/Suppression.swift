import Foundation
import VersoText

/// A finding's identity across runs: a hash of its code, its side, the text it points at and
/// the sentence it is about, all in the comparison form (``Folding``). Nothing positional goes
/// in (no bead number, no offset), so the fingerprint survives edits elsewhere in the document:
/// a paragraph added above, a sentence fixed below, the findings of other beads coming and going.
public enum Fingerprint {
    /// Hex digits kept from the SHA-256 (64 bits).
    public static let length = 16

    /// The fingerprint of a finding on a bead whose sides read `source` and `target` (sentences
    /// joined with one space, what spans index).
    ///
    /// The context is the source sentence (translators edit targets, so a target finding keeps
    /// its identity while the rest of its target changes); a bead with no source uses its target.
    /// - Complexity: O(length of the bead's text).
    public static func of(_ finding: Finding, source: String, target: String) -> String {
        let own = finding.side == .target ? target : source
        let context = source.isEmpty ? target : source
        let parts = [finding.code, finding.side.rawValue, normalised(snippet(finding, in: own)), normalised(context)]
        return String(SHA256.hex(SHA256.digest(Array(parts.joined(separator: "\u{1F}").utf8))).prefix(length))
    }

    /// The text a finding's span covers (Unicode scalar offsets), or "" without a span.
    public static func snippet(_ finding: Finding, in text: String) -> String {
        guard let span = finding.span else { return "" }
        let scalars = text.unicodeScalars
        guard span.lowerBound >= 0, span.upperBound <= scalars.count, span.lowerBound <= span.upperBound else { return "" }
        let lo = scalars.index(scalars.startIndex, offsetBy: span.lowerBound), hi = scalars.index(lo, offsetBy: span.count)
        return String(scalars[lo..<hi])
    }

    /// Folded, with every run of spaces one space and none at the ends.
    public static func normalised(_ text: String) -> String {
        Folding.fold(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The findings of an earlier run: a check gates only on findings that are not in it. A count
/// per fingerprint, so that a second occurrence of a known finding (the same glitch in a new
/// copy of a sentence) is new.
public struct Baseline: Sendable, Equatable {
    public private(set) var counts: [String: Int] = [:]

    public init(fingerprints: some Sequence<String>) {
        for fingerprint in fingerprints { counts[fingerprint, default: 0] += 1 }
    }

    /// The fingerprints of a ``SuppressionFile`` (every `fingerprint=` entry), as a baseline:
    /// every finding with one of them is known, however many there are.
    public init(_ file: SuppressionFile) {
        for fingerprint in file.entries.compactMap(\.fingerprint) { counts[fingerprint] = Int.max }
    }

    /// Which of `fingerprints` (one per finding, in order) are new: not in the baseline once the
    /// known ones have been used up.
    public func isNew(_ fingerprints: [String]) -> [Bool] {
        var left = counts
        return fingerprints.map { fingerprint in
            guard let n = left[fingerprint] ?? left.first(where: { fingerprint.hasPrefix($0.key) })?.value, n > 0 else { return true }
            left[fingerprint] = n - 1
            return false
        }
    }
}

/// A project's suppressions (`.verso-ignore`): findings a reviewer has accepted or marked as
/// false alarms, by fingerprint, and rules that silence a check where it does not apply.
///
/// The format, one entry a line:
///
/// ```
/// # Lines starting with # are comments; blank lines are skipped.
/// fingerprint=3f2a9c0d1e2b4a5c status=accepted reason: the brand keeps its English name
/// code=typography path=docs/legal/* reason: the legal team's typography is the client's
/// code=spelling text=rebasage reason: git's own French word
/// ```
///
/// An entry is `key=value` selectors, then `reason:` and a reason (required: a suppression
/// nobody can explain is one nobody can review). A finding is suppressed when it matches every
/// selector of an entry. Keys: `fingerprint` (the 16 hex digits of ``Fingerprint``, or a
/// prefix of 8 or more), `code` (a check code), `path` (a glob, `*` `?` `[…]`, on the
/// document's path as given to verso or relative to the file's folder), `side` (`source`,
/// `target`, `both`), `severity` (this severity or milder), `text` (a glob on the text the
/// finding points at, in the comparison form: case and accents folded), `status`
/// (`false-alarm` or `accepted`: what the reviewer decided, kept for the record).
public struct SuppressionFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var fingerprint: String?
        public var code: String?
        public var path: String?
        public var side: Side?
        public var severity: Severity?
        public var text: String?
        public var status: String?
        public var reason: String
        /// 1-based line in the file.
        public var line: Int

        public init(fingerprint: String? = nil, code: String? = nil, path: String? = nil, side: Side? = nil, severity: Severity? = nil,
                    text: String? = nil, status: String? = nil, reason: String, line: Int = 0) {
            self.fingerprint = fingerprint
            self.code = code
            self.path = path
            self.side = side
            self.severity = severity
            self.text = text
            self.status = status
            self.reason = reason
            self.line = line
        }
    }

    public var entries: [Entry]
    /// The file's path (messages, and `path=` globs relative to its folder).
    public var path: String

    public init(entries: [Entry], path: String) {
        self.entries = entries
        self.path = path
    }

    static let statuses: Set<String> = ["false-alarm", "accepted"]

    /// Reads a suppression file.
    /// - Parameter codes: the check codes `code=` may name (``CheckRegistry``'s by default).
    /// - Throws: `VersoError` (.badInput) naming the file and line, what is wrong and the fix.
    public static func read(path: String, codes: Set<String> = Set(CheckRegistry.all.map { $0.info.code })) throws -> SuppressionFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VersoError(.unreadable, "the suppression file cannot be read", file: path, fix: "check the path, or leave --ignore-file out")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VersoError(.invalidEncoding, "the suppression file is not UTF-8", file: path, fix: "save it as UTF-8")
        }
        return try parse(text, path: path, codes: codes)
    }

    /// Parses the text of a suppression file (see the format above).
    /// - Throws: `VersoError` (.badInput) with the line, what is wrong and the fix.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, path: String, codes: Set<String> = Set(CheckRegistry.all.map { $0.info.code })) throws -> SuppressionFile {
        var entries: [Entry] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = n + 1
            let content = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty || content.hasPrefix("#") { continue }
            func fail(_ what: String, _ fix: String) -> VersoError { VersoError(.badInput, what, file: path, line: line, fix: fix) }
            guard let marker = content.range(of: "reason:") else {
                throw fail("the entry has no reason: '\(content)'", "end the line with 'reason: why this finding is not to be reported'")
            }
            let reason = content[marker.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { throw fail("the reason is empty", "say after 'reason:' why the finding is not to be reported") }
            var entry = Entry(reason: reason, line: line)
            for selector in content[..<marker.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                guard let eq = selector.firstIndex(of: "="), eq != selector.startIndex else {
                    throw fail("'\(selector)' is not key=value", "write selectors as key=value (fingerprint, code, path, side, severity, text, status) before 'reason:'")
                }
                let key = String(selector[..<eq]), value = String(selector[selector.index(after: eq)...])
                guard !value.isEmpty else { throw fail("\(key)= has no value", "give \(key) a value, or remove it") }
                switch key {
                case "fingerprint", "fp":
                    let hex = value.lowercased()
                    guard hex.count >= 8, hex.count <= Fingerprint.length, hex.allSatisfy({ $0.isHexDigit }) else {
                        throw fail("'\(value)' is not a fingerprint", "copy the \(Fingerprint.length) hex digits that verso prints (--write-baseline, or the HTML report), or 8 of them at least")
                    }
                    entry.fingerprint = hex
                case "code":
                    guard codes.contains(value) else {
                        throw fail("unknown check code '\(value)'", "use one of: \(codes.sorted().joined(separator: ", ")) (see `verso checks`)")
                    }
                    entry.code = value
                case "path": entry.path = value
                case "side":
                    guard let side = Side(rawValue: value) else { throw fail("unknown side '\(value)'", "write side=source, side=target or side=both") }
                    entry.side = side
                case "severity":
                    guard let severity = Severity(rawValue: value) else {
                        throw fail("unknown severity '\(value)'", "write severity=info, minor, major or critical (it suppresses that severity and milder)")
                    }
                    entry.severity = severity
                case "text": entry.text = Fingerprint.normalised(value)
                case "status":
                    guard statuses.contains(value) else { throw fail("unknown status '\(value)'", "write status=false-alarm or status=accepted") }
                    entry.status = value
                default:
                    throw fail("unknown key '\(key)'", "use fingerprint, code, path, side, severity, text or status")
                }
            }
            guard entry.fingerprint != nil || entry.code != nil || entry.path != nil || entry.text != nil else {
                throw fail("the entry selects every finding", "give a fingerprint, a code, a path or a text to say which findings it suppresses")
            }
            entries.append(entry)
        }
        return SuppressionFile(entries: entries, path: path)
    }

    /// The first entry that suppresses a finding, if any.
    ///
    /// - Parameters:
    ///   - fingerprint: the finding's ``Fingerprint``.
    ///   - snippet: the text the finding points at (``Fingerprint/snippet(_:in:)``).
    ///   - document: the path of the document (or memory) the finding is in, as given to verso.
    public func entry(for finding: Finding, fingerprint: String, snippet: String, document: String?) -> Entry? {
        entries.first { entry in
            if let f = entry.fingerprint, !fingerprint.hasPrefix(f) { return false }
            if let code = entry.code, code != finding.code { return false }
            if let side = entry.side, side != finding.side { return false }
            if let severity = entry.severity, finding.severity > severity { return false }
            if let text = entry.text, !Self.glob(text, Fingerprint.normalised(snippet)) { return false }
            if let pattern = entry.path {
                guard let document else { return false }
                let folder = (path as NSString).deletingLastPathComponent
                let relative = document.hasPrefix(folder + "/") ? String(document.dropFirst(folder.count + 1)) : document
                let plain = document.hasPrefix("./") ? String(document.dropFirst(2)) : document
                if !Self.glob(pattern, document) && !Self.glob(pattern, relative) && !Self.glob(pattern, plain) { return false }
            }
            return true
        }
    }

    /// fnmatch(3) glob: `*`, `?`, `[…]`; `*` also crosses `/`.
    static func glob(_ pattern: String, _ text: String) -> Bool { fnmatch(pattern, text, 0) == 0 }

    /// The lines of a file that suppresses exactly these findings by fingerprint (what
    /// `--write-baseline` writes): a header comment, then per finding a comment quoting it and
    /// its entry. Same findings, same bytes.
    public static func render(baseline: [(finding: Finding, fingerprint: String, location: String)], reason: String = "in the baseline") -> String {
        var out = """
        # Verso suppressions (.verso-ignore format): every line below suppresses one finding by
        # its fingerprint. Edit the reasons; see `verso check --help` for rules by code and path.

        """
        var seen = Set<String>()
        for item in baseline where seen.insert(item.fingerprint).inserted {
            let message = item.finding.message.replacingOccurrences(of: "\n", with: " ")
            out += "# \(item.location): \(item.finding.severity.rawValue): [\(item.finding.code)] \(message)\n"
            out += "fingerprint=\(item.fingerprint) reason: \(reason)\n"
        }
        return out
    }
}
