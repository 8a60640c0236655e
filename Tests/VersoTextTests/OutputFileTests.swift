import Foundation
import XCTest
@testable import VersoText

/// The one output writer: atomic for files, direct for devices, loud and harmless on failure.
final class OutputFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("verso-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        return info.st_mode & 0o7777
    }
    private func write(_ text: String, to path: String, force: Bool = false) throws {
        let file = try OutputFile(path: path, force: force)
        try file.write(text)
        try file.commit()
    }
    private func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    func testNothingIsVisibleBeforeCommitAndNoTemporaryIsLeft() throws {
        let target = path("out.txt")
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        let file = try OutputFile(path: target)
        try file.write(String(repeating: "x", count: 3 << 20))   // past the buffer: bytes reach the temporary file
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old\n")
        file.discard()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old\n")
        XCTAssertEqual(try entries(), ["out.txt"])
        try write("new\n", to: target)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new\n")
        XCTAssertEqual(try entries(), ["out.txt"])
    }

    func testAFileKeepsItsModeAndANewOneFollowsTheUmask() throws {
        let secret = path("secret.txt")
        try "s".write(toFile: secret, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(secret, 0o600), 0)
        try write("replaced", to: secret)
        XCTAssertEqual(mode(secret), 0o600, "a private file must not become readable by others")
        let mask = umask(0o022)
        defer { umask(mask) }
        try write("fresh", to: path("fresh.txt"))
        XCTAssertEqual(mode(path("fresh.txt")), 0o644)
    }

    /// Also as root, who could write it: a file nobody may write is refused unless forced.
    func testReadOnlyFileIsRefusedUnlessForced() throws {
        let target = path("ro.txt")
        try "keep".write(toFile: target, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(target, 0o444), 0)
        XCTAssertThrowsError(try write("no", to: target)) { error in
            let e = error as? VersoError
            XCTAssertEqual(e?.kind, .usage)
            XCTAssertTrue(e?.description.contains("read-only") == true && e?.description.contains("--force") == true, "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep")
        XCTAssertEqual(try entries(), ["ro.txt"])
        try write("yes", to: target, force: true)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "yes")
        XCTAssertEqual(mode(target), 0o444, "forced, it keeps its mode")
    }

    func testASymbolicLinkIsWrittenThrough() throws {
        let real = path("real.txt"), link = path("link.txt")
        try "before".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try write("after", to: link)
        XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), "after")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), real, "the link stays a link")
        try FileManager.default.createSymbolicLink(atPath: path("dangling"), withDestinationPath: path("nowhere/x"))
        XCTAssertThrowsError(try OutputFile(path: path("dangling"))) { XCTAssertTrue("\($0)".contains("symbolic link"), "\($0)") }
    }

    func testDevicesAreWrittenToAndFoldersRefused() throws {
        try write("gone", to: "/dev/null")
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        XCTAssertThrowsError(try OutputFile(path: folder.path)) { XCTAssertEqual(($0 as? VersoError)?.kind, .usage) }
    }

    func testFullDiskIsAnErrorThatNamesTheCause() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        XCTAssertThrowsError(try write("data", to: "/dev/full")) { error in
            let e = error as? VersoError
            XCTAssertEqual(e?.kind, .io)
            XCTAssertTrue(e?.description.contains("No space left on device") == true, "\(error)")
        }
    }

    func testAVanishedFolderIsAnErrorAndTheTemporaryIsGone() throws {
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let file = try OutputFile(path: sub.appendingPathComponent("out.txt").path)
        try file.write("text")
        try FileManager.default.removeItem(at: sub)
        XCTAssertThrowsError(try file.commit()) { XCTAssertEqual(($0 as? VersoError)?.kind, .io) }
        XCTAssertThrowsError(try OutputFile(path: path("missing/out.txt"))) { error in
            XCTAssertTrue("\(error)".contains("No such file or directory") && "\(error)".contains("fix:"), "\(error)")
        }
    }

    func testAClosedPipeIsItsOwnKindOfError() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        close(fds[0])
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous); close(fds[1]) }
        let file = try OutputFile(path: "/proc/self/fd/\(fds[1])")
        XCTAssertThrowsError(try { try file.write("x"); try file.commit() }()) { XCTAssertEqual(($0 as? VersoError)?.kind, .closedPipe) }
    }
}
