import CHunspellShim
import Foundation
import Synchronization
import VersoText

/// A Hunspell dictionary of one language (Debian's `hunspell-fr`, `hunspell-en-us`… in
/// `/usr/share/hunspell`): whether a word is spelled right, its stems and its morphology.
///
/// Loaded once per language and shared between threads (calls into Hunspell are serialised:
/// a Hunspell handle is not thread-safe). Words go in as written (case matters: Hunspell knows
/// "Paris" and "paris" apart) and stems come out as the dictionary writes them.
public final class Speller: Sendable {
    /// The language code the dictionary was found for (`fr`).
    public let language: String
    /// The dictionary's name (`fr_FR`, `en_US`), for signatures and messages.
    public let dictionary: String
    private let handle: Mutex<Handle>
    private let memo = Mutex<[String: Entry]>([:])

    /// What one call to Hunspell gave for a word, kept so each word is asked once.
    private struct Entry { var correct: Bool?; var stems: [String]? }

    /// The Hunspell handle; only touched inside `handle.withLock`.
    private struct Handle: ~Copyable {
        let pointer: OpaquePointer
        deinit { verso_speller_close(pointer) }
    }

    /// Dictionary file names tried for a language, in order (`<lang>_<REGION>` first as Debian
    /// ships them, then the bare language).
    static let names: [String: [String]] = [
        "en": ["en_US", "en_GB", "en_CA", "en_AU"], "fr": ["fr_FR", "fr"], "de": ["de_DE", "de_AT", "de_CH"],
        "es": ["es_ES", "es"], "it": ["it_IT"], "pt": ["pt_PT", "pt_BR"], "nl": ["nl_NL", "nl"],
    ]

    /// Opens `<directory>/<name>.aff` and `.dic`; nil when they cannot be read.
    private init?(language: String, dictionary name: String, directory: String) {
        guard let pointer = verso_speller_open("\(directory)/\(name).aff", "\(directory)/\(name).dic") else { return nil }
        self.language = language
        dictionary = name
        handle = Mutex(Handle(pointer: pointer))
    }

    private static let cache = Cache<String, Speller?>()

    /// The dictionary for a language (`fr` for `fr-CA`; `fr_CA` is tried first for `fr-CA`),
    /// or nil when none is installed.
    /// - Complexity: O(size of the dictionary) the first time in a process (about 0.2 s for
    ///   French), O(1) after.
    public static func load(_ language: String, directory: String = "/usr/share/hunspell") -> Speller? {
        let base = LanguageData.baseLanguage(language)
        var candidates: [String] = []
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        if parts.count >= 2 { candidates.append("\(base)_\(parts[1].uppercased())") }
        candidates += names[base] ?? [base]
        return cache.value("\(directory)|\(candidates.joined(separator: ","))") {
            guard let speller = candidates.lazy.compactMap({ Speller(language: base, dictionary: $0, directory: directory) }).first else { return nil }
            // Established words the dictionary lacks (Data/spelling-extra.<lang>.txt).
            speller.add((try? LanguageResources.files.languageEntries("spelling-extra", language: base)) ?? [])
            return speller
        }
    }

    /// Adds words to the dictionary in memory: `word` alone, or `word model` to inflect it like
    /// a word the dictionary knows ("réindexer indexer").
    func add(_ entries: [String]) {
        handle.withLock { h in
            for entry in entries {
                let parts = entry.split(separator: " ").map(String.init)
                guard let word = parts.first else { continue }
                _ = verso_speller_add(h.pointer, word, parts.count > 1 ? parts[1] : nil)
            }
        }
        memo.withLock { $0.removeAll() }
    }

    /// Whether the dictionary accepts the word as written (with its case).
    public func isCorrect(_ word: String) -> Bool {
        if let known = memo.withLock({ $0[word]?.correct }) { return known }
        let correct = handle.withLock { verso_speller_spell($0.pointer, word) == 1 }
        memo.withLock { $0[word, default: Entry()].correct = correct }
        return correct
    }

    /// The word's stems as the dictionary writes them ("paquets" → ["paquet"], "Poutine" →
    /// ["poutine", "Poutine"]); empty for a word it does not know.
    public func stems(_ word: String) -> [String] {
        if let known = memo.withLock({ $0[word]?.stems }) { return known }
        let stems = list(VERSO_SPELLER_STEMS, word)
        memo.withLock { $0[word, default: Entry()].stems = stems }
        return stems
    }

    /// Hunspell's morphological descriptions of the word ("st:paquet po:nom is:mas is:pl").
    public func analyses(_ word: String) -> [String] { list(VERSO_SPELLER_ANALYSES, word) }

    /// Corrections Hunspell suggests for a misspelled word, best first.
    /// - Complexity: tens of milliseconds a word: ask only for words already found wrong.
    public func suggestions(_ word: String) -> [String] { list(VERSO_SPELLER_SUGGESTIONS, word) }

    private func list(_ kind: Int, _ word: String) -> [String] {
        handle.withLock { h in
            var count: Int32 = 0
            var buffer = [CChar](repeating: 0, count: 256)
            var needed = verso_speller_list(h.pointer, Int32(kind), word, &buffer, Int32(buffer.count), &count)
            if needed > Int32(buffer.count) {
                buffer = [CChar](repeating: 0, count: Int(needed))
                needed = verso_speller_list(h.pointer, Int32(kind), word, &buffer, Int32(buffer.count), &count)
            }
            guard needed > 0, needed <= Int32(buffer.count) else { return [] }
            return buffer[..<Int(needed)].split(separator: 0, omittingEmptySubsequences: false).prefix(Int(count))
                .map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        }
    }
}
