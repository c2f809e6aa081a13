import XCTest

@testable import NASExperiments

final class RegressionTests: XCTestCase {
    private func statistic(_ metric: String, _ higher: Bool, mean: Double, std: Double, trials: Int) -> RegressionStatistic {
        RegressionStatistic(
            experiment: higher ? "predictors" : "search", group: higher ? "rf/n=100" : "random", metric: metric,
            higherIsBetter: higher, mean: mean, std: std, trials: trials)
    }

    /// Tolerance is max(floor, z * SE); the bad direction depends on the metric.
    func testToleranceRuleBothDirections() {
        let tau = statistic("kendall_tau", true, mean: 0.5, std: 0.04, trials: 16)  // SE 0.01
        let check = { (now: Double, floor: Double) in
            RegressionCheck(
                id: tau.id, baseline: tau, now: self.statistic("kendall_tau", true, mean: now, std: 0, trials: 16),
                floor: floor, z: 3)
        }
        XCTAssertEqual(check(0.47, 0.01).tolerance ?? 0, 0.03, accuracy: 1e-12)
        XCTAssertEqual(check(0.471, 0.01).verdict, .pass)
        XCTAssertEqual(check(0.469, 0.01).verdict, .regressed)
        XCTAssertEqual(check(0.45, 0.06).verdict, .pass, "the floor wins over z * SE")
        XCTAssertEqual(check(0.55, 0.01).verdict, .improved)
        XCTAssertEqual(check(.nan, 0.01).verdict, .missing)

        let queries = statistic("queries_to_search_optimum", false, mean: 200, std: 40, trials: 100)  // SE 4
        let lower = { (now: Double) in
            RegressionCheck(
                id: queries.id, baseline: queries,
                now: self.statistic("queries_to_search_optimum", false, mean: now, std: 0, trials: 100), floor: 5, z: 3)
        }
        XCTAssertEqual(lower(211).verdict, .pass)
        XCTAssertEqual(lower(213).verdict, .regressed)
        XCTAssertEqual(lower(150).verdict, .improved)
        XCTAssertTrue(lower(213).verdict.fails)
        XCTAssertFalse(lower(150).verdict.fails)
    }

    func testBaselineRoundTripsAndReportsMissingStatistics() throws {
        let stats = [
            statistic("kendall_tau", true, mean: 0.4775123456789, std: 0.0451, trials: 10),
            statistic("queries_to_search_optimum", false, mean: 7933.74, std: 4773.3, trials: 50),
        ]
        let path = NSTemporaryDirectory() + "regress-baseline-\(ProcessInfo.processInfo.processIdentifier).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try RegressionBaseline(statistics: stats).write(to: path)
        XCTAssertEqual(try RegressionBaseline(path: path).statistics, stats)

        let suite = RegressionSuite(name: "t", z: 3, baseline: path)
        let checks = RegressionCheck.compare(suite: suite, baseline: RegressionBaseline(statistics: stats), measured: [stats[0]])
        XCTAssertEqual(checks.map(\.verdict), [.pass, .missing])
        let report = RegressionReport(suiteName: "t", checks: checks)
        XCTAssertEqual(report.failures.map(\.id), ["search/random/queries_to_search_optimum"])
        XCTAssertTrue(report.junitXML.contains("<failure message=\"baseline 7933.7400, now -"))
        XCTAssertTrue(report.text.hasSuffix("t: 2 statistics, 1 failed (search/random/queries_to_search_optimum)\n"))
    }

    func testMissingBaselineSaysToUpdate() {
        XCTAssertThrowsError(try RegressionBaseline(path: "/nonexistent/baseline.csv")) { error in
            XCTAssertTrue("\(error)".contains("--update"))
        }
    }

    /// A baseline without spread (an RWE pin: one deterministic value) fails on a move beyond its
    /// floor in either direction; the bad direction is still reported as FAIL.
    func testPinnedStatisticFailsWhenItMovesEitherWay() {
        let pin = RegressionStatistic(
            experiment: "rwe", group: "rwe_accuracy", metric: "kendall_tau", higherIsBetter: true, mean: 0.07, std: .nan, trials: 20)
        let check = { (now: Double) -> RegressionCheck.Verdict in
            var moved = pin
            moved.mean = now
            return RegressionCheck(id: pin.id, baseline: pin, now: moved, floor: 0.03, z: 3).verdict
        }
        XCTAssertEqual(check(0.09), .pass)
        XCTAssertEqual(check(0.05), .pass)
        XCTAssertEqual(check(0.11), .changed)
        XCTAssertEqual(check(0.03), .regressed)
        XCTAssertTrue(RegressionCheck.Verdict.changed.fails)
    }

    /// RWE rules name a score and what is pinned of it; other plans' rules may not say `statistic`.
    func testRWERulesPinTauOrMeanAndOthersRefuseAStatistic() throws {
        let dir = NSTemporaryDirectory() + "regress-suite-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rwe = #"{"spec": {"sample": 4, "seed": 0, "truth": "cifar10.test.accuracy.e200", "rwe": {"cifar": "c.tar.gz"}}, "metrics": METRICS}"#
        func load(_ metrics: String) throws -> RegressionSuite {
            let path = dir + "/suite.json"
            let text = #"{"name": "t", "z": 3, "baseline": "b.csv", "rwe": "# + rwe.replacingOccurrences(of: "METRICS", with: metrics) + "}"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return try RegressionSuite.load(path)
        }
        let suite = try load(#"[{"name": "rwe_accuracy", "floor": 0.03}, {"name": "rwe_accuracy", "statistic": "mean", "floor": 0.005}]"#)
        let mean = RegressionStatistic(
            experiment: "rwe", group: "rwe_accuracy", metric: "mean", higherIsBetter: true, mean: 0.3, std: .nan, trials: 4)
        var tau = mean
        tau.metric = "kendall_tau"
        XCTAssertEqual(suite.rule(for: mean)?.floor, 0.005)
        XCTAssertEqual(suite.rule(for: tau)?.floor, 0.03)
        XCTAssertThrowsError(try load(#"[{"name": "rwe_accuracy", "statistic": "median", "floor": 0.01}]"#)) { error in
            XCTAssertTrue("\(error)".contains("unknown statistic 'median'"), "\(error)")
        }
    }
}
