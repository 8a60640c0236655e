import Foundation
import VersoCheck
import VersoCorpus
import VersoText
import XCTest
@testable import VersoReport

/// Reports for the tests, the browser check and the benchmark.
enum Samples {
    /// A report of bead texts alone, sentences numbered consecutively on each side, as a
    /// checked memory gives; every finding must point at one of the beads.
    static func report(source: (name: String, language: String), target: (name: String, language: String),
                       signature: String, beads: [BeadText], findings: [Finding]) -> PairReport {
        XCTAssertTrue(findings.allSatisfy { beads.indices.contains($0.bead) }, "a finding points outside the beads")
        var units: [TranslationUnit] = [], nextSource = 0, nextTarget = 0
        for (i, bead) in beads.enumerated() {
            var unit = TranslationUnit(source: bead.sourceText, target: bead.targetText, score: bead.score,
                                       findings: findings.filter { $0.bead == i },
                                       sourceIndices: Array(nextSource..<nextSource + bead.source.count),
                                       targetIndices: Array(nextTarget..<nextTarget + bead.target.count))
            (unit.sourceSegments, unit.targetSegments) = (bead.source, bead.target)
            nextSource += bead.source.count
            nextTarget += bead.target.count
            units.append(unit)
        }
        var parsed = Signature()
        for entry in signature.split(separator: "|") {
            let parts = entry.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { parsed.set(String(parts[0]), String(parts[1])) }
        }
        return PairReport(origin: .memory(format: "test"),
                          source: PairReport.Document(name: source.name, language: source.language, sentenceCount: nextSource),
                          target: PairReport.Document(name: target.name, language: target.language, sentenceCount: nextTarget),
                          units: units, signature: parsed)
    }

    /// Unicode scalar offsets of the first occurrence of `needle` in `haystack`.
    static func span(_ needle: String, in haystack: String) -> Range<Int> {
        let text = Array(haystack.unicodeScalars), pattern = Array(needle.unicodeScalars)
        for start in 0...(text.count - pattern.count) where Array(text[start..<start + pattern.count]) == pattern {
            return start..<start + pattern.count
        }
        XCTFail("\(needle) not in \(haystack)")
        return 0..<0
    }

    static let xssScript = "<script>alert(1)</script>"
    static let xssImage = "\"><img src=x onerror=alert(1)>"

    /// Twelve beads with every kind of trouble: markup and script in the text, accents and
    /// emoji before spans, overlapping findings, 1-2, 2-1, 1-0 and 0-1 beads.
    static let beads: [BeadText] = [
        BeadText(source: ["The committee met on 12 March 2024."], target: ["Le comité s'est réuni le 12 mars 2024."], score: 0.94),
        BeadText(source: ["Type \(xssScript) to test the form."], target: ["Tapez \(xssScript) pour tester le formulaire."], score: 0.88),
        BeadText(source: ["Click \(xssImage) now."], target: ["Cliquez \(xssImage) maintenant."], score: 0.81),
        BeadText(source: ["The café in Zürich opens at 9 a.m. and closes at 5 p.m."], target: ["Le café de Zürich ouvre à 9 h.", "Il ferme à 17 h."], score: 0.76),
        BeadText(source: ["This sentence was never translated."], target: [], score: 0.4),
        BeadText(source: ["We ❤️ our users 👩‍👩‍👧 — see javascript:alert(1) for details."],
                 target: ["Nous ❤️ nos utilisateurs 👩‍👩‍👧 — voir javascript:alert(1) pour les détails."], score: 0.9),
        BeadText(source: ["It costs 1,250 euros."], target: ["Cela coûte 1 520 euros."], score: 0.83),
        BeadText(source: [], target: ["Ceci a été ajouté par le traducteur."], score: 0.35),
        BeadText(source: ["See Section 4.", "It explains the rules."], target: ["Voir la section 4, qui explique les règles."], score: 0.71),
        BeadText(source: ["Use </textarea> & &amp; with care."], target: ["Utilisez </textarea> & &amp; avec soin."], score: 0.92),
        BeadText(source: ["The board approved it."], target: ["Le conseil l'a rejeté."], score: 0.32),
        BeadText(source: ["Thank you."], target: ["Merci."], score: 0.97),
    ]

    static func finding(_ code: String, _ severity: Severity, _ side: Side, bead: Int, _ needle: String?,
                        category: Category = .accuracy, message: String? = nil, suggestion: String? = nil) -> Finding {
        let text = side == .target ? beads[bead].targetText : beads[bead].sourceText
        return Finding(code: code, category: category, severity: severity, message: message ?? "\(code) in “\(needle ?? "")”",
                       side: side, span: needle.map { span($0, in: text) }, suggestion: suggestion, bead: bead)
    }

    static let findings: [Finding] = [
        finding("markup-mismatch", .info, .target, bead: 1, xssScript, category: .design,
                message: "markup \(xssScript) kept as is", suggestion: "</textarea><script>alert(2)</script>"),
        finding("markup-mismatch", .minor, .source, bead: 2, "<img src=x onerror=alert(1)>", category: .design, message: "tag \(xssImage) in text"),
        finding("spurious-break", .minor, .target, bead: 3, "9 h. Il", category: .fluency, suggestion: "merge the two sentences"),
        finding("omission", .major, .source, bead: 4, "This sentence was never translated."),
        finding("url-mismatch", .info, .target, bead: 5, "javascript:alert(1)", category: .localeConvention),
        finding("number-mismatch", .critical, .target, bead: 6, "1 520", message: "1,250 became 1 520", suggestion: "1 250"),
        finding("spacing", .minor, .target, bead: 6, "520 euros", category: .localeConvention),
        finding("addition", .major, .target, bead: 7, "ajouté par le traducteur"),
        finding("escaping", .info, .source, bead: 9, "</textarea> & &amp;", category: .design),
        finding("low-confidence", .minor, .both, bead: 10, nil, message: "confidence 0.32 is below 0.5"),
        finding("polarity", .major, .target, bead: 10, "rejeté", message: "approved became rejected"),
    ]

    static func model() throws -> PairReport {
        report(source: (name: "docs/en/<guide>.txt", language: "en"), target: (name: "docs/fr/guide \"fr\".txt", language: "fr"),
                        signature: "verso:0.1.0|icu:72.1|src:en|tgt:fr|checks:<all>", beads: beads, findings: findings)
    }

    /// What the browser check compares the page against: bead count and each flagged bead's codes.
    static func expectations(_ model: PairReport) throws -> Data {
        var flagged: [String: [String]] = [:]
        for (i, unit) in model.units.enumerated() where unit.findings.contains(where: PairSummary.flags) {
            for finding in unit.findings where !(flagged[String(i)] ?? []).contains(finding.code) {
                flagged[String(i), default: []].append(finding.code)
            }
        }
        let object: [String: Any] = ["beads": model.units.count, "flagged": flagged.mapValues { $0.sorted() },
                                     "texts": [xssScript, xssImage, "</textarea>", "javascript:alert(1)"]]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// A deterministic synthetic report: mostly 1-1 beads of ordinary length, some merges and
    /// null beads, findings on about one bead in twelve.
    static func synthetic(beads count: Int) throws -> PairReport {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let english = "the of committee report translation sentence member states council regulation paragraph article annex shall".split(separator: " ")
        let french = "le la du comité rapport traduction phrase membres États conseil règlement paragraphe article annexe doit".split(separator: " ")
        func sentence(_ words: [Substring]) -> String {
            var text = (0..<(8 + next(18))).map { _ in String(words[next(words.count)]) }.joined(separator: " ")
            text = text.prefix(1).uppercased() + text.dropFirst() + "."
            return text
        }
        let codes: [(String, Severity, Category)] = [("number-mismatch", .critical, .accuracy), ("omission", .major, .accuracy),
                                                     ("spurious-break", .minor, .fluency), ("entity-mistranslation", .major, .terminology),
                                                     ("punctuation", .info, .localeConvention), ("low-confidence", .minor, .accuracy)]
        var beads: [BeadText] = [], findings: [Finding] = []
        for index in 0..<count {
            let roll = next(100)
            let shape = roll < 88 ? (1, 1) : roll < 93 ? (1, 2) : roll < 97 ? (2, 1) : roll < 99 ? (1, 0) : (0, 1)
            let bead = BeadText(source: (0..<shape.0).map { _ in sentence(english) }, target: (0..<shape.1).map { _ in sentence(french) },
                                score: Double(40 + next(60)) / 100)
            beads.append(bead)
            guard next(12) == 0 || bead.source.isEmpty || bead.target.isEmpty else { continue }
            let (code, severity, category) = codes[next(codes.count)]
            let side: Side = bead.target.isEmpty ? .source : .target
            let text = side == .source ? bead.sourceText : bead.targetText
            let start = next(text.unicodeScalars.count / 2)
            findings.append(Finding(code: code, category: category, severity: severity, message: "\(code) near character \(start)",
                                    side: side, span: start..<start + 1 + next(12), bead: index))
        }
        return report(source: (name: "synthetic.en.txt", language: "en"), target: (name: "synthetic.fr.txt", language: "fr"),
                               signature: "verso:0.1.0|synthetic:\(count)", beads: beads, findings: findings)
    }

    /// The TransRead gold (11 novels, EN–FR, about 5,300 beads over 5,970 English sentences)
    /// as one report: real sentences and bead kinds. Findings are made up by two crude rules so
    /// that rows are flagged: a null bead is an omission or an addition, and a 1-1 bead whose
    /// sides differ in length by more than 2.5 times gets "length-ratio".
    static func transRead(_ folder: URL) throws -> PairReport {
        let books = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".enfr") }.sorted()
        var beads: [BeadText] = [], findings: [Finding] = []
        for book in books {
            let stem = folder.appendingPathComponent(String(book.dropLast(".enfr".count)))
            func lines(_ ext: String) throws -> [String] {
                try String(contentsOf: stem.appendingPathExtension(ext), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            let english = try lines("en"), french = try lines("fr")
            for link in try lines("enfr") where !link.isEmpty {
                let sides = link.split(separator: ":", omittingEmptySubsequences: false).map { side in
                    side.dropFirst().dropLast().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces))! }
                }
                let bead = BeadText(source: sides[0].map { english[$0] }, target: sides[1].map { french[$0] })
                let index = beads.count
                beads.append(bead)
                let (source, target) = (bead.sourceText.unicodeScalars.count, bead.targetText.unicodeScalars.count)
                if bead.target.isEmpty {
                    findings.append(Finding(code: "omission", category: .accuracy, severity: .major, message: "no French for this sentence",
                                            side: .source, span: 0..<source, bead: index))
                } else if bead.source.isEmpty {
                    findings.append(Finding(code: "addition", category: .accuracy, severity: .major, message: "no English for this sentence",
                                            side: .target, span: 0..<target, bead: index))
                } else if bead.source.count == 1, bead.target.count == 1, Double(max(source, target)) > 2.5 * Double(min(source, target)) {
                    findings.append(Finding(code: "length-ratio", category: .accuracy, severity: .minor,
                                            message: "\(source) vs \(target) characters", side: .both, bead: index))
                }
            }
        }
        return report(source: (name: "transread (11 novels).en", language: "en"), target: (name: "transread (11 novels).fr", language: "fr"),
                               signature: "verso:0.1.0|gold:transread-en-fr", beads: beads, findings: findings)
    }
}
