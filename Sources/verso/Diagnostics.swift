import ArgumentParser
import Foundation
import VersoText

/// The one place that turns errors into messages and exit codes.
///
/// Exit status, as linters use it: 0 nothing reached `--fail-on`; 1 a finding reached it (or a
/// verification found problems); 2 bad input or a runtime error (a batch that skipped a pair);
/// 64 a usage error. A closed output pipe (`verso … | head -1`) ends quietly.
enum Diagnostics {
    static let findingsStatus: Int32 = 1
    static let failureStatus: Int32 = 2
    static let usageStatus: Int32 = 64

    /// Prints the error on stderr and returns the exit code to use.
    static func fail(_ error: Error) -> ExitCode {
        if let e = error as? VersoError {
            if e.kind == .closedPipe { return ExitCode.success }
            printErr("verso: error: \(e)")
            return ExitCode(e.kind == .usage ? usageStatus : failureStatus)
        }
        printErr("verso: error: \(error)")
        return ExitCode(failureStatus)
    }

    static func printErr(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func warn(_ text: String) { printErr("verso: warning: \(text)") }

    /// The help text's paragraph on exit status.
    static let exitStatusHelp = """
        Exit status: 0 nothing reached --fail-on; 1 a finding reached it; 2 bad input or an error \
        (nothing is written then); 64 a usage error.
        """
}

/// Runs a command body, turning Verso's errors into messages and exit codes.
@discardableResult
func guarded<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ExitCode {
        throw error
    } catch let error as VersoError {
        throw Diagnostics.fail(error)
    } catch let error as ValidationError {
        throw error
    } catch {
        throw Diagnostics.fail(error)
    }
}
