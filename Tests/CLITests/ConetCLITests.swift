import Foundation
import TestSupport
import XCTest

/// End-to-end tests of `nasbench conet deps`: the authors' 20 ResNet-34 groups as CSV, and a
/// one-line error for an unknown model.
final class ConetCLITests: XCTestCase {
    func testDepsResNet34PrintsTheAuthors20Groups() throws {
        let result = try CLI.run(["conet", "deps", "resnet34"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("resnet34: 20 dependency groups; at the standard widths 21328292 parameters"), lines[0])
        XCTAssertEqual(lines[1], "group,width,produced_by,consumed_by")
        let rows = lines.dropFirst(2).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.count, 20)
        // 16 blocks' [conv1.out, conv2.in]: one producer (a block's conv1), one consumer (its conv2).
        let inner = rows.filter { $0[2].hasSuffix(".conv1") && !$0[2].contains(" ") }
        XCTAssertEqual(inner.count, 16)
        XCTAssertTrue(inner.allSatisfy { $0[3] == $0[2].replacingOccurrences(of: "conv1", with: "conv2")[...] })
        XCTAssertEqual(rows.filter { $0[2].contains(" ") }.count, 4, "4 residual streams")
        XCTAssertFalse(result.stdout.contains("fc"), "the classifier is in no group")
    }

    func testUnknownModelIsOneLine() throws {
        let result = try CLI.run(["conet", "deps", "vgg16"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(
            result.stderr,
            "nasbench: error: unknown model 'vgg16': expected resnet20, resnet32, resnet34 or nb201[:CELL] (an NB201 cell string)\n")
    }
}
