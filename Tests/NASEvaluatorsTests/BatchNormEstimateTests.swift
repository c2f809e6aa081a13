import NASCore
import NASSpaces
import NASTensor
import XCTest

@testable import NASEvaluators

/// `BatchNormMode.estimate`: each batch norm's running statistics become the mean and unbiased
/// variance of everything that reached it in one training-mode pass over the training images,
/// checked against a direct computation in Double over the same features.
final class BatchNormEstimateTests: XCTestCase {
    let cell = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"

    func setUp(batch: Int) throws -> (EvaluationImages, RandomWeightEvaluator, NB201Network) {
        let images = try EvaluationImages(
            train: RandomWeightEvaluatorTests.syntheticImages(count: 40, seed: 1),
            test: RandomWeightEvaluatorTests.syntheticImages(count: 10, seed: 2))
        var evaluator = RandomWeightEvaluator()
        evaluator.batchSize = batch
        var rng = SplitMix64(seed: 11)
        let network = try NB201Network(cell: try NB201Space().parse(cell), channels: 4, cellsPerStage: 1, using: &rng)
        return (images, evaluator, network)
    }

    /// Per-channel mean and unbiased variance of `[N, C, H, W]`, in Double.
    func directStatistics(_ x: Tensor) -> (mean: [Double], variance: [Double]) {
        let (n, c, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let data = x.data
        var mean = [Double](repeating: 0, count: c), variance = [Double](repeating: 0, count: c)
        for ch in 0..<c {
            var values: [Double] = []
            for i in 0..<n { values += data[((i * c + ch) * plane)..<((i * c + ch + 1) * plane)].map(Double.init) }
            mean[ch] = values.reduce(0, +) / Double(values.count)
            variance[ch] = values.reduce(0) { $0 + ($1 - mean[ch]) * ($1 - mean[ch]) } / Double(values.count - 1)
        }
        return (mean, variance)
    }

    func assertStatistics(_ bn: BatchNorm2d, equal direct: (mean: [Double], variance: [Double]), _ name: String) {
        for (got, want) in zip(bn.runningMean.data, direct.mean) { XCTAssertEqual(Double(got), want, accuracy: 1e-5 + 1e-5 * abs(want), name) }
        for (got, want) in zip(bn.runningVar.data, direct.variance) { XCTAssertEqual(Double(got), want, accuracy: 1e-5 * want, name) }
    }

    /// The stem's batch norm sees the stem convolution's output, whatever the batches: with
    /// batches of 7 over 40 images (the last one 5) its statistics are those of all 40 at once.
    func testStemStatisticsArePooledOverUnequalBatches() throws {
        let (images, evaluator, network) = try setUp(batch: 7)
        evaluator.estimateBatchNormStatistics(network, images: images)
        let x = Tensor(shape: [40, 3, 8, 8], data: images.train)
        let stem = GradMode.withNoGrad { network.stemConv(x) }
        assertStatistics(network.stemBN, equal: directStatistics(stem), "stem")
        XCTAssertFalse(network.stemBN.isTraining, "the estimate leaves the network in inference mode")
    }

    /// In one batch, every batch norm's statistics are those of its input in a training-mode
    /// forward pass; checked for the last one, whose input passes through every other.
    func testLastStatisticsEqualThoseOfItsTrainingModeInput() throws {
        let (images, evaluator, network) = try setUp(batch: 40)
        evaluator.estimateBatchNormStatistics(network, images: images)
        XCTAssertEqual(network.batchNorms.count, 2 + 4 + 2 + 4 + 2 + 4)  // stem, 3 cells x 4 convs, 2 blocks x 2, last
        for bn in network.batchNorms { XCTAssertNotEqual(bn.runningVar.data, [Float](repeating: 1, count: bn.runningVar.count)) }
        let estimated = (network.lastBN.runningMean.data, network.lastBN.runningVar.data)
        network.setTraining(true)
        let input = GradMode.withNoGrad {
            var h = network.stemBN(network.stemConv(Tensor(shape: [40, 3, 8, 8], data: images.train)))
            for layer in network.body { h = layer(h) }
            return h
        }
        network.lastBN.runningMean.assign(estimated.0)
        network.lastBN.runningVar.assign(estimated.1)
        assertStatistics(network.lastBN, equal: directStatistics(input), "last")
    }

    /// The mode end to end: seeded, and not the `fresh` identity normalisation.
    func testEstimateModeIsSeededAndDiffersFromFresh() throws {
        let (images, base, _) = try setUp(batch: 16)
        var evaluator = base
        evaluator.channels = 4
        evaluator.head.steps = 30
        evaluator.batchNorm = .estimate
        let parsed = try NB201Space().parse(cell)
        var a = SplitMix64(seed: 3), b = SplitMix64(seed: 3), c = SplitMix64(seed: 3)
        let first = try evaluator.randomWeightScore(parsed, images: images, using: &a).score
        let second = try evaluator.randomWeightScore(parsed, images: images, using: &b).score
        XCTAssertEqual(first.loss, second.loss)
        evaluator.batchNorm = .fresh
        XCTAssertNotEqual(try evaluator.randomWeightScore(parsed, images: images, using: &c).score.loss, first.loss)
        XCTAssertThrowsError(try BatchNormMode(parsing: "estimated")) { error in
            XCTAssertTrue("\(error)".contains("batch, fresh, estimate"), "\(error)")
        }
    }
}
