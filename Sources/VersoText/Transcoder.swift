import CICUShim

/// Decodes bytes in a named charset to UTF-8 with ICU's converters, strictly and in pieces.
///
/// A sequence that is malformed in the charset (a lone UTF-16 surrogate, a code point above
/// U+10FFFF in UTF-32, a Shift_JIS lead byte without its trail, an unknown ISO-2022-JP escape)
/// or that has no Unicode mapping stops the decoding with a ``Transcoder/Failure`` giving its
/// byte offset: nothing is replaced or skipped. Stateful charsets (ISO-2022-JP, UTF-7) keep
/// their state from one piece to the next.
///
/// Not thread-safe: one transcoder decodes one input.
public final class Transcoder {
    /// Why decoding stopped.
    public enum Failure: Error, Equatable, Sendable {
        /// ICU knows no charset of that name.
        case unknownCharset(String)
        /// The bytes at `offset` (from the start of the input) are not valid in the charset.
        case invalid(offset: Int, bytes: [UInt8])
        /// The input ends inside a character; its first bytes start at `offset`.
        case truncated(offset: Int, bytes: [UInt8])
        /// ICU failed for another reason (its error code).
        case icu(Int32)
    }

    /// The charset as it was asked for.
    public let charset: String
    /// ICU's canonical name for it (`ibm-943_P15A-2003` for Shift_JIS).
    public let canonicalName: String
    /// Input bytes consumed so far: the offset of the next byte to decode.
    public private(set) var consumed = 0
    private let converter: OpaquePointer
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    /// Opens a transcoder for `charset` (any name or alias ICU knows).
    /// - Throws: ``Failure/unknownCharset(_:)``.
    public init(charset: String) throws(Failure) {
        var error: Int32 = 0
        guard let converter = verso_converter_open(charset, &error) else { throw .unknownCharset(charset) }
        self.converter = converter
        self.charset = charset
        var name = [CChar](repeating: 0, count: 128)
        _ = verso_converter_name(converter, &name, Int32(name.count))
        canonicalName = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { verso_converter_close(converter) }

    /// Decodes `bytes`, the next piece of the input, appending UTF-8 to `output`; `final` when
    /// `bytes` ends the input (a character cut at the end is then an error).
    ///
    /// - Throws: ``Failure`` at the first malformed or unmappable sequence; what was decoded
    ///   before it is in `output`.
    /// - Complexity: O(bytes.count).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]) throws(Failure) {
        var position = 0
        while true {
            var used: Int32 = 0, produced: Int32 = 0, badOffset: Int32 = 0, badLength: Int32 = 0
            var bad = [UInt8](repeating: 0, count: 8)
            let remaining = Int32(clamping: bytes.count - position)
            let result = scratch.withUnsafeMutableBufferPointer { out in
                verso_converter_convert(converter, bytes.baseAddress.map { $0 + position }, remaining, final && Int(remaining) == bytes.count - position ? 1 : 0,
                                        out.baseAddress, Int32(out.count), &used, &produced, &badOffset, &badLength, &bad)
            }
            output.append(contentsOf: scratch[0..<Int(produced)])
            let start = consumed
            position += Int(used)
            consumed += Int(used)
            switch Int32(result) {
            case Int32(VERSO_CONVERT_OK):
                if position >= bytes.count { return }
                if used == 0 { throw .icu(0) }  // no progress: never drop input silently
            case Int32(VERSO_CONVERT_FULL):
                continue
            case Int32(VERSO_CONVERT_INVALID):
                throw .invalid(offset: start + Int(badOffset), bytes: Array(bad.prefix(Int(min(badLength, 8)))))
            case Int32(VERSO_CONVERT_TRUNCATED):
                throw .truncated(offset: start + Int(badOffset), bytes: Array(bad.prefix(Int(min(badLength, 8)))))
            default:
                throw .icu(result)
            }
        }
    }

    /// Decodes a whole input at once.
    /// - Throws: ``Failure``.
    /// - Complexity: O(bytes.count).
    public static func decode(_ bytes: [UInt8], charset: String) throws(Failure) -> [UInt8] {
        let transcoder = try Transcoder(charset: charset)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        do {
            try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) in try transcoder.decode(buffer, final: true, into: &output) }
        }
        return output
    }
}
