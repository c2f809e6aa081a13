import NASOracle
import NASPredictors
import NASSearch
import NASSpaces
import TestSupport
import XCTest

/// Scores row r as r / 100 plus an offset (0 to 0.01) drawn at fit time from the generator, so that the
/// members of an ensemble differ by known amounts.
private struct JitterModel: RankingModel {
    var offset = 0.0
    var name: String { "jitter" }
    var hyperparameters: [String: Hyperparameter] { ["scale": .double(0.01)] }

    mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        offset = Double(generator.next() % 1000) / 100_000
    }

    func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double] {
        rows.map { Double($0) / 100 + offset }
    }
}

/// WeakNAS's EI variant: the ensemble's expected improvement and the strategy built on it.
final class ExpectedImprovementRankingModelTests: XCTestCase {
    func testScoresAreTheCalibratedExpectedImprovementOfTheMembers() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .mean)
        var model = try ExpectedImprovementRankingModel(base: JitterModel(), members: 5, calibration: 5)
        XCTAssertEqual(model.name, "ei5-jitter")
        XCTAssertEqual(model.hyperparameters["base_scale"], .double(0.01))
        let labels = [-1.0, 0.1, 0.45]
        var generator = SplitMix64(seed: 7)
        try model.fit([0, 1, 2], of: problem.domain, labels: labels, using: &generator)

        // The members' offsets, replayed: one seed per member from the caller's generator.
        var replay = SplitMix64(seed: 7)
        let offsets = (0..<5).map { _ -> Double in
            var member = SplitMix64(seed: replay.next())
            return Double(member.next() % 1000) / 100_000
        }
        let spreadMean = offsets.reduce(0, +) / 5
        let spread = (offsets.reduce(0) { $0 + ($1 - spreadMean) * ($1 - spreadMean) } / 5).squareRoot()
        XCTAssertGreaterThan(spread, 0.0005)
        let rows = Array(0..<50)
        let scores = try model.scores(rows, of: problem.domain)
        var positive = 0
        for row in rows {
            let mean = Double(row) / 100 + spreadMean
            let ei = expectedImprovement(mean: mean, std: spread / 5, best: 0.45)
            if ei > 0 {
                positive += 1
                XCTAssertEqual(scores[row], ei, accuracy: 1e-12 * max(1, ei), "row \(row)")
            } else {
                XCTAssertEqual(scores[row], -1 - (0.45 - mean), accuracy: 1e-12, "row \(row)")
            }
        }
        // Cells near the incumbent have a positive EI, the others none; the order follows the mean.
        XCTAssertGreaterThan(positive, 0)
        XCTAssertLessThan(positive, 50)
        XCTAssertEqual(scores, scores.sorted())
    }

    func testTheEIVariantQueriesEachCellOnceAndReproducesItsSeed() throws {
        let problem = try SearchFixtures.problem(count: 625)
        let strategy = try WeakNAS(
            model: try ExpectedImprovementRankingModel(base: try OneHotRidgeModel(), members: 3), initialSamples: 10,
            topN: 10, batchSize: 10, topOf: .available)
        XCTAssertEqual(strategy.name, "weaknas/ei3-ridge-onehot")
        let a = try SearchFixtures.run(strategy, problem, budget: .queries(120), seed: 4)
        let b = try SearchFixtures.run(strategy, problem, budget: .queries(120), seed: 4)
        XCTAssertEqual(a.steps, b.steps)
        XCTAssertEqual(Set(a.steps.map(\.row)).count, 120)
    }

    func testBadEnsembles() {
        XCTAssertThrowsError(try ExpectedImprovementRankingModel(base: JitterModel(), members: 1))
        XCTAssertThrowsError(try ExpectedImprovementRankingModel(base: JitterModel(), calibration: 0))
        XCTAssertThrowsError(try ExpectedImprovementRankingModel(base: JitterModel(), calibration: .nan))
        let problem = try? SearchFixtures.problem(count: 50)
        if let problem {
            XCTAssertThrowsError(try ExpectedImprovementRankingModel(base: JitterModel()).scores([0], of: problem.domain))
        }
    }
}
