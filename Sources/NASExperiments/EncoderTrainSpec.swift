import NASDatasets
import NASMetaD2A

/// Everything that decides a trained image encoder (`nasbench metad2a train-encoder`): the
/// meta-training sets it learns from (never cifar10, MetaD2A's meta-test set), the held-out split,
/// the layout, and the recipe: a linear classification head over all the sets' classes,
/// cross-entropy, Nesterov SGD with a per-batch cosine schedule. Recorded under `spec` in the run's
/// `config.json`.
public struct EncoderTrainSpec: ExperimentSpec, Sendable, Equatable {
    public static let experiment = "metad2a-encoder"

    /// The meta-training sets (MetaImageSource's, 32x32 RGB).
    public var sources: [MetaImageSource] = [.fashionMNIST, .digits]
    /// Every n-th image of each class is held out (``MetaTaskPool/Member/encoderSplit(holdoutEvery:)``).
    public var holdoutEvery = 5
    /// At most this many training images per class (the first in image order; 0: all).
    public var trainPerClass = 0
    /// Held-out images per class scored after each epoch (the first in image order).
    public var evalPerClass = 50
    public var encoder = ImageEncoderConfiguration()
    public var seed: UInt64 = 0
    public var epochs = 2
    public var batchSize = 64
    /// Initial rate of the cosine schedule (to 0 over all batches).
    public var learningRate = 0.05
    /// SGD's momentum (Nesterov) and L2 weight decay: NB201's and torchvision's ImageNet recipe values.
    public var momentum = 0.9
    public var weightDecay = 5e-4

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case sources, holdoutEvery = "holdout_every", trainPerClass = "train_per_class", evalPerClass = "eval_per_class"
        case encoder, seed, epochs, batchSize = "batch_size", learningRate = "learning_rate", momentum
        case weightDecay = "weight_decay"
    }

    public var hinted: Self { self }

    /// Rejects specs no run can do, in one line.
    public func validate() throws {
        guard !sources.isEmpty else { throw ExperimentError.badInput("--sources needs at least one image set") }
        guard !sources.contains(.cifar10) else {
            throw ExperimentError.badInput("the encoder never trains on cifar10: it is MetaD2A's meta-test set (use fashion-mnist, digits)")
        }
        guard Set(sources).count == sources.count else { throw ExperimentError.badInput("--sources lists an image set twice") }
        guard holdoutEvery >= 2 else { throw ExperimentError.badInput("--holdout-every must be at least 2, got \(holdoutEvery)") }
        guard trainPerClass >= 0, evalPerClass >= 0 else { throw ExperimentError.badInput("--train-per-class and --eval-per-class must be >= 0") }
        guard epochs >= 1 else { throw ExperimentError.badInput("--epochs must be at least 1, got \(epochs)") }
        guard batchSize >= 2 else { throw ExperimentError.badInput("--batch-size must be at least 2 (batch norm), got \(batchSize)") }
        guard learningRate > 0, learningRate.isFinite, momentum >= 0, momentum < 1, weightDecay >= 0 else {
            throw ExperimentError.badInput("need learning rate > 0, momentum in [0, 1), weight decay >= 0")
        }
        do { try encoder.validate() } catch { throw ExperimentError.badInput("\(error)") }
    }
}
