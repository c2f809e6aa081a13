import Foundation
@testable import NASFuzz
import NASOracle
import XCTest

/// Replays every committed fuzz input (`Tests/fuzz/corpus/TARGET/`: the seeds, and each input
/// that once crashed a parser, which is then a regression test) through its target. A finding
/// traps, so this suite fails by crashing the test process, naming the target and input.
final class FuzzCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/corpus").path

    func testEveryTargetHasASeedCorpus() throws {
        for target in FuzzTarget.allCases {
            let files = try FuzzCorpus.files(at: "\(Self.corpus)/\(target.rawValue)")
            XCTAssertFalse(files.isEmpty, "no seed inputs for \(target.rawValue)")
        }
    }

    func testCorporaReplayWithoutFindings() throws {
        var total = 0
        for target in FuzzTarget.allCases {
            total += try FuzzCorpus.replay(target, paths: ["\(Self.corpus)/\(target.rawValue)"])
        }
        XCTAssertGreaterThan(total, FuzzTarget.allCases.count)
    }
}

/// The HDF5 target generates its files; its first choices must write a table the reader accepts,
/// or every other branch would only test refusals.
final class HDF5TableGeneratorTests: XCTestCase {
    func testZerosWriteAValidTable() throws {
        let path = NSTemporaryDirectory() + "fuzz-generated-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var input = [UInt8](repeating: 0, count: 64).withUnsafeBytes { FuzzInput($0) }
        try HDF5TableGenerator.write(&input, to: path)
        let table = try BenchmarkTable.load(path)
        XCTAssertEqual(table.rowCount, 3)
        XCTAssertEqual(table.space, .nb201)
    }

    func testAHugeDeclaredShapeIsRefusedInOneLine() throws {
        let path = NSTemporaryDirectory() + "fuzz-huge-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let seed = try Data(contentsOf: URL(fileURLWithPath: FuzzCorpusTests.corpus + "/hdf5-table/seed-huge-shape"))
        var input = seed.withUnsafeBytes { FuzzInput($0) }
        try HDF5TableGenerator.write(&input, to: path)
        XCTAssertThrowsError(try BenchmarkTable.load(path)) { error in
            XCTAssertTrue("\(error)".contains("more than its"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }
}
