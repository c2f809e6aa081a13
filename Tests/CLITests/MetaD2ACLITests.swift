import Foundation
import TestSupport
import XCTest

/// `nasbench metad2a images`: a real image set as MetaD2A's encoder takes it.
final class MetaD2ACLITests: XCTestCase {
    func testDigitsLoadAs32x32RGBWithTheirClasses() throws {
        let result = try CLI.run(["metad2a", "images", "digits"])
        if result.status != 0, result.stderr.contains("digits.csv.gz not found") {
            throw XCTSkip("scikit-learn's digits file not installed (make venv)")
        }
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "digits: 1797 images, 3x32x32, 10 classes")
        XCTAssertEqual(lines[2], "0,0,178")
        XCTAssertTrue(lines.last!.hasPrefix("channel mean "), String(lines.last!))
    }

    func testMissingArchiveAndUnknownSetAreOneLine() throws {
        let missing = try CLI.run(["metad2a", "images", "cifar10"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "nasbench: error: the cifar10 image set needs the CIFAR-10 archive (--cifar)\n")
        let unknown = try CLI.run(["metad2a", "images", "imagenet"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertEqual(unknown.stderr.filter { $0 == "\n" }.count, 1, unknown.stderr)
    }
}
