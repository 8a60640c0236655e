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
