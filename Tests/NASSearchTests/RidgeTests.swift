import NASPredictors
import NASSearch
import NASSpaces
import TestSupport
import XCTest

final class RidgeTests: XCTestCase {
    func testCholeskySolvesAPositiveDefiniteSystem() throws {
        // A = [[4, 2, 0.4], [2, 5, 1], [0.4, 1, 3]], x = [1, -2, 0.5].
        let a: [Double] = [4, 2, 0.4, 2, 5, 1, 0.4, 1, 3]
        let x: [Double] = [1, -2, 0.5]
        let b = (0..<3).map { i in (0..<3).reduce(0) { $0 + a[i * 3 + $1] * x[$1] } }
        let solved = try Cholesky.solve(a, n: 3, b)
        for (u, v) in zip(solved, x) { XCTAssertEqual(u, v, accuracy: 1e-12) }
        XCTAssertThrowsError(try Cholesky.solve([1, 2, 2, 1], n: 2, [1, 1])) {
            guard case .notPositiveDefinite? = $0 as? PredictorError else { return XCTFail("\($0)") }
        }
    }

    func testRidgeRanksAnAdditiveFunctionExactly() throws {
        // An additive "accuracy": each (edge, op) adds a fixed amount. With a tiny penalty the
        // one-hot ridge model reproduces the ranking of every cell from a few hundred examples.
        var rng = SplitMix64(seed: 1)
        let domain = try NB201Domain(try Fixtures.nb201Table(count: NB201Cell.count))
        let width = NB201Space.adjacencyOneHotWidth
        let effects = (0..<width).map { _ in Double(rng.nextUniform(below: 1000)) / 100 }
        let truth = { (row: Int) in (0..<NB201Cell.edgeCount).reduce(0) { $0 + effects[$1 * 5 + domain.cells[row][$1].index] } }
        let space = NB201Space()
        let training = (0..<300).map { _ in space.sample(using: &rng).rank }  // rows are ranks in this table
        var model = PredictorRankingModel<RidgeRegression>(name: "ridge-onehot", configuration: RidgeConfiguration(lambda: 1e-6))
        try model.fit(training, of: domain, labels: training.map(truth), using: &rng)
        let all = Array(0..<NB201Cell.count)
        let scores = try model.scores(all, of: domain)
        for (row, score) in zip(all, scores).prefix(2000) { XCTAssertEqual(score, truth(row), accuracy: 1e-4) }
        XCTAssertThrowsError(
            try PredictorRankingModel<RidgeRegression>(name: "ridge", configuration: RidgeConfiguration()).scores(all, of: domain))
        var zero = RidgeRegression(configuration: RidgeConfiguration(lambda: 0))
        XCTAssertThrowsError(try zero.fit(try domain.features(ofRows: training, as: .adjacencyOneHot),
                                          labels: training.map(truth), using: &rng))
    }
}
