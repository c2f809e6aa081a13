import NASPredictors
import XCTest

/// The random forest against scikit-learn on real NAS-Bench-201 (`$NASBENCH_DATA/nb201`):
/// cifar10-valid valid accuracy (200 epochs), adjacency one-hot features, seeded train splits,
/// Kendall tau on all held-out cells. The full table is in docs/RESULTS.md
/// (tools/reference/predictor_compare.sh); this checks two train sizes in well under a minute.
final class RealNB201PredictorTests: XCTestCase {
    func testRandomForestMatchesScikitLearn() throws {
        let sizes = [100, 500]
        let taus = try ScikitLearnParity.compare(
            RandomForest.self, configuration: RandomForestConfiguration(), sizes: sizes, seeds: 0..<3)
        for size in sizes {
            let ours = try XCTUnwrap(taus.ours[size]), theirs = try XCTUnwrap(taus.theirs[size])
            XCTAssertGreaterThanOrEqual(
                ours, theirs - 0.02, "train size \(size): RandomForest tau \(ours) vs sklearn \(theirs)")
            XCTAssertGreaterThan(ours, 0.4, "train size \(size): the forest must rank cells")
        }
    }
}
