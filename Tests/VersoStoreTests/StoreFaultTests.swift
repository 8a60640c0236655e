import Foundation
import GRDB
import Synchronization
import VersoStore
import VersoTestSupport
import XCTest

/// Corpus faults (issue 15): writers racing to create one database, a foreign SQLite file, a
/// read-only database, a full disk.
final class StoreFaultTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestSupport.temporaryDirectory() }
    override func tearDownWithError() throws {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Two stores created at once on a new file, 40 times: both open, the schema is made once.
    /// (GRDB's migrator reads which migrations are applied before it takes the write lock, so
    /// the second creator used to run the first migration again: "table documents already exists".)
    func testTwoCreatorsOfOneNewDatabase() throws {
        for trial in 0..<40 {
            let path = folder.appendingPathComponent("race-\(trial).db").path
            let errors = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do { _ = try CorpusStore(path: path) } catch { errors.withLock { $0.append("\(error)") } }
            }
            XCTAssertEqual(errors.withLock { $0 }, [], "trial \(trial)")
            let store = try CorpusStore(path: path, readOnly: true)
            XCTAssertEqual(try store.documents().count, 0)
        }
    }
}
