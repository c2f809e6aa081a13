import NASSpaces
import NASPredictors
import XCTest

@testable import NASPredictors

/// Percentile bootstrap intervals of rank correlations.
final class RankBootstrapTests: XCTestCase {
    func testQuantileInterpolatesAsNumpy() {
        // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75; numpy.quantile(range(10), 0.975) = 8.775.
        XCTAssertEqual(RankBootstrap.quantile([1, 2, 3, 4], 0.25), 1.75, accuracy: 1e-12)
        XCTAssertEqual(RankBootstrap.quantile((0..<10).map(Double.init), 0.975), 8.775, accuracy: 1e-12)
        XCTAssertEqual(RankBootstrap.quantile([5], 0.5), 5)
    }

    func testIntervalsBracketTheEstimateAndRepeatWithTheSeed() throws {
        var rng = SplitMix64(seed: 3)
        let truth = (0..<60).map { _ in Double(rng.next() % 1000) }
        let score = truth.map { $0 + Double(rng.next() % 700) }
        let tau = try RankingMetrics.kendallTau(score, truth)
        let a = try RankBootstrap.kendallTau(score, truth, resamples: 500, seed: 1)
        XCTAssertLessThan(a.low, tau)
        XCTAssertGreaterThan(a.high, tau)
        XCTAssertLessThan(a.high - a.low, 0.5)
        let b = try RankBootstrap.kendallTau(score, truth, resamples: 500, seed: 1)
        XCTAssertEqual(a.low, b.low); XCTAssertEqual(a.high, b.high)
        let c = try RankBootstrap.kendallTau(score, truth, resamples: 500, seed: 2)
        XCTAssertNotEqual(a.low, c.low)
        // Identical rankings: every resample agrees exactly; a score against itself differs by 0.
        let same = try RankBootstrap.kendallTau(truth, truth, resamples: 100, seed: 1)
        XCTAssertEqual(same.low, 1, accuracy: 1e-12); XCTAssertEqual(same.high, 1, accuracy: 1e-12)
        let zero = try RankBootstrap.kendallTauDifference(score, score, truth, resamples: 100, seed: 1)
        XCTAssertEqual(zero.low, 0); XCTAssertEqual(zero.high, 0)
    }

    func testBadArgumentsThrow() {
        XCTAssertThrowsError(try RankBootstrap.kendallTau([1, 2, 3], [1, 2, 3], resamples: 0, seed: 0))
        XCTAssertThrowsError(try RankBootstrap.kendallTau([1, 2, 3], [1, 2, 3], level: 1, seed: 0))
        XCTAssertThrowsError(try RankBootstrap.kendallTau([1, 2], [1], seed: 0))
    }
}
