import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end tests of `nasbench rwe`: a tiny run on synthetic images and a fixture table,
/// resume, bad input, and a handful of real cells on real CIFAR-10.
final class RWECLITests: XCTestCase {
    func syntheticArchive(_ folder: TemporaryFolder, records: Int = 40) throws -> String {
        try SyntheticCIFAR.archive(in: folder, records: records)
    }

    func arguments(table: String, cifar: String, out: String, sample: Int = 5) -> [String] {
        [
            "rwe", "--table", table, "--cifar", cifar, "--sample", "\(sample)", "--seed", "3", "--channels", "4",
            "--images", "30", "--test-images", "20", "--naswot-batch", "8", "--head-steps", "50",
            "--truth", Fixtures.accuracyKey.name, "--out", out,
        ]
    }

    func testTinySyntheticRunIsReproducibleAndResumes() throws {
        let tmp = try TemporaryFolder()
        let table = tmp.file("cells.h5")
        try Fixtures.nb201Table(count: 200).write(to: table)
        let cifar = try syntheticArchive(tmp)
        let full = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("a")))
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertTrue(full.stdout.contains("rwe_accuracy"), full.stdout)
        XCTAssertTrue(full.stdout.contains("seconds per cell"), full.stdout)
        let results = try String(contentsOfFile: tmp.file("a/results.csv"), encoding: .utf8)
        XCTAssertEqual(results.split(separator: "\n").count, 6)
        for name in ["config.json", "timings.csv", "summary.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.file("a/\(name)")), name)
        }
        // A run stopped after 2 cells, then resumed, gives the same bytes.
        let short = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("b"), sample: 5))
        XCTAssertEqual(short.status, 0, short.stderr)
        let lines = results.split(separator: "\n", omittingEmptySubsequences: false)
        try (lines.prefix(3).joined(separator: "\n") + "\n").write(
            toFile: tmp.file("b/results.csv"), atomically: true, encoding: .utf8)
        let timings = try String(contentsOfFile: tmp.file("b/timings.csv"), encoding: .utf8).split(separator: "\n")
        try (timings.prefix(3).joined(separator: "\n") + "\n").write(
            toFile: tmp.file("b/timings.csv"), atomically: true, encoding: .utf8)
        let again = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("b")) + ["--resume"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try String(contentsOfFile: tmp.file("b/results.csv"), encoding: .utf8), results)
    }

    /// The spec in a run's config.json re-runs it byte for byte; a YAML spec with flags gives the
    /// same run as the flags alone; `--print-spec` names every key; another command's run is refused.
    func testRecordedSpecRerunsTheRun() throws {
        let tmp = try TemporaryFolder()
        let table = tmp.file("cells.h5")
        try Fixtures.nb201Table(count: 200).write(to: table)
        let cifar = try syntheticArchive(tmp)
        XCTAssertEqual(try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("a"), sample: 3)).status, 0)
        let rerun = try CLI.run(["rwe", "--spec", tmp.file("a/config.json"), "--out", tmp.file("b")])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        for name in ["results.csv", "config.json", "summary.csv"] {
            XCTAssertEqual(try String(contentsOfFile: tmp.file("a/\(name)"), encoding: .utf8),
                           try String(contentsOfFile: tmp.file("b/\(name)"), encoding: .utf8), name)
        }
        try tmp.write("rwe.yaml", """
            sample: 3
            seed: 3
            truth: \(Fixtures.accuracyKey.name)
            rwe:
              images: 30
              test_images: 20
              evaluator: {channels: 4, naswot_batch: 8, head_steps: 50}
            """)
        let yaml = try CLI.run(["rwe", "--spec", tmp.file("rwe.yaml"), "--table", table, "--cifar", cifar, "--out", tmp.file("c")])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertEqual(try String(contentsOfFile: tmp.file("a/results.csv"), encoding: .utf8),
                       try String(contentsOfFile: tmp.file("c/results.csv"), encoding: .utf8))
        let printed = try CLI.run(["rwe", "--spec", tmp.file("rwe.yaml"), "--print-spec"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        for key in ["\"batch_norm\" : \"fresh\"", "\"channels\" : 4", "\"head_l2\"", "\"test_images\" : 20"] {
            XCTAssertTrue(printed.stdout.contains(key), printed.stdout)
        }
        let wrongKind = try CLI.run(["search", "--spec", tmp.file("a/config.json"), "--print-spec"])
        XCTAssertNotEqual(wrongKind.status, 0)
        XCTAssertTrue(wrongKind.stderr.contains("a rwe run's configuration, not a search spec"), wrongKind.stderr)
    }

    func testShardsMergeToTheUnshardedRunAndSummarizeRecomputesTheSummary() throws {
        let tmp = try TemporaryFolder()
        let table = tmp.file("cells.h5")
        try Fixtures.nb201Table(count: 200).write(to: table)
        let cifar = try syntheticArchive(tmp)
        XCTAssertEqual(try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("whole"))).status, 0)
        for shard in ["0/2", "1/2"] {
            let run = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("parts")) + ["--shard", shard])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("nasbench merge"), run.stdout)
        }
        let merged = try CLI.run(["merge", tmp.file("parts")])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stdout.contains("rwe_accuracy"), merged.stdout)
        for name in ["results.csv", "config.json", "summary.csv"] {
            XCTAssertEqual(try String(contentsOfFile: tmp.file("parts/\(name)"), encoding: .utf8),
                           try String(contentsOfFile: tmp.file("whole/\(name)"), encoding: .utf8), name)
        }
        try FileManager.default.removeItem(atPath: tmp.file("whole/summary.csv"))
        let summarized = try CLI.run(["summarize", tmp.file("whole")])
        XCTAssertEqual(summarized.status, 0, summarized.stderr)
        XCTAssertTrue(summarized.stdout.contains("seconds per cell"), summarized.stdout)
        XCTAssertEqual(try String(contentsOfFile: tmp.file("whole/summary.csv"), encoding: .utf8),
                       try String(contentsOfFile: tmp.file("parts/summary.csv"), encoding: .utf8))
    }

    func testBadInputGivesOneLineAndNonZeroExit() throws {
        let tmp = try TemporaryFolder()
        let table = tmp.file("cells.h5")
        try Fixtures.nb201Table(count: 20).write(to: table)
        let cifar = try syntheticArchive(tmp, records: 10)
        let tooMany = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("x"), sample: 50))
        XCTAssertNotEqual(tooMany.status, 0)
        XCTAssertTrue(tooMany.stderr.contains("--sample"), tooMany.stderr)
        let badInit = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("y")) + ["--init-scheme", "he"])
        XCTAssertNotEqual(badInit.status, 0)
        XCTAssertTrue(badInit.stderr.contains("kaiming-normal"), badInit.stderr)
    }

    /// A handful of real cells on real CIFAR-10 (NASBENCH_DATA; skipped when unset).
    func testRealDataHandfulOfCells() throws {
        let table = try RealData.nb201Table()
        let cifar = try RealData.file("cifar10/cifar-10-binary-subset.tar.gz")
        let tmp = try TemporaryFolder()
        let path = tmp.file("nb201.h5")
        try table.write(to: path)
        let run = try CLI.run([
            "rwe", "--table", path, "--cifar", cifar, "--sample", "4", "--seed", "0", "--channels", "4",
            "--images", "300", "--test-images", "200", "--head-steps", "100", "--out", tmp.file("run"),
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let results = try String(contentsOfFile: tmp.file("run/results.csv"), encoding: .utf8)
        let rows = results.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        XCTAssertEqual(rows.count, 4)
        for row in rows {
            // Real images with a random body still beat chance (10%), and the truth is NB201's accuracy.
            XCTAssertGreaterThan(Double(row[4]) ?? 0, 0.12, results)
            XCTAssertGreaterThan(Double(row[10]) ?? 0, 10, results)
        }
    }
}
