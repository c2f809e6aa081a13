import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end tests of `nasbench search`, `merge` and `summarize` on a synthetic full-space table.
final class SearchCLITests: XCTestCase {
    nonisolated(unsafe) static var sharedTable: (folder: TemporaryFolder, path: String)?

    /// All 15,625 NB201 cells with the fixture's synthetic values, written once per test process.
    func table() throws -> String {
        if let shared = Self.sharedTable { return shared.path }
        let folder = try TemporaryFolder()
        let path = folder.file("full.h5")
        try Fixtures.nb201Table(count: 15_625).write(to: path)
        Self.sharedTable = (folder, path)
        return path
    }

    func searchArguments(out: String, trials: Int = 3, budget: String = "150", extra: [String] = []) throws -> [String] {
        [
            "search", "--table", try table(), "--test-column", "cifar10-valid.valid.accuracy.e200",
            "--strategies", "random,evolution,local,weaknas", "--weaknas-model", "ridge-onehot",
            "--trials", "\(trials)", "--budget", budget, "--seed", "7", "--out", out,
        ] + extra
    }

    static let files = ["queries.csv", "trials.csv", "config.json", "summary.csv", "curves.csv"]

    func contents(_ folder: String, _ names: [String] = files) throws -> [String] { try fileContents(folder, names) }

    func testSameSeedGivesTheSameBytesWhateverTheJobs() throws {
        let tmp = try TemporaryFolder()
        let one = try CLI.run(try searchArguments(out: tmp.file("a"), extra: ["--jobs", "1"]))
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("weaknas/ridge-onehot"), one.stdout)
        let two = try CLI.run(try searchArguments(out: tmp.file("b"), extra: ["--jobs", "2"]))
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(try contents(tmp.file("a")), try contents(tmp.file("b")))
        let trials = try contents(tmp.file("a"))[1].split(separator: "\n")
        XCTAssertEqual(trials.count, 1 + 4 * 3)
        XCTAssertEqual(trials.first.map(String.init), "trial,strategy,seed,queries,queries_to_search_optimum,queries_to_test_optimum,seconds_to_search_optimum,final_search_regret,final_test_regret,simulated_s,queries_to_search_optimum_or_top1")
        let curves = try contents(tmp.file("a"), ["curves.csv"])[0].split(separator: "\n")
        XCTAssertEqual(curves.first, "strategy,axis,x,trials,mean_best_search,mean_search_regret,mean_test_regret,found_fraction")
        XCTAssertTrue(curves.contains { $0.hasPrefix("random,queries,1.0,3,") }, "\(curves)")
        XCTAssertTrue(curves.contains { $0.hasPrefix("evolution,hours,") }, "\(curves)")
        // summarize regenerates summary.csv and curves.csv byte for byte.
        try FileManager.default.removeItem(atPath: tmp.file("a/summary.csv"))
        try FileManager.default.removeItem(atPath: tmp.file("a/curves.csv"))
        let summary = try CLI.run(["summarize", tmp.file("a")])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertEqual(try contents(tmp.file("a")), try contents(tmp.file("b")))
    }

    /// The spec a run records re-runs it byte for byte; a YAML spec with overriding flags equals
    /// the same settings given as flags; a typo in a spec is a one-line error.
    func testSpecFilesRunTheSameExperiment() throws {
        let tmp = try TemporaryFolder()
        let flags = try CLI.run(try searchArguments(out: tmp.file("flags")))
        XCTAssertEqual(flags.status, 0, flags.stderr)
        let rerun = try CLI.run(["search", "--spec", tmp.file("flags/config.json"), "--out", tmp.file("rerun")])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(try contents(tmp.file("flags")), try contents(tmp.file("rerun")))
        try tmp.write("spec.yaml", """
            strategies: [random, evolution, local, weaknas]
            trials: 3
            budget: "150"
            test_column: cifar10-valid.valid.accuracy.e200
            settings:
              weaknas: {model: ridge-onehot}
            """)
        let yaml = try CLI.run(["search", "--spec", tmp.file("spec.yaml"), "--table", try table(), "--seed", "7",
                                "--out", tmp.file("yaml")])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertEqual(try contents(tmp.file("flags")), try contents(tmp.file("yaml")))
        try tmp.write("typo.yaml", "table: x.h5\ntrails: 3\n")
        let typo = try CLI.run(["search", "--spec", tmp.file("typo.yaml"), "--out", tmp.file("typo")])
        XCTAssertNotEqual(typo.status, 0)
        XCTAssertTrue(typo.stderr.contains("trails = (unknown key)"), typo.stderr)
        XCTAssertEqual(typo.stderr.split(separator: "\n").count, 1, typo.stderr)
    }

    func testShardsMergeToTheUnshardedRun() throws {
        let tmp = try TemporaryFolder()
        let whole = try CLI.run(try searchArguments(out: tmp.file("whole")))
        XCTAssertEqual(whole.status, 0, whole.stderr)
        for i in 0..<3 {
            let shard = try CLI.run(try searchArguments(out: tmp.file("sharded"), extra: ["--shard", "\(i)/3", "--jobs", "1"]))
            XCTAssertEqual(shard.status, 0, shard.stderr)
        }
        let merged = try CLI.run(["merge", tmp.file("sharded")])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, whole.stdout)
        XCTAssertEqual(try contents(tmp.file("sharded")), try contents(tmp.file("whole")))
    }

    func testKilledRunResumesToTheSameBytes() throws {
        let tmp = try TemporaryFolder()
        let arguments = try searchArguments(out: tmp.file("killed"), trials: 60, budget: "1500")
        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = arguments.map { $0 == "random,evolution,local,weaknas" ? "random,evolution" : $0 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some trials (but not all 120) are on disk.
        let trialsPath = tmp.file("killed/trials.csv")
        let deadline = Date().addingTimeInterval(60)
        var written = 0
        while Date() < deadline, process.isRunning {
            written = ((try? String(contentsOfFile: trialsPath, encoding: .utf8)) ?? "").split(separator: "\n").count - 1
            if written >= 10 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertTrue(process.isRunning, "the run finished before it could be killed; give it more work")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let partial = try contents(tmp.file("killed"), ["trials.csv"])[0].split(separator: "\n").count - 1
        XCTAssertLessThan(partial, 120)
        let again = try CLI.run(process.arguments ?? [])
        XCTAssertNotEqual(again.status, 0, "re-running into a folder with results needs --resume")
        XCTAssertTrue(again.stderr.contains("add --resume"), again.stderr)
        let resumed = try CLI.run((process.arguments ?? []) + ["--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let clean = try CLI.run(arguments.map { $0 == "random,evolution,local,weaknas" ? "random,evolution" : $0 }
            .map { $0 == tmp.file("killed") ? tmp.file("clean") : $0 })
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(try contents(tmp.file("killed")), try contents(tmp.file("clean")))
    }

    func testBadInputGivesOneLineAndNonZeroExit() throws {
        let help = try CLI.run(["search", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("USAGE: nasbench search"), help.stdout)
        let tmp = try TemporaryFolder()
        let cases: [([String], String)] = [
            (try searchArguments(out: tmp.file("x")).map { $0 == "random,evolution,local,weaknas" ? "random,annealing" : $0 },
             "unknown strategy 'annealing'"),
            (try searchArguments(out: tmp.file("x"), budget: "lots"), "bad budget 'lots'"),
            (try searchArguments(out: tmp.file("x"), budget: "0"), "bad budget '0'"),
            (try searchArguments(out: tmp.file("x")).map { $0 == "ridge-onehot" ? "svm" : $0 },
             "The value 'svm' is invalid for '--weaknas-model <weaknas-model>'. Please provide one of 'mlp', 'gcn'"),
            (["search", "--table", tmp.file("missing.h5"), "--out", tmp.file("x")], "missing.h5"),
            (try searchArguments(out: tmp.file("x"), extra: ["--shard", "3/3"]), "bad shard '3/3'"),
            (try searchArguments(out: tmp.file("x"), extra: ["--query-seed", "best"]), "The value 'best' is invalid for '--query-seed <query-seed>'"),
            (try searchArguments(out: tmp.file("x"), extra: ["--weaknas-acquisition", "ucb"]),
             "The value 'ucb' is invalid for '--weaknas-acquisition <weaknas-acquisition>'"),
            (try searchArguments(out: tmp.file("x"), extra: ["--weaknas-acquisition", "ei", "--weaknas-ensemble", "1"]),
             "at least 2 members"),
            (try searchArguments(out: tmp.file("x"), budget: "until-optimum,max=0"), "bad budget 'until-optimum,max=0'"),
            (["summarize", tmp.file("nothing")], "holds no search run"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments) should fail")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): '\(result.stderr)' lacks '\(expected)'")
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count, 1, result.stderr)
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        }
    }
}
