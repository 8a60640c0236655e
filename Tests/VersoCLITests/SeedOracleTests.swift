import XCTest
import VersoTestSupport

/// The seed's test oracle: every glitch of `Corpora/seed/glitches.tsv` marked `caught` is
/// flagged with its code on the bead whose target holds the snippet, and beads holding no
/// listed glitch carry nothing above `info`.
final class SeedOracleTests: XCTestCase {
    struct Glitch { let id, code, snippet, verso: String }

    func testSeedGlitchesAreFlaggedAndCorrectSentencesAreNot() throws {
        let seed = TestSupport.corpora.appendingPathComponent("seed")
        let run = try TestSupport.verso(["check", seed.appendingPathComponent("putin-pyongyang.en.txt").path,
                                         seed.appendingPathComponent("putin-pyongyang.fr.txt").path, "--format", "jsonl"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").dropFirst()
        let beads = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let targets = beads.map { (($0["target"] as? [String]) ?? []).joined(separator: " ") }
        let flags = beads.map { ($0["flags"] as? [[String: Any]]) ?? [] }

        let table = try String(contentsOf: seed.appendingPathComponent("glitches.tsv"), encoding: .utf8)
        let glitches = table.split(separator: "\n").dropFirst().map { line -> Glitch in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Glitch(id: f[0], code: f[1], snippet: f[2], verso: f.last ?? "")
        }
        XCTAssertGreaterThanOrEqual(glitches.count, 20)
        var glitchBeads = Set<Int>()
        for g in glitches {
            let holding = targets.indices.filter { targets[$0].contains(g.snippet) }
            XCTAssertFalse(holding.isEmpty, "\(g.id): snippet not found in any bead target: \(g.snippet)")
            glitchBeads.formUnion(holding)
            guard g.verso == "caught" else { continue }
            let codes = Set(holding.flatMap { flags[$0].compactMap { $0["code"] as? String } })
            XCTAssertTrue(codes.contains(g.code), "\(g.id) (\(g.code)) not flagged; flags there: \(codes.sorted())")
        }
        for (i, beadFlags) in flags.enumerated() where !glitchBeads.contains(i) {
            let serious = beadFlags.filter { ($0["severity"] as? String) != "info" }.compactMap { $0["message"] as? String }
            XCTAssertEqual(serious, [], "false alarm on a correct bead: \(targets[i])")
        }
        // The header and the footer stand alone as 0-1 beads.
        for boilerplate in ["Dernières Nouvelles | News 24", "Source link"] {
            let bead = try XCTUnwrap(beads.first { ($0["target"] as? [String]) == [boilerplate] }, boilerplate)
            XCTAssertEqual((bead["source"] as? [String])?.count, 0, boilerplate)
        }
    }
}

/// The hand-written fixture pairs are correct translations: `verso check` flags nothing above info.
final class FixturePairsAreCleanTests: XCTestCase {
    func testNoFindingAboveInfoOnCorrectPairs() throws {
        let fixtures = TestSupport.corpora.appendingPathComponent("fixtures")
        for name in ["abbreviations", "quotes-dialogue", "lists", "numbers", "hardwrap", "crlf"] {
            let run = try TestSupport.verso(["check", fixtures.appendingPathComponent("\(name).en.txt").path,
                                             fixtures.appendingPathComponent("\(name).fr.txt").path, "--fail-on", "minor"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stdout)")
            XCTAssertTrue(run.stdout.contains(" 0 of "), "\(name): \(run.stdout.suffix(300))")
        }
    }
}

final class SwappedFilesTests: XCTestCase {
    /// Swapped files still run, with a warning that says which side reads as which language.
    func testSwappedFilesAreNamed() throws {
        let seed = TestSupport.corpora.appendingPathComponent("seed")
        let run = try TestSupport.verso(["align", "--format", "align", seed.appendingPathComponent("putin-pyongyang.fr.txt").path,
                                         seed.appendingPathComponent("putin-pyongyang.en.txt").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("putin-pyongyang.fr.txt reads as French, not English"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--target-lang en"), run.stderr)
    }
}
