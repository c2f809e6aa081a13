import NASDatasets
import NASMetaD2A

/// Everything that decides the image encoder's prototype report (`nasbench metad2a
/// encoder-report`): the sets, which images may make prototypes and which are classified, the
/// episode shapes, the encoders compared. Recorded under `spec` in the run's `config.json`.
public struct EncoderReportSpec: ExperimentSpec, Sendable, Equatable {
    public static let experiment = "metad2a-encoder-report"

    public var sources: [MetaImageSource] = [.fashionMNIST, .digits, .cifar10]
    /// The CIFAR-10 archive, for the cifar10 source (as given; recorded as a ``PathHint``).
    public var cifar = ""
    /// The held-out split (as the encoder's training used it): every n-th image of each class.
    public var holdoutEvery = 5
    /// Per class, the first this many training-part images are the pool prototypes are drawn from.
    public var supportPerClass = 100
    /// Per class, the first this many held-out images are the queries.
    public var queryPerClass = 100
    /// Support images per class averaged into a prototype (MetaD2A draws 20 a class: `--num-sample`).
    public var shots = [5, 20]
    /// Classes per episode; 0 means every class of the set.
    public var ways = [5, 0]
    public var episodes = 200
    public var seed: UInt64 = 0
    /// The trained encoder (`encoder.h5`); empty: none, only random weights and pixels.
    public var encoder = ""
    /// The random-weight encoder compared with it: seed, and the layout (the checkpoint's when given).
    public var randomSeed: UInt64 = 0
    public var randomLayout = ImageEncoderConfiguration()
    /// Also score each encoder with its batch-norm statistics re-estimated on the set's support
    /// pool (AdaBN; no labels used, so allowed on a meta-test set).
    public var adaptBatchNorm = true

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case sources, cifar, holdoutEvery = "holdout_every", supportPerClass = "support_per_class"
        case queryPerClass = "query_per_class", shots, ways, episodes, seed, encoder, randomSeed = "random_seed"
        case randomLayout = "random_layout", adaptBatchNorm = "adapt_batch_norm"
    }

    public var hinted: Self {
        var spec = self
        if !cifar.isEmpty { spec.cifar = PathHint.hint(for: cifar) }
        if !encoder.isEmpty { spec.encoder = PathHint.hint(for: encoder) }
        return spec
    }

    /// Rejects specs no run can do, in one line.
    public func validate() throws {
        guard !sources.isEmpty, Set(sources).count == sources.count else {
            throw ExperimentError.badInput("--sources needs at least one image set, none twice")
        }
        if sources.contains(.cifar10), cifar.isEmpty {
            throw ExperimentError.badInput("the cifar10 source needs the CIFAR-10 archive (--cifar)")
        }
        guard holdoutEvery >= 2 else { throw ExperimentError.badInput("--holdout-every must be at least 2, got \(holdoutEvery)") }
        guard supportPerClass >= 1, queryPerClass >= 1, episodes >= 1 else {
            throw ExperimentError.badInput("--support-per-class, --query-per-class and --episodes must be at least 1")
        }
        guard !shots.isEmpty, shots.allSatisfy({ $0 >= 1 && $0 <= supportPerClass }) else {
            throw ExperimentError.badInput("--shots must be in 1...\(supportPerClass) (--support-per-class), got \(shots)")
        }
        guard !ways.isEmpty, ways.allSatisfy({ $0 == 0 || $0 >= 2 }) else {
            throw ExperimentError.badInput("--ways must be at least 2 (0: all classes), got \(ways)")
        }
    }
}
