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
}
