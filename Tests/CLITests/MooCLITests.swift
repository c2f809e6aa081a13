import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end tests of `nasbench moo`: the oracle objective against latency, params and
/// flops on a fixture table; RWE as the objective on synthetic images; bad input.
final class MooCLITests: XCTestCase {
    /// A fixture table of all NB201 cells with params and latency columns.
    func table(_ tmp: TemporaryFolder) throws -> String {
        let path = tmp.file("cells.h5")
        try Fixtures.nb201CostTable().write(to: path)
        return path
    }

    func csvRows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testOracleAgainstLatencyWritesFrontComparisonAndConfig() throws {
        let tmp = try TemporaryFolder()
        let table = try table(tmp)
        func run(_ out: String, cost: String) throws -> CLI.Result {
            try CLI.run([
                "moo", "--table", table, "--accuracy", Fixtures.accuracyKey.name, "--cost", cost,
                "--population", "12", "--generations", "4", "--seed", "3", "--out", tmp.file(out),
            ])
        }
        let first = try run("a", cost: Fixtures.latencyKey.name)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("true front:"), first.stdout)
        let front = try csvRows(tmp.file("a/front.csv"))
        XCTAssertEqual(front.first, ["rank", "arch", "estimate", "truth", "cost"])
        XCTAssertGreaterThan(front.count, 1)
        for row in front.dropFirst() {
            // The fixture's accuracy is a function of the rank; the oracle's estimate is the truth.
            let rank = try XCTUnwrap(Int(row[0]))
            let a = Double(50 + (rank * 37) % 41)
            XCTAssertEqual(Double(row[3]) ?? 0, rank % 3 == 0 ? a : a + 0.5, accuracy: 1e-4)
            XCTAssertEqual(row[2], row[3])
        }
        let costs = front.dropFirst().compactMap { Double($0[4]) }
        XCTAssertEqual(costs, costs.sorted())
        let comparison = try csvRows(tmp.file("a/comparison.csv"))
        XCTAssertEqual(comparison.map { $0[0] }, ["method", "nsga2", "random", "true-front"])
        let fractions = comparison.dropFirst().compactMap { Double($0[5]) }
        XCTAssertTrue(fractions.allSatisfy { $0 > 0 && $0 <= 1 + 1e-9 }, "\(comparison)")
        // Hypervolume per generation: the initial population and 4 generations; the last is the final front.
        let generations = try csvRows(tmp.file("a/generations.csv"))
        XCTAssertEqual(
            generations.first,
            ["method", "objective", "generation", "evaluations", "true_hypervolume", "fraction_of_true_front", "estimated_hypervolume"])
        // NSGA-II's generations, then random search at the same evaluations.
        XCTAssertEqual(generations.dropFirst().map { $0[0] + "/" + $0[2] },
                       ["nsga2/0", "nsga2/1", "nsga2/2", "nsga2/3", "nsga2/4", "random/0", "random/1", "random/2", "random/3", "random/4"])
        let searchLast = try XCTUnwrap(generations.last { $0[0] == "nsga2" }), randomLast = try XCTUnwrap(generations.last)
        XCTAssertEqual(searchLast[4], comparison[1][4], "the last generation's front is the reported front")
        XCTAssertEqual(searchLast[3], comparison[1][2])
        XCTAssertEqual(randomLast[4], comparison[2][4], "random at the final evaluations is the reported random front")
        XCTAssertEqual(randomLast[3], comparison[2][2])
        let randomVolumes = generations.filter { $0[0] == "random" }.compactMap { Double($0[4]) }
        XCTAssertEqual(randomVolumes, randomVolumes.sorted(), "more random cells never lose hypervolume")
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tmp.file("a/config.json")))) as? [String: Any]
        XCTAssertEqual(config?["cost"] as? String, Fixtures.latencyKey.name)
        XCTAssertEqual(config?["experiment"] as? String, "moo")
        XCTAssertEqual((config?["spec"] as? [String: Any])?["population"] as? Int, 12)
        // Same seed, same bytes; the recorded spec re-runs it.
        XCTAssertEqual(try run("b", cost: Fixtures.latencyKey.name).status, 0)
        let rerun = try CLI.run(["moo", "--spec", tmp.file("a/config.json"), "--out", tmp.file("rerun")])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        for name in ["front.csv", "comparison.csv", "generations.csv", "config.json"] {
            for other in ["b", "rerun"] {
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tmp.file("a/\(name)"))),
                               try Data(contentsOf: URL(fileURLWithPath: tmp.file("\(other)/\(name)"))), "\(other)/\(name)")
            }
        }
        for cost in [Fixtures.paramsKey.name, "flops"] {
            let other = try run("c-\(cost)", cost: cost)
            XCTAssertEqual(other.status, 0, other.stderr)
        }
    }

    func testBadCostColumnGivesOneLineAndNonZeroExit() throws {
        let tmp = try TemporaryFolder()
        let table = try table(tmp)
        for cost in ["cifar10.none.latency_ms.@nowhere", "not-a-column"] {
            let run = try CLI.run(["moo", "--table", table, "--accuracy", Fixtures.accuracyKey.name, "--cost", cost])
            XCTAssertNotEqual(run.status, 0)
            let message = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertFalse(message.isEmpty)
            XCTAssertFalse(message.contains("\n"), message)
            XCTAssertTrue(run.stdout.isEmpty, run.stdout)
        }
        let noArchive = try CLI.run(["moo", "--table", table, "--accuracy", "rwe"])
        XCTAssertNotEqual(noArchive.status, 0)
        XCTAssertTrue(noArchive.stderr.contains("--cifar"), noArchive.stderr)
    }

    /// RWE as the accuracy objective, on a tiny network and synthetic images (seconds).
    func testRWEObjectiveOnSyntheticImages() throws {
        let tmp = try TemporaryFolder()
        let table = try table(tmp)
        let cifar = try SyntheticCIFAR.archive(in: tmp, records: 30)
        func run(_ out: String) throws -> CLI.Result {
            try CLI.run([
                "moo", "--table", table, "--accuracy", "rwe", "--cifar", cifar, "--truth", Fixtures.accuracyKey.name,
                "--cost", Fixtures.paramsKey.name, "--channels", "4", "--images", "20", "--test-images", "10",
                "--head-steps", "20", "--population", "4", "--generations", "1", "--seed", "2", "--out", tmp.file(out),
            ])
        }
        let first = try run("a")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("RWE:"), first.stdout)
        let comparison = try csvRows(tmp.file("a/comparison.csv"))
        XCTAssertEqual(comparison.dropFirst().map { "\($0[0]) \($0[1])" }, [
            "nsga2 rwe", "nsga2 \(Fixtures.accuracyKey.name)", "random rwe", "random \(Fixtures.accuracyKey.name)",
            "true-front \(Fixtures.accuracyKey.name)",
        ])
        // Random search gets as many distinct cells as the RWE search evaluated.
        XCTAssertEqual(comparison[1][2], comparison[3][2])
        let front = try csvRows(tmp.file("a/front.csv"))
        XCTAssertGreaterThan(front.count, 1)
        for row in front.dropFirst() {
            let estimate = try XCTUnwrap(Double(row[2]))
            XCTAssertTrue((0...100).contains(estimate), "\(row)")
        }
        let timings = try csvRows(tmp.file("a/timings.csv"))
        XCTAssertEqual(timings.first, ["rwe_cells", "rwe_seconds"])
        XCTAssertEqual(try run("b").status, 0)
        XCTAssertEqual(try String(contentsOfFile: tmp.file("a/front.csv"), encoding: .utf8),
                       try String(contentsOfFile: tmp.file("b/front.csv"), encoding: .utf8))
    }
}
