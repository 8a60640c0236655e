import Foundation

/// What every fuzz target needs: the input as bytes, and a check that turns a broken invariant
/// into a crash libFuzzer records (with the input that caused it).
public enum Fuzz {
    /// The input libFuzzer passes, copied into an array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the run with `message` when `condition` is false: an invariant of the code under
    /// test did not hold for this input.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
    }

    /// Splits an input in two at its first NUL byte (both sides of a pair from one input);
    /// without a NUL, at the middle.
    public static func split(_ bytes: [UInt8]) -> ([UInt8], [UInt8]) {
        let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
        return (Array(bytes[..<cut]), Array(bytes[min(cut + 1, bytes.count)...]))
    }
}

extension Fuzz {
    /// True for XML that Foundation's `XMLParser` (libxml2's push parser underneath) is known to
    /// crash on: a declared encoding other than UTF-8, or a UTF-16/UTF-32/EBCDIC start (issue
    /// 15), and a processing instruction without data, `<?pi?>` (found by fuzz-tmx: XMLParser
    /// calls strlen on libxml2's NULL data pointer). SafeXML is moving to libxml2's own API, and
    /// this filter goes with it. Until then the XML targets skip these inputs so that the rest of
    /// the readers is fuzzed.
    public static func knownXMLParserCrash(_ bytes: [UInt8]) -> Bool {
        if hasEmptyProcessingInstruction(bytes) { return true }
        let start = bytes.prefix(4)
        if start.contains(0) || start.starts(with: [0xFE, 0xFF]) || start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            return true
        }
        let prolog = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        guard let declaration = prolog.range(of: "encoding") else { return false }
        let rest = prolog[declaration.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let value = rest.prefix { $0 != "\"" && $0 != "'" && $0 != "?" && $0 != " " }
        return value != "utf-8" && value != "utf8"
    }
}

extension Fuzz {
    /// `<?target?>` or `<?target   ?>` anywhere: a processing instruction with no data.
    static func hasEmptyProcessingInstruction(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") {
                var j = i + 2
                while j < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?"), UInt8(ascii: ">")].contains(bytes[j]) { j += 1 }
                while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
                if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">") { return true }
            }
            i += 1
        }
        return false
    }
}
