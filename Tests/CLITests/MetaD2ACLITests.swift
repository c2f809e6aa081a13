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

/// `nasbench metad2a build-db`: a tiny database end to end, sharded and merged to the same bytes,
/// and bad input in one line.
final class MetaD2ABuildDBCLITests: XCTestCase {
    /// A source that is there: scikit-learn's digits, else CIFAR-10 from NASBENCH_DATA.
    func sourceArguments() throws -> [String] {
        if (try? CLI.run(["metad2a", "images", "digits"]))?.status == 0 { return ["--sources", "digits"] }
        if let data = ProcessInfo.processInfo.environment["NASBENCH_DATA"], !data.isEmpty {
            let archive = "\(data)/cifar10/cifar-10-binary-subset.tar.gz"
            if FileManager.default.fileExists(atPath: archive) { return ["--sources", "cifar10", "--cifar", archive] }
        }
        throw XCTSkip("neither scikit-learn's digits (make venv) nor NASBENCH_DATA's CIFAR-10 archive is here")
    }

    func tiny(_ out: String, _ source: [String]) -> [String] {
        ["metad2a", "build-db", "--tasks", "2", "--cells-per-task", "2", "--seed", "3", "--train-per-class", "8",
         "--valid-per-class", "4", "--channels", "4", "--epochs", "1", "--image-size", "8", "--out", out] + source
    }

    func testTinyDatabaseEndToEndAndShardsMergeToTheSameBytes() throws {
        let source = try sourceArguments()
        let root = NSTemporaryDirectory() + "metad2a-cli-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let whole = try CLI.run(tiny("\(root)/whole", source))
        XCTAssertEqual(whole.status, 0, whole.stderr)
        XCTAssertEqual(whole.stderr, "", "progress only on a terminal")
        let labels = try String(contentsOfFile: "\(root)/whole/labels.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(labels.first, "trial,task,cell,arch,arch_rank,seed,accuracy")
        XCTAssertEqual(labels.count, 5)
        for shard in ["0/2", "1/2"] {
            let part = try CLI.run(tiny("\(root)/sharded", source) + ["--shard", shard])
            XCTAssertEqual(part.status, 0, part.stderr)
        }
        let merged = try CLI.run(["metad2a", "merge", "\(root)/sharded"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        for name in ["labels.csv", "tasks.json", "metad2a-db.h5"] {
            XCTAssertEqual(FileManager.default.contents(atPath: "\(root)/sharded/\(name)"),
                           FileManager.default.contents(atPath: "\(root)/whole/\(name)"), name)
        }
    }

    func testBadInputIsOneLine() throws {
        let out = NSTemporaryDirectory() + "metad2a-cli-bad-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        for (arguments, expected) in [
            (["--sources", "imagenet"], "unknown image set 'imagenet'"),
            (["--cells-per-task", "0"], "--cells-per-task must be in 1...15625"),
            (["--sources", "cifar10"], "needs the CIFAR-10 archive"),
        ] {
            let result = try CLI.run(["metad2a", "build-db", "--tasks", "1", "--cells-per-task", "1", "--out", out] + arguments)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix("nasbench: error:") && result.stderr.contains(expected), result.stderr)
        }
        let source = try sourceArguments()
        let ways = try CLI.run(["metad2a", "build-db", "--tasks", "1", "--cells-per-task", "1", "--ways", "11", "--out", out] + source)
        XCTAssertEqual(ways.status, 1)
        XCTAssertEqual(ways.stderr.filter { $0 == "\n" }.count, 1, ways.stderr)
        XCTAssertTrue(ways.stderr.contains("11-way tasks need 11"), ways.stderr)
    }
}
