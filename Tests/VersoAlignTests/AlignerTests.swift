import Foundation
import VersoTestSupport
import VersoText
import XCTest
@testable import VersoAlign

/// Hand-made pairs for each bead shape, edge cases, and the features under the aligner.
final class AlignerTests: XCTestCase {
    /// One aligner without dictionary (tests must not depend on /usr/share/dictd), with
    /// cognates and the learned lexicon.
    private func aligner(dictionary: Bool = false, learn: Bool = false, source: String = "en", target: String = "fr") throws -> Aligner {
        var options = AlignerOptions(sourceLanguage: source, targetLanguage: target)
        options.useDictionary = dictionary
        options.learnLexicon = learn
        return try Aligner(options: options)
    }

    private func beads(_ source: [String], _ target: [String], aligner: Aligner? = nil) throws -> [Bead] {
        let a = try aligner ?? self.aligner()
        return a.alignTexts([(source, target, nil, nil)]).beads[0]
    }

    private func shapes(_ beads: [Bead]) -> [String] { beads.map { "\($0.source):\($0.target)" } }

    // Sentences share names and numbers, so cognates alone tell the aligner what goes with what.
    private let english = [
        "Amundsen reached the Pole on 14 December 1911 with four companions.",
        "Scott arrived at the same place on 17 January 1912.",
        "The Norwegian team used 52 dogs and skis.",
        "Scott's party of five died on the return march in March 1912.",
        "Their bodies were found in November 1912 by a search party.",
    ]
    private let french = [
        "Amundsen atteignit le Pôle le 14 décembre 1911 avec quatre compagnons.",
        "Scott arriva au même endroit le 17 janvier 1912.",
        "L'équipe norvégienne utilisa 52 chiens et des skis.",
        "Le groupe de Scott, cinq hommes, mourut au retour en mars 1912.",
        "Leurs corps furent retrouvés en novembre 1912 par une équipe de recherche.",
    ]

    func testOneToOne() throws {
        let result = try beads(english, french)
        XCTAssertEqual(shapes(result), (0..<5).map { "[\($0)]:[\($0)]" })
        XCTAssertTrue(result.allSatisfy { $0.score > 0.5 }, "\(result.map(\.score))")
    }

    func testOneToTwoAndTwoToOne() throws {
        // French sentence 1 split in two; English sentences 3 and 4 joined in French.
        var fr = french
        fr[1] = "Scott arriva au même endroit."
        fr.insert("C'était le 17 janvier 1912.", at: 2)
        fr[4] = "Le groupe de Scott, cinq hommes, mourut au retour en mars 1912 ; leurs corps furent retrouvés en novembre 1912 par une équipe de recherche."
        fr.remove(at: 5)
        let result = try beads(english, fr)
        XCTAssertEqual(shapes(result), ["[0]:[0]", "[1]:[1, 2]", "[2]:[3]", "[3, 4]:[4]"])
    }

    func testNullBeads() throws {
        // Same-language text: an English sentence left out of the "translation", and an addition.
        var en = english
        en.insert("This sentence about penguins has no counterpart whatsoever in the other text.", at: 2)
        var other = english
        other.append("Note by the editor: see the map in the appendix, page 412.")
        let result = try beads(en, other)
        XCTAssertEqual(shapes(result), ["[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2]", "[4]:[3]", "[5]:[4]", "[]:[5]"])
        XCTAssertTrue(result.filter(\.isNull).allSatisfy { $0.score < 0.9 }, "\(result.map(\.score))")
    }

    func testTwoToTwo() throws {
        // Two sentences each side cut at different points (same words, so only the grouping differs).
        let en = ["Amundsen left Framheim on 20 October 1911 with 52 dogs and four men; they had sledges.",
                  "The party reached the Pole on 14 December 1911.", "Scott arrived on 17 January 1912."]
        let other = ["Amundsen left Framheim on 20 October 1911 with 52 dogs.",
                     "And four men; they had sledges; the party reached the Pole on 14 December 1911.", "Scott arrived on 17 January 1912."]
        let result = try beads(en, other)
        XCTAssertEqual(shapes(result), ["[0, 1]:[0, 1]", "[2]:[2]"])
    }

    func testOneToThree() throws {
        let en = ["Amundsen left Framheim on 20 October 1911 with 52 dogs, reached the Pole on 14 December 1911, and came back on 25 January 1912.",
                  "Scott arrived on 17 January 1912."]
        let fr = ["Amundsen quitta Framheim le 20 octobre 1911 avec 52 chiens.", "Il atteignit le Pôle le 14 décembre 1911.",
                  "Il revint le 25 janvier 1912.", "Scott arriva le 17 janvier 1912."]
        XCTAssertEqual(shapes(try beads(en, fr)), ["[0]:[0, 1, 2]", "[1]:[3]"])
        XCTAssertEqual(shapes(try beads(fr, en)), ["[0, 1, 2]:[0]", "[3]:[1]"])
    }

    func testEmptySides() throws {
        XCTAssertEqual(shapes(try beads(english, [])), (0..<5).map { "[\($0)]:[]" })
        XCTAssertEqual(shapes(try beads([], french)), (0..<5).map { "[]:[\($0)]" })
        XCTAssertEqual(try beads([], []), [])
    }

    func testIdenticalTextsAlignOneToOneWithHighScores() throws {
        let result = try beads(english, english)
        XCTAssertEqual(shapes(result), (0..<5).map { "[\($0)]:[\($0)]" })
        XCTAssertTrue(result.allSatisfy { $0.score > 0.9 }, "\(result.map(\.score))")
    }

    func testUnrelatedDocumentGetsLowScoresWithoutCrashing() throws {
        let unrelated = ["Les tomates se plantent en mai.", "Arrosez-les le soir.", "Récoltez en août, quand elles sont rouges.",
                         "Une cave fraîche garde les pommes de terre.", "Les haricots grimpent sur des rames.", "Le persil aime l'ombre."]
        let result = try beads(english, unrelated)
        XCTAssertEqual(result.flatMap(\.source), Array(0..<5))
        XCTAssertEqual(result.flatMap(\.target), Array(0..<6))
        let mean = result.map(\.score).reduce(0, +) / Double(result.count)
        let good = try beads(english, french).map(\.score).reduce(0, +) / 5
        XCTAssertLessThan(mean, good - 0.2, "unrelated \(result.map(\.score)) vs related \(good)")
    }

    /// 400 numbered sentences a side and an aligner whose small exact limit makes them a long input.
    private func longPair() throws -> (aligner: Aligner, en: [String], fr: [String]) {
        var options = AlignerOptions(sourceLanguage: "en", targetLanguage: "fr")
        options.useDictionary = false
        options.learnLexicon = false
        options.exactLimit = 10_000
        let en = (0..<400).map { "Item \($0 * 7 + 1000) weighs \($0 % 13 + 2) kilograms and costs \($0 * 3 + 11) francs." }
        let fr = (0..<400).map { "L'article \($0 * 7 + 1000) pèse \($0 % 13 + 2) kilos et coûte \($0 * 3 + 11) francs." }
        return (try Aligner(options: options), en, fr)
    }

    func testLongInputUsesTheBandAndStaysOneToOne() throws {
        // 400 × 400 sentences exceed a small exact limit: the band must find the diagonal of
        // distinct numbered sentences.
        let (aligner, en, fr) = try longPair()
        XCTAssertEqual(shapes(try beads(en, fr, aligner: aligner)), (0..<400).map { "[\($0)]:[\($0)]" })
    }

    func testLongInputWithInsertedBlockFollowsTheAnchors() throws {
        // 30 target sentences without counterpart inserted in the middle of a long input.
        let (aligner, en, original) = try longPair()
        var fr = original
        fr.insert(contentsOf: (0..<30).map { _ in "Note du traducteur sans rapport avec le texte." }, at: 200)
        var expected = (0..<200).map { "[\($0)]:[\($0)]" }
        expected += (200..<230).map { "[]:[\($0)]" }
        expected += (200..<400).map { "[\($0)]:[\($0 + 30)]" }
        XCTAssertEqual(shapes(try beads(en, fr, aligner: aligner)), expected)
    }

    func testLearnedLexiconLinksWordsWithoutDictionary() throws {
        // Animals and verbs vary independently, so only dog ↔ chien co-occur consistently.
        let animals = [("dog", "chien"), ("cat", "chat"), ("horse", "cheval")], verbs = [("sleeps", "dort"), ("eats", "mange"), ("runs", "court")]
        var en: [String] = [], fr: [String] = []
        for (k, ((a, b), (v, w))) in zip(0..., animals.flatMap { a in verbs.map { (a, $0) } } + animals.flatMap { a in verbs.map { (a, $0) } }) {
            en.append("My \(a) \(v) at \(k + 100).")
            fr.append("Mon \(b) \(w) à \(k + 100).")
        }
        let aligner = try self.aligner(learn: true)
        let (_, learned) = aligner.alignTexts([(en, fr, nil, nil)])
        let links = try XCTUnwrap(learned).translationLinks(source: "the dog", target: "le chien", cognates: false)
        XCTAssertEqual(links.sourceTokens, ["the", "dog"])
        XCTAssertEqual(links.sourceLinked, [false, true])
        XCTAssertEqual(links.targetLinked, [false, true])
    }

    func testSignatureNamesEvidenceAndLexicons() throws {
        let aligner = try self.aligner(learn: true)
        let doc = { (lines: [String], lang: String) in Segmenter.lines(SourceText(string: lines.joined(separator: "\n")), language: lang) }
        let alignment = aligner.align(source: doc(english, "en"), target: doc(french, "fr"))
        XCTAssertEqual(alignment.beads.count, 5)
        XCTAssertEqual(alignment.signature["languages"], "en-fr")
        XCTAssertEqual(alignment.signature["evidence"], "length+cognates+learned+paragraphs")
        XCTAssertTrue(alignment.signature["lexicon"]?.hasPrefix("learned:") ?? false, alignment.signature.description)
        XCTAssertNotNil(alignment.lexicon)
    }

    func testMaxBeadSideLimitsShapes() {
        var options = AlignerOptions()
        XCTAssertEqual(options.shapes.map { "\($0.a)-\($0.b)" }, ["1-1", "1-2", "2-1", "1-3", "2-2", "3-1"])
        options.maxBeadSide = 1
        XCTAssertEqual(options.shapes.map { "\($0.a)-\($0.b)" }, ["1-1"])
    }

    func testTokenizerFoldsAndNormalizesNumbers() {
        let tokens = AlignTokenizer.tokens("L'Église coûte 1,250.5 francs (1 250,5 €) ? Straße!")
        XCTAssertEqual(tokens.map(\.text), ["l", "eglise", "coute", "12505", "francs", "(", "12505", ")", "?", "strasse", "!"])
        XCTAssertEqual(tokens[3].kind, .number)
        XCTAssertEqual(AlignTokenizer.tokens("in 1990 200 men").map(\.text), ["in", "1990", "200", "men"])
    }

    func testStemmerUsesDataSuffixes() {
        XCTAssertEqual(try Stemmer(language: "fr").stem("montagnes"), "montag")
        XCTAssertEqual(try Stemmer(language: "en").stem("climbing"), "climb")
        XCTAssertEqual(try Stemmer(language: "de").stem("besteigungen"), "bestei")
        XCTAssertEqual(try Stemmer(language: "en").stem("sing"), "sing", "at least 3 letters must remain")
        XCTAssertEqual(try Stemmer(language: "xx").stem("abcdefghij"), "abcdef")
    }

    func testUserLexiconAddsLinksAndReportsBadLines() throws {
        let dir = try TestSupport.temporaryDirectory()
        let good = dir.appendingPathComponent("terms.tsv")
        try "# glossary\nglacier\tglacier\nrope\tcorde\n".write(to: good, atomically: true, encoding: .utf8)
        let lexicon = try TranslationLexicon(sourceLanguage: "en", targetLanguage: "fr", dictionaryDirectory: nil, userLexicons: [good.path])
        XCTAssertEqual(lexicon.translationLinks(source: "the rope", target: "les cordes", cognates: false).sourceLinked, [false, true])
        XCTAssertEqual(lexicon.provenance, ["user:terms.tsv:2"])
        let bad = dir.appendingPathComponent("bad.tsv")
        try "rope corde\n".write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TranslationLexicon(sourceLanguage: "en", targetLanguage: "fr", dictionaryDirectory: nil, userLexicons: [bad.path])) {
            let e = $0 as? VersoError
            XCTAssertEqual(e?.line, 1)
            XCTAssertEqual(e?.kind, .badInput)
        }
    }

    func testGaleChurchCostGrowsWithLengthMismatch() {
        let same = BandSearch.galeChurch(100, 110, ratio: 1.1, variance: 6.8)
        let off = BandSearch.galeChurch(100, 200, ratio: 1.1, variance: 6.8)
        XCTAssertEqual(same, 0, accuracy: 1e-9)
        XCTAssertGreaterThan(off, 4)
        XCTAssertGreaterThan(off, BandSearch.galeChurch(100, 130, ratio: 1.1, variance: 6.8))
        XCTAssertTrue(BandSearch.galeChurch(10, 100_000, ratio: 1, variance: 6.8).isFinite)
    }
}
