import NASDatasets

/// Normalised images for evaluation: a training part (to fit the head) and a held-out part.
public struct EvaluationImages: Sendable {
    /// `[trainCount, 3, H, W]` row-major floats.
    public let train: [Float]
    public private(set) var trainLabels: [Int]
    /// `[testCount, 3, H, W]` row-major floats.
    public let test: [Float]
    public let testLabels: [Int]
    public let channels: Int, height: Int, width: Int
    public let classes: Int

    /// NB201's CIFAR-10 normalisation (per-channel mean and std of the training set).
    public static let cifarMean = [0.4914, 0.4822, 0.4465]
    public static let cifarStd = [0.2470, 0.2435, 0.2616]

    /// Normalised copies of `train` and `test` with NB201's CIFAR statistics.
    public init(train: ImageDataset, test: ImageDataset) throws {
        guard train.count > 0, test.count > 0, train.channels == 3, test.channels == 3,
              train.height == test.height, train.width == test.width else {
            throw EvaluatorError.badInput(
                "evaluation needs non-empty RGB train and test images of one size (got \(train.count) and \(test.count))")
        }
        self.train = train.normalised(mean: Self.cifarMean, std: Self.cifarStd)
        self.test = test.normalised(mean: Self.cifarMean, std: Self.cifarStd)
        trainLabels = train.labels.map(Int.init)
        testLabels = test.labels.map(Int.init)
        channels = 3
        height = train.height
        width = train.width
        classes = max(train.classNames.count, (trainLabels.max() ?? 0) + 1, (testLabels.max() ?? 0) + 1)
    }

    /// The same images with other training labels (as many, each in `0..<classes`), e.g. permuted
    /// so that a head learns nothing of the images (the regression suite's degrade hook).
    public func relabelled(training labels: [Int]) -> EvaluationImages {
        precondition(labels.count == trainLabels.count && labels.allSatisfy { (0..<classes).contains($0) }, "relabelled: bad labels")
        var copy = self
        copy.trainLabels = labels
        return copy
    }

    /// Floats per image.
    public var imageSize: Int { channels * height * width }
}
