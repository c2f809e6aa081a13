import NASOracle
import NASSearch
import NASSpaces
import TestSupport
import XCTest

/// A ranking model that records every fit's rows and labels and scores cells by row number,
/// or puts `favourite` first.
private final class FitLog: @unchecked Sendable {
    var fits: [(rows: [Int], labels: [Double])] = []
}

private struct RecordingModel: RankingModel {
    let log: FitLog
    var favourite: Int? = nil
    var name: String { "recording" }
    var hyperparameters: [String: Hyperparameter] { [:] }

    mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        log.fits.append((rows, labels))
    }

    func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double] {
        rows.map { $0 == favourite ? 1e9 : Double($0) }
    }
}

/// WeakNAS's label scaling and its top-1 recommendation (the authors' protocol).
final class WeakNASTests: XCTestCase {
    private func fits(_ scaling: WeakNASLabelScaling, _ problem: SearchProblem) throws -> [(rows: [Int], labels: [Double])] {
        let log = FitLog()
        let strategy = try WeakNAS(
            model: RecordingModel(log: log), initialSamples: 5, topN: 10, batchSize: 3, labelScaling: scaling)
        let session = SearchSession(problem: problem, budget: .queries(20), noiseSeed: 3)
        var generator = SplitMix64(seed: 11)
        try strategy.run(session, using: &generator)
        XCTAssertEqual(strategy.hyperparameters["labels"], .string(scaling.rawValue))
        return log.fits
    }

    func testQueriedScalingStandardisesEachTrainingSet() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .mean)
        let fits = try fits(.queried, problem)
        XCTAssertGreaterThan(fits.count, 2)
        for fit in fits {
            let n = Double(fit.labels.count)
            let mean = fit.labels.reduce(0, +) / n
            let variance = fit.labels.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            XCTAssertEqual(mean, 0, accuracy: 1e-9)
            XCTAssertEqual(variance, 1, accuracy: 1e-9)
        }
    }

    func testTableScalingIsOneFixedMapFromTheWholeTable() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .mean)
        // Reference: mean and population std of the seed-mean column over all 50 rows.
        let column = problem.table.columns[problem.searchQuery.column].map(Double.init)
        let mean = column.reduce(0, +) / Double(column.count)
        let std = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)).squareRoot()
        let fits = try fits(.table, problem)
        XCTAssertGreaterThan(fits.count, 2)
        for fit in fits {
            for (row, label) in zip(fit.rows, fit.labels) {
                XCTAssertEqual(label, (column[row] - mean) / std, accuracy: 1e-9)
            }
        }
        // Not the queried cells' own standardisation: the later training sets do not have mean 0.
        let last = fits[fits.count - 1].labels
        XCTAssertGreaterThan(abs(last.reduce(0, +) / Double(last.count)), 1e-3)
    }

    func testRecommendationCreditsTheTop1WithoutAQuery() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .mean)
        let optimum = problem.searchQuery.optimum.rows[0]
        let other = (0..<50).first { !problem.searchQuery.optimum.rows.contains($0) }!
        // The session alone: a recommendation charges nothing and counts the queries made so far.
        let session = SearchSession(problem: problem, budget: .untilSearchOptimumOrRecommended, noiseSeed: 1)
        try session.query(other)
        session.recommend(other)
        XCTAssertNil(session.outcome.queriesToSearchOptimumOrRecommended)
        XCTAssertFalse(session.isFinished)
        session.recommend(optimum)
        XCTAssertEqual(session.queryCount, 1)
        XCTAssertEqual(session.outcome.queriesToSearchOptimumOrRecommended, 1)
        XCTAssertNil(session.outcome.queriesToSearchOptimum)
        XCTAssertTrue(session.isFinished)
        XCTAssertEqual(try SearchBudget(parsing: "until-search-optimum-or-top1"), .untilSearchOptimumOrRecommended)

        // WeakNAS names its model's top-1 after each fit: the first fit follows the 5 initial cells.
        let strategy = try WeakNAS(
            model: RecordingModel(log: FitLog(), favourite: optimum), initialSamples: 5, topN: 10, batchSize: 3)
        let run = SearchSession(problem: problem, budget: .untilSearchOptimum, noiseSeed: 2)
        var generator = SplitMix64(seed: 5)
        try strategy.run(run, using: &generator)
        let outcome = run.outcome
        XCTAssertNotNil(outcome.queriesToSearchOptimum)
        let initialHit = run.steps.prefix(5).contains { $0.row == optimum }
        XCTAssertEqual(outcome.queriesToSearchOptimumOrRecommended, initialHit ? outcome.queriesToSearchOptimum : 5)
    }
}
