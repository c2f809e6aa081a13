import Foundation
import NASPredictors
import XCTest

@testable import NASExperiments

/// With several weight initialisations a cell (several rows of one trial), the summary ranks
/// each cell by the mean of its rows.
final class RWESummaryTableTests: XCTestCase {
    func testRepeatsAreAveragedPerTrialBeforeRanking() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rwe-summary-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let header = "trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth\n"
        // Per trial: two accuracies whose means order the cells 0 < 2 < 1 < 3, though single rows would not.
        let accuracies: [[Double]] = [[0.10, 0.30], [0.50, 0.20], [0.05, 0.45], [0.40, 0.60]]
        let truth = [80.0, 90.0, 85.0, 91.0]
        var text = header
        for (trial, pair) in accuracies.enumerated() {
            for (k, a) in pair.enumerated() { text += "\(trial),\(k),\(trial),x,\(a),-1,1,1,1,1,\(truth[trial])\n" }
        }
        try text.write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        try "trial,rwe_seconds,baseline_seconds\n0,1.0,0.5\n1,1.0,0.5\n2,1.0,0.5\n3,1.0,0.5\n"
            .write(toFile: folder + "/timings.csv", atomically: true, encoding: .utf8)
        let summary = try RWESummaryTable(folder: folder)
        XCTAssertEqual(summary.cells, 4)
        XCTAssertEqual(summary.repeats, 2)
        let means = accuracies.map { $0.reduce(0, +) / 2 }
        let row = try XCTUnwrap(summary.rows.first { $0.score == "rwe_accuracy" })
        XCTAssertEqual(row.tau, try RankingMetrics.kendallTau(means, truth))
        XCTAssertEqual(row.tau, 1)
        XCTAssertTrue(summary.text.contains("4 cells, each the mean of 2 weight initialisations"), summary.text)
    }
}

/// The noise table of a run with several weight initialisations a cell: agreement between repeats,
/// each repeat and the mean against the truth, and the spreads, on a case worked out by hand.
final class RWENoiseTableTests: XCTestCase {
    func testAgreementSinglesMeanAndSpreads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rwe-noise-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Repeat 0 orders the 4 cells as the truth does, repeat 1 in reverse; a 5th cell is cut after one row.
        let accuracies: [[Double]] = [[0.1, 0.4], [0.2, 0.3], [0.3, 0.2], [0.4, 0.1], [0.5]]
        var text = "trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth\n"
        for (trial, rows) in accuracies.enumerated() {
            for (k, a) in rows.enumerated() { text += "\(trial),\(k),\(trial),x,\(a),\(-a),1,1,1,1,\(80 + trial)\n" }
        }
        try text.write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        let noise = try RWENoiseTable(folder: folder)
        XCTAssertEqual(noise.cells, 4)
        XCTAssertEqual(noise.repeats, 2)
        func tau(_ comparison: String) -> Double? { noise.rows.first { $0.score == "rwe_accuracy" && $0.comparison == comparison }?.tau }
        XCTAssertEqual(tau("repeat 0 vs repeat 1"), -1)
        XCTAssertEqual(tau("repeat 0 vs truth"), 1)
        XCTAssertEqual(tau("repeat 1 vs truth"), -1)
        XCTAssertEqual(noise.meanAgreement("rwe_accuracy"), -1)
        // Every cell's mean is 0.25: all tied, so tau is undefined (nan), and the between-cell sd is 0.
        XCTAssertNotNil(tau("mean of 2 vs truth"))
        let spread = try XCTUnwrap(noise.spread.first { $0.score == "rwe_accuracy" })
        XCTAssertEqual(spread.betweenCells, 0, accuracy: 1e-12)
        // Within-cell sds: |a - b| / sqrt(2) for pairs (0.1, 0.4), (0.2, 0.3), ...: mean (0.3 + 0.1 + 0.1 + 0.3) / 4 / sqrt(2).
        XCTAssertEqual(spread.withinCell, 0.2 / 2.0.squareRoot(), accuracy: 1e-12)
        XCTAssertTrue(noise.csv.hasPrefix("score,comparison,value,cells\nrwe_accuracy,repeat 0 vs repeat 1,-1.0000,4\n"), noise.csv)
    }

    func testOneInitialisationACellIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rwe-noise1-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = "trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth\n"
        for trial in 0..<4 { text += "\(trial),0,\(trial),x,0.\(trial),-1,1,1,1,1,80\n" }
        try text.write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RWENoiseTable(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("weight_seeds >= 2"), "\(error)")
        }
    }
}

/// `intervals.csv`: bootstrap intervals of each score's tau and of RWE's paired differences to the
/// baselines, on a synthetic run where RWE tracks the truth and params does not.
final class RWEIntervalTableTests: XCTestCase {
    func testIntervalsHoldTheirEstimatesAndDifferencesArePaired() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rwe-intervals-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = "trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth\n"
        var timings = "trial,rwe_seconds,baseline_seconds\n"
        for t in 0..<40 {
            let truth = 60 + Double(t)
            let rwe = truth / 100 + Double((t * 7) % 5) * 0.03  // tracks the truth, with some noise
            let params = Double((t * 13) % 40)  // unrelated
            text += "\(t),\(t),\(t),x,\(rwe),\(-Double(t % 3)),\(params),\(params * 2),\(Double(t % 11)),\(Double(t) * 0.5),\(truth)\n"
            timings += "\(t),1.0,0.5\n"
        }
        try text.write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        try timings.write(toFile: folder + "/timings.csv", atomically: true, encoding: .utf8)
        let summary = try RWESummaryTable(folder: folder)
        let table = try RWEIntervalTable(summary: summary, resamples: 300, seed: 5)
        XCTAssertEqual(table.rows.map(\.statistic), RWEExperiment.scoreColumns.map { "tau(\($0))" }
            + RWEIntervalTable.baselines.map { "tau(rwe_accuracy)-tau(\($0))" })
        for row in table.rows {
            XCTAssertLessThanOrEqual(row.low, row.value + 1e-12, row.statistic)
            XCTAssertGreaterThanOrEqual(row.high, row.value - 1e-12, row.statistic)
        }
        let tau = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.score, $0.tau) })
        let difference = try XCTUnwrap(table.rows.first { $0.statistic == "tau(rwe_accuracy)-tau(params)" })
        XCTAssertEqual(difference.value, try XCTUnwrap(tau["rwe_accuracy"]) - XCTUnwrap(tau["params"]), accuracy: 1e-12)
        XCTAssertGreaterThan(difference.low, 0, "RWE tracks the truth, params does not: the interval excludes 0")
        let synflow = try XCTUnwrap(table.rows.first { $0.statistic == "tau(synflow_log)" })
        XCTAssertEqual(synflow.value, 1, accuracy: 1e-12)
        XCTAssertEqual(synflow.low, 1, accuracy: 1e-12, "a perfect ranking stays perfect in every resample")
        // The same draws as RankBootstrap's paired difference on the cells' values; same seed, same bytes.
        let expected = try RankBootstrap.kendallTauDifference(
            try XCTUnwrap(summary.values["rwe_accuracy"]), try XCTUnwrap(summary.values["params"]), summary.truth, resamples: 300, seed: 5)
        XCTAssertEqual(difference.low, expected.low)
        XCTAssertEqual(difference.high, expected.high)
        XCTAssertEqual(try RWEIntervalTable(summary: summary, resamples: 300, seed: 5).csv, table.csv)
        XCTAssertNotEqual(try RWEIntervalTable(summary: summary, resamples: 300, seed: 6).csv, table.csv)
        XCTAssertTrue(table.csv.hasPrefix("statistic,value,ci95_low,ci95_high,cells,resamples,seed\ntau(rwe_accuracy),"), table.csv)
    }
}
