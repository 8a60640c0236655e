import VersoText

/// A number, clock time or alphanumeric code mentioned on one side of a bead.
struct NumberMention: Equatable {
    enum Kind: Equatable {
        /// Written with digits ("1 250,5", "15 %", "21st", "$1.5 billion").
        case digits
        /// Spelled out ("two", "vingt-deux", "a thousand").
        case spelled
        /// A word that may or may not mean a number ("one", "un", "une", "first", Roman
        /// numerals): it can match a number on the other side but is never reported.
        case optional
        /// A clock time ("3 p.m.", "15 h", "15:30"); `value` is minutes after midnight.
        case time
        /// Letters mixed with digits ("G7", "COVID-19", "v2.4"), compared as folded strings.
        case code(String)
    }

    var kind: Kind
    var value: Double
    /// The mention as written.
    var text: String
    /// Unicode scalar span in the side's text.
    var span: Range<Int>
    /// A time without a.m./p.m. and an hour of 1…12: it may mean either half of the day.
    var twelveHourAmbiguous = false

    var isCode: Bool { if case .code = kind { return true } else { return false } }

    /// Whether two mentions stand for the same quantity (or the same time, or the same code).
    func matches(_ other: NumberMention) -> Bool {
        switch (kind, other.kind) {
        case (.code(let a), .code(let b)): return a == b
        case (.code, _), (_, .code): return false
        case (.time, .time):
            if value == other.value { return true }
            let ambiguous = twelveHourAmbiguous || other.twelveHourAmbiguous
            return ambiguous && Int(value) % 720 == Int(other.value) % 720
        case (.time, _), (_, .time): return false
        default: return Numbers.same(value, other.value)
        }
    }

    /// How a mention shows in a message: “1 250,5” or “two million” (2000000).
    var quoted: String {
        switch kind {
        case .code, .time: return "“\(text)”"
        default:
            let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            return text.filter(\.isNumber) == shown ? "“\(text)”" : "“\(text)” (\(shown))"
        }
    }
}

/// Finds numbers, times and codes in text, with each language's conventions: digit grouping
/// ("1,250.5" in English, "1 250,5" with a space, U+00A0 or U+202F in French, "1.250,5" in
/// German), percentages, ordinals ("21st", "21e", "1er"), scale words ("2 millions",
/// "$1.5 billion" — English "billion" is 10^9, French "billion" 10^12), spelled numbers from
/// ICU's spell-out data ("deux", "vingt-deux", "two hundred"), Roman numerals, and clock times
/// ("3 p.m.", "15 h", "15 heures 30", "15:30").
enum Numbers {
    /// Scalars that group digits when followed by three digits: space, no-break spaces, thin space.
    static let groupSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "e", "er", "re", "ere", "eme", "ieme", "nde", "d", "de", "es", "ers", "res", "emes"]
    static let connectors: Set<String> = ["-", "et", "and"]

    /// Whether two values are equal (relative tolerance for parsed decimals).
    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    /// Every number, time and code of a side, in text order.
    /// - Complexity: O(n) in the length of the side's text.
    static func mentions(in side: SideAnalysis, resources: LanguageResources) -> [NumberMention] {
        let scalars = Array(side.text.unicodeScalars)
        var consumed = [Bool](repeating: false, count: scalars.count)
        var found = codes(scalars, consumed: &consumed)
        found += digitNumbers(scalars, side: side, resources: resources, consumed: &consumed)
        found += wordNumbers(side, resources: resources, consumed: consumed)
        return found.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    // MARK: Codes

    /// Whitespace-separated chunks that start with a letter and contain a digit ("G7", "COVID-19").
    private static func codes(_ s: [Unicode.Scalar], consumed: inout [Bool]) -> [NumberMention] {
        var result: [NumberMention] = []
        var i = 0
        while i < s.count {
            guard !s[i].properties.isWhitespace else { i += 1; continue }
            var end = i
            while end < s.count && !s[end].properties.isWhitespace { end += 1 }
            var lo = i, hi = end
            while lo < hi && !isAlphanumeric(s[lo]) { lo += 1 }
            while hi > lo && !isAlphanumeric(s[hi - 1]) { hi -= 1 }
            // "l'article", "d'A4": an elided article is not part of the code.
            if let apostrophe = s[lo..<hi].lastIndex(where: { $0 == "'" || $0 == "’" }), apostrophe - lo <= 2 { lo = apostrophe + 1 }
            if lo < hi, s[lo].properties.isAlphabetic, s[lo..<hi].contains(where: isDigit) {
                let text = String(String.UnicodeScalarView(s[lo..<hi]))
                result.append(NumberMention(kind: .code(Folding.fold(text)), value: 0, text: text, span: lo..<hi))
                for k in lo..<hi { consumed[k] = true }
            }
            i = end
        }
        return result
    }

    // MARK: Digits

    private static func digitNumbers(_ s: [Unicode.Scalar], side: SideAnalysis, resources: LanguageResources,
                                     consumed: inout [Bool]) -> [NumberMention] {
        var result: [NumberMention] = []
        let sentenceStarts = Set(CheckText.sentenceStarts(side).map { side.span($0..<$0).lowerBound })
        var i = 0
        while i < s.count {
            guard isDigit(s[i]), !consumed[i], i == 0 || !isAlphanumeric(s[i - 1]) else { i += 1; continue }
            let start = i
            var j = literalEnd(s, from: i)
            let literal = Array(s[start..<j])
            guard var value = parseLiteral(literal, language: resources.language) else { i = j; continue }
            // Letters glued to the number: an ordinal, "15h30", "3pm", or a unit ("10km", "1990s").
            var suffixEnd = j
            while suffixEnd < s.count && s[suffixEnd].properties.isAlphabetic { suffixEnd += 1 }
            let suffix = Folding.fold(String(String.UnicodeScalarView(s[j..<suffixEnd])))
            if let time = clockTime(s, hourStart: start, hourEnd: j, hour: value, language: resources.language) {
                result.append(NumberMention(kind: .time, value: time.minutes, text: text(s, start..<time.end),
                                            span: start..<time.end, twelveHourAmbiguous: time.ambiguous))
                for k in start..<time.end { consumed[k] = true }
                i = time.end
                continue
            }
            if !suffix.isEmpty { j = suffixEnd }
            // A list number opening a sentence ("1. ", "2) ") is layout, not content.
            if sentenceStarts.contains(start), suffix.isEmpty, j < s.count, s[j] == "." || s[j] == ")",
               j + 1 == s.count || s[j + 1].properties.isWhitespace {
                i = j + 1
                continue
            }
            var end = j
            if suffix.isEmpty || ordinalSuffixes.contains(suffix) == false,
               let scale = followingWord(s, from: j), let multiplier = resources.scaleWords[Folding.fold(scale.word)] {
                value *= multiplier
                end = scale.end
            }
            // "15%", "15 %": the sign belongs to the mention.
            var sign = end
            while sign < s.count && groupSpaces.contains(s[sign]) { sign += 1 }
            if sign < s.count && s[sign] == "%" { end = sign + 1 }
            result.append(NumberMention(kind: .digits, value: value, text: text(s, start..<end), span: start..<end))
            for k in start..<end { consumed[k] = true }
            i = end
        }
        return result
    }

    /// End of a digit literal: digits with "," or "." between digits, and spaces grouping
    /// exactly three digits after a first group of one to three ("1 250", not "2019 200").
    static func literalEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count && isDigit(s[j]) { j += 1 }
        let firstGroup = j - start
        var sawMark = false
        while j + 1 < s.count {
            if (s[j] == "," || s[j] == "."), isDigit(s[j + 1]) {
                sawMark = true
                j += 1
                while j < s.count && isDigit(s[j]) { j += 1 }
            } else if groupSpaces.contains(s[j]), firstGroup <= 3, !sawMark,
                      (1...3).allSatisfy({ j + $0 < s.count && isDigit(s[j + $0]) }),
                      j + 4 >= s.count || !isDigit(s[j + 4]) {
                j += 4
            } else {
                break
            }
        }
        return j
    }

    /// The value of a digit literal in the language's conventions, falling back on the other
    /// convention when the literal cannot be read in the language's ("3.5" in French text).
    static func parseLiteral(_ literal: [Unicode.Scalar], language: String) -> Double? {
        let decimal: Unicode.Scalar = language == "en" ? "." : ","
        return parse(literal, decimal: decimal) ?? parse(literal, decimal: decimal == "." ? "," : ".")
    }

    /// Reads digits with one decimal mark (the last separator) and grouping marks that each
    /// precede exactly three digits; nil when the literal does not fit.
    private static func parse(_ literal: [Unicode.Scalar], decimal: Unicode.Scalar) -> Double? {
        var digits = "", groupLength = 0, sawDecimal = false, afterSeparator: Unicode.Scalar? = nil
        for c in literal {
            if isDigit(c) {
                digits.unicodeScalars.append(c)
                groupLength += 1
                continue
            }
            if let mark = afterSeparator, mark != decimal, groupLength != 3 { return nil }
            if sawDecimal { return nil }
            if c == decimal { sawDecimal = true; digits += "." }
            afterSeparator = c
            groupLength = 0
        }
        if let mark = afterSeparator, mark != decimal, groupLength != 3 { return nil }
        return Double(digits)
    }

    /// A clock time starting with the hour just read: "3 p.m.", "3pm", "15:30", "15 h", "15h30",
    /// "15 heures", "3 o'clock".
    private static func clockTime(_ s: [Unicode.Scalar], hourStart: Int, hourEnd: Int, hour: Double,
                                  language: String) -> (minutes: Double, end: Int, ambiguous: Bool)? {
        guard hour == hour.rounded(), hour >= 0, hour <= 24, hourEnd - hourStart <= 2 else { return nil }
        var minutes = 0.0, j = hourEnd, explicit = false
        if j + 2 < s.count, s[j] == ":", isDigit(s[j + 1]), isDigit(s[j + 2]), j + 3 == s.count || !isDigit(s[j + 3]) {
            minutes = Double(String(String.UnicodeScalarView(s[(j + 1)...(j + 2)])))!
            j += 3
            explicit = true
        }
        var k = j
        while k < s.count && groupSpaces.contains(s[k]) { k += 1 }
        let rest = Folding.fold(String(String.UnicodeScalarView(s[k..<min(s.count, k + 9)])))
        func wordEnds(_ n: Int) -> Bool { k + n >= s.count || !s[k + n].properties.isAlphabetic }
        for (marker, pm) in [("p.m.", true), ("a.m.", false), ("pm", true), ("am", false)] where rest.hasPrefix(marker) && wordEnds(marker.count) {
            var h = hour.truncatingRemainder(dividingBy: 12)
            if pm { h += 12 }
            return ((h * 60 + minutes), k + marker.count, false)
        }
        if rest.hasPrefix("o'clock") { return (hour * 60 + minutes, k + 7, hour >= 1 && hour <= 12) }
        if !explicit {
            for marker in ["heures", "heure", "h"] where rest.hasPrefix(marker) && wordEnds(marker.count) {
                var end = k + marker.count
                // "15 h 30", "15h30", "15 heures 30"
                var m = end
                while m < s.count && groupSpaces.contains(s[m]) { m += 1 }
                if m + 1 < s.count, isDigit(s[m]), isDigit(s[m + 1]), m + 2 == s.count || !isAlphanumeric(s[m + 2]) {
                    minutes = Double(String(String.UnicodeScalarView(s[m...(m + 1)])))!
                    end = m + 2
                }
                return (hour * 60 + minutes, end, false)
            }
        }
        return explicit ? (hour * 60 + minutes, j, hour >= 1 && hour <= 12) : nil
    }

    /// The word after `from`, skipping spaces ("2 millions", "1.5 billion").
    private static func followingWord(_ s: [Unicode.Scalar], from: Int) -> (word: String, end: Int)? {
        var k = from
        while k < s.count && groupSpaces.contains(s[k]) { k += 1 }
        guard k > from else { return nil }
        var end = k
        while end < s.count && s[end].properties.isAlphabetic { end += 1 }
        return end > k ? (text(s, k..<end), end) : nil
    }

    // MARK: Words

    /// Runs of spelled number words ("two", "vingt-deux", "one hundred and five", "deux
    /// millions"), Roman numerals, and the words that only may be numbers ("one", "un", "first").
    private static func wordNumbers(_ side: SideAnalysis, resources: LanguageResources, consumed: [Bool]) -> [NumberMention] {
        var result: [NumberMention] = []
        let tokens = side.tokens
        var i = 0
        while i < tokens.count {
            let span = side.span(of: tokens[i])
            guard tokens[i].kind == .word, !consumed[span.lowerBound] else { i += 1; continue }
            if let roman = romanValue(tokens[i].text) {
                result.append(NumberMention(kind: .optional, value: roman, text: tokens[i].text, span: span))
                i += 1
                continue
            }
            var run: [Double] = [], last = i, k = i
            while k < tokens.count {
                let f = tokens[k].folded
                if let v = numberValue(f, resources: resources), !(f == "cent" && k > 0 && tokens[k - 1].folded == "pour") {
                    run.append(v); last = k; k += 1
                } else if let previous = run.last, connectors.contains(f), k + 1 < tokens.count,
                          let next = numberValue(tokens[k + 1].folded, resources: resources),
                          f == "-" || previous >= 100 || (previous >= 20 && (next == 1 || next == 11)) {
                    k += 1
                } else {
                    break
                }
            }
            guard !run.isEmpty else { i += 1; continue }
            let spanAll = span.lowerBound..<side.span(of: tokens[last]).upperBound
            let shown = String(side.text.unicodeScalars.dropFirst(spanAll.lowerBound).prefix(spanAll.count))
            let isPlainScale = run.count == 1 && run[0] >= 100
            let plural = tokens[i].folded.hasSuffix("s") && isPlainScale
            if run == [1] {
                result.append(NumberMention(kind: .optional, value: 1, text: shown, span: spanAll))
            } else if !plural {
                result.append(NumberMention(kind: .spelled, value: combine(run), text: shown, span: spanAll))
            }
            i = last + 1
        }
        // Ordinal "first" words may stand for a 1.
        for t in tokens where t.kind == .word && ["first", "premier", "premiere"].contains(t.folded) {
            result.append(NumberMention(kind: .optional, value: 1, text: t.text, span: side.span(of: t)))
        }
        return result
    }

    private static let oneWords: Set<String> = ["one", "un", "une"]

    /// Value of one number or scale word.
    private static func numberValue(_ folded: String, resources: LanguageResources) -> Double? {
        if oneWords.contains(folded) { return 1 }
        return resources.numberWords[folded] ?? resources.scaleWords[folded]
    }

    /// Combines the words of a run: "deux cent trente" = 230, "quatre-vingt-dix" = 90,
    /// "two million five hundred thousand" = 2 500 000.
    static func combine(_ words: [Double]) -> Double {
        var total = 0.0, current = 0.0
        for v in words {
            if v == 100 {
                current = max(current, 1) * 100
            } else if v >= 1000 {
                total += max(current, 1) * v
                current = 0
            } else if v == 20 && current.truncatingRemainder(dividingBy: 100) == 4 {
                current += 76 // "quatre-vingt": 4 × 20
            } else {
                current += v
            }
        }
        return total + current
    }

    /// Value of an upper-case Roman numeral of two letters or more, or "I"/"V"/"X" followed by
    /// nothing else ("CHAPITRE I"), with an optional French ordinal ending ("XIVe").
    static func romanValue(_ word: String) -> Double? {
        var letters = word
        for ending in ["ème", "er", "e"] where letters.hasSuffix(ending) && letters.count > ending.count {
            letters = String(letters.dropLast(ending.count)); break
        }
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        guard !letters.isEmpty, letters.allSatisfy({ values[$0] != nil }), letters.count >= 2 || letters != "M" && letters != "D" && letters != "C" && letters != "L" else { return nil }
        var total = 0, previous = 0
        for c in letters.reversed() {
            let v = values[c]!
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        return Double(total)
    }

    // MARK: Scalars

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool { isDigit(c) || c.properties.isAlphabetic }
    static func text(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String { String(String.UnicodeScalarView(s[range])) }
}
