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

    /// A fixture NB201 table of 200 cells and a synthetic CIFAR-10 archive in `tmp`.
    func inputs(_ tmp: TemporaryFolder) throws -> (table: String, cifar: String) {
        let table = tmp.file("cells.h5")
        try Fixtures.nb201Table(count: 200).write(to: table)
        return (table, try syntheticArchive(tmp))
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
        let (table, cifar) = try inputs(tmp)
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
        let (table, cifar) = try inputs(tmp)
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
        let (table, cifar) = try inputs(tmp)
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
        for (extra, message) in [
            (["--weight-seeds", "0"], "--weight-seeds must be at least 1, got 0"),
            (["--images", "11"], "--images must be in 2...10 (the archive's training images) and --test-images in 1...10"),
            (["--test-images", "11"], "got 30 and 11"),
            (["--batch-norm", "estimated"], "'estimate'"),
        ] {
            let run = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("z"), sample: 3) + extra)
            XCTAssertNotEqual(run.status, 0, "\(extra)")
            XCTAssertTrue(run.stderr.contains(message), run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        }
        try tmp.write("zero.yaml", "weight_seeds: 0\n")
        let zero = try CLI.run(["rwe", "--spec", tmp.file("zero.yaml"), "--table", table, "--cifar", cifar, "--out", tmp.file("w")])
        XCTAssertNotEqual(zero.status, 0)
        XCTAssertEqual(zero.stderr, "nasbench: error: --weight-seeds (weight_seeds) must be at least 1, got 0\n")
    }

    /// Cells, images and weights have their own seeds: the same `--seed` with another
    /// `--weight-seed` gives the same cells and different scores; another `--data-seed` keeps the
    /// weights' seeds; explicit seeds equal to `--seed` give the bytes of `--seed` alone.
    func testSeedsAreSeparable() throws {
        let tmp = try TemporaryFolder()
        let (table, cifar) = try inputs(tmp)
        func run(_ name: String, _ extra: [String]) throws -> [[Substring]] {
            let result = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file(name), sample: 4) + extra)
            XCTAssertEqual(result.status, 0, result.stderr)
            let text = try String(contentsOfFile: tmp.file("\(name)/results.csv"), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        }
        let base = try run("base", []), same = try run("same", ["--data-seed", "3", "--weight-seed", "3"])
        XCTAssertEqual(try String(contentsOfFile: tmp.file("base/results.csv"), encoding: .utf8),
                       try String(contentsOfFile: tmp.file("same/results.csv"), encoding: .utf8))
        XCTAssertEqual(base, same)
        let weights = try run("weights", ["--weight-seed", "9"]), data = try run("data", ["--data-seed", "9"])
        XCTAssertEqual(weights.map { $0[2] }, base.map { $0[2] }, "same cells")
        XCTAssertEqual(data.map { $0[2] }, base.map { $0[2] }, "same cells")
        XCTAssertNotEqual(weights.map { $0[1] }, base.map { $0[1] }, "other weight seeds")
        XCTAssertEqual(data.map { $0[1] }, base.map { $0[1] }, "the same weight seeds")
        XCTAssertNotEqual(weights.map { $0[9] }, base.map { $0[9] }, "other weights, other synflow")
        XCTAssertNotEqual(data.map { $0[5] }, base.map { $0[5] }, "other images, other RWE loss")
        XCTAssertEqual(data.map { $0[9] }, base.map { $0[9] }, "synflow needs no images")
    }

    /// `--weight-seeds 3`: three rows a cell, the first of each the single-seed row; the summary
    /// ranks the mean and says so.
    func testWeightSeedsGiveKRowsACell() throws {
        let tmp = try TemporaryFolder()
        let (table, cifar) = try inputs(tmp)
        XCTAssertEqual(try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("one"), sample: 4)).status, 0)
        let three = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("three"), sample: 4) + ["--weight-seeds", "3"])
        XCTAssertEqual(three.status, 0, three.stderr)
        XCTAssertTrue(three.stdout.contains("(4 cells, each the mean of 3 weight initialisations)"), three.stdout)
        let one = try String(contentsOfFile: tmp.file("one/results.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let rows = try String(contentsOfFile: tmp.file("three/results.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 12)
        XCTAssertEqual(rows.enumerated().filter { $0.offset % 3 == 0 }.map(\.element), Array(one))
        XCTAssertEqual(Set(rows.map { $0.split(separator: ",")[1] }).count, 12, "twelve weight seeds")
        let timings = try String(contentsOfFile: tmp.file("three/timings.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(timings.count, 5, "one timings row a cell")
        let config = try String(contentsOfFile: tmp.file("three/config.json"), encoding: .utf8)
        XCTAssertTrue(config.contains("\"weight_seeds\" : 3"), config)
    }

    /// `summarize --bootstrap N` adds intervals.csv to an rwe run; on another kind of run it is a one-line error.
    func testSummarizeBootstrapWritesIntervals() throws {
        let tmp = try TemporaryFolder()
        let (table, cifar) = try inputs(tmp)
        XCTAssertEqual(try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("run"), sample: 6)).status, 0)
        let summarized = try CLI.run(["summarize", tmp.file("run"), "--bootstrap", "100", "--bootstrap-seed", "2"])
        XCTAssertEqual(summarized.status, 0, summarized.stderr)
        XCTAssertTrue(summarized.stdout.contains("95% bootstrap intervals (100 resamples of the 6 cells, seed 2)"), summarized.stdout)
        let intervals = try String(contentsOfFile: tmp.file("run/intervals.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(intervals.count, 1 + 6 + 4)
        XCTAssertTrue(intervals.contains { $0.hasPrefix("tau(rwe_accuracy)-tau(synflow_log),") })
        try FileManager.default.createDirectory(atPath: tmp.file("other"), withIntermediateDirectories: true)
        try "{}".write(toFile: tmp.file("other/config.json"), atomically: true, encoding: .utf8)
        let other = try CLI.run(["summarize", tmp.file("other"), "--bootstrap", "100"])
        XCTAssertNotEqual(other.status, 0)
        XCTAssertEqual(other.stderr.filter { $0 == "\n" }.count, 1, other.stderr)
        XCTAssertTrue(other.stderr.contains("--bootstrap applies to rwe runs only"), other.stderr)
    }

    /// `--head-solver lbfgs` fits every head to the tolerance (results.csv says so, cell by cell);
    /// `--head-trace 2` writes the first two cells' paths, which resume rewrites to the same bytes.
    func testLBFGSHeadConvergesAndTracesTheFirstCells() throws {
        let tmp = try TemporaryFolder()
        let (table, cifar) = try inputs(tmp)
        let flags = ["--head-solver", "lbfgs", "--head-tolerance", "1e-5", "--head-steps", "5000", "--head-trace", "2",
                     "--weight-seeds", "2"]
        let run = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("run"), sample: 4) + flags)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = try String(contentsOfFile: tmp.file("run/results.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let iterations = try XCTUnwrap(header.firstIndex(of: "head_iterations"))
        let gradient = try XCTUnwrap(header.firstIndex(of: "head_gradient"))
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertLessThanOrEqual(try XCTUnwrap(Double(fields[gradient])), 1e-5, String(line))
            XCTAssertGreaterThan(try XCTUnwrap(Int(fields[iterations])), 0, String(line))
        }
        let traces = try FileManager.default.contentsOfDirectory(atPath: tmp.file("run/head-trace")).sorted()
        XCTAssertEqual(traces, ["trial-00000.csv", "trial-00001.csv"])
        let trace = try String(contentsOfFile: tmp.file("run/head-trace/trial-00000.csv"), encoding: .utf8)
            .split(separator: "\n")
        XCTAssertEqual(trace[0], "seed,iteration,objective,gradient")
        XCTAssertEqual(Set(trace.dropFirst().map { $0.split(separator: ",")[0] }).count, 2, "both initialisations")
        let config = try String(contentsOfFile: tmp.file("run/config.json"), encoding: .utf8)
        for key in ["\"head_solver\" : \"lbfgs\"", "\"head_trace\" : 2", "\"head_tolerance\" : 1e-05"] {
            XCTAssertTrue(config.contains(key), "\(key) in \(config)")
        }
        // The same run again gives the same bytes (the trace too).
        XCTAssertEqual(try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("again"), sample: 4) + flags).status, 0)
        for file in ["results.csv", "head-trace/trial-00000.csv", "head-trace/trial-00001.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tmp.file("run/\(file)"))),
                           try Data(contentsOf: URL(fileURLWithPath: tmp.file("again/\(file)"))), file)
        }
        for bad in [["--head-tolerance", "0"], ["--head-solver", "newton"]] {
            let result = try CLI.run(arguments(table: table, cifar: cifar, out: tmp.file("bad"), sample: 4) + bad)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains(bad[0]), result.stderr)
        }
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
