import Foundation
import NASTensor
import NASTensorState
import XCTest

final class ModuleStateFileTests: XCTestCase {
    func makeNet(seed: UInt64) -> Sequential {
        var rng = SplitMix64(seed: seed)
        return Sequential([
            Conv2d(3, 4, kernelSize: 3, padding: 1, using: &rng),
            BatchNorm2d(4),
            Lambda { $0.relu().globalAvgPool2d() },
            Linear(4, 2, using: &rng),
        ])
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nasbench-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testSaveThenLoadReproducesTheNetwork() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("net.h5").path
        let a = makeNet(seed: 1), b = makeNet(seed: 2)
        var rng = SplitMix64(seed: 9)
        let x = Tensor.randomNormal([2, 3, 5, 5], using: &rng)
        a.train()
        _ = a(x)  // moves BN running statistics away from their initial values
        a.eval()
        b.eval()
        try a.saveState(to: path)
        XCTAssertNotEqual(a(x).data, b(x).data)
        try b.loadState(from: path)
        XCTAssertEqual(a(x).data, b(x).data)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["net.h5"])
    }

    func testMismatchesAreErrorsNotTraps() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("net.h5").path
        try makeNet(seed: 1).saveState(to: path)
        var rng = SplitMix64(seed: 3)
        let other = Sequential([Linear(4, 2, using: &rng)])
        XCTAssertThrowsError(try other.loadState(from: path)) { error in
            XCTAssertTrue("\(error)".contains("'0.weight' has shape"), "\(error)")
        }
        let junk = dir.appendingPathComponent("junk.h5").path
        try "no".write(toFile: junk, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try other.loadState(from: junk)) { error in
            XCTAssertTrue("\(error)".contains("not an HDF5 file"), "\(error)")
            XCTAssertEqual("\(error)".components(separatedBy: junk).count, 2, "names the file once: \(error)")
        }
    }
}
