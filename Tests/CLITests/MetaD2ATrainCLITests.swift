import Foundation
import TestSupport
import XCTest

/// `nasbench metad2a train-predictor | train-generator | generate`: a tiny chain end to end on
/// scikit-learn's digits (a build-db database, random-weight features), and bad input as one line.
final class MetaD2ATrainCLITests: XCTestCase {
    func scratch(_ name: String) -> String {
        NSTemporaryDirectory() + "metad2a-train-cli-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try CLI.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "", "progress only on a terminal", file: file, line: line)
        return result.stdout
    }

    func testTinyChainOnDigitsAndBadInput() throws {
        let dir = scratch("chain")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = "\(dir)/db/metad2a-db.h5", features = "\(dir)/digits.h5"
        try CLI.assertOneLine(["metad2a", "train-predictor", "--db", db, "--features", features, "--out", "\(dir)/p"], contains: "no such features file")
        guard (try? CLI.run(["metad2a", "images", "digits"]))?.status == 0 else { throw XCTSkip("scikit-learn's digits not installed (make venv)") }
        _ = try run(["metad2a", "build-db", "--tasks", "3", "--cells-per-task", "4", "--seed", "3", "--train-per-class", "8", "--valid-per-class", "4",
                     "--channels", "4", "--epochs", "1", "--image-size", "8", "--sources", "digits", "--out", "\(dir)/db"])
        _ = try run(["metad2a", "encode", "digits", "--random-weights", "--width", "4", "--out", features])
        try CLI.assertOneLine(["metad2a", "train-predictor", "--db", "\(dir)/none.h5", "--features", features, "--out", "\(dir)/p"], contains: "no such database file")
        try CLI.assertOneLine(["metad2a", "train-predictor", "--db", db, "--features", features, "--num-sample", "9", "--out", "\(dir)/p"],
                              contains: "--num-sample 9 is more than the 8 images")
        let small = ["--hidden-size", "16", "--num-sample", "4", "--held-out-tasks", "0.34"]
        let trained = try run(["metad2a", "train-predictor", "--db", db, "--features", features, "--epochs", "2", "--embedding-size", "8",
                               "--held-out-pairs", "0.25", "--out", "\(dir)/p"] + small)
        XCTAssertTrue(trained.hasPrefix("predictor trained 2 epochs on 6 pairs"), trained)
        let epochs = try String(contentsOfFile: "\(dir)/p/epochs.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(epochs.count, 3)
        try CLI.assertOneLine(["metad2a", "train-generator", "--db", db, "--features", features, "--predictor", "\(dir)/none", "--out", "\(dir)/g"],
                              contains: "--predictor \(dir)/none: no such file or folder")
        let generator = try run(["metad2a", "train-generator", "--db", db, "--features", features, "--predictor", "\(dir)/p", "--epochs", "2",
                                 "--latent-size", "8", "--out", "\(dir)/g"] + small)
        XCTAssertTrue(generator.hasPrefix("generator trained 2 epochs on 2 pairs"), generator)
        let generated = try run(["metad2a", "generate", "--generator", "\(dir)/g", "--predictor", "\(dir)/p/predictor.h5", "--features", features,
                                 "--count", "6", "--set-draws", "2", "--out", "\(dir)/gen"])
        XCTAssertTrue(generated.hasPrefix("6 unique valid cells of 6 from "), generated)
        XCTAssertEqual(try String(contentsOfFile: "\(dir)/gen/ranked.csv", encoding: .utf8).split(separator: "\n").count, 7)
        try CLI.assertOneLine(["metad2a", "generate", "--generator", "\(dir)/g", "--predictor", "\(dir)/p", "--features", db, "--out", "\(dir)/gen2"],
                              contains: "not a MetaD2A feature file")
        try CLI.assertOneLine(["metad2a", "generate", "--generator", "\(dir)/g", "--predictor", "\(dir)/p", "--features", features,
                           "--table", "\(dir)/none.h5", "--out", "\(dir)/gen2"], contains: "--table \(dir)/none.h5: no such file")
        try CLI.assertOneLine(["metad2a", "summarize", dir], contains: "has no ARM-sSEED/summary.json runs")
        try FileManager.default.createDirectory(atPath: "\(dir)/test", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: "\(dir)/gen", toPath: "\(dir)/test/metad2a-s0")
        try CLI.assertOneLine(["metad2a", "summarize", "\(dir)/test"], contains: "a run has no best accuracy (generate without --table?)")
        // Without table numbers, --cells-only still describes the cells (6 ranked, 6 edges each).
        XCTAssertEqual(try run(["metad2a", "summarize", "--cells-only", "\(dir)/test"]), "\(dir)/test/cells.csv\n")
        let cells = try String(contentsOfFile: "\(dir)/test/cells.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(cells.count, 3, "\(cells)")  // header, all, top
        XCTAssertTrue(cells[1].hasPrefix("metad2a,all,1,6"), "\(cells)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/test/arms.csv"))
    }
}
