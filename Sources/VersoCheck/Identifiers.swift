import Foundation
import VersoText

/// A string that must come through a translation exactly as written: a URL, an e-mail address,
/// a file path or name, a command-line option, a command name, a hashtag or a product code.
struct Identifier: Equatable, Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case url = "URL", email = "e-mail address", path = "file path", file = "file name", option, command, hashtag
        case code = "product code"
    }

    var kind: Kind
    /// As written.
    var text: String
    /// Unicode scalar offsets in the side's text.
    var span: Range<Int>
}

/// Finds identifiers and code in a message: what the url-mismatch check compares, and what the
/// spelling check and the placeholder check leave alone.
enum Identifiers {
    // Patterns in ICU syntax. Each is anchored on what cannot be prose: a scheme, an "@", a slash
    // that starts a word, two dashes, a known file extension.
    private static let url = regex(#"\b(?:(?:https?|ftps?|sftp|ssh|git|file|svn|rsync|ldaps?|smb|nfs|irc|telnet|news)://|www\.)[^\s<>"«»“”‘’\[\]{}|\\^`]+"#)
    private static let email = regex(#"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b"#)
    private static let path = regex(#"(?<![\w/.~:\\-])(?:~|\.{1,2}|\$\{?\w+\}?)?/(?:[\w.+@%-]+/)*[\w.+@-]*[\w+@-]/?|\b[A-Za-z]:\\(?:[\w .+-]+\\)*[\w.+-]+"#)
    private static let fileName = regex(#"(?<![\w/.-])[\w-]+(?:\.[\w-]+)*\.([A-Za-z0-9]{1,8})\b(?![.\w-]*\w)"#)
    private static let longOption = regex(#"(?<![\w-])--[A-Za-z0-9][\w-]*(?:=[^\s,;:)\]»”'"]+)?"#)
    private static let shortOption = regex(#"(?<=^|[\s(\[,|«“"'‘])-[A-Za-z](?=$|[\s,;)\]|=»”"'’])"#)
    private static let hashtag = regex(#"(?<![\w&#/])#[A-Za-z_][\w-]*\b"#)
    private static let productCode = regex(#"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+\b|\b[A-Z]{2,}[0-9]+[A-Z0-9]*\b"#)
    private static let codeQuote = regex(#"`([^`'\n]+)`|['‘“«\"][\s\u00A0\u202F]*([a-z][\w.+-]*)[\s\u00A0\u202F]+-{1,2}[A-Za-z]"#)

    static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals of this file: a failure is a bug caught by the tests.
        try! NSRegularExpression(pattern: pattern)
    }

    /// Every identifier of `text`, in text order; an identifier inside a longer one (the path of
    /// a URL, the e-mail of a `mailto:`) is not reported again.
    /// - Parameter extensions: file extensions that make a word a file name (lower case,
    ///   ``TechnicalResources/fileExtensions``).
    /// - Complexity: O(n) in the length of the text.
    static func find(in text: String, extensions: Set<String>) -> [Identifier] {
        guard !text.isEmpty, text.unicodeScalars.contains(where: { !$0.properties.isAlphabetic && $0 != " " }) else { return [] }
        let map = ScalarOffsets(text)
        var found: [Identifier] = []
        var taken: [Range<Int>] = []
        func add(_ kind: Identifier.Kind, _ pattern: NSRegularExpression, group: Int = 0, accept: (String) -> Bool = { _ in true }) {
            let ns = text as NSString
            for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let range = match.range(at: group)
                guard range.location != NSNotFound else { continue }
                var piece = ns.substring(with: range)
                var length = range.length
                // Sentence punctuation after a URL or a path is not part of it.
                while let last = piece.unicodeScalars.last, ".,;:!?'’)".unicodeScalars.contains(last),
                      !(last == ")" && piece.contains("(")) {
                    piece.unicodeScalars.removeLast()
                    length -= String(last).utf16.count
                }
                guard !piece.isEmpty, accept(piece) else { continue }
                let span = map.span(range.location..<(range.location + length))
                guard !taken.contains(where: { $0.overlaps(span) }) else { continue }
                taken.append(span)
                found.append(Identifier(kind: kind, text: piece, span: span))
            }
        }
        add(.url, url)
        add(.email, email)
        add(.path, path) { piece in
            // "/" alone, "km/h" and "1/2" are not paths; "/tmp" and "/etc/apt" are.
            let segments = piece.split(separator: "/")
            return segments.count >= 2 || (segments.first.map { $0.count >= 3 && $0.contains(where: \.isLetter) } ?? false)
        }
        add(.file, fileName) { piece in
            // "config.yaml", "stdio.h"; not "B.C" or "U.S" (abbreviations write capitals).
            guard let dot = piece.lastIndex(of: ".") else { return false }
            let ext = piece[piece.index(after: dot)...]
            return ext == ext.lowercased() && extensions.contains(String(ext)) && piece[..<dot].filter(\.isLetter).count >= 2
        }
        add(.option, longOption)
        add(.option, shortOption)
        add(.command, codeQuote, group: 1)
        add(.command, codeQuote, group: 2)
        add(.hashtag, hashtag)
        add(.code, productCode)
        return found.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }
}

/// UTF-16 offsets (what `NSRegularExpression` gives) turned into Unicode scalar offsets (what
/// spans use).
struct ScalarOffsets {
    private let scalarAt: [Int32]

    init(_ text: String) {
        var map = [Int32]()
        map.reserveCapacity(text.utf16.count + 1)
        var n: Int32 = 0
        for scalar in text.unicodeScalars {
            map.append(n)
            if scalar.value > 0xFFFF { map.append(n) }
            n += 1
        }
        map.append(n)
        scalarAt = map
    }

    /// The scalar span of a UTF-16 range.
    func span(_ utf16: Range<Int>) -> Range<Int> { Int(scalarAt[utf16.lowerBound])..<Int(scalarAt[utf16.upperBound]) }
}
