import Foundation
@testable import NASExperiments
import XCTest

/// The CONetV2 study's fixed verdict rule (docs/RESULTS.md) on hand-made accuracies.
final class ConetReportTests: XCTestCase {
    func run(_ rule: String, _ seed: Int, _ accuracy: Double) -> ConetReport.FinalRun {
        ConetReport.FinalRun(name: "final-\(rule)-s\(seed)", rule: rule, seed: seed, widths: [8], parameters: 1, macs: 1,
                             testAccuracy: accuracy, bestTestAccuracy: accuracy, meanQC: [], meanKG: [], accuracies: [accuracy])
    }

    func testTheRuleGivesEachOutcome() {
        let baselines = [run("scaled", 0, 80.0), run("scaled", 1, 80.4), run("random0", 0, 79.0), run("random1", 0, 80.0)]
        // Searched mean 81.0: margin min(81 - 80.2, 81 - 79.5) = 0.8, both seeds above 80.4.
        XCTAssertEqual(ConetReport.verdict(baselines + [run("sa07", 0, 80.8), run("sa07", 1, 81.2)])?.verdict, "replicated")
        // Margin 0.8 but one searched seed (80.3) below a scaled seed (80.4).
        XCTAssertEqual(ConetReport.verdict(baselines + [run("sa07", 0, 80.3), run("sa07", 1, 81.7)])?.verdict, "inconclusive")
        // Margin 0.3.
        XCTAssertEqual(ConetReport.verdict(baselines + [run("sa07", 0, 80.5), run("sa07", 1, 80.5)])?.verdict, "inconclusive")
        // Margin exactly 0 and below.
        XCTAssertEqual(ConetReport.verdict(baselines + [run("sa07", 0, 80.2), run("sa07", 1, 80.2)])?.verdict, "not replicated")
        XCTAssertEqual(ConetReport.verdict(baselines + [run("sa07", 0, 70), run("sa07", 1, 75)])?.margin ?? 0, -7.7, accuracy: 1e-12)
        // Two of the design's three random configs: provisional; the third completes it.
        XCTAssertEqual(ConetReport.verdict(baselines + [run("sa07", 0, 80.8), run("sa07", 1, 81.2)])?.complete, false)
        XCTAssertEqual(ConetReport.verdict(baselines + [run("random2", 0, 79.5), run("sa07", 0, 80.8), run("sa07", 1, 81.2)])?.complete, true)
        // Not enough runs yet.
        XCTAssertNil(ConetReport.verdict(baselines + [run("sa07", 0, 90)]))
        XCTAssertNil(ConetReport.verdict([run("sa07", 0, 90), run("sa07", 1, 90), run("scaled", 0, 80), run("scaled", 1, 80)]))
    }

    /// cost.csv from hand-written timing files: units, sums, per-unit seconds, the finished-only totals.
    func testCostsSumEachRunsTiming() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conet-cost-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func file(_ run: String, _ name: String, _ text: String) throws {
            let dir = (folder as NSString).appendingPathComponent(run)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try text.write(toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // A search: 2 trials (trial 0 two epochs, trial 1 one), finished.
        try file("search-sa07", "timing.csv", "trial,epoch,train_seconds,metric_seconds,test_seconds\n0,0,10,1,2\n0,1,10,1,2\n1,0,20,0.5,3.5\n")
        try file("search-sa07", "result.json", "{}")
        // A final training: 3 epochs, unfinished; another, finished, 1 epoch.
        try file("final-scaled-s0", "timing.csv", "epoch,train_seconds,metric_seconds,test_seconds\n0,100,0,20\n1,100,0,20\n2,100,0,20\n")
        try file("final-sa07-s0", "timing.csv", "epoch,train_seconds,metric_seconds,test_seconds\n0,90,0,30\n")
        try file("final-sa07-s0", "result.json", "{}")
        try file("final-plain-s0", "config.json", "{}")  // no timing yet: left out
        let costs = try ConetReport.costs(in: folder)
        XCTAssertEqual(costs.map(\.run), ["final-sa07-s0", "final-scaled-s0", "search-sa07"])
        XCTAssertEqual(costs.map(\.units), [1, 3, 2])
        XCTAssertEqual(costs.map(\.finished), [true, false, true])
        XCTAssertEqual(costs[2].totalSeconds, 50, accuracy: 1e-12)
        XCTAssertEqual(costs[2].secondsPerUnit, 25, accuracy: 1e-12)
        XCTAssertEqual(costs[1].secondsPerUnit, 120, accuracy: 1e-12)
        let lines = ConetReport.costTable(costs).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + 3 + 2)
        XCTAssertEqual(lines[4], "all-finished,search,yes,2,trial,40.0,2.5,7.5,50.0,25.0")
        XCTAssertEqual(lines[5], "all-finished,final,yes,1,epoch,90.0,0.0,30.0,120.0,120.0")  // the unfinished run is not in the total
        // A timing file without a number where one belongs is a corrupt-results error, not a trap.
        try file("final-random0-s0", "timing.csv", "epoch,train_seconds,metric_seconds,test_seconds\n0,x,0,1\n")
        XCTAssertThrowsError(try ConetReport.costs(in: folder))
    }
}
