import Foundation
import VersoText

/// Measures the checks on hand-labelled pairs: how many glitches they catch, whether they name
/// the right code, and how many correct pairs they flag.
///
/// Labelled files are TSV with a header `id  source  target  codes  note`; `codes` lists the
/// expected finding codes (comma-separated), empty for a correct pair. Each file is checked as
/// one document (its rows are the beads, in order), so document-level checks see it whole.
public enum CheckEvaluation {
    public struct LabelledPair: Sendable {
        public var id: String
        public var source: String
        public var target: String
        public var codes: Set<String>
    }

    public struct Result: Sendable {
        public var glitched = 0, caught = 0, rightCode = 0
        public var correct = 0, falseAlarms = 0
        /// Per expected code: pairs, caught, right code.
        public var perCode: [String: (pairs: Int, caught: Int, right: Int)] = [:]
        /// Codes raised above `info` on correct pairs.
        public var alarmCodes: [String: Int] = [:]
        /// Lines describing misses and false alarms, for `--verbose`.
        public var details: [String] = []

        public var recall: Double { glitched == 0 ? 0 : Double(caught) / Double(glitched) }
        public var rightCodeRate: Double { glitched == 0 ? 0 : Double(rightCode) / Double(glitched) }
        public var falseAlarmRate: Double { correct == 0 ? 0 : Double(falseAlarms) / Double(correct) }
    }

    /// Reads a labelled TSV file.
    public static func read(_ path: String) throws -> [LabelledPair] {
        let text = try SourceText.read(path: path).string
        var pairs: [LabelledPair] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where n > 0 && !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4 else {
                throw VersoError(.badInput, "expected id, source, target, codes (and note) separated by tabs", file: path, line: n + 1,
                                 fix: "check the tabs on this line")
            }
            pairs.append(LabelledPair(id: f[0], source: f[1], target: f[2],
                                      codes: Set(f[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })))
        }
        return pairs
    }

    /// Runs the engine on each file (as one document) and scores the findings.
    /// - Complexity: O(total text) for segmentation and checks.
    public static func evaluate(files: [[LabelledPair]], engine: CheckEngine, sourceLanguage: String, targetLanguage: String,
                                lexicon: CheckLexicon) throws -> Result {
        let sourceSegmenter = try Segmenter(language: sourceLanguage), targetSegmenter = try Segmenter(language: targetLanguage)
        func sentences(_ text: String, _ segmenter: Segmenter) -> [String] {
            text.isEmpty ? [] : segmenter.segment(SourceText(string: text)).segments.map(\.text)
        }
        var result = Result()
        for pairs in files {
            let beads = pairs.map { BeadText(source: sentences($0.source, sourceSegmenter), target: sentences($0.target, targetSegmenter)) }
            let document = try CheckDocument(beads: beads, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: lexicon)
            let byBead = Dictionary(grouping: engine.run(document), by: \.bead)
            for (i, pair) in pairs.enumerated() {
                let findings = byBead[i] ?? []
                let raised = Set(findings.map(\.code))
                let serious = findings.filter { $0.severity > .info }
                if pair.codes.isEmpty {
                    result.correct += 1
                    if !serious.isEmpty {
                        result.falseAlarms += 1
                        for code in Set(serious.map(\.code)) { result.alarmCodes[code, default: 0] += 1 }
                        result.details.append("false alarm \(pair.id): \(serious.map { "[\($0.code)] \($0.message)" }.joined(separator: "; "))")
                    }
                    continue
                }
                result.glitched += 1
                let right = !pair.codes.isDisjoint(with: raised)
                let caught = right || !serious.isEmpty
                if caught { result.caught += 1 }
                if right { result.rightCode += 1 }
                for code in pair.codes {
                    var entry = result.perCode[code] ?? (0, 0, 0)
                    entry.pairs += 1
                    if caught { entry.caught += 1 }
                    if raised.contains(code) { entry.right += 1 }
                    result.perCode[code] = entry
                }
                if !right {
                    result.details.append("\(caught ? "wrong code" : "missed") \(pair.id) (\(pair.codes.sorted().joined(separator: ","))): \(findings.map { "[\($0.code)]" }.joined(separator: " "))")
                }
            }
        }
        return result
    }
}
