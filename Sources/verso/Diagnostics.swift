import ArgumentParser
import Foundation
import VersoText

/// Prints an error for the user on stderr and returns the exit code to use.
enum Diagnostics {
    static func fail(_ error: Error) -> ExitCode {
        if let e = error as? VersoError {
            printErr("verso: error: \(e)")
            return ExitCode(e.kind == .usage ? 64 : 1)
        }
        printErr("verso: error: \(error)")
        return ExitCode(1)
    }

    static func printErr(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func warn(_ text: String) { printErr("verso: warning: \(text)") }
}

/// Runs a command body, turning Verso's errors into messages and exit codes.
func guarded(_ body: () throws -> Void) throws {
    do { try body() } catch let error as VersoError {
        throw Diagnostics.fail(error)
    }
}
