import Foundation

/// Generated English–French document pairs of any size, for tests that need big inputs.
///
/// Sentence `i` of one side translates sentence `i` of the other (every bead is 1-1); each
/// sentence carries its own numbers and a varied choice of words, so no two sentences are alike.
/// Paragraphs hold five sentences.
public enum SyntheticPair {
    private static let subjects = [("the council", "le conseil"), ("the river", "la rivière"), ("the old doctor", "le vieux médecin"),
                                   ("the committee", "le comité"), ("the harbour", "le port"), ("the village", "le village"),
                                   ("the young engineer", "la jeune ingénieure")]
    private static let verbs = [("counted", "a compté"), ("reported", "a signalé"), ("received", "a reçu"),
                                ("lost", "a perdu"), ("sold", "a vendu")]
    private static let objects = [("boats", "bateaux"), ("letters", "lettres"), ("houses", "maisons"),
                                  ("trees", "arbres"), ("horses", "chevaux"), ("books", "livres")]

    /// Sentence `i` in English and in French.
    public static func sentence(_ i: Int) -> (en: String, fr: String) {
        let s = subjects[i % subjects.count], v = verbs[(i / 7) % verbs.count], o = objects[(i / 3) % objects.count]
        let year = 1800 + i % 200, count = 3 + i % 997
        return ("In \(year), \(s.0) \(v.0) \(count) \(o.0) near mile \(i).",
                "En \(year), \(s.1) \(v.1) \(count) \(o.1) près du mille \(i).")
    }

    /// A pair of `count` sentences each, starting at sentence `first`.
    public static func texts(sentences count: Int, first: Int = 0) -> (en: String, fr: String) {
        var en = "", fr = ""
        for i in first..<(first + count) {
            let (e, f) = sentence(i)
            let separator = i == first ? "" : (i - first) % 5 == 0 ? "\n\n" : " "
            en += separator + e
            fr += separator + f
        }
        return (en, fr)
    }

    /// A pair whose English and French together take at least `bytes` bytes of UTF-8, and its
    /// number of sentences a side.
    public static func texts(bytes: Int) -> (en: String, fr: String, sentences: Int) {
        let perSentence = sentence(0).en.utf8.count + sentence(0).fr.utf8.count + 2
        let count = bytes / perSentence + 1
        let (en, fr) = texts(sentences: count)
        return (en, fr, count)
    }

    /// One JSON line `{"id", "source", "target"}` (without LF).
    public static func record(id: String, source: String, target: String, extra: [String: String] = [:]) -> String {
        var object: [String: String] = ["id": id, "source": source, "target": target]
        object.merge(extra) { $1 }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
