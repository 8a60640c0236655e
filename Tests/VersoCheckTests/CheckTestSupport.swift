import XCTest
@testable import VersoCheck

/// Marked text: `⟦` and `⟧` mark where a finding's span must be; they are removed before the
/// check runs. A side is a list of sentences separated by " ¶ " (the marks may be anywhere).
struct Marked {
    let sentences: [String]
    let span: Range<Int>?

    init(_ text: String) {
        // "¶" stands for the one space that joins sentences in the bead text.
        var clean = String.UnicodeScalarView()
        var start: Int?, end: Int?
        var offset = 0
        for scalar in text.replacingOccurrences(of: " ¶ ", with: "¶").unicodeScalars {
            if scalar == "⟦" { start = offset; continue }
            if scalar == "⟧" { end = offset; continue }
            clean.append(scalar)
            offset += 1
        }
        let joined = String(clean)
        sentences = joined.isEmpty ? [] : joined.components(separatedBy: "¶")
        if let start, let end { span = start..<end } else { span = nil }
    }
}

extension XCTestCase {
    func run(_ check: any Check.Type, _ pairs: [(String, String)], source: String = "en", target: String = "fr",
             lexicon: CheckLexicon = CognateLexicon(), glossary: [GlossaryEntry] = [], scores: [Double?]? = nil) throws -> [Finding] {
        let beads = pairs.enumerated().map { i, p in
            BeadText(source: Marked(p.0).sentences, target: Marked(p.1).sentences, score: scores?[i] ?? nil)
        }
        let doc = try CheckDocument(beads: beads, sourceLanguage: source, targetLanguage: target, lexicon: lexicon, glossary: glossary)
        return check.init().run(doc)
    }

    /// Asserts that the check flags the pair, at the marked span of the marked side.
    func assertFlags(_ check: any Check.Type, _ source: String, _ target: String, side: Side = .target,
                     sourceLanguage: String = "en", targetLanguage: String = "fr", lexicon: CheckLexicon = CognateLexicon(),
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let findings = try run(check, [(source, target)], source: sourceLanguage, target: targetLanguage, lexicon: lexicon)
        let matching = findings.filter { $0.code == check.info.code && $0.side == side }
        XCTAssertFalse(matching.isEmpty, "expected \(check.info.code) on \(side) for \(source) ⇒ \(target); got \(findings.map(\.message))", file: file, line: line)
        let expected = Marked(side == .source ? source : target).span
        if let expected {
            XCTAssertTrue(matching.contains { $0.span == expected }, "span: expected \(expected), got \(matching.map { $0.span.map { "\($0)" } ?? "nil" })", file: file, line: line)
        }
        for f in matching { XCTAssertFalse(f.message.isEmpty, file: file, line: line) }
    }

    /// Asserts that the check says nothing about a correct pair.
    func assertClean(_ check: any Check.Type, _ source: String, _ target: String,
                     sourceLanguage: String = "en", targetLanguage: String = "fr", lexicon: CheckLexicon = CognateLexicon(),
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let findings = try run(check, [(source, target)], source: sourceLanguage, target: targetLanguage, lexicon: lexicon)
        XCTAssertEqual(findings.map(\.message), [], "false alarm on \(source) ⇒ \(target)", file: file, line: line)
    }
}

/// A small hand-made dictionary for tests: links listed pairs (folded) and cognates; knows the
/// listed words of each language.
struct TestDictionary: CheckDictionary {
    var links: [String: Set<String>] = [:]
    var common: Set<String> = []
    var english: Set<String> = []
    var french: Set<String> = []

    init(_ pairs: [(String, String)], commonTranslations: Bool = true, english: [String] = [], french: [String] = []) {
        for (s, t) in pairs { links[s, default: []].insert(t) }
        if commonTranslations { common = Set(pairs.map { "\($0.0)|\($0.1)" }) }
        self.english = Set(english + pairs.map(\.0))
        self.french = Set(french + pairs.map(\.1))
    }

    func isLinked(source: String, target: String) -> Bool { links[source]?.contains(target) == true || source == target }
    func knows(_ word: String, language: String) -> Bool? { language.hasPrefix("en") ? english.contains(word) : french.contains(word) }
    func isCommonTranslation(source: String, target: String) -> Bool { common.contains("\(source)|\(target)") }
    func isCommonWord(_ word: String, language: String) -> Bool? { language.hasPrefix("en") ? links[word] != nil && !names.contains(word) : nil }
    var names: Set<String> = []
}

extension XCTestCase {
    /// The Hunspell dictionary of a language, or a skip saying it is missing (a failure when
    /// `CI=true`: `Scripts/setup.sh` installs hunspell-fr and hunspell-en-us).
    func requireSpeller(_ language: String, file: StaticString = #filePath, line: UInt = #line) throws -> Speller {
        if let speller = Speller.load(language) { return speller }
        let message = "no Hunspell dictionary for \(language) in /usr/share/hunspell (run Scripts/setup.sh)"
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message, file: file, line: line) }
        throw XCTSkip(message)
    }
}
