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
