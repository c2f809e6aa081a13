import Foundation
import NASSpaces
import NASTensor

/// Random-weight evaluation (Hu, Lu et al., "Accelerating Multi-Objective Neural Architecture
/// Search by Random-Weight Evaluation", EMO 2021 / Complex & Intelligent Systems): the body of
/// a randomly initialised network is frozen, features at the global pool are computed for the
/// training images, and only the last linear layer is trained (here by ``SoftmaxRegression``);
/// the score is the held-out accuracy. Alongside it, the cheap baselines on the same network:
/// parameters, multiply-accumulates, NASWOT and synflow.
public struct RandomWeightEvaluator: Sendable {
    // Defaults chosen by experiments/rwe-sweep-nb201.sh (100 cells, --seed 1; docs/RESULTS.md,
    // "Random-weight evaluation"): BN in inference mode with fresh statistics is the only knob
    // that made RWE's Kendall tau against cifar10 test accuracy positive (0.169 against -0.369
    // on batch statistics); with it, PyTorch's default init beat Kaiming normal (-0.097) and
    // Xavier uniform (-0.045). C = 8, N = 1 keep it cheap (seconds a cell).
    /// `C` of the evaluated network (the benchmark's is 16; small is fast).
    public var channels = 8
    /// `N`, cells per stage (the benchmark's is 5).
    public var cellsPerStage = 1
    public var initScheme = InitScheme.pytorch
    public var batchNorm = BatchNormMode.fresh
    /// Images per forward pass when extracting features.
    public var batchSize = 250
    /// Images in the NASWOT minibatch (Mellor et al. use 128).
    public var naswotBatch = 64
    public var head = SoftmaxRegression()
    /// Training images that fit the head, and held-out images that score it.
    public static let defaultTrainImages = 1000
    public static let defaultTestImages = 1000

    public init() {}

    /// Everything measured for one cell.
    public struct Result: Sendable {
        public var rweAccuracy: Double
        public var rweLoss: Double
        public var parameters: Int
        public var multiplyAccumulates: Int
        public var naswot: Double
        public var synflowLog: Double
        /// Wall-clock seconds of the RWE part (network build, features, head).
        public var rweSeconds: Double
        /// Wall-clock seconds of NASWOT plus synflow.
        public var baselineSeconds: Double
        /// The head's steps or iterations, and the largest absolute gradient entry of its training
        /// objective at the fitted weights (how close to the optimum it stopped).
        public var headIterations: Int
        public var headGradient: Double
        /// With `recordHead`: the head's objective and gradient at every step.
        public var headPath: [LBFGS.Step]
    }

    /// Evaluates `cell` on `images`, drawing every random weight from `rng`.
    /// With `recordHead`, the result keeps the head's optimisation path.
    public func evaluate(_ cell: NB201Cell, images: EvaluationImages, recordHead: Bool = false,
                         using rng: inout some RandomNumberGenerator) throws -> Result {
        guard naswotBatch > 1 else { throw EvaluatorError.badInput("the NASWOT batch must be at least 2") }
        let start = Date()
        let (network, score) = try randomWeightScore(cell, images: images, recordHead: recordHead, using: &rng)
        let rweSeconds = Date().timeIntervalSince(start)
        network.setTraining(true)  // the baselines below are defined on batch statistics

        let baselineStart = Date()
        let b = min(naswotBatch, images.trainLabels.count)
        let batch = Tensor(
            shape: [b, images.channels, images.height, images.width],
            data: Array(images.train[0..<(b * images.imageSize)]))
        let naswot = network.naswotScore(images: batch)
        let synflow = network.synflowLogScore(height: images.height, width: images.width)
        return Result(
            rweAccuracy: score.accuracy, rweLoss: score.loss, parameters: network.parameterCount,
            multiplyAccumulates: network.multiplyAccumulates(imageSize: images.height), naswot: naswot,
            synflowLog: synflow, rweSeconds: rweSeconds, baselineSeconds: Date().timeIntervalSince(baselineStart),
            headIterations: score.iterations, headGradient: score.gradient, headPath: score.path)
    }

    /// RWE alone: builds the random network for `cell`, fits the head on the training
    /// features and returns the network with the head's fit (held-out accuracy as a fraction, loss).
    public func randomWeightScore(_ cell: NB201Cell, images: EvaluationImages, recordHead: Bool = false,
                                  using rng: inout some RandomNumberGenerator) throws
        -> (network: NB201Network, score: SoftmaxRegression.Fit) {
        guard batchSize > 0 else { throw EvaluatorError.badInput("batch size must be positive, got \(batchSize)") }
        guard head.steps > 0 else { throw EvaluatorError.badInput("head_steps must be at least 1, got \(head.steps)") }
        guard head.tolerance > 0, head.tolerance.isFinite else {
            throw EvaluatorError.badInput("head_tolerance must be a positive number, got \(head.tolerance)")
        }
        let network = try NB201Network(
            cell: cell, channels: channels, cellsPerStage: cellsPerStage, classes: images.classes,
            init: initScheme, using: &rng)
        switch batchNorm {
        case .batch: network.setTraining(true)
        case .fresh: network.setTraining(false)
        case .estimate: estimateBatchNormStatistics(network, images: images)
        }
        let train = extractFeatures(network, images.train, count: images.trainLabels.count, images: images)
        let test = extractFeatures(network, images.test, count: images.testLabels.count, images: images)
        let score = head.fitAndScore(
            features: train, labels: images.trainLabels, testFeatures: test, testLabels: images.testLabels,
            width: network.featureWidth, classes: images.classes, record: recordHead)
        return (network, score)
    }

    /// ``BatchNormMode/estimate``: one training-mode pass over the training images (in batches of
    /// ``batchSize``) pools each batch norm's input statistics, which become its running ones;
    /// leaves the network in inference mode.
    func estimateBatchNormStatistics(_ network: NB201Network, images: EvaluationImages) {
        let layers = network.batchNorms
        network.setTraining(true)
        for layer in layers { layer.beginStatisticsEstimate() }
        _ = extractFeatures(network, images.train, count: images.trainLabels.count, images: images)
        for layer in layers { layer.finishStatisticsEstimate() }
        network.setTraining(false)
    }

    /// Pooled features `[count, 4C]` in batches, with no graph and BN as ``batchNorm`` says.
    func extractFeatures(_ network: NB201Network, _ pixels: [Float], count: Int, images: EvaluationImages) -> [Float] {
        var out = [Float]()
        out.reserveCapacity(count * network.featureWidth)
        let size = images.imageSize
        GradMode.withNoGrad {
            var start = 0
            while start < count {
                let n = min(batchSize, count - start)
                let x = Tensor(
                    shape: [n, images.channels, images.height, images.width],
                    data: Array(pixels[(start * size)..<((start + n) * size)]))
                out += network.features(x).data
                start += n
            }
        }
        return out
    }
}
