import Foundation
import VersoText

/// What every export says about itself: languages, the signature of what produced the pairs,
/// when and by which tool.
///
/// TMX writes it as `<header>` attributes and props, XLIFF as `srcLang`/`trgLang` and file
/// metadata; TSV, Moses and JSONL use only the languages (Moses names its files after them).
public struct CorpusHeader: Sendable {
    /// Source language tag (BCP 47, e.g. `en`).
    public var sourceLanguage: String
    /// Target language tag (e.g. `fr`).
    public var targetLanguage: String
    /// What produced the pairs (versions, languages, aligner settings…).
    public var signature: Signature
    /// Creation time written in the header (injectable so tests get the same bytes every run).
    public var creationDate: Date
    /// The tool named in the header.
    public var toolName: String
    /// The tool version named in the header.
    public var toolVersion: String
    /// The document the pairs come from, when there is one (XLIFF `original`).
    public var document: String?

    public init(sourceLanguage: String, targetLanguage: String, signature: Signature = Signature(),
                creationDate: Date = Date(), toolName: String = "Verso",
                toolVersion: String = Signature.versoVersion, document: String? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.signature = signature
        self.creationDate = creationDate
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.document = document
    }

    /// The creation date as TMX wants it: `YYYYMMDDThhmmssZ`, in UTC.
    public var tmxCreationDate: String {
        var seconds = time_t(creationDate.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}

/// What a writer does with a character XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F, U+FFFE, U+FFFF): no escape exists for them, `&#1;` is itself an error.
public enum InvalidCharacterPolicy: String, Sendable, CaseIterable {
    /// Write U+FFFD instead and count the replacement (the default: one stray control character
    /// from a PDF extraction should not sink a whole export).
    case replace
    /// Stop with an error that names the unit and the code point.
    case refuse
}

/// Options every writer understands.
public struct ExportOptions: Sendable, Equatable {
    /// Write units with an empty side (1-0 and 0-1 beads). Off by default: they are left out and
    /// counted (`WriterCounts.leftOutEmpty`), since an empty segment is useless in a memory.
    public var keepEmpty: Bool
    /// What to do with characters XML cannot carry (TMX, XLIFF; XLIFF writes `<cp hex>` instead
    /// when `replace` is chosen, which loses nothing).
    public var invalidCharacters: InvalidCharacterPolicy
    /// TSV: write a header line `source<TAB>target<TAB>score<TAB>codes` first. It tells a reader
    /// (``TSVReader``) that the fields carry Verso's backslash escapes.
    public var tsvHeader: Bool

    public init(keepEmpty: Bool = false, invalidCharacters: InvalidCharacterPolicy = .replace, tsvHeader: Bool = true) {
        self.keepEmpty = keepEmpty
        self.invalidCharacters = invalidCharacters
        self.tsvHeader = tsvHeader
    }
}

extension TranslationUnit {
    /// True when one side is empty (a 1-0 or 0-1 bead, or a one-sided memory entry).
    public var hasEmptySide: Bool { source.isEmpty || target.isEmpty }

    /// The codes of the unit's findings, each once, in order of first appearance.
    public var findingCodes: [String] {
        var seen = Set<String>()
        return findings.map(\.code).filter { seen.insert($0).inserted }
    }
}

extension CorpusHeader {
    /// Checks the language tags: non-empty, letters, digits, `-` and `_` only, and different.
    /// - Throws: `VersoError` (.usage) naming the bad tag.
    public func validateLanguages() throws {
        for (name, tag) in [("source", sourceLanguage), ("target", targetLanguage)] {
            let ok = !tag.isEmpty && tag.unicodeScalars.allSatisfy {
                ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || $0 == "-" || $0 == "_"
            }
            guard ok else {
                throw VersoError(.usage, "\(name) language \"\(tag)\" is not a language tag",
                                 fix: "give a BCP 47 tag such as en, fr, de or pt-BR")
            }
        }
        guard sourceLanguage.lowercased() != targetLanguage.lowercased() else {
            throw VersoError(.usage, "source and target languages are both \"\(sourceLanguage)\"",
                             fix: "give the two languages with --source-lang and --target-lang")
        }
    }
}
