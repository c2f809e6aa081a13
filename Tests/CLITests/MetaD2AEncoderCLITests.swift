import Foundation
import NASHDF5
import TestSupport
import XCTest

/// `nasbench metad2a train-encoder | encode | encoder-report`: a tiny run end to end on scikit-learn's
/// digits, and bad input as one line with a non-zero exit.
final class MetaD2AEncoderCLITests: XCTestCase {
    func scratch(_ name: String) -> String {
        NSTemporaryDirectory() + "metad2a-encoder-cli-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    func testBadInputIsOneLine() throws {
        let dir = scratch("bad")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corrupt = "\(dir)/corrupt.h5"
        try Data("not an HDF5 file".utf8).write(to: URL(fileURLWithPath: corrupt))
        let out = "\(dir)/features.h5"
        try CLI.assertOneLine(["metad2a", "encode", "digits", "--encoder", "\(dir)/missing.h5", "--out", out], contains: "not found")
        try CLI.assertOneLine(["metad2a", "encode", "digits", "--encoder", corrupt, "--out", out], contains: "not a readable HDF5 encoder state")
        try CLI.assertOneLine(["metad2a", "encode", "imagenet", "--random-weights", "--out", out], contains: "'imagenet' is invalid")
        try CLI.assertOneLine(["metad2a", "encode", "digits", "--out", out], contains: "--random-weights")
        try CLI.assertOneLine(["metad2a", "encode", "cifar10", "--random-weights", "--out", out], contains: "needs the CIFAR-10 archive")
        try CLI.assertOneLine(["metad2a", "train-encoder", "--sources", "cifar10", "--out", "\(dir)/run"], contains: "meta-test set")
        try CLI.assertOneLine(["metad2a", "train-encoder", "--sources", "imagenet", "--out", "\(dir)/run"], contains: "unknown image set 'imagenet'")
        try CLI.assertOneLine(["metad2a", "encoder-report", "--ways", "1", "--sources", "digits", "--out", "\(dir)/report"], contains: "--ways must be at least 2")
        try CLI.assertOneLine(["metad2a", "encoder-report", "--encoder", corrupt, "--sources", "digits", "--out", "\(dir)/report"],
                              contains: "not a readable HDF5 encoder state")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testTinyEncoderTrainedEncodedAndReportedOnDigits() throws {
        guard (try? CLI.run(["metad2a", "images", "digits"]))?.status == 0 else {
            throw XCTSkip("scikit-learn's digits file not installed (make venv)")
        }
        let dir = scratch("run")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let train = try CLI.run(["metad2a", "train-encoder", "--sources", "digits", "--width", "4", "--epochs", "1", "--train-per-class", "8",
                                 "--batch-size", "16", "--eval-per-class", "2", "--out", "\(dir)/run"])
        XCTAssertEqual(train.status, 0, train.stderr)
        XCTAssertEqual(train.stderr, "", "progress only on a terminal")
        XCTAssertTrue(train.stdout.contains("trained 1 epochs on 80 images of 10 classes"), train.stdout)
        let encode = try CLI.run(["metad2a", "encode", "digits", "--encoder", "\(dir)/run/encoder.h5", "--per-class", "3", "--out", "\(dir)/f.h5"])
        XCTAssertEqual(encode.status, 0, encode.stderr)
        let root = try HDF5File.open("\(dir)/f.h5").root()
        XCTAssertEqual(try root.stringAttribute("format"), "nasbench-metad2a-features")
        XCTAssertEqual(try root.dataset("features").shape(), [30, 512])
        XCTAssertEqual(try root.dataset("class_offsets").read(as: Int64.self), (0...10).map { Int64($0 * 3) })
        let report = try CLI.run(["metad2a", "encoder-report", "--sources", "digits", "--encoder", "\(dir)/run/encoder.h5", "--episodes", "3",
                                  "--support-per-class", "10", "--query-per-class", "5", "--shots", "5", "--ways", "5", "--out", "\(dir)/report"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let rows = try String(contentsOfFile: "\(dir)/report/prototypes.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.dropFirst().map { $0.split(separator: ",")[0] }, ["trained", "random", "trained-adabn", "random-adabn", "pixels"])
    }
}
