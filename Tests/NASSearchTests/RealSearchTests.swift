import NASOracle
import NASSearch
import NASSpaces
import TestSupport
import XCTest

/// Search on the real NB201 table (`NASBENCH_DATA`); skipped without it.
final class RealSearchTests: XCTestCase {
    func testRandomSearchMatchesTheAnalyticExpectation() throws {
        let problem = try SearchFixtures.realProblem()
        XCTAssertEqual(problem.searchQuery.optimum.rows.count, 1)
        let expected = try XCTUnwrap(problem.randomSearchExpectation)
        XCTAssertEqual(expected, 7_813)
        // sd of one trial ~ 15625 / sqrt(12) ~ 4,510: 800 trials give a standard error of 160 (2%);
        // the seeds are fixed, so the check is deterministic, and 6% is three standard errors.
        let trials = 800
        var total = 0
        for seed in 0..<trials {
            let session = try SearchFixtures.run(RandomSearch(), problem, budget: .untilSearchOptimum, seed: UInt64(seed))
            total += try XCTUnwrap(session.queriesToSearchOptimum)
        }
        let mean = Double(total) / Double(trials)
        XCTAssertEqual(mean, expected, accuracy: 0.06 * expected, "random search mean \(mean) vs (N+1)/(k+1) = \(expected)")
    }

    func testEvolutionAndLocalSearchBeatRandomSearch() throws {
        let problem = try SearchFixtures.realProblem()
        let expected = try XCTUnwrap(problem.randomSearchExpectation)
        let strategies: [any SearchStrategy] = [try RegularizedEvolution(), try LocalSearch()]
        for strategy in strategies {
            var total = 0
            let trials = 6
            for seed in 0..<trials {
                let session = try SearchFixtures.run(strategy, problem, budget: .untilSearchOptimum, seed: UInt64(seed))
                total += try XCTUnwrap(session.queriesToSearchOptimum)
            }
            let mean = Double(total) / Double(trials)
            XCTAssertLessThan(mean, expected / 3, "\(strategy.name): \(mean) queries on average vs random's \(expected)")
        }
    }
}
