import Foundation
import NASPredictors
import NASSpaces
import TestSupport
import XCTest

/// ``MLPPredictor``: learning, reproducibility, configuration and bad input.
final class MLPPredictorTests: XCTestCase {
    private let small = MLPConfiguration(hiddenLayers: [64, 64], epochs: 40)

    /// NB201 cells with a label that depends non-linearly on the ops.
    private func data(_ count: Int) -> (FeatureMatrix, [Double]) {
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(count))
        let labels = cells.map { cell -> Double in
            let ops = cell.ops.map(\.index)
            return Double(ops.reduce(0, +)) + (ops[0] == ops[5] ? 3 : 0)
        }
        return (space.features(of: cells, as: .adjacencyOneHot), labels)
    }

    func testLearnsHeldOutCellsAndIsBitForBitReproducible() throws {
        let (features, labels) = data(600)
        let train = Array(0..<400), test = Array(400..<600)
        var runs: [[Double]] = []
        for _ in 0..<2 {
            var model = MLPPredictor(configuration: small)
            var generator = SplitMix64(seed: 7)
            try model.fit(features.rows(train), labels: train.map { labels[$0] }, using: &generator)
            runs.append(try model.predict(features.rows(test)))
        }
        XCTAssertEqual(runs[0].map(\.bitPattern), runs[1].map(\.bitPattern), "same seed, same predictions")
        XCTAssertGreaterThan(try RankingMetrics.kendallTau(runs[0], test.map { labels[$0] }), 0.7)

        var other = MLPPredictor(configuration: small)
        var generator = SplitMix64(seed: 8)
        try other.fit(features.rows(train), labels: train.map { labels[$0] }, using: &generator)
        XCTAssertNotEqual(try other.predict(features.rows(test)), runs[0], "another seed, another network")
    }

    /// `standardizeLabels: false` fits the labels as given (scikit-learn's MLPRegressor; WeakNAS
    /// standardises over the whole table before fitting): no standardiser, another network.
    func testLabelsAsGivenWhenNotStandardising() throws {
        let (features, labels) = data(600)
        let train = Array(0..<400), test = Array(400..<600)
        let mean = labels.reduce(0, +) / Double(labels.count)
        let shifted = train.map { (labels[$0] - mean) / 4 }  // a fixed affine map, as WeakNAS's table scaling
        var raw = MLPPredictor(configuration: MLPConfiguration(hiddenLayers: [64, 64], epochs: 40, standardizeLabels: false))
        var standardised = MLPPredictor(configuration: small)
        var g1 = SplitMix64(seed: 7), g2 = SplitMix64(seed: 7)
        try raw.fit(features.rows(train), labels: shifted, using: &g1)
        try standardised.fit(features.rows(train), labels: shifted, using: &g2)
        XCTAssertEqual(raw.standardizer, .identity)
        XCTAssertNotEqual(standardised.standardizer, .identity)
        let predictions = try raw.predict(features.rows(test))
        XCTAssertNotEqual(predictions, try standardised.predict(features.rows(test)))
        XCTAssertGreaterThan(try RankingMetrics.kendallTau(predictions, test.map { labels[$0] }), 0.7)
        let json = try JSONEncoder().encode(raw.configuration)
        XCTAssertEqual(try JSONDecoder().decode(MLPConfiguration.self, from: json).standardizeLabels, false)
    }

    /// Up to float32 rounding: the BLAS kernels may sum in another order for another row count.
    func testPredictionsDoNotDependOnThePredictBatch() throws {
        let (features, labels) = data(100)
        var a = MLPPredictor(configuration: small)
        var b = MLPPredictor(configuration: MLPConfiguration(hiddenLayers: [64, 64], epochs: 40, predictBatchSize: 7))
        var g1 = SplitMix64(seed: 3), g2 = SplitMix64(seed: 3)
        try a.fit(features, labels: labels, using: &g1)
        try b.fit(features, labels: labels, using: &g2)
        let pa = try a.predict(features), pb = try b.predict(features)
        XCTAssertTrue(a.layers.elementsEqual(b.layers) { $0.weight == $1.weight && $0.bias == $1.bias },
                      "the predict batch must not change training")
        // Float32 bound (TestSupport's Float32Tolerance): through a ReLU network the error of each
        // output is at most gamma(sum of layer fan-ins + layers) * M, where M propagates |x| through
        // |W| and |b| (ReLU is 1-Lipschitz). Two evaluations differ by at most twice that, times the
        // label scale that `predict` restores.
        var magnitude = features.values.map { abs($0) }
        var width = features.columnCount, roundings = 0
        for layer in a.layers {
            let out = layer.bias.count
            var next = [Double](repeating: 0, count: features.rowCount * out)
            for r in 0..<features.rowCount {
                for o in 0..<out {
                    var sum = Double(abs(layer.bias[o]))
                    for i in 0..<width { sum += Double(abs(layer.weight[o * width + i])) * magnitude[r * width + i] }
                    next[r * out + o] = sum
                }
            }
            magnitude = next; roundings += width + 2; width = out
        }
        let scale = try XCTUnwrap(a.standardizer).scale
        assertWithinBounds(pa, pb, bounds: Float32Tolerance.bounds(roundings: 2 * roundings, magnitude: magnitude.map { $0 * scale }),
                           what: "predictions with predict batch 7 vs the default")
    }

    func testDefaultsAreWeakNASAndConfigurationRoundTrips() throws {
        let defaults = MLPConfiguration()
        XCTAssertEqual(defaults.hiddenLayers, [1000, 1000, 1000, 1000])
        XCTAssertEqual(defaults.learningRate, 1e-3)
        XCTAssertEqual(defaults.l2, 1e-4)
        XCTAssertNil(defaults.batchSize)
        XCTAssertEqual(defaults.epochs, 100)
        XCTAssertEqual(defaults.tolerance, 1e-4)
        XCTAssertEqual(defaults.iterationsWithoutImprovement, 10)
        let decoded = try JSONDecoder().decode(MLPConfiguration.self, from: Data(#"{"epochs": 5}"#.utf8))
        XCTAssertEqual(decoded.epochs, 5)
        XCTAssertEqual(decoded.hiddenLayers, defaults.hiddenLayers)
        let settings = try PredictorSettings(json: Data(#"{"mlp": {"hiddenLayers": [8], "batchSize": 16}}"#.utf8))
        XCTAssertEqual(settings.mlp.hiddenLayers, [8])
        XCTAssertEqual(settings.mlp.batchSize, 16)
        XCTAssertEqual(try JSONDecoder().decode(MLPConfiguration.self, from: JSONEncoder().encode(settings.mlp)), settings.mlp)
        XCTAssertThrowsError(try PredictorSettings(json: Data(#"{"mlp": {"layers": [8]}}"#.utf8)))
    }

    /// scikit-learn's rule: the first epoch sets the best loss; each later epoch that does not
    /// beat it by `tolerance` counts; more than `iterationsWithoutImprovement` in a row stop.
    func testStoppingRuleMatchesScikitLearnCounting() throws {
        let (features, labels) = data(30)
        var generator = SplitMix64(seed: 3)
        var never = MLPPredictor(configuration: MLPConfiguration(
            hiddenLayers: [16], epochs: 50, tolerance: 1e9, iterationsWithoutImprovement: 3))
        try never.fit(features, labels: labels, using: &generator)
        XCTAssertEqual(never.epochsRun, 5)
        var all = MLPPredictor(configuration: MLPConfiguration(
            hiddenLayers: [16], epochs: 30, tolerance: 0, iterationsWithoutImprovement: 30))
        try all.fit(features, labels: labels, using: &generator)
        XCTAssertEqual(all.epochsRun, 30)
        var bad = MLPPredictor(configuration: MLPConfiguration(tolerance: -1))
        XCTAssertThrowsError(try bad.fit(features, labels: labels, using: &generator))
    }

    func testBadInputThrows() throws {
        let (features, labels) = data(20)
        var model = MLPPredictor(configuration: small)
        XCTAssertThrowsError(try model.predict(features)) { error in
            XCTAssertEqual(error as? PredictorError, .notFitted(model: "MLPPredictor"))
        }
        var generator = SplitMix64(seed: 1)
        var bad = MLPPredictor(configuration: MLPConfiguration(hiddenLayers: [0]))
        XCTAssertThrowsError(try bad.fit(features, labels: labels, using: &generator))
        XCTAssertThrowsError(try model.fit(features, labels: Array(labels.dropLast()), using: &generator))
        try model.fit(features, labels: labels, using: &generator)
        let narrow = try FeatureMatrix(rows: [[1, 0]])
        XCTAssertThrowsError(try model.predict(narrow))
    }
}
