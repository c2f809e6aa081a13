import NASOracle
import NASPredictors
import NASSearch
import NASSpaces
import TestSupport
import XCTest

/// Predicts `g(x) = sum_j (j + 1) x_j / 100` plus an offset (0 to 0.01) drawn at fit time from the
/// generator, so that the members of an ensemble differ by known amounts.
private struct JitterPredictor: Predictor {
    struct Configuration: Codable, Sendable, Hashable { var scale = 0.01 }
    let configuration: Configuration
    var offset: Double?

    init(configuration: Configuration) { self.configuration = configuration }

    static func g(_ features: FeatureMatrix) -> [Double] {
        (0..<features.rowCount).map { r in features.row(r).enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element } / 100 }
    }

    mutating func fit(_ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator) throws {
        offset = Double(generator.next() % 1000) / 100_000
    }

    func predict(_ features: FeatureMatrix) throws -> [Double] {
        guard let offset else { throw PredictorError.notFitted(model: "jitter") }
        return Self.g(features).map { $0 + offset }
    }
}

private func eiModel(members: Int = 5, calibration: Double = 5) throws -> PredictorRankingModel<Ensemble<JitterPredictor>> {
    try PredictorRankingModel<Ensemble<JitterPredictor>>(
        expectedImprovementOver: "jitter", member: JitterPredictor.Configuration(), members: members, calibration: calibration)
}

/// WeakNAS's EI variant: the ensemble's expected improvement and the strategy built on it.
final class ExpectedImprovementRankingModelTests: XCTestCase {
    func testScoresAreTheCalibratedExpectedImprovementOfTheMembers() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .mean)
        var model = try eiModel()
        XCTAssertEqual(model.name, "ei5-jitter")
        XCTAssertEqual(model.hyperparameters["base_predictor"], .string("{\"scale\":0.01}"))
        XCTAssertEqual(model.hyperparameters["members"], .int(5))
        let rows = Array(0..<50)
        let g = JitterPredictor.g(try problem.domain.features(ofRows: rows, as: .adjacencyOneHot))
        // The incumbent in the middle of the predictions, so that some cells have EI and some none.
        let best = g.sorted()[25]
        let labels = [-1.0, 0.1, best]
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
        let scores = try model.scores(rows, of: problem.domain)
        var positive = 0
        for row in rows {
            let mean = g[row] + spreadMean
            let ei = expectedImprovement(mean: mean, std: spread / 5, best: best)
            if ei > 0 {
                positive += 1
                XCTAssertEqual(scores[row], ei, accuracy: 1e-12 * max(1, ei), "row \(row)")
            } else {
                XCTAssertEqual(scores[row], -1 - (best - mean), accuracy: 1e-12, "row \(row)")
            }
        }
        // Cells near the incumbent have a positive EI, the others none; the order follows the mean.
        XCTAssertGreaterThan(positive, 0)
        XCTAssertLessThan(positive, 50)
        XCTAssertEqual(rows.sorted { scores[$0] < scores[$1] }, rows.sorted { g[$0] < g[$1] })
    }

    func testTheEIVariantQueriesEachCellOnceAndReproducesItsSeed() throws {
        let problem = try SearchFixtures.problem(count: 625)
        let strategy = try WeakNAS(
            model: try PredictorRankingModel<Ensemble<RidgeRegression>>(
                expectedImprovementOver: "ridge-onehot", member: RidgeConfiguration(), members: 3, calibration: 5),
            initialSamples: 10,
            topN: 10, batchSize: 10, topOf: .available)
        XCTAssertEqual(strategy.name, "weaknas/ei3-ridge-onehot")
        let a = try SearchFixtures.run(strategy, problem, budget: .queries(120), seed: 4)
        let b = try SearchFixtures.run(strategy, problem, budget: .queries(120), seed: 4)
        XCTAssertEqual(a.steps, b.steps)
        XCTAssertEqual(Set(a.steps.map(\.row)).count, 120)
    }

    func testBadEnsembles() {
        XCTAssertThrowsError(try eiModel(members: 1))
        XCTAssertThrowsError(try eiModel(calibration: 0))
        XCTAssertThrowsError(try eiModel(calibration: .nan))
        let problem = try? SearchFixtures.problem(count: 50)
        if let problem {
            XCTAssertThrowsError(try eiModel().scores([0], of: problem.domain))
        }
    }
}
