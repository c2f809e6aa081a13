import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end tests of `nasbench predictors` (and `merge`/`summarize` on its runs) on a
/// synthetic NB201 table, plus one small run on the real table.
final class PredictorsCLITests: XCTestCase {
    nonisolated(unsafe) static var sharedTable: (folder: TemporaryFolder, path: String)?

    /// The first 3,000 NB201 cells with the fixture's synthetic values (seed 1 missing on every third cell).
    func table() throws -> String {
        if let shared = Self.sharedTable { return shared.path }
        let folder = try TemporaryFolder()
        let path = folder.file("cells.h5")
        try Fixtures.nb201Table(count: 3_000).write(to: path)
        Self.sharedTable = (folder, path)
        return path
    }

    func arguments(out: String, sizes: String = "10,40", trials: Int = 3, extra: [String] = []) throws -> [String] {
        [
            "predictors", "--table", try table(), "--dataset", "cifar10-valid", "--split", "valid", "--metric", "accuracy",
            "--epochs", "200", "--train-sizes", sizes, "--trials", "\(trials)", "--predictors", "rf,gbdt,gbdt-ensemble",
            "--rf-trees", "10", "--gbdt-trees", "10", "--ensemble-members", "2", "--seed", "3", "--out", out,
        ] + extra
    }

    /// The files that must be identical byte for byte (timings.csv holds measured seconds).
    static let files = ["results.csv", "summary.csv", "config.json"]

    func contents(_ folder: String, _ names: [String] = files) throws -> [String] { try fileContents(folder, names) }

    func testSameSeedGivesTheSameBytesWhateverTheJobsAndShards() throws {
        let tmp = try TemporaryFolder()
        let one = try CLI.run(try arguments(out: tmp.file("a"), extra: ["--jobs", "1"]))
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("gbdt-ensemble"), one.stdout)
        let two = try CLI.run(try arguments(out: tmp.file("b"), extra: ["--jobs", "2"]))
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(try contents(tmp.file("a")), try contents(tmp.file("b")))

        let results = try contents(tmp.file("a"))[0].split(separator: "\n")
        XCTAssertEqual(results.count, 1 + 3 * 2 * 3)
        XCTAssertEqual(
            results.first,
            "trial,predictor,train_size,repeat,seed,test_size,kendall_tau,spearman,pearson,precision_at_10,precision_at_100,mae,rmse")
        // Within a repeat every predictor gets the same split seed; train sizes are in order.
        let fields = results.dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(fields.map { $0[1] }, Array(repeating: "rf", count: 6) + Array(repeating: "gbdt", count: 6)
            + Array(repeating: "gbdt-ensemble", count: 6))
        XCTAssertEqual(Set(fields.filter { $0[3] == "1" }.map { $0[4] }).count, 1)
        XCTAssertEqual(fields[0][5], "2990")
        let timings = try contents(tmp.file("a"), ["timings.csv"])[0].split(separator: "\n")
        XCTAssertEqual(timings.first, "trial,predictor,train_size,repeat,fit_s,predict_s")
        XCTAssertEqual(timings.count, results.count)

        let config = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try contents(tmp.file("a"))[2].utf8)) as? [String: Any])
        XCTAssertEqual(config["experiment"] as? String, "predictors")
        XCTAssertEqual(config["trials"] as? Int, 18)
        XCTAssertEqual((config["table"] as? [String: Any])?["sha256"] as? String, try SHA256Digest.hex(ofFile: try table()))
        let rf = try XCTUnwrap((config["hyperparameters"] as? [String: Any])?["rf"] as? [String: Any])
        XCTAssertEqual(rf["treeCount"] as? Int, 10)
        XCTAssertTrue(rf["maxDepth"] is NSNull, "every hyperparameter is recorded, unlimited depth as null")

        // summarize regenerates summary.csv byte for byte.
        try FileManager.default.removeItem(atPath: tmp.file("a/summary.csv"))
        let summary = try CLI.run(["summarize", tmp.file("a")])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertEqual(try contents(tmp.file("a")), try contents(tmp.file("b")))

        // Shards merge to the unsharded run.
        for i in 0..<2 {
            let shard = try CLI.run(try arguments(out: tmp.file("sharded"), extra: ["--shard", "\(i)/2", "--jobs", "1"]))
            XCTAssertEqual(shard.status, 0, shard.stderr)
        }
        let merged = try CLI.run(["merge", tmp.file("sharded")])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(try contents(tmp.file("sharded")), try contents(tmp.file("a")))
    }

    func testKilledRunResumesToTheSameBytes() throws {
        let tmp = try TemporaryFolder()
        let arguments = try arguments(out: tmp.file("killed"), sizes: "10,20,40", trials: 24)
        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some trials (but not all 216) are on disk.
        let resultsPath = tmp.file("killed/results.csv")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            let written = ((try? String(contentsOfFile: resultsPath, encoding: .utf8)) ?? "").split(separator: "\n").count - 1
            if written >= 8 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertTrue(process.isRunning, "the run finished before it could be killed; give it more work")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let partial = try contents(tmp.file("killed"), ["results.csv"])[0].split(separator: "\n").count - 1
        XCTAssertLessThan(partial, 216)
        let again = try CLI.run(arguments)
        XCTAssertNotEqual(again.status, 0, "re-running into a folder with results needs --resume")
        XCTAssertTrue(again.stderr.contains("add --resume"), again.stderr)
        let resumed = try CLI.run(arguments + ["--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let clean = try CLI.run(arguments.map { $0 == tmp.file("killed") ? tmp.file("clean") : $0 })
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(try contents(tmp.file("killed")), try contents(tmp.file("clean")))
        let timings = try contents(tmp.file("killed"), ["timings.csv"])[0].split(separator: "\n")
        XCTAssertEqual(timings.count, 1 + 216, "one timing row per trial, none lost or repeated")
    }

    func testHyperparametersFromTheConfigFileAndTheOptions() throws {
        let tmp = try TemporaryFolder()
        let file = try tmp.write(
            "h.json", #"{"rf": {"treeCount": 7, "maxFeatures": "sqrt", "minSamplesLeaf": 3}, "gbdt": {"maxDepth": 2, "treeCount": 50}}"#)
        var args = try arguments(out: tmp.file("run"), sizes: "20", trials: 1, extra: ["--config", file])
        let rfTrees = try XCTUnwrap(args.firstIndex(of: "--rf-trees"))
        args.removeSubrange(rfTrees...(rfTrees + 1))
        args += ["--gbdt-max-depth", "4"]
        let result = try CLI.run(args)
        XCTAssertEqual(result.status, 0, result.stderr)
        let config = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try contents(tmp.file("run"), ["config.json"])[0].utf8)) as? [String: Any])
        let hyper = try XCTUnwrap(config["hyperparameters"] as? [String: [String: Any]])
        XCTAssertEqual(hyper["rf"]?["treeCount"] as? Int, 7)
        XCTAssertEqual(hyper["rf"]?["maxFeatures"] as? String, "sqrt")
        XCTAssertEqual(hyper["rf"]?["minSamplesLeaf"] as? Int, 3)
        XCTAssertEqual(hyper["gbdt"]?["maxDepth"] as? Int, 4, "options override the config file")
        XCTAssertEqual(hyper["gbdt"]?["treeCount"] as? Int, 10, "--gbdt-trees 10 overrides the file's 50")
        XCTAssertEqual(hyper["gbdt"]?["learningRate"] as? Double, 0.1, "unset keys keep their defaults")
    }

    /// The spec a run records re-runs it byte for byte; `--print-spec` shows it without running.
    func testRecordedSpecRerunsTheExperiment() throws {
        let tmp = try TemporaryFolder()
        let first = try CLI.run(try arguments(out: tmp.file("a"), extra: ["--predictors", "rf,ridge"]))
        XCTAssertEqual(first.status, 0, first.stderr)
        let rerun = try CLI.run(["predictors", "--spec", tmp.file("a/config.json"), "--out", tmp.file("b")])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(try contents(tmp.file("a")), try contents(tmp.file("b")))
        let printed = try CLI.run(["predictors", "--spec", tmp.file("a/config.json"), "--trials", "5", "--print-spec"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.contains("\"trials\" : 5"), printed.stdout)
        XCTAssertTrue(printed.stdout.contains("\"ridge\""), printed.stdout)
    }

    func testBadInputGivesOneLineAndNonZeroExit() throws {
        let help = try CLI.run(["predictors", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("USAGE: nasbench predictors"), help.stdout)
        let tmp = try TemporaryFolder()
        let out = tmp.file("x")
        let typo = try tmp.write("typo.json", #"{"rf": {"treeCont": 7}}"#)
        let toml = try tmp.write("h.toml", "[rf]\ntreeCount = 7\n")
        let cases: [([String], String)] = [
            (try arguments(out: out, sizes: "10,5000"), "train size 5000 does not fit the 3000 cells of the table"),
            (try arguments(out: out, sizes: "10,2500", extra: ["--label-seed", "1", "--drop-missing-labels"]),
             "train size 2500 does not fit the 2000 cells with a label in cifar10-valid.valid.accuracy.e200.seed1"),
            (try arguments(out: out, extra: ["--predictors", "rf,mlp5"]), "unknown predictor 'mlp5' (expected one of: rf, gbdt, gbdt-ensemble, mlp, gcn, ridge)"),
            (try arguments(out: out, extra: ["--encoding", "onehot"]), "unknown encoding 'onehot'"),
            (try arguments(out: out, extra: ["--label-seed", "1"]),
             "label column cifar10-valid.valid.accuracy.e200.seed1 has 1000 missing (NaN) values among 3000 cells: pass --drop-missing-labels"),
            (try arguments(out: out, extra: ["--epochs", "12"]), "no column cifar10-valid.valid.accuracy.e12"),
            (try arguments(out: out, extra: ["--dataset", "cifar100"]), "unknown dataset 'cifar100'"),
            (try arguments(out: out, sizes: "10,x"), "bad --train-sizes '10,x'"),
            (try arguments(out: out, sizes: "10,10"), "a train size is listed twice"),
            (try arguments(out: out, extra: ["--config", typo]), "rf.treeCont"),
            (try arguments(out: out, extra: ["--config", toml]), "expected a .json, .yaml or .yml file"),
            (try arguments(out: out, extra: ["--rf-max-features", "many"]), "bad --rf-max-features 'many'"),
            (try arguments(out: out, extra: ["--rf-trees", "0"]), "invalid hyperparameter treeCount = 0"),
            (try arguments(out: out, extra: ["--shard", "2/2"]), "bad shard '2/2'"),
            (["predictors", "--table", tmp.file("missing.h5"), "--dataset", "cifar10-valid", "--split", "valid",
              "--metric", "accuracy", "--epochs", "200", "--out", out], "missing.h5"),
            (["summarize", tmp.file("nothing")], "holds no search run"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments) should fail")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): '\(result.stderr)' lacks '\(expected)'")
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count, 1, result.stderr)
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        }
        // Dropping the missing labels on request works and is recorded.
        let dropped = try CLI.run(try arguments(
            out: tmp.file("dropped"), sizes: "10", trials: 1, extra: ["--label-seed", "1", "--drop-missing-labels"]))
        XCTAssertEqual(dropped.status, 0, dropped.stderr)
        let config = try contents(tmp.file("dropped"), ["config.json"])[0]
        XCTAssertTrue(config.contains("\"dropped_cells\" : 1000"), config)
        XCTAssertTrue(try contents(tmp.file("dropped"), ["results.csv"])[0].contains(",1990,"), "2000 - 10 held out")
    }

    /// A small run on the real NB201 table ($NASBENCH_DATA): the forest and boosting must rank cells.
    func testRealNB201SmallRun() throws {
        let real = try RealData.nb201Table()
        let tmp = try TemporaryFolder()
        let path = tmp.file("nb201.h5")
        try real.write(to: path)
        let result = try CLI.run([
            "predictors", "--table", path, "--dataset", "cifar10-valid", "--split", "valid", "--metric", "accuracy",
            "--epochs", "200", "--train-sizes", "100", "--trials", "2", "--predictors", "rf,gbdt", "--rf-trees", "30",
            "--seed", "0", "--out", tmp.file("run"),
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try String(contentsOfFile: tmp.file("run/summary.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(summary.count, 3, "\(summary)")
        for line in summary.dropFirst() {
            let fields = line.split(separator: ",")
            let tau = try XCTUnwrap(Double(fields[3]))
            XCTAssertGreaterThan(tau, 0.35, "\(fields[0]) at n = 100 ranks held-out cells: \(line)")
            XCTAssertEqual(fields[2], "2")
        }
    }
}
