import Foundation
import VersoAlign
import VersoCheck
import VersoCorpus
import VersoStore
import VersoText
import VersoTestSupport
import XCTest

/// A processor without the FreeDict dictionary, so the tests stay fast in debug builds.
func fastProcessor(_ source: String = "en", _ target: String = "fr") throws -> Pipeline {
    var options = AlignerOptions(sourceLanguage: source, targetLanguage: target)
    options.useDictionary = false
    return Pipeline(aligner: try Aligner(options: options), engine: try CheckEngine(configuration: CheckConfiguration()))
}

/// The seed pair's paths.
var seedPair: (source: String, target: String) {
    let seed = TestSupport.corpora.appendingPathComponent("seed")
    return (seed.appendingPathComponent("putin-pyongyang.en.txt").path, seed.appendingPathComponent("putin-pyongyang.fr.txt").path)
}

func identity(_ name: String, settings: String = "s") -> DocumentIdentity {
    DocumentIdentity(name: name, sourceLanguage: "en", targetLanguage: "fr", sourcePath: "a.en", targetPath: "a.fr",
                     sourceHash: "h1", targetHash: "h2", settingsHash: settings)
}

final class CorpusStoreTests: XCTestCase {
    private var folder: URL!
    private var store: CorpusStore!

    override func setUpWithError() throws {
        folder = try TestSupport.temporaryDirectory()
        store = try CorpusStore(path: folder.appendingPathComponent("corpus.db").path)
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: folder)
    }


    func testStoredDocumentGivesBackItsUnits() throws {
        let result = try fastProcessor().run(sourcePath: seedPair.source, targetPath: seedPair.target)
        XCTAssertEqual(try store.store(identity("seed"), report: result), .added)
        let documents = try store.documents()
        XCTAssertEqual(documents.map(\.identity), [identity("seed")])
        XCTAssertEqual(documents[0].sourceSegments, result.alignment!.source.segments.count)
        XCTAssertEqual(documents[0].beads, result.alignment!.beads.count)
        XCTAssertEqual(documents[0].signature, result.signature.description)
        // The store keeps no content kind (prose or not): exports judge it from the text.
        XCTAssertEqual(try store.units(document: documents[0]), result.units(document: "seed").map { var u = $0; u.content = nil; return u })
        XCTAssertEqual(try store.verify(), [])
        XCTAssertFalse(result.findings.isEmpty, "the seed pair has glitches: findings must round-trip")
    }

    func testSearchIgnoresAccentsAndCaseAndGivesTheCounterpart() throws {
        let result = try fastProcessor().run(sourcePath: seedPair.source, targetPath: seedPair.target)
        try store.store(identity("seed"), report: result)
        let hits = try store.search(ConcordanceQuery("COREE", limit: 100))
        XCTAssertFalse(hits.isEmpty)
        for hit in hits {
            XCTAssertEqual(hit.side, "target")
            let matched = hit.matches.map { String(String.UnicodeScalarView(Array(hit.text.unicodeScalars)[$0])) }
            XCTAssertTrue(matched.allSatisfy { $0 == "Corée" }, "\(matched)")
            let bead = result.alignment!.beads.first { $0.target.contains(hit.index) }!
            XCTAssertEqual(hit.counterpart, result.alignment!.sourceTexts(bead).joined(separator: " "))
        }
        let expected = result.alignment!.target.segments.filter { $0.text.contains("Corée") }.count
        XCTAssertEqual(hits.count, expected)
    }

    func testPhraseSideCodeAndLimit() throws {
        let result = try fastProcessor().run(sourcePath: seedPair.source, targetPath: seedPair.target)
        try store.store(identity("seed"), report: result)
        let phrase = try store.search(ConcordanceQuery("\"north korea\"", side: .source, limit: 100))
        func words(_ text: String) -> [String] { text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init) }
        func hasPhrase(_ text: String, _ a: String, _ b: String) -> Bool {
            let w = words(text)
            return zip(w, w.dropFirst()).contains { $0 == a && $1 == b }
        }
        let expected = result.alignment!.source.segments.filter { hasPhrase($0.text, "north", "korea") }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(phrase.map(\.index), expected.map(\.index))
        XCTAssertEqual(try store.search(ConcordanceQuery("\"korea north\"", side: .source)).count,
                       result.alignment!.source.segments.filter { hasPhrase($0.text, "korea", "north") }.count)
        XCTAssertEqual(try store.search(ConcordanceQuery("north", side: .target)).count, 0)
        XCTAssertEqual(try store.search(ConcordanceQuery("korea", limit: 2)).count, 2)
        let code = try XCTUnwrap(result.findings.first).code
        let withCode = try store.search(ConcordanceQuery("the", code: code, limit: 100))
        XCTAssertTrue(withCode.allSatisfy { $0.codes.contains(code) })
        let beadsWithCode = Set(result.findings.filter { $0.code == code }.map(\.bead))
        let expectedHits = result.alignment!.source.segments.filter { segment in
            segment.text.split(whereSeparator: { !$0.isLetter }).contains { $0.lowercased() == "the" }
                && beadsWithCode.contains(result.alignment!.beads.firstIndex { $0.source.contains(segment.index) }!)
        }
        XCTAssertEqual(withCode.count, expectedHits.count)
    }

    func testQueryParsing() throws {
        XCTAssertEqual(try ConcordanceQuery("l'homme  \"Corée du\" nord*").expression, "\"l'homme\" \"Corée du\" \"nord\"*")
        XCTAssertEqual(try ConcordanceQuery("say \"\"quoted").expression, "\"say\" \"quoted\"")
        XCTAssertThrowsError(try ConcordanceQuery("\"open phrase"))
        XCTAssertThrowsError(try ConcordanceQuery(" -- ... "))
        // FTS5 operators and column filters are taken as words, never as syntax.
        try store.store(identity("seed"), report: try fastProcessor().run(sourcePath: seedPair.source, targetPath: seedPair.target))
        XCTAssertNoThrow(try store.search(ConcordanceQuery("OR NEAR( c:d -x ^y AND")))
    }

    func testReplacingADocumentRemovesEveryOldRowAndIndexEntry() throws {
        let processor = try fastProcessor()
        let fixtures = TestSupport.corpora.appendingPathComponent("fixtures")
        try store.store(identity("doc"), report: try processor.run(sourcePath: seedPair.source, targetPath: seedPair.target))
        XCTAssertFalse(try store.search(ConcordanceQuery("Pyongyang")).isEmpty)
        let numbers = try processor.run(sourcePath: fixtures.appendingPathComponent("numbers.en.txt").path,
                                            targetPath: fixtures.appendingPathComponent("numbers.fr.txt").path)
        XCTAssertEqual(try store.store(identity("doc", settings: "other"), report: numbers), .replaced)
        XCTAssertEqual(try store.documents().count, 1)
        XCTAssertEqual(try store.documents()[0].identity.settingsHash, "other")
        XCTAssertEqual(try store.search(ConcordanceQuery("Pyongyang")), [])
        let stats = try store.stats()
        XCTAssertEqual(stats.sourceSegments, numbers.alignment!.source.segments.count)
        XCTAssertEqual(stats.beads, numbers.alignment!.beads.count)
        XCTAssertEqual(stats.findings.reduce(0) { $0 + $1.count }, numbers.findings.count)
        XCTAssertEqual(try store.verify(), [])
    }

    func testStatsCountEveryBeadKindAndScore() throws {
        let result = try fastProcessor().run(sourcePath: seedPair.source, targetPath: seedPair.target)
        try store.store(identity("seed"), report: result)
        let stats = try store.stats()
        XCTAssertEqual(stats.documents, 1)
        XCTAssertEqual(stats.targetSegments, result.alignment!.target.segments.count)
        let kinds = Dictionary(grouping: result.alignment!.beads, by: \.kind).mapValues(\.count)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: stats.beadKinds.map { ($0.kind, $0.count) }), kinds)
        XCTAssertEqual(stats.scoreHistogram.reduce(0, +), result.alignment!.beads.count)
        XCTAssertEqual(stats.scoreHistogram[9], result.alignment!.beads.filter { $0.score >= 0.9 }.count)
        XCTAssertEqual(stats.languagePairs.map(\.pair), ["en-fr"])
    }

    func testReplicateMakesCompleteCopies() throws {
        try store.store(identity("seed"), report: try fastProcessor().run(sourcePath: seedPair.source, targetPath: seedPair.target))
        let before = try store.stats()
        let segments = try store.replicate(copies: 3)
        XCTAssertEqual(segments, 4 * (before.sourceSegments + before.targetSegments))
        XCTAssertEqual(try store.documents().map(\.identity.name), ["seed", "seed#1", "seed#2", "seed#3"])
        XCTAssertEqual(try store.verify(), [])
        XCTAssertEqual(try store.search(ConcordanceQuery("Pyongyang", limit: 1000)).count,
                       4 * (try store.search(ConcordanceQuery("Pyongyang", limit: 1000)).filter { $0.document == "seed" }.count))
        let copy = try store.documents()[2]
        XCTAssertEqual(try store.units(document: copy).map(\.source), try store.units(document: try store.documents()[0]).map(\.source))
    }

    func testOpeningWithoutCreateNeedsAnExistingCorpus() throws {
        let missing = folder.appendingPathComponent("missing.db").path
        XCTAssertThrowsError(try CorpusStore(path: missing, create: false)) { error in
            XCTAssertEqual((error as? VersoError)?.kind, .unreadable)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        let text = folder.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: text)
        XCTAssertThrowsError(try CorpusStore(path: text.path)) { error in
            XCTAssertEqual((error as? VersoError)?.kind, .badData, "\(error)")
        }
    }
}
