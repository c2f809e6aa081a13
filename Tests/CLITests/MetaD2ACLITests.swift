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

    /// `--cells FILE`: every task labels exactly the given cells, in order; a cell that does not
    /// parse, or one given twice, is a one-line error.
    func testGivenCellsAreLabelledInEveryTask() throws {
        let source = try sourceArguments()
        let tmp = try TemporaryFolder()
        let given = ["|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                     "|avg_pool_3x3~0|+|none~0|skip_connect~1|+|nor_conv_1x1~0|none~1|avg_pool_3x3~2|"]
        try ("# the top cell, then a random one\n" + given[0] + "\n\n" + given[1] + "  # random\n")
            .write(toFile: tmp.file("cells.txt"), atomically: true, encoding: .utf8)
        var arguments = tiny(tmp.file("run"), source)
        let i = try XCTUnwrap(arguments.firstIndex(of: "--cells-per-task"))
        arguments.removeSubrange(i...(i + 1))
        let run = try CLI.run(arguments + ["--cells", tmp.file("cells.txt")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try String(contentsOfFile: tmp.file("run/labels.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.map { String($0.split(separator: ",")[3]) }, given + given, "each task's cells, in the file's order")
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.file("run/metad2a-db.h5")))
        for (text, expected) in [("|nor_conv_3x3~0|+|bogus~0|", "is not an NB201 cell"), (given[0] + "\n" + given[0], "appears twice")] {
            try text.write(toFile: tmp.file("bad.txt"), atomically: true, encoding: .utf8)
            let bad = try CLI.run(arguments + ["--cells", tmp.file("bad.txt"), "--out", tmp.file("bad")])
            XCTAssertNotEqual(bad.status, 0)
            XCTAssertEqual(bad.stderr.filter { $0 == "\n" }.count, 1, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(expected), bad.stderr)
        }
    }

    /// `combine-db`: two tiny databases as one (labels of both, in order); bad input in one line.
    func testCombineDBJoinsTwoBuilds() throws {
        let source = try sourceArguments()
        let tmp = try TemporaryFolder()
        XCTAssertEqual(try CLI.run(tiny(tmp.file("a"), source)).status, 0)
        XCTAssertEqual(try CLI.run(tiny(tmp.file("b"), source) + ["--seed", "4"]).status, 0)
        let run = try CLI.run(["metad2a", "combine-db", tmp.file("a/metad2a-db.h5"), tmp.file("b/metad2a-db.h5"), "--out", tmp.file("ab.h5")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("8 labels of 4 tasks"), run.stdout)
        for (arguments, expected) in [([tmp.file("a/metad2a-db.h5")], "at least two databases"),
                                      ([tmp.file("a/metad2a-db.h5"), tmp.file("none.h5")], "no such database file")] {
            let bad = try CLI.run(["metad2a", "combine-db"] + arguments + ["--out", tmp.file("bad.h5")])
            XCTAssertNotEqual(bad.status, 0)
            XCTAssertEqual(bad.stderr.filter { $0 == "\n" }.count, 1, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(expected), bad.stderr)
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
