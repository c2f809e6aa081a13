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

    /// Bad settings are refused before any data is read.
    func testBadSearchAndTrainSettingsAreOneLine() throws {
        try CLI.assertOneLine(["conet", "search", "--model", "vgg16", "--cifar", "x", "--out", NSTemporaryDirectory() + "c1"], contains: "unknown model 'vgg16'")
        try CLI.assertOneLine(["conet", "search", "--initial-width", "4", "--cifar", "x", "--out", NSTemporaryDirectory() + "c2"],
                              contains: "initial width 4 outside the bounds [16, 256]")
        try CLI.assertOneLine(["conet", "search", "--min-width", "64", "--max-width", "32", "--cifar", "x", "--out", NSTemporaryDirectory() + "c3"],
                              contains: "bounds [64, 32]")
        try CLI.assertOneLine(["conet", "search", "--trials", "5", "--cifar", "x", "--out", NSTemporaryDirectory() + "c4"], contains: "at least 7")
        try CLI.assertOneLine(["conet", "search", "--learning-rate=-1", "--cifar", "x", "--out", NSTemporaryDirectory() + "c5"], contains: "learning rate -1")
        try CLI.assertOneLine(["conet", "train", "--widths", "8,8", "--cifar", "x", "--out", NSTemporaryDirectory() + "c6"], contains: "2 widths for a network of 12")
        try CLI.assertOneLine(["conet", "train", "--widths", "8,x", "--cifar", "x", "--out", NSTemporaryDirectory() + "c7"], contains: "comma-separated integers")
        try CLI.assertOneLine(["conet", "train", "--cifar", NSTemporaryDirectory() + "missing.tar.gz", "--out", NSTemporaryDirectory() + "c8"], contains: "missing.tar.gz")
        try CLI.assertOneLine(["conet", "widths", "resnet20", "--rule", "random", "--parameters", "10"], contains: "no widths in [8, 128] have 10 parameters")
    }

    func testScaledWidthsHitTheBudgetAndRandomWidthsFollowTheSeed() throws {
        let standard = try CLI.run(["conet", "widths", "resnet20", "--rule", "scaled", "--parameters", "272474"])
        XCTAssertEqual(standard.stdout, "16,16,16,16,32,32,32,32,64,64,64,64 272474\n", standard.stderr)
        let a = try CLI.run(["conet", "widths", "resnet20", "--rule", "random", "--parameters", "500000", "--seed", "4"])
        let b = try CLI.run(["conet", "widths", "resnet20", "--rule", "random", "--parameters", "500000", "--seed", "4"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        let count = Int(a.stdout.split(separator: " ")[1].trimmingCharacters(in: .whitespacesAndNewlines))!
        XCTAssertLessThanOrEqual(abs(count - 500_000), 750, "within 0.15%")
        let widths = a.stdout.split(separator: " ")[0].split(separator: ",").map { Int($0)! }
        XCTAssertEqual(widths.count, 12)
        XCTAssertTrue(widths.allSatisfy { (8...128).contains($0) })
    }

    /// A run on real CIFAR-10 whose checkpoint is then corrupted: --resume is a one-line error.
    func testCorruptCheckpointIsOneLineOnResume() throws {
        let cifar = try RealData.file("cifar10/cifar-10-binary-subset.tar.gz")
        let out = NSTemporaryDirectory() + "conet-corrupt-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: out)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let args = ["conet", "train", "--cifar", cifar, "--train-images", "64", "--test-images", "20", "--epochs", "2",
                    "--widths", Array(repeating: "4", count: 12).joined(separator: ","), "--out", out]
        let first = try CLI.run(args)
        XCTAssertEqual(first.status, 0, first.stderr)
        try Data("not hdf5".utf8).write(to: URL(fileURLWithPath: out + "/checkpoint-1.h5"))
        try CLI.assertOneLine(args + ["--resume"], contains: "checkpoint-1.h5")
        let message = try CLI.run(args + ["--resume"]).stderr
        XCTAssertEqual(message.components(separatedBy: out + "/checkpoint-1.h5").count, 2, message)  // named once
        try CLI.assertOneLine(args, contains: "add --resume")
    }
}
