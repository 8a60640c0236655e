import Foundation
import VersoText

/// The words of a language, from the system's word list (Debian's `wamerican`, `wfrench`,
/// `wngerman`, … packages in `/usr/share/dict`): which language a short line is in, when it has
/// no function words to tell ("Source link", "Machine washable").
///
/// Only the list's lower-case entries are kept (names are left out). Loaded once per language
/// and shared; nil when the list is not installed.
public final class WordList: Sendable {
    public let language: String
    private let words: Set<String>

    /// `/usr/share/dict` file names by language.
    static let files: [String: [String]] = [
        "en": ["american-english", "british-english"], "fr": ["french"], "de": ["ngerman", "german"],
        "es": ["spanish"], "it": ["italian"], "pt": ["portuguese"], "nl": ["dutch"],
    ]

    private init(language: String, words: Set<String>) {
        self.language = language
        self.words = words
    }

    /// Whether the folded word is in the list (also tried without a plural or possessive "s").
    public func contains(_ folded: String) -> Bool {
        words.contains(folded) || (folded.hasSuffix("s") && words.contains(String(folded.dropLast())))
    }

    private static let cache = Cache<String, WordList?>()

    /// The list for a language, or nil when no list is installed.
    /// - Complexity: O(size of the list) the first time, O(1) after.
    public static func load(_ language: String, directory: String = "/usr/share/dict") -> WordList? {
        let code = LanguageData.baseLanguage(language)
        return cache.value("\(directory)/\(code)") { read(code, directory: directory) }
    }

    private static func read(_ code: String, directory: String) -> WordList? {
        for name in files[code] ?? [] {
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { continue }
            let text = String(decoding: data, as: UTF8.self)
            var words = Set<String>()
            words.reserveCapacity(text.count / 9)
            // Common words only: entries in capitals are names ("John"), which say nothing about
            // the language of a line.
            for line in text.split(separator: "\n") where !line.contains("'") && line.first?.isLowercase == true {
                words.insert(Folding.fold(line))
            }
            return WordList(language: code, words: words)
        }
        return nil
    }
}
