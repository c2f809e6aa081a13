import NASPredictors
import XCTest

/// ``MLPPredictor`` against scikit-learn's `MLPRegressor` (same hyperparameters, same seeded
/// splits) on real NAS-Bench-201 (`$NASBENCH_DATA/nb201`): cifar10-valid valid accuracy (200
/// epochs), adjacency one-hot features, Kendall tau on all held-out cells. To stay within
/// seconds it uses 4 hidden layers of 128 units and 2 seeds; the full-width table (4 x 1000) is in
/// docs/RESULTS.md (`tools/reference/predictor_compare.sh DATA 50,100,200 2 mlp`).
final class RealNB201MLPTests: XCTestCase {
    func testMLPMatchesScikitLearn() throws {
        let size = 100
        let taus = try ScikitLearnParity.compare(
            MLPPredictor.self, configuration: MLPConfiguration(hiddenLayers: [128, 128, 128, 128]), sizes: [size],
            seeds: 0..<2)
        let ours = try XCTUnwrap(taus.ours[size]), theirs = try XCTUnwrap(taus.theirs[size])
        XCTAssertGreaterThanOrEqual(ours, theirs - 0.02, "train size \(size): MLP tau \(ours) vs sklearn \(theirs)")
        XCTAssertGreaterThan(ours, 0.4, "the MLP must rank cells")
    }
}
