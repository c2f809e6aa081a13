import NASCore
import NASDatasets
import NASSpaces
import NASTensor
import TestSupport
import XCTest

@testable import NASEvaluators

final class RandomWeightEvaluatorTests: XCTestCase {
    /// Synthetic 8x8 images whose class sets the mean colour, so a linear head can learn it.
    static func syntheticImages(count: Int, seed: UInt64) -> ImageDataset {
        var rng = SplitMix64(seed: seed)
        var pixels = [UInt8](), labels = [UInt8]()
        for _ in 0..<count {
            let label = Int(rng.nextUniform(below: 10))
            labels.append(UInt8(label))
            for c in 0..<3 {
                for _ in 0..<64 {
                    let base = 20 + 20 * ((label + c * 3) % 10)
                    pixels.append(UInt8(min(255, base + Int(rng.nextUniform(below: 30)))))
                }
            }
        }
        return ImageDataset(pixels: pixels, labels: labels, channels: 3, height: 8, width: 8,
                            classNames: CIFAR10.classNames)
    }

    func testRWEOnSyntheticImagesIsSeededAndLearns() throws {
        let images = try EvaluationImages(
            train: Self.syntheticImages(count: 200, seed: 1), test: Self.syntheticImages(count: 100, seed: 2))
        var evaluator = RandomWeightEvaluator()
        evaluator.channels = 4
        evaluator.naswotBatch = 16
        evaluator.head.steps = 100
        let cell = try NB201Space().parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|")
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let first = try evaluator.evaluate(cell, images: images, using: &a)
        let second = try evaluator.evaluate(cell, images: images, using: &b)
        XCTAssertEqual(first.rweAccuracy, second.rweAccuracy)
        XCTAssertEqual(first.naswot, second.naswot)
        XCTAssertEqual(first.synflowLog, second.synflowLog)
        XCTAssertGreaterThan(first.rweAccuracy, 0.3)  // chance is 0.1
        XCTAssertTrue(first.naswot.isFinite)
        XCTAssertTrue(first.synflowLog.isFinite)
    }

    func testSynflowIsMinusInfinityForADisconnectedCell() throws {
        var rng = SplitMix64(seed: 5)
        let network = try NB201Network(
            cell: NB201Cell(ops: Array(repeating: .none, count: 6)), channels: 4, cellsPerStage: 1, using: &rng)
        // The classifier still sees the BN bias, but nothing upstream of a `none` cell gets flow.
        let parametrised = try NB201Network(
            cell: NB201Cell(ops: Array(repeating: .norConv3x3, count: 6)), channels: 4, cellsPerStage: 1, using: &rng)
        XCTAssertLessThan(network.synflowLogScore(height: 8, width: 8), parametrised.synflowLogScore(height: 8, width: 8))
    }

    func testSynflowDoesNotDependOnBatchesSeenBefore() throws {
        let cell = try NB201Space().parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|")
        var a = SplitMix64(seed: 9), b = SplitMix64(seed: 9)
        let fresh = try NB201Network(cell: cell, channels: 4, cellsPerStage: 1, using: &a)
        let used = try NB201Network(cell: cell, channels: 4, cellsPerStage: 1, using: &b)
        _ = used.features(Tensor.randomNormal([8, 3, 8, 8], using: &b))  // updates BN running statistics
        XCTAssertEqual(fresh.synflowLogScore(height: 8, width: 8), used.synflowLogScore(height: 8, width: 8))
    }

    func testFreshBatchNormFeaturesDoNotDependOnTheBatch() throws {
        let images = try EvaluationImages(
            train: Self.syntheticImages(count: 40, seed: 1), test: Self.syntheticImages(count: 20, seed: 2))
        let cell = try NB201Space().parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|")
        var evaluator = RandomWeightEvaluator()
        evaluator.channels = 4
        var rng = SplitMix64(seed: 3)
        let network = try NB201Network(cell: cell, channels: 4, cellsPerStage: 1, using: &rng)
        func features(batch: Int) -> [Float] {
            evaluator.batchSize = batch
            return evaluator.extractFeatures(network, images.train, count: 40, images: images)
        }
        network.setTraining(false)
        let whole = features(batch: 40), split = features(batch: 7)
        for (x, y) in zip(whole, split) { XCTAssertEqual(x, y, accuracy: 1e-5) }
        network.setTraining(true)
        XCTAssertNotEqual(features(batch: 40), features(batch: 7))  // batch statistics differ
        evaluator.batchNorm = .fresh
        evaluator.head.steps = 50
        var c = SplitMix64(seed: 5), d = SplitMix64(seed: 5)
        let first = try evaluator.randomWeightScore(cell, images: images, using: &c).score
        let second = try evaluator.randomWeightScore(cell, images: images, using: &d).score
        XCTAssertEqual(first.accuracy, second.accuracy)
        XCTAssertEqual(first.loss, second.loss)
    }
}
