import Foundation
import NASPredictors
import NASSpaces
import XCTest

/// Expected improvement, splits, standardisation, configurations and error messages.
final class PredictorSupportTests: XCTestCase {
    func testExpectedImprovementClosedForm() {
        // mean == best: EI = std * phi(0) = std / sqrt(2 pi)
        XCTAssertEqual(expectedImprovement(mean: 1, std: 2, best: 1), 2 / (2 * Double.pi).squareRoot(), accuracy: 1e-15)
        // z = 1: EI = std (Phi(1) + phi(1)), Phi(1) = 0.8413447460685429, phi(1) = 0.24197072451914337
        XCTAssertEqual(
            expectedImprovement(mean: 3, std: 2, best: 1), 2 * (0.8413447460685429 + 0.24197072451914337),
            accuracy: 1e-14)
        XCTAssertEqual(expectedImprovement(mean: 3, std: 0, best: 1), 2)
        XCTAssertEqual(expectedImprovement(mean: 0, std: 0, best: 1), 0)
        XCTAssertEqual(expectedImprovement(mean: -50, std: 1, best: 0), 0, accuracy: 1e-300)
        // against numerical integration of E[max(Y - best, 0)], Y ~ N(mean, std^2)
        for (mean, std, best) in [(0.3, 0.7, 0.5), (90.1, 0.4, 91.0), (-1.0, 3.0, -2.5)] {
            // the integrand is smooth above `best`: Simpson's rule on [best, mean + 12 std]
            let steps = 20_000
            let low = max(best, mean - 12 * std), width = (mean + 12 * std - low) / Double(steps)
            var integral = 0.0
            for step in 0...steps {
                let y = low + Double(step) * width
                let weight = step == 0 || step == steps ? 1.0 : (step % 2 == 1 ? 4.0 : 2.0)
                let density = exp(-0.5 * pow((y - mean) / std, 2)) / (std * (2 * Double.pi).squareRoot())
                integral += weight * max(y - best, 0) * density
            }
            integral *= width / 3
            XCTAssertEqual(expectedImprovement(mean: mean, std: std, best: best), integral, accuracy: 1e-9)
        }
    }

    func testSplits() throws {
        var rng = SplitMix64(seed: 3)
        let split = try TrainTestSplit(count: 100, trainSize: 10, using: &rng)
        XCTAssertEqual(split.train.count, 10)
        XCTAssertEqual(split.test.count, 90)
        XCTAssertEqual(Set(split.train + split.test), Set(0..<100))
        var again = SplitMix64(seed: 3)
        XCTAssertEqual(try TrainTestSplit(count: 100, trainSize: 10, using: &again), split)
        let small = try TrainTestSplit(count: 100, trainSize: 10, testSize: 5, using: &rng)
        XCTAssertEqual(small.test.count, 5)
        XCTAssertTrue(Set(small.train).isDisjoint(with: small.test))
        XCTAssertEqual(try TrainTestSplit(count: 3, trainSize: 3, using: &rng).test, [])
        XCTAssertThrowsError(try TrainTestSplit(count: 15_625, trainSize: 20_000, using: &rng)) {
            XCTAssertEqual($0 as? PredictorError, .trainSizeTooLarge(requested: 20_000, available: 15_625))
            XCTAssertEqual("\($0)", "train size 20000 is larger than the 15625 cells available (use at most 15625)")
        }
        XCTAssertThrowsError(try TrainTestSplit(count: 10, trainSize: 0, using: &rng)) {
            XCTAssertEqual($0 as? PredictorError, .emptyTrainingSet)
        }
        XCTAssertThrowsError(try TrainTestSplit(count: 10, trainSize: 6, testSize: 5, using: &rng))
    }

    func testBadTrainingDataIsATypedError() throws {
        let features = try FeatureMatrix(rows: [[0, 1], [1, 0], [1, 1]])
        var rng = SplitMix64(seed: 0)
        var forest = RandomForest()
        XCTAssertThrowsError(try forest.fit(try FeatureMatrix(rows: [], columnCount: 2), labels: [], using: &rng)) {
            XCTAssertEqual($0 as? PredictorError, .emptyTrainingSet)
        }
        XCTAssertThrowsError(try forest.fit(features, labels: [1, .nan, 3], using: &rng)) {
            guard case .nonFiniteLabel(index: 1, _) = $0 as? PredictorError else { return XCTFail("\($0)") }
            XCTAssertTrue("\($0)".hasPrefix("label 1 is nan"), "\($0)")
        }
        XCTAssertThrowsError(try forest.fit(features, labels: [1, 2], using: &rng)) {
            XCTAssertEqual($0 as? PredictorError, .labelCountMismatch(rows: 3, labels: 2))
        }
        XCTAssertThrowsError(try forest.predict(features)) {
            XCTAssertEqual($0 as? PredictorError, .notFitted(model: "RandomForest"))
        }
        try forest.fit(features, labels: [1, 2, 3], using: &rng)
        XCTAssertThrowsError(try forest.predict(try FeatureMatrix(rows: [[0, 1, 2]]))) {
            XCTAssertEqual($0 as? PredictorError, .featureWidthMismatch(expected: 2, found: 3, row: nil))
            XCTAssertTrue("\($0)".contains("expected 2 features, found 3"), "\($0)")
        }
        XCTAssertThrowsError(try FeatureMatrix(rows: [[0, 1], [2]])) {
            XCTAssertEqual($0 as? PredictorError, .featureWidthMismatch(expected: 2, found: 1, row: 1))
        }
        var boosted = GradientBoostedTrees(configuration: GradientBoostingConfiguration(subsample: 1.5))
        XCTAssertThrowsError(try boosted.fit(features, labels: [1, 2, 3], using: &rng)) {
            XCTAssertEqual(
                "\($0)", "invalid hyperparameter subsample = 1.5 (expected a fraction in (0, 1])")
        }
        var counted = RandomForest(configuration: RandomForestConfiguration(maxFeatures: .count(5)))
        XCTAssertThrowsError(try counted.fit(features, labels: [1, 2, 3], using: &rng))
    }

    func testStandardizer() throws {
        let standardizer = try LabelStandardizer(fitting: [1, 2, 3, 4])
        let z = standardizer.standardize([1, 2, 3, 4])
        XCTAssertEqual(z.reduce(0, +), 0, accuracy: 1e-15)
        XCTAssertEqual(z.map { $0 * $0 }.reduce(0, +) / 4, 1, accuracy: 1e-15)
        XCTAssertEqual(standardizer.restore(z), [1, 2, 3, 4])
        XCTAssertEqual(try LabelStandardizer(fitting: [7, 7]).scale, 1)
        XCTAssertThrowsError(try LabelStandardizer(fitting: [.infinity]))
    }

    func testConfigurationsDecodeWithDefaults() throws {
        let decoder = JSONDecoder()
        let forest = try decoder.decode(
            RandomForestConfiguration.self, from: Data(#"{"treeCount": 10, "maxFeatures": "sqrt"}"#.utf8))
        XCTAssertEqual(forest, RandomForestConfiguration(treeCount: 10, maxFeatures: .sqrt))
        let boosted = try decoder.decode(GradientBoostingConfiguration.self, from: Data(#"{"learningRate": 0.3}"#.utf8))
        XCTAssertEqual(boosted.treeCount, 100)
        XCTAssertEqual(boosted.learningRate, 0.3)
        for maxFeatures in [MaxFeatures.all, .sqrt, .log2, .fraction(0.25), .count(3)] {
            let data = try JSONEncoder().encode(RandomForestConfiguration(maxFeatures: maxFeatures))
            XCTAssertEqual(try decoder.decode(RandomForestConfiguration.self, from: data).maxFeatures, maxFeatures)
        }
        let ensemble = try decoder.decode(
            EnsembleConfiguration<RandomForestConfiguration>.self, from: Data(#"{"member": {"maxDepth": 4}}"#.utf8))
        XCTAssertEqual(ensemble.memberCount, 5)
        XCTAssertEqual(ensemble.member.maxDepth, 4)
        XCTAssertThrowsError(try decoder.decode(MaxFeatures.self, from: Data(#""half""#.utf8)))
        XCTAssertEqual(try MaxFeatures.fraction(0.17055852159745608).resolve(featureCount: 30), 5)
        XCTAssertEqual(try MaxFeatures.sqrt.resolve(featureCount: 30), 5)
        XCTAssertEqual(try MaxFeatures.log2.resolve(featureCount: 30), 4)
    }
}
