import Foundation
import NASDatasets
import TestSupport
import XCTest

/// The image sets MetaD2A's tasks draw from: scikit-learn's digits read from the file its package
/// ships, enlarged to 32x32 as PIL does, grey-scale made RGB; bad sets are one-line errors.
final class MetaImageSetTests: XCTestCase {
    func digitsPath() throws -> String {
        guard let path = SklearnDigits.defaultPath(projectRoot: ReferencePython.packageRoot) else {
            throw XCTSkip("scikit-learn's digits.csv.gz not found: run `make venv` or apt-get install python3-sklearn")
        }
        return path
    }

    func digits() throws -> ImageDataset { try SklearnDigits.load(path: try digitsPath()) }

    /// The first `n` images.
    func first(_ n: Int, of set: ImageDataset) -> ImageDataset {
        ImageDataset(pixels: Array(set.pixels.prefix(n * set.imageSize)), labels: Array(set.labels.prefix(n)), channels: set.channels,
                     height: set.height, width: set.width, classNames: set.classNames)
    }

    func testDigitsFileHas1797ImagesOf10Classes() throws {
        let set = try digits()
        XCTAssertEqual(set.count, 1797)
        XCTAssertEqual([set.channels, set.height, set.width], [1, 8, 8])
        XCTAssertEqual(set.classCounts(), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        XCTAssertEqual(set.pixels.max(), 255)
    }

    /// Against PIL's bilinear resize (torchvision's Resize on a PIL image): within 1 grey level
    /// (PIL rounds after each of its two passes, we once), and equal for most pixels.
    func testEnlargingMatchesPIL() throws {
        try ReferencePython.require(["numpy", "PIL"])
        let reference = try JSONDecoder().decode(
            [[Int]].self, from: ReferencePython.runTool("reference/resize_reference.py", [try digitsPath(), "25", "32"]))
        let ours = try first(25, of: try digits()).resized(to: 32)
        var equal = 0, total = 0, worst = 0
        for (i, image) in reference.enumerated() {
            for (k, value) in image.enumerated() {
                let diff = abs(Int(ours.pixels[i * 1024 + k]) - value)
                worst = max(worst, diff)
                equal += diff == 0 ? 1 : 0
                total += 1
            }
        }
        XCTAssertLessThanOrEqual(worst, 1)
        XCTAssertGreaterThan(Double(equal) / Double(total), 0.9, "\(equal) of \(total) equal")
    }

    func testGreyBecomesThreeEqualChannels() throws {
        let set = try digits().resized(to: 32).rgb()
        XCTAssertEqual(set.channels, 3)
        for i in [0, 100, 1796] {
            let base = i * 3 * 1024
            XCTAssertEqual(Array(set.pixels[base..<(base + 1024)]), Array(set.pixels[(base + 1024)..<(base + 2048)]))
            XCTAssertEqual(Array(set.pixels[base..<(base + 1024)]), Array(set.pixels[(base + 2048)..<(base + 3072)]))
        }
    }

    func testBadSetsAreOneLineErrors() throws {
        let one = ImageDataset(pixels: [0, 1, 2, 3], labels: [0, 0, 0, 0], channels: 1, height: 1, width: 1, classNames: ["a"])
        XCTAssertThrowsError(try one.checkClasses()) { XCTAssertTrue("\($0)".contains("at least 2 classes"), "\($0)") }
        let two = ImageDataset(pixels: [0, 1], labels: [0, 1], channels: 1, height: 1, width: 1, classNames: ["a", "b"])
        XCTAssertThrowsError(try ImageDataset(pixels: [0, 1, 2, 3], labels: [0, 1], channels: 2, height: 1, width: 1, classNames: ["a", "b"]).rgb())
        XCTAssertNoThrow(try two.checkClasses())
        XCTAssertThrowsError(try two.resized(to: 0))
        let path = NSTemporaryDirectory() + "bad-digits.csv"
        try "1,2,3\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SklearnDigits.load(path: path)) { XCTAssertTrue("\($0)".contains("row 1 has 3 values"), "\($0)") }
        XCTAssertThrowsError(try SklearnDigits.load(path: NSTemporaryDirectory() + "missing-digits.csv.gz"))
    }
}
